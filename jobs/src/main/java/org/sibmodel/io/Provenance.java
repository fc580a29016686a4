package org.sibmodel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.SibVersion;
import org.sibmodel.provenance.Sha256;
import org.sibmodel.provenance.RunOptions;

/**
 * A stage's run.json, built the same way by every job: started with the job and its options,
 * each input recorded (path, size, SHA-256) where the job reads it, and written into the output
 * just before it is committed.
 */
public final class Provenance {
  private final Stage stage;
  private final RunOptions options;
  private final Instant started = Instant.now();
  private final List<Supplier<List<RunInfo.InputFile>>> inputs = new ArrayList<>();

  private Provenance(Stage stage, RunOptions options) {
    this.stage = stage;
    this.options = options;
  }

  public static Provenance start(Stage stage, RunOptions options) {
    return new Provenance(stage, options);
  }

  /** A file the driver reads from the local file system (a scenario, terms, cohorts or referral file); none when null. */
  public Provenance file(java.nio.file.Path file) {
    if (file != null) {
      try (InputStream in = Files.newInputStream(file)) {
        RunInfo.InputFile read = new RunInfo.InputFile(file.toString(), Files.size(file), Sha256.hex(in));
        inputs.add(() -> List.of(read));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  /** A file, or a dataset folder, on any Hadoop file system. */
  public Provenance file(Configuration conf, String path) {
    Path p = new Path(path);
    try {
      RunInfo.InputFile read = Checksums.input(p.getFileSystem(conf), p);
      inputs.add(() -> List.of(read));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** An input already described where it was read. */
  public Provenance input(RunInfo.InputFile read) {
    inputs.add(() -> List.of(read));
    return this;
  }

  /** Everything the job reads of an earlier stage's output, as much as it has read when run.json is written. */
  public Provenance stage(StageInput input) {
    inputs.add(input::inputs);
    return this;
  }

  /** A table bundled with sib, as {@code classpath:resource}. */
  public Provenance bundled(String resource) {
    try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled table missing from the classpath: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      RunInfo.InputFile read = new RunInfo.InputFile("classpath:" + resource, bytes.length, Sha256.hex(bytes));
      inputs.add(() -> List.of(read));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + resource + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** The record of a run on Spark, finished now. */
  public RunInfo finish(SparkSession spark) {
    return finish(spark.version(), spark.sparkContext().master());
  }

  /** The record of a run without Spark ({@code sib generate}), finished now. */
  public RunInfo finish() {
    return finish(null, null);
  }

  private RunInfo finish(String sparkVersion, String sparkMaster) {
    List<RunInfo.InputFile> read = new ArrayList<>();
    inputs.forEach(i -> read.addAll(i.get()));
    return new RunInfo("sib", SibVersion.get(), stage.command(), options.describe(), started, Instant.now(), sparkVersion,
        sparkMaster, read);
  }

  /** Writes run.json of a run on Spark into the staged output. */
  public void write(OutputDir out, SparkSession spark) {
    out.writeText(OutputDir.RUN_FILE, Json.write(finish(spark)));
  }

  /** Writes run.json of a run without Spark into the staged output. */
  public void write(OutputDir out) {
    out.writeText(OutputDir.RUN_FILE, Json.write(finish()));
  }
}
