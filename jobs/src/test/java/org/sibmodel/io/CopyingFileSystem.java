package org.sibmodel.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system with an object store's rename: a folder is "renamed" by copying its files
 * one at a time and deleting the source afterwards, as S3A does, so others can see the copy half
 * done. After each file a test's hook runs, to look at the destination at that moment.
 */
final class CopyingFileSystem extends LocalFileSystem {
  /** Runs after each file a rename copies; a test's. */
  static Runnable afterEachFile = () -> {};

  /** A configuration under which the {@code file:} scheme is this file system. */
  static Configuration configuration(Runnable afterEachFile) {
    CopyingFileSystem.afterEachFile = afterEachFile;
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", CopyingFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (!getFileStatus(src).isDirectory()) {
      return super.rename(src, dst);
    }
    if (exists(dst)) {
      return false;
    }
    for (Path file : files(src)) {
      String relative = file.toUri().getPath().substring(src.toUri().getPath().length() + 1);
      Path to = new Path(dst, relative);
      mkdirs(to.getParent());
      FileUtil.copy(this, file, this, to, false, getConf());
      afterEachFile.run();
    }
    mkdirs(dst);
    return delete(src, true);
  }

  /** Every file under {@code dir}, in name order, as S3A lists them. */
  private List<Path> files(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    for (FileStatus status : listStatus(dir)) {
      if (status.isDirectory()) {
        found.addAll(files(status.getPath()));
      } else {
        found.add(status.getPath());
      }
    }
    found.sort(null);
    return found;
  }
}
