package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.GoldenChecksums;
import org.sibmodel.testing.TestSpark;

/**
 * Ingest's outputs on the three external layouts are byte-identical to a list recorded before
 * ingest was made fast (issue 14): its CSVs, and care_episodes and care_periods (Parquet only)
 * rendered as sorted text. Any change to a row, a reject, a count or an order shows here.
 */
class IngestJob_GoldenTest {
  private static final List<String> LAYOUTS = List.of("multi-year", "regional-iso", "single-year");

  @TempDir Path tmp;

  @Test
  void theThreeLayoutsGiveTheRecordedOutputs() throws IOException {
    SparkSession spark = TestSpark.session();
    Path key = Fixtures.keyFile(tmp);
    Path outputs = tmp.resolve("outputs");
    for (String layout : LAYOUTS) {
      Path out = outputs.resolve(layout);
      IngestJob.run(spark, new IngestOptions(
          Fixtures.sample(layout).toString(), out.toString(), null, "Lancashire", key, "auto", null, LocalDate.of(2026, 1, 1)));
      for (String dataset : List.of("care_episodes", "care_periods")) {
        Files.writeString(out.resolve(dataset + ".parquet.csv"), sortedText(spark.read().parquet(out.resolve(dataset).toString())));
      }
    }
    assertEquals(List.of(), GoldenChecksums.differences(outputs, "ingest-csv.sha256",
            "every CSV sib ingest writes on examples/ssda903-samples (Fixtures.TEST_KEY, today 2026-01-01), and"
                + " care_episodes and care_periods as sorted text (*.parquet.csv)"),
        "ingest's outputs are byte-identical to the golden list (regenerate only when they are meant to change)");
  }

  /** The columns' names, then every row as its values joined by commas, rows sorted. */
  private static String sortedText(Dataset<Row> table) {
    String header = String.join(",", table.columns());
    List<String> rows = table.collectAsList().stream()
        .map(r -> Arrays.stream(table.columns()).map(c -> String.valueOf(r.<Object>getAs(c))).collect(Collectors.joining(",")))
        .sorted()
        .toList();
    return header + "\n" + String.join("\n", rows) + "\n";
  }
}
