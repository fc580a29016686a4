package org.sibmodel.spark;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), with permissions set through java.nio instead of a
 * new {@code chmod} process each time. Without Hadoop's native library, which sib does not ship,
 * {@link RawLocalFileSystem} runs {@code chmod} for every file and folder a write creates: every
 * Parquet part file, every task's temporary folder. A {@code sib demo} started 500 of them,
 * each about 2 ms of fork and exec on the thread that writes. The permissions set are the same;
 * a sticky bit, which java.nio cannot set, and a JVM that has the native library go Hadoop's way.
 * {@link SparkRuntime} sets it as {@code fs.file.impl} for local Spark (a cluster's executors keep
 * Hadoop's own); jobs that run without Spark take their configuration from {@link #configuration}.
 * Hadoop keeps one file system per scheme and user for the whole JVM, made by whichever
 * configuration asks first, so every configuration sib makes in local mode names this one.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  /** The Hadoop setting that names the class of the {@code file:} scheme's file system. */
  public static final String SETTING = "fs.file.impl";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** Hadoop's default configuration, with this as the local file system: for jobs that run without Spark. */
  public static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(SETTING, NioLocalFileSystem.class.getName());
    return conf;
  }

  /** The raw (unchecksummed) local file system underneath, with java.nio's permissions. */
  static final class Raw extends RawLocalFileSystem {
    /** POSIX permission bits from the lowest (others may execute) to the owner's read. */
    private static final PosixFilePermission[] BITS = {
      OTHERS_EXECUTE, OTHERS_WRITE, OTHERS_READ, GROUP_EXECUTE, GROUP_WRITE, GROUP_READ, OWNER_EXECUTE, OWNER_WRITE, OWNER_READ
    };
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (!POSIX || permission.getStickyBit() || NativeIO.isAvailable()) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(), permissions(permission.toShort()));
    }

    static Set<PosixFilePermission> permissions(short mode) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      for (int bit = 0; bit < BITS.length; bit++) {
        if ((mode & (1 << bit)) != 0) {
          set.add(BITS[bit]);
        }
      }
      return set;
    }
  }
}
