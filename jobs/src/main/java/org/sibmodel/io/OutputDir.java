package org.sibmodel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job's {@code --out} folder, written completely or not at all. Everything is written into a
 * hidden staging folder beside the target; {@link #commit()} moves it into place and then writes
 * the output's marker, {@value StageManifest#FILE}, listing every file with its size. Closing
 * without a commit deletes the staging folder, so a failed run leaves the previous output (or
 * nothing).
 *
 * <p>The marker, not the rename, is what makes an output complete: on HDFS and local disks a
 * rename is atomic, but on an object store (S3A) it is a copy that others can see half done, so
 * readers ({@link StageInput}) read an output only when its marker is there and the files it lists
 * are present with their sizes. When an output is replaced, the old marker is deleted before
 * anything else is touched, so from that moment the old output is seen as incomplete too.
 *
 * <p>An existing target is replaced only if it is empty or holds a {@code run.json} written by an
 * earlier run, so a mistyped {@code --out} cannot wipe an unrelated folder.
 *
 * <p>A driver killed part way (kill -9, a lost node, a cluster manager's preemption) runs no
 * clean-up, so it leaves its staging folder, or during a commit the renamed old output, beside the
 * target. The next run into the same target removes them and says so on stderr; until then they
 * are hidden folders no stage reads. Two runs into one {@code --out} at the same time are
 * therefore not supported: the later one removes the earlier one's staging folder, and the earlier
 * one then fails at its commit.
 */
public final class OutputDir implements AutoCloseable {
  /** The file every sib output carries; its presence marks a folder sib may replace. */
  public static final String RUN_FILE = "run.json";
  /** The staging folder of a run into {@code out}: {@code .out.staging-UUID}, beside it. */
  private static final String STAGING = ".staging-";
  /** An earlier output of {@code out} while it is being replaced: {@code .out.old-UUID}. */
  private static final String OLD = ".old-";

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private boolean committed;

  private OutputDir(FileSystem fs, Path target, Path staging) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
  }

  /** Opens a staging folder for {@code out}, after checking that {@code out} may be replaced. */
  public static OutputDir stage(String out, Configuration conf) {
    try {
      Path target = new Path(out);
      FileSystem fs = target.getFileSystem(conf);
      fs.setWriteChecksum(false);
      target = fs.makeQualified(target);
      checkReplaceable(fs, target);
      removeLeftovers(fs, target);
      Path staging = new Path(target.getParent(), "." + target.getName() + STAGING + UUID.randomUUID());
      if (!fs.mkdirs(staging)) {
        throw new IOException("cannot create " + staging);
      }
      return new OutputDir(fs, target, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + out + ": " + e.getMessage(), e);
    }
  }

  private static void checkReplaceable(FileSystem fs, Path target) throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    FileStatus status = fs.getFileStatus(target);
    if (!status.isDirectory()) {
      throw new IllegalArgumentException("--out " + target + " is a file, not a folder");
    }
    boolean empty = fs.listStatus(target).length == 0;
    if (!empty && !fs.exists(new Path(target, RUN_FILE))) {
      throw new IllegalArgumentException(
          "--out "
              + target
              + " exists and is not an earlier sib output (it has no "
              + RUN_FILE
              + "); choose a new or empty folder");
    }
  }

  /** The prefixes of the hidden folders a run into {@code target} works in, beside it. */
  private static List<String> leftoverPrefixes(Path target) {
    return List.of("." + target.getName() + STAGING, "." + target.getName() + OLD);
  }

  /**
   * Removes the staging folders and renamed old outputs that runs into {@code target} killed part
   * way left beside it, naming each on stderr.
   *
   * @return the folders removed
   */
  static List<Path> removeLeftovers(FileSystem fs, Path target) throws IOException {
    Path parent = target.getParent();
    if (parent == null || !fs.exists(parent)) {
      return List.of();
    }
    List<String> prefixes = leftoverPrefixes(target);
    List<Path> removed = new ArrayList<>();
    for (FileStatus status : fs.listStatus(parent)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && prefixes.stream().anyMatch(name::startsWith)) {
        fs.delete(status.getPath(), true);
        removed.add(status.getPath());
        System.err.println("sib: removed " + status.getPath() + ", left by an earlier run into " + target
            + " that stopped part way");
      }
    }
    return removed;
  }

  /** Where a dataset or file of this name goes while staged (for Spark writers). */
  public String path(String name) {
    return new Path(staging, name).toString();
  }

  /** The final location of the output. */
  public String target() {
    return target.toString();
  }

  /** The final location of a file inside the output, for messages. */
  public String targetPath(String name) {
    return new Path(target, name).toString();
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /** Opens a new file inside the staged output. */
  public OutputStream create(String name) {
    try {
      return fs.create(new Path(staging, name), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + name + " in " + staging + ": " + e.getMessage(), e);
    }
  }

  /** Writes a UTF-8 text file inside the staged output. */
  public void writeText(String name, String text) {
    try (OutputStream out = create(name)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves the staged output into place, replacing an earlier one, and marks it complete: the old
   * marker is deleted first, the marker of the new output written last, after checking that every
   * staged file arrived with its size.
   */
  public void commit() {
    if (committed) {
      throw new IllegalStateException("output " + target + " already committed");
    }
    try {
      StageManifest manifest = StageManifest.of(fs, staging);
      Path old = null;
      if (fs.exists(target)) {
        fs.delete(new Path(target, StageManifest.FILE), false);
        old = new Path(target.getParent(), "." + target.getName() + OLD + UUID.randomUUID());
        rename(target, old);
      }
      rename(staging, target);
      List<String> problems = manifest.problems(fs, target);
      if (!problems.isEmpty()) {
        throw new IOException("the output did not arrive whole: " + String.join("; ", problems));
      }
      manifest.write(fs, target);
      committed = true;
      if (old != null) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the output into " + target + ": " + e.getMessage(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }

  /** Deletes the staging folder unless the output was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        fs.delete(staging, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove staging folder " + staging, e);
      }
    }
  }
}
