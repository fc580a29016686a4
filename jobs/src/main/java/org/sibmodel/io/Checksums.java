package org.sibmodel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sibmodel.provenance.Sha256;

/** SHA-256 of input files on any Hadoop file system, recorded in run.json so a run can be traced to its exact inputs. */
public final class Checksums {
  private Checksums() {}

  public static String sha256(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return Sha256.hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
