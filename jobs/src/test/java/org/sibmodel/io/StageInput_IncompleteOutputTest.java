package org.sibmodel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.provenance.Sha256;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.testing.StageFixture;
import org.sibmodel.testing.TestSpark;

/** A stage reads another's output only when it is complete, of the right command and of the declared schema. */
class StageInput_IncompleteOutputTest {
  @TempDir Path tmp;

  /** An output of sib ingest holding one month of care_entries. */
  private Path curated(String name, Stage stage) {
    SparkSession spark = TestSpark.session();
    Row row = RowBuilder.of(SparkSchemas.of("care_entries")).set("la", "Lancashire").set("district", "Burnley").set("age_band", "5-7")
        .set("month", LocalDate.of(2018, 4, 1)).set("entries", 3L).set("first_entries", 2L).set("reentries", 1L).build();
    return StageFixture.commit(tmp.resolve(name), stage, "{\"synthetic_source\" : true}\n",
        out -> spark.createDataFrame(List.of(row), SparkSchemas.of("care_entries")).write().parquet(out.path("care_entries")));
  }

  private static InputFormatException refused(Path dir, Stage stage) {
    return assertThrows(InputFormatException.class, () -> StageInput.open(TestSpark.session(), stage, "--curated", dir.toString()));
  }

  private static Path dataFile(Path dataset) throws IOException {
    try (Stream<Path> files = Files.list(dataset)) {
      return files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
    }
  }

  @Test
  void aCompleteOutputIsReadAndEveryInputRecordedWithItsChecksum() throws IOException {
    Path dir = curated("curated", Stage.INGEST);
    StageInput input = StageInput.open(TestSpark.session(), Stage.INGEST, "--curated", dir.toString());

    assertEquals(3L, input.dataset("care_entries").head().<Long>getAs("entries"));
    assertTrue(input.json("summary.json", SummaryFlag.class).syntheticSource());
    List<RunInfo.InputFile> read = input.inputs();
    assertEquals(2, read.size());
    byte[] parts = dataBytes(dir.resolve("care_entries"));
    assertEquals(new RunInfo.InputFile(dir.resolve("care_entries").toString(), parts.length, Sha256.hex(parts)), read.get(0),
        "a dataset: its data files' bytes in name order");
    assertEquals(new RunInfo.InputFile(dir.resolve("summary.json").toString(), Files.size(dir.resolve("summary.json")),
        Sha256.hex(Files.readAllBytes(dir.resolve("summary.json")))), read.get(1));
  }

  /** A JSON summary read as a typed record; fields it does not name are ignored. */
  record SummaryFlag(boolean syntheticSource) {}

  /** The part files of a dataset one after another in name order, as cat DIR/part-* would give them. */
  private static byte[] dataBytes(Path dataset) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dataset)) {
      for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        all.write(Files.readAllBytes(part));
      }
    }
    return all.toByteArray();
  }

  @Test
  void anOutputWithoutItsMarkerIsIncomplete() throws IOException {
    Path dir = curated("half", Stage.INGEST);
    Files.delete(dir.resolve(StageManifest.FILE));

    String message = refused(dir, Stage.INGEST).getMessage();
    assertTrue(message.contains("--curated " + dir + " is not a complete output of sib ingest"), message);
    assertTrue(message.contains("it has no " + StageManifest.FILE) && message.contains("still being written")
        && message.contains("run sib ingest again"), message);
  }

  @Test
  void anOutputMissingAFileItsMarkerListsIsIncomplete() throws IOException {
    Path dir = curated("missing", Stage.INGEST);
    Path part = dataFile(dir.resolve("care_entries"));
    Files.delete(part);

    String message = refused(dir, Stage.INGEST).getMessage();
    assertTrue(message.contains(dir + " is incomplete"), message);
    assertTrue(message.contains("care_entries/" + part.getFileName() + " (") && message.contains("is missing"), message);
  }

  @Test
  void aFileOfAnotherSizeThanItsMarkerSaysIsIncomplete() throws IOException {
    Path dir = curated("short", Stage.INGEST);
    long bytes = Files.size(dir.resolve("summary.json"));
    Files.writeString(dir.resolve("summary.json"), "more", StandardOpenOption.APPEND);

    String message = refused(dir, Stage.INGEST).getMessage();
    assertTrue(message.contains("summary.json has " + (bytes + 4) + " bytes, not " + bytes), message);
  }

  @Test
  void theOutputOfAnotherCommandIsNamedAsSuch() {
    Path dir = curated("simulated", Stage.SIMULATE);

    String message = refused(dir, Stage.INGEST).getMessage();
    assertTrue(message.contains("is not the output of sib ingest: its run.json says sib simulate"), message);
  }

  @Test
  void aFolderThatDoesNotExistSaysWhatToGive() {
    String message = refused(tmp.resolve("nowhere"), Stage.INGEST).getMessage();
    assertTrue(message.contains("does not exist: give the output folder of sib ingest (care_episodes/, care_periods/"), message);
  }

  @Test
  void aDatasetLackingADeclaredFieldIsNamed() {
    SparkSession spark = TestSpark.session();
    Path dir = StageFixture.commit(tmp.resolve("old"), Stage.INGEST, "{}", out -> spark.createDataFrame(
            List.of(RowBuilder.of(SparkSchemas.of("care_entries")).set("la", "L").set("district", "D").set("age_band", "5-7")
                .set("month", LocalDate.of(2018, 4, 1)).set("entries", 1L).set("first_entries", 1L).set("reentries", 0L).build()),
            SparkSchemas.of("care_entries"))
        .drop("reentries").write().parquet(out.path("care_entries")));
    StageInput input = StageInput.open(spark, Stage.INGEST, "--curated", dir.toString());

    String message = assertThrows(InputFormatException.class, () -> input.dataset("care_entries")).getMessage();
    assertTrue(message.endsWith("care_entries lacks field reentries: is it the output of this version of sib ingest?"), message);
    String none = assertThrows(InputFormatException.class, () -> input.dataset("care_periods")).getMessage();
    assertTrue(none.contains("has no care_periods/"), none);
  }
}
