package org.sibmodel.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The files below a folder on any Hadoop file system, each with its path relative to the folder, in name order. */
final class FolderFiles {
  /** A file below the folder. */
  record Entry(String relative, FileStatus status) {
    /** Whether a name on its path starts with {@code _} or {@code .}: markers and checksums, which Spark does not read as data. */
    boolean hidden() {
      for (String name : relative.split("/")) {
        if (name.startsWith("_") || name.startsWith(".")) {
          return true;
        }
      }
      return false;
    }
  }

  private FolderFiles() {}

  static List<Entry> under(FileSystem fs, Path folder) throws IOException {
    String root = fs.makeQualified(folder).toUri().getPath() + "/";
    List<Entry> files = new ArrayList<>();
    addFiles(fs, folder, root, files);
    files.sort(Comparator.comparing(Entry::relative));
    return files;
  }

  /**
   * By listStatus, not listFiles: listFiles gives each file as a LocatedFileStatus, which copies
   * its permission, owner and group, and on the local file system without Hadoop's native library
   * Hadoop reads those by running {@code ls -ld} for each file (855 processes in a sib demo).
   */
  private static void addFiles(FileSystem fs, Path dir, String root, List<Entry> files) throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      if (status.isDirectory()) {
        addFiles(fs, status.getPath(), root, files);
      } else {
        files.add(new Entry(status.getPath().toUri().getPath().substring(root.length()), status));
      }
    }
  }
}
