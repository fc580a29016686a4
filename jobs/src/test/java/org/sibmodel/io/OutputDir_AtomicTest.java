package org.sibmodel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDir_AtomicTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nothingAppearsUntilCommit() throws IOException {
    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "{}");
      out.writeText("summary.json", "{\"n\":1}");
      assertFalse(Files.exists(target));
      out.commit();
    }
    assertEquals(List.of(StageManifest.FILE, "run.json", "summary.json"), names(target));
    assertEquals(List.of("out"), names(tmp), "no staging folder or checksum files left behind");
  }

  @Test
  void aFailedRunLeavesTheEarlierOutputAndNoStaging() throws IOException {
    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "first");
      out.commit();
    }
    assertThrows(IllegalStateException.class, () -> {
      try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
        out.writeText(OutputDir.RUN_FILE, "second");
        throw new IllegalStateException("the job failed half way");
      }
    });
    assertEquals("first", Files.readString(target.resolve(OutputDir.RUN_FILE)));
    assertEquals(List.of("out"), names(tmp));
  }

  @Test
  void aCommitReplacesAnEarlierOutputWhole() throws IOException {
    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "first");
      out.writeText("old-only.csv", "x");
      out.commit();
    }
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "second");
      out.commit();
    }
    assertEquals(List.of(StageManifest.FILE, "run.json"), names(target));
    assertEquals(List.of("out"), names(tmp));
  }

  @Test
  void aFolderThatIsNotASibOutputIsRefused() throws IOException {
    Path precious = Files.createDirectories(tmp.resolve("thesis"));
    Files.writeString(precious.resolve("chapter1.tex"), "...");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OutputDir.stage(precious.toString(), new Configuration()));
    assertTrue(e.getMessage().contains("not an earlier sib output"), e.getMessage());
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    assertThrows(IllegalArgumentException.class, () -> OutputDir.stage(file.toString(), new Configuration()));
  }

  @Test
  void theStagingFolderOfAKilledRunIsRemovedByTheNextRunIntoTheSameFolder() throws IOException {
    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "first");
      out.commit();
    }
    // What a driver killed with kill -9 leaves: its staging folder (no clean-up ran), and another's output beside.
    Path staging = Files.createDirectories(tmp.resolve(".out.staging-5f0c2d1e"));
    Files.writeString(staging.resolve("part-00000.parquet"), "half");
    Files.createDirectories(tmp.resolve(".outside.staging-1"));

    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      assertEquals(List.of(".out.staging-", ".outside.staging-1", "out"),
          names(tmp).stream().map(n -> n.startsWith(".out.staging-") ? ".out.staging-" : n).toList(),
          "the leftover is gone, this run's own staging folder is there, another output's is untouched");
      assertEquals("first", Files.readString(target.resolve(OutputDir.RUN_FILE)), "the earlier output is untouched");
      out.writeText(OutputDir.RUN_FILE, "second");
      out.commit();
    }
    assertEquals(List.of(".outside.staging-1", "out"), names(tmp));
    assertEquals("second", Files.readString(target.resolve(OutputDir.RUN_FILE)));
  }

  @Test
  void theOldOutputOfARunKilledDuringItsCommitIsRemovedByTheNextRun() throws IOException {
    // Killed between moving the old output aside and moving the new one in: no out/, only the hidden folders.
    Path old = Files.createDirectories(tmp.resolve(".out.old-0a1b"));
    Files.writeString(old.resolve(OutputDir.RUN_FILE), "first");
    Files.createDirectories(tmp.resolve(".out.staging-2c3d"));

    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), new Configuration())) {
      out.writeText(OutputDir.RUN_FILE, "second");
      out.commit();
    }
    assertEquals(List.of("out"), names(tmp));
    assertEquals(List.of(StageManifest.FILE, "run.json"), names(target));
  }
}
