package org.sibmodel.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.sibmodel.SibVersion;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.RunInfo;
import org.sibmodel.io.Stage;

/**
 * Hand-made tables committed as a complete output of a stage, the way the stage commits its own
 * (staged, run.json naming the command, summary.json, the completion marker written last), for
 * tests of the stages that read it.
 */
public final class StageFixture {
  private StageFixture() {}

  /**
   * Commits what {@code contents} writes into the staged output (Parquet at {@code out.path(name)},
   * text with {@code out.writeText}) as an output of {@code stage} in {@code dir}.
   *
   * @param summaryJson the output's summary.json
   */
  public static Path commit(Path dir, Stage stage, String summaryJson, Consumer<OutputDir> contents) {
    return commit(dir, stage, summaryJson, new Configuration(), contents);
  }

  /** As {@link #commit(Path, Stage, String, Consumer)}, on the file system {@code conf} names (a test's). */
  public static Path commit(Path dir, Stage stage, String summaryJson, Configuration conf, Consumer<OutputDir> contents) {
    try (OutputDir out = OutputDir.stage(dir.toString(), conf)) {
      contents.accept(out);
      out.writeText("summary.json", summaryJson);
      out.writeText(OutputDir.RUN_FILE, Json.write(new RunInfo("sib", SibVersion.get(), stage.command(),
          Map.of("fixture", "written by a test"), Instant.now(), Instant.now(), null, null, List.of())));
      out.commit();
    }
    return dir;
  }
}
