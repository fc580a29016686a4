package org.sibmodel.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system, recording every create, rename and delete (paths relative to a folder)
 * so a test can check the order in which an output is committed; a rename can be made to fail, as
 * a copy on an object store can stop part way.
 */
final class RecordingFileSystem extends LocalFileSystem {
  static final List<String> OPERATIONS = new ArrayList<>();
  static String root = "/";
  static boolean failRenames;

  /** A configuration under which the {@code file:} scheme is this file system, recording paths below {@code folder}. */
  static Configuration recordingBelow(java.nio.file.Path folder) {
    OPERATIONS.clear();
    failRenames = false;
    root = folder.toAbsolutePath() + "/";
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", RecordingFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  private static String shown(Path p) {
    String path = p.toUri().getPath();
    return path.startsWith(root) ? path.substring(root.length()) : path;
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
      long blockSize, Progressable progress) throws IOException {
    OPERATIONS.add("create " + shown(f));
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    OPERATIONS.add("rename " + shown(src) + " -> " + shown(dst));
    if (failRenames) {
      throw new IOException("the copy stopped part way (a test's failure)");
    }
    return super.rename(src, dst);
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    OPERATIONS.add("delete " + shown(f));
    return super.delete(f, recursive);
  }
}
