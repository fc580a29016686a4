package org.sibmodel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sibmodel.provenance.Sha256;

/**
 * SHA-256 of input files on any Hadoop file system, recorded in run.json so a run can be traced to
 * its exact inputs. A folder (a Parquet dataset) is recorded as one input: the total size of its
 * data files and the SHA-256 of their bytes one after another in name order, the same number as
 * {@code cat DIR/part-* | sha256sum}. Files and folders whose names start with {@code _} or
 * {@code .} (Spark's {@code _SUCCESS}, checksum files) are not data, as Spark's own readers say.
 */
public final class Checksums {
  private Checksums() {}

  public static String sha256(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A file or a dataset folder as run.json lists an input: its path as given, size and SHA-256. */
  public static RunInfo.InputFile input(FileSystem fs, Path path) {
    try {
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        return new RunInfo.InputFile(path.toString(), status.getLen(), sha256(fs, path));
      }
      List<FileStatus> parts = FolderFiles.under(fs, path).stream().filter(f -> !f.hidden()).map(FolderFiles.Entry::status).toList();
      long bytes = parts.stream().mapToLong(FileStatus::getLen).sum();
      Iterator<FileStatus> next = parts.iterator();
      Enumeration<InputStream> streams = new Enumeration<>() {
        @Override
        public boolean hasMoreElements() {
          return next.hasNext();
        }

        @Override
        public InputStream nextElement() {
          Path part = next.next().getPath();
          try {
            return fs.open(part);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + part + ": " + e.getMessage(), e);
          }
        }
      };
      try (InputStream all = new SequenceInputStream(streams)) {
        return new RunInfo.InputFile(path.toString(), bytes, Sha256.hex(all));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
