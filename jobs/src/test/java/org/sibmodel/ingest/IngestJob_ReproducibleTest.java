package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/** The same inputs and key give the same outputs, whatever the partitioning. */
class IngestJob_ReproducibleTest {
  @TempDir Path tmp;

  private Path ingest(String name, int shufflePartitions) {
    SparkSession spark = TestSpark.session();
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
    try {
      Path out = tmp.resolve(name);
      IngestJob.run(spark, new IngestOptions(Fixtures.sample("multi-year").toString(), out.toString(), null,
          "Lancashire", Fixtures.keyFile(tmp), "auto", null, LocalDate.of(2026, 1, 1)));
      return out;
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }

  /** The rows as text, sorted: a Parquet folder read back need not keep the rows' order. */
  private static List<String> sortedRows(SparkSession spark, Path dataset) {
    return spark.read().parquet(dataset.toString()).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void oneOrManyShufflePartitionsGiveTheSameTables() throws IOException {
    Path a = ingest("one", 1);
    Path b = ingest("many", 13);
    SparkSession spark = TestSpark.session();
    for (String dataset : List.of("care_episodes", "care_periods", "care_entries", "ingest_rejects")) {
      List<String> rowsA = sortedRows(spark, a.resolve(dataset));
      List<String> rowsB = sortedRows(spark, b.resolve(dataset));
      assertEquals(rowsA.size(), rowsB.size(), dataset);
      for (int i = 0; i < rowsA.size(); i++) {
        assertEquals(rowsA.get(i), rowsB.get(i), dataset + " row " + i);
      }
    }
    for (String csv : List.of("care_entries.csv", "ingest_rejects.csv", "ingest_reconciliation.csv", "unmapped_postcodes.csv")) {
      assertEquals(Files.readString(a.resolve(csv)), Files.readString(b.resolve(csv)), csv);
    }
  }
}
