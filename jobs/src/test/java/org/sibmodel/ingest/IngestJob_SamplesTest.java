package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * The three layouts of SSDA903 files other projects write (examples/ssda903-samples, from Social
 * Finance and data-to-insight, MIT) load, and every row of every file is accounted for.
 */
class IngestJob_SamplesTest {
  private static final List<String> DATASETS = List.of(
      "care_episodes", "care_periods", "care_entries", "ingest_rejects", "ingest_reconciliation", "unmapped_postcodes");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"multi-year", "regional-iso", "single-year"})
  void everyRowIsAccountedForAndEveryOutputKeepsItsSchema(String layout) throws IOException {
    SparkSession spark = TestSpark.session();
    Path input = Fixtures.sample(layout);
    Path out = tmp.resolve("out");
    IngestSummary summary = IngestJob.run(spark, new IngestOptions(
        input.toString(), out.toString(), null, "Lancashire", Fixtures.keyFile(tmp), "auto", null, LocalDate.of(2026, 1, 1)));

    Dataset<Row> recon = spark.read().parquet(out.resolve("ingest_reconciliation").toString());
    Map<String, Long> readByFile = recon.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source_file"), r -> r.<Long>getAs("rows_read")));
    for (Row r : recon.collectAsList()) {
      assertTrue(r.<Boolean>getAs("balanced"), r.toString());
      long read = r.getAs("rows_read");
      assertEquals(read, r.<Long>getAs("accepted") + r.<Long>getAs("rejected") + r.<Long>getAs("superseded"), r.toString());
      String file = r.getAs("source_file");
      assertEquals(dataLines(input.resolve(file)), read, file);
    }
    assertEquals(summary.files().size(), readByFile.size());

    long acceptedEpisodes = recon.filter(col("dataset").equalTo("episodes")).collectAsList().stream()
        .mapToLong(r -> r.getAs("accepted")).sum();
    assertEquals(acceptedEpisodes, spark.read().parquet(out.resolve("care_episodes").toString()).count());
    long rejectedRows = recon.collectAsList().stream().mapToLong(r -> r.getAs("rejected")).sum();
    assertEquals(rejectedRows, spark.read().parquet(out.resolve("ingest_rejects").toString())
        .select("source_file", "line").distinct().count());

    for (String dataset : DATASETS) {
      Dataset<Row> written = spark.read().parquet(out.resolve(dataset).toString());
      assertEquals(List.of(), SchemaCheck.problems(written, dataset), dataset);
    }
    for (String file : List.of("summary.json", "run.json", "care_entries.csv", "ingest_rejects.csv",
        "ingest_reconciliation.csv", "unmapped_postcodes.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    assertNoPersonalData(input, out);
  }

  /** No home postcode and no case-system child id appears in any output. */
  private static void assertNoPersonalData(Path input, Path out) throws IOException {
    Set<String> postcodes = new HashSet<>();
    Set<String> children = new HashSet<>();
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : files.filter(p -> p.toString().endsWith("episodes.csv")).toList()) {
        List<String> lines = Files.readAllLines(f);
        List<String> header = List.of(lines.get(0).split(","));
        int post = header.indexOf("HOME_POST");
        int child = header.indexOf("CHILD");
        for (String line : lines.subList(1, lines.size())) {
          String[] v = line.split(",", -1);
          if (v.length > post && v[post].length() > 4) {
            postcodes.add(v[post]);
          }
          children.add(v[child]);
        }
      }
    }
    SparkSession spark = TestSpark.session();
    Dataset<Row> periods = spark.read().parquet(out.resolve("care_periods").toString());
    assertFalse(periods.select("child_key").distinct().collectAsList().stream()
        .anyMatch(r -> children.contains(r.getString(0))));
    for (String dataset : DATASETS) {
      Dataset<Row> written = spark.read().parquet(out.resolve(dataset).toString());
      for (String column : written.columns()) {
        assertFalse(column.toLowerCase().contains("dob") || column.toLowerCase().contains("post"), dataset + "." + column);
      }
    }
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        for (String postcode : postcodes) {
          assertFalse(text.contains(postcode), f.getFileName() + " contains a home postcode");
        }
      }
    }
  }

  private static long dataLines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.skip(1).filter(l -> !l.isBlank()).count();
    }
  }
}
