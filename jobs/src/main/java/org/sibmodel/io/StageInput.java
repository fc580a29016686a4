package org.sibmodel.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.spark.SchemaCheck;

/**
 * The output of an earlier stage, opened to be read by the next: the one way every stage reads
 * another's. Opening checks that the folder is a complete output ({@link StageManifest}: its
 * marker is there and every file it lists has arrived) of the expected command (its run.json);
 * each dataset read is checked against its declaration in data-schemas. Every file and dataset
 * read is kept, with its size and SHA-256, for the reader's run.json ({@link #inputs()}).
 */
public final class StageInput {
  private final SparkSession spark;
  private final FileSystem fs;
  private final Stage stage;
  private final String option;
  private final String dir;
  private final Path folder;
  private final List<RunInfo.InputFile> inputs = new ArrayList<>();

  private StageInput(SparkSession spark, FileSystem fs, Stage stage, String option, String dir, Path folder) {
    this.spark = spark;
    this.fs = fs;
    this.stage = stage;
    this.option = option;
    this.dir = dir;
    this.folder = folder;
  }

  /**
   * Opens {@code dir}, given as {@code option} on the command line, as an output of {@code stage}.
   *
   * @throws InputFormatException when it is missing, incomplete, or the output of another command
   */
  public static StageInput open(SparkSession spark, Stage stage, String option, String dir) {
    Path folder = new Path(dir);
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      StageInput input = new StageInput(spark, fs, stage, option, dir, folder);
      input.checkComplete();
      input.checkCommand();
      return input;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + option + " " + dir + ": " + e.getMessage(), e);
    }
  }

  private void checkComplete() throws IOException {
    if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
      throw new InputFormatException(option + " " + dir + (fs.exists(folder) ? " is a file" : " does not exist")
          + ": give the output folder of sib " + stage.command() + " (" + stage.holds() + ")");
    }
    StageManifest manifest = StageManifest.read(fs, folder);
    if (manifest == null) {
      throw new InputFormatException(option + " " + dir + " is not a complete output of sib " + stage.command() + ": it has no "
          + StageManifest.FILE + ", the marker sib writes last, once every file of an output is in place. "
          + (fs.exists(new Path(folder, OutputDir.RUN_FILE))
              ? "It is still being written, or the run that wrote it stopped before the end (or it was written by a version"
                  + " of sib before the marker, or copied without it): wait for that run to finish, or run sib " + stage.command()
                  + " again into " + dir + "."
              : "Is it an output of sib " + stage.command() + "? (expected " + stage.holds() + ")"));
    }
    List<String> problems = manifest.problems(fs, folder);
    if (!problems.isEmpty()) {
      throw new InputFormatException(option + " " + dir + " is incomplete: its " + StageManifest.FILE + " lists files it does not hold as"
          + " listed: " + String.join("; ", problems) + ". It is being replaced, or was copied or damaged in part: run sib "
          + stage.command() + " again into " + dir + ".");
    }
  }

  private void checkCommand() throws IOException {
    Path run = new Path(folder, OutputDir.RUN_FILE);
    String command;
    try (InputStream in = fs.open(run)) {
      command = Json.mapper().readTree(in).path("command").asText("");
    } catch (java.io.FileNotFoundException e) {
      command = "";
    }
    if (!command.equals(stage.command())) {
      throw new InputFormatException(option + " " + dir + " is not the output of sib " + stage.command() + ": "
          + (command.isEmpty() ? "it has no " + OutputDir.RUN_FILE + " naming its command" : "its " + OutputDir.RUN_FILE + " says sib " + command)
          + "; give the output folder of sib " + stage.command() + " (" + stage.holds() + ")");
    }
  }

  /** The dataset of that name, read as Parquet and checked against its declaration of the same name. */
  public Dataset<Row> dataset(String name) {
    return dataset(name, name);
  }

  /** The dataset of that name, checked against the declaration {@code declaredAs} (a scenario_summary is a simulation_summary). */
  public Dataset<Row> dataset(String name, String declaredAs) {
    Path path = new Path(folder, name);
    if (!exists(path)) {
      throw new InputFormatException(option + " " + dir + " has no " + name + "/: is it the output of this version of sib "
          + stage.command() + "?");
    }
    Dataset<Row> table = spark.read().parquet(path.toString());
    List<String> problems = SchemaCheck.structure(table, Schemas.dataset(declaredAs));
    if (!problems.isEmpty()) {
      throw new InputFormatException(path + " " + String.join("; ", problems) + ": is it the output of this version of sib "
          + stage.command() + "?");
    }
    inputs.add(Checksums.input(fs, path));
    return table;
  }

  /** The bytes of a file of the output. */
  public byte[] bytes(String file) {
    Path path = new Path(folder, file);
    if (!exists(path)) {
      throw new InputFormatException(option + " " + dir + " has no " + file + ": is it the output of this version of sib "
          + stage.command() + "?");
    }
    try (InputStream in = fs.open(path)) {
      byte[] bytes = in.readAllBytes();
      inputs.add(Checksums.input(fs, path));
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** A JSON file of the output (its summary.json, say) as the record it was written from; fields the record lacks are ignored. */
  public <T> T json(String file, Class<T> type) {
    byte[] bytes = bytes(file);
    try {
      return Json.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(bytes);
    } catch (IOException e) {
      throw new InputFormatException(new Path(folder, file) + " is not the " + file + " of this version of sib " + stage.command()
          + ": " + e.getMessage());
    }
  }

  /** The folder as given. */
  public String dir() {
    return dir;
  }

  /** Every dataset and file read so far, in the order read, as run.json lists inputs. */
  public List<RunInfo.InputFile> inputs() {
    return List.copyOf(inputs);
  }

  private boolean exists(Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
