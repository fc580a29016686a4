package org.sibmodel.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

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
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
    while (it.hasNext()) {
      LocatedFileStatus status = it.next();
      files.add(new Entry(status.getPath().toUri().getPath().substring(root.length()), status));
    }
    files.sort(Comparator.comparing(Entry::relative));
    return files;
  }
}
