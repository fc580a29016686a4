package org.sibmodel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.StageFixture;
import org.sibmodel.testing.TestSpark;

/**
 * A reader meeting an output while it is being committed on a store whose rename is a copy (S3A):
 * at every moment of the copy it refuses the output as incomplete, saying so; it reads the output
 * only once the marker is written, and then the whole of it.
 */
class StageInput_ObjectStoreCommitTest {
  @TempDir Path tmp;

  /** What a reader made of the output at one moment: "read N files", or the start of its refusal. */
  private static String attempt(Path dir) {
    SparkSession spark = TestSpark.session();
    try {
      StageInput input = StageInput.open(spark, Stage.INGEST, "--curated", dir.toString());
      return "read " + input.json("summary.json", Summary.class).files();
    } catch (InputFormatException e) {
      return e.getMessage();
    }
  }

  record Summary(int files) {}

  private static void write(OutputDir out, int files) {
    for (int i = 0; i < files; i++) {
      out.writeText("table/part-0000" + i + ".csv", "row " + i + "\n");
    }
  }

  @Test
  void aFirstOutputIsRefusedAtEveryStepOfItsCopyAndReadWholeOnceMarked() {
    Path dir = tmp.resolve("curated");
    List<String> seen = new ArrayList<>();
    StageFixture.commit(dir, Stage.INGEST, "{\"files\" : 3}",
        CopyingFileSystem.configuration(() -> seen.add(attempt(dir))), out -> write(out, 3));

    assertEquals(5, seen.size(), "one look after each file copied: three parts, run.json, summary.json");
    for (String s : seen) {
      assertTrue(s.startsWith("--curated " + dir + " is not a complete output of sib ingest: it has no " + StageManifest.FILE), s);
    }
    assertEquals("read 3", attempt(dir));
  }

  @Test
  void aReplacementIsRefusedFromTheMomentItStartsUntilItsMarkerIsWritten() {
    Path dir = tmp.resolve("curated");
    StageFixture.commit(dir, Stage.INGEST, "{\"files\" : 2}", out -> write(out, 2));
    assertEquals("read 2", attempt(dir));

    List<String> seen = new ArrayList<>();
    StageFixture.commit(dir, Stage.INGEST, "{\"files\" : 4}",
        CopyingFileSystem.configuration(() -> seen.add(attempt(dir))), out -> write(out, 4));

    // The old output is moved aside by a copy too (2 parts, run.json, summary.json), then the new one copied in (6 files).
    assertEquals(10, seen.size(), seen.toString());
    assertFalse(seen.stream().anyMatch(s -> s.startsWith("read")), "neither the old output nor a part of the new one is read: " + seen);
    assertTrue(seen.stream().allMatch(s -> s.contains("is not a complete output of sib ingest") || s.contains("does not exist")), seen.toString());
    assertEquals("read 4", attempt(dir));
  }

  @Test
  void aCopyThatStopsPartWayIsRefusedWithWhatToDo() {
    Path dir = tmp.resolve("curated");
    StageFixture.commit(dir, Stage.INGEST, "{\"files\" : 2}", out -> write(out, 2));
    // A driver killed during the copy: the old output is gone, the new one half there (run.json first, 3 of its 4 parts).
    try {
      StageFixture.commit(dir, Stage.INGEST, "{\"files\" : 4}", CopyingFileSystem.configuration(() -> {
        if (dir.resolve("table/part-00002.csv").toFile().exists()) {
          throw new IllegalStateException("killed");
        }
      }), out -> write(out, 4));
    } catch (RuntimeException expected) {
      // the run stopped part way
    }

    String message = attempt(dir);
    assertTrue(message.contains("is not a complete output of sib ingest") && message.contains("run sib ingest again into " + dir), message);
  }
}
