package org.sibmodel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion marker: written last, listing every file with its size; the old one deleted first when an output is replaced. */
class OutputDir_CompletionMarkerTest {
  @TempDir Path tmp;

  private static StageManifest marker(Path dir) throws IOException {
    return StageManifest.read(FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(dir.toUri()));
  }

  private static void commit(Path target, Configuration conf, String runJson, String... files) {
    try (OutputDir out = OutputDir.stage(target.toString(), conf)) {
      for (String file : files) {
        out.writeText(file, "contents of " + file);
      }
      out.writeText(OutputDir.RUN_FILE, runJson);
      out.commit();
    }
  }

  @Test
  void theMarkerListsEveryFileOfTheOutputWithItsSize() throws IOException {
    Path target = tmp.resolve("out");
    commit(target, new Configuration(), "{}", "summary.json", "care_periods/part-00000.parquet", "care_periods/_SUCCESS");

    assertEquals(List.of(
            new StageManifest.Entry("care_periods/_SUCCESS", Files.size(target.resolve("care_periods/_SUCCESS"))),
            new StageManifest.Entry("care_periods/part-00000.parquet", Files.size(target.resolve("care_periods/part-00000.parquet"))),
            new StageManifest.Entry("run.json", 2),
            new StageManifest.Entry("summary.json", Files.size(target.resolve("summary.json")))),
        marker(target).files());
  }

  @Test
  void aReplacementDeletesTheOldMarkerFirstAndWritesTheNewOneAfterEveryFileIsInPlace() {
    Path target = tmp.resolve("out");
    commit(target, new Configuration(), "{\"n\":1}", "a.csv");
    Configuration conf = RecordingFileSystem.recordingBelow(tmp);
    try (OutputDir out = OutputDir.stage(target.toString(), conf)) {
      out.writeText("b.csv", "b");
      RecordingFileSystem.OPERATIONS.clear();
      out.commit();
    }

    List<String> committing = RecordingFileSystem.OPERATIONS;
    assertEquals(5, committing.size(), committing.toString());
    assertEquals("delete out/" + StageManifest.FILE, committing.get(0), "the old output stops being complete before anything moves");
    assertTrue(committing.get(1).matches("rename out -> \\.out\\.old-.*"), committing.toString());
    assertTrue(committing.get(2).matches("rename \\.out\\.staging-.* -> out"), committing.toString());
    assertEquals("create out/" + StageManifest.FILE, committing.get(3), "the marker comes after every file is in place");
    assertTrue(committing.get(4).matches("delete \\.out\\.old-.*"), committing.toString());
  }

  @Test
  void aCommitThatStopsPartWayLeavesNoMarkerOnTheOldOutput() throws IOException {
    Path target = tmp.resolve("out");
    commit(target, new Configuration(), "{\"n\":1}", "a.csv");
    Configuration conf = RecordingFileSystem.recordingBelow(tmp);
    assertThrows(UncheckedIOException.class, () -> {
      try (OutputDir out = OutputDir.stage(target.toString(), conf)) {
        out.writeText("b.csv", "b");
        RecordingFileSystem.failRenames = true;
        out.commit();
      }
    });

    assertTrue(Files.exists(target.resolve("a.csv")), "the old files are still there");
    assertNull(marker(target), "but no longer marked complete: a reader will not take them for a finished output");
    assertFalse(Files.exists(target.resolve("b.csv")));
  }

  @Test
  void aFirstCommitMarksTheOutputOnlyOnceItIsInPlace() {
    Configuration conf = RecordingFileSystem.recordingBelow(tmp);
    try (OutputDir out = OutputDir.stage(tmp.resolve("out").toString(), conf)) {
      out.writeText("a.csv", "a");
      out.writeText(OutputDir.RUN_FILE, "{}");
      RecordingFileSystem.OPERATIONS.clear();
      out.commit();
    }

    List<String> committing = RecordingFileSystem.OPERATIONS;
    assertEquals(2, committing.size(), committing.toString());
    assertTrue(committing.get(0).matches("rename \\.out\\.staging-.* -> out"), committing.toString());
    assertEquals("create out/" + StageManifest.FILE, committing.get(1));
  }
}
