package org.sibmodel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.TestSpark;

/** The local file system sib sets: the same permissions as Hadoop's own (which runs chmod), set in-process. */
class NioLocalFileSystem_PermissionsTest {
  @TempDir Path tmp;

  @Test
  void setsTheModesHadoopsChmodSets() throws IOException {
    RawLocalFileSystem hadoops = new RawLocalFileSystem();
    hadoops.initialize(URI.create("file:///"), new Configuration());
    NioLocalFileSystem.Raw ours = new NioLocalFileSystem.Raw();
    ours.initialize(URI.create("file:///"), new Configuration());
    for (short mode : new short[] {0755, 0644, 0600, 0640, 0777, 0700, 0444, 0111, 0222, 0, 0751}) {
      Path a = Files.createFile(tmp.resolve("hadoop-" + Integer.toOctalString(mode)));
      Path b = Files.createFile(tmp.resolve("sib-" + Integer.toOctalString(mode)));
      hadoops.setPermission(new org.apache.hadoop.fs.Path(a.toUri()), new FsPermission(mode));
      ours.setPermission(new org.apache.hadoop.fs.Path(b.toUri()), new FsPermission(mode));
      assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(b)), "mode " + Integer.toOctalString(mode));
    }
  }

  @Test
  void foldersAndFilesTheWritesMakeGetTheirModes() throws IOException {
    // A new instance: Hadoop's cache holds whichever local file system this JVM's tests asked for first.
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), NioLocalFileSystem.configuration())) {
      assertInstanceOf(NioLocalFileSystem.class, fs);
      org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(tmp.resolve("a/b").toUri());
      fs.mkdirs(folder, new FsPermission((short) 0750));
      fs.create(new org.apache.hadoop.fs.Path(folder, "part-00000"), new FsPermission((short) 0604), false, 4096, (short) 1, 1 << 20, null)
          .close();
    }
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))));
    assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b/part-00000"))));
  }

  @Test
  void sparkSessionsOfSibNameIt() {
    Configuration conf = TestSpark.session().sparkContext().hadoopConfiguration();
    assertEquals(NioLocalFileSystem.class.getName(), conf.get(NioLocalFileSystem.SETTING));
  }
}
