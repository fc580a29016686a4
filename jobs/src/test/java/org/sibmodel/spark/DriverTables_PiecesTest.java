package org.sibmodel.spark;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.OutputDir;
import org.sibmodel.testing.TestSpark;

class DriverTables_PiecesTest {
  private static final StructType SCHEMA = new StructType()
      .add("cell", StringType, false).add("month", DateType, false).add("entries", IntegerType, false);

  @TempDir Path tmp;

  private static List<Row> rows(int n) {
    return IntStream.range(0, n).mapToObj(i -> RowFactory.create(String.format("c%06d", i), LocalDate.of(2019, 4, 1).plusMonths(i % 60), i % 7)).toList();
  }

  private static long parquetFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
  }

  @Test
  void aLargeTableIsAFilePerPieceWithEveryRowAndItsCsvInOrder() throws IOException {
    SparkSession spark = TestSpark.session();
    int n = 2 * DriverTables.ROWS_PER_FILE + 1;
    List<Row> rows = rows(n);
    Path target = tmp.resolve("out");
    try (OutputDir out = OutputDir.stage(target.toString(), spark.sparkContext().hadoopConfiguration())) {
      DriverTables.write(spark, out, "big", SCHEMA, rows);
      DriverTables.write(spark, out, "small", SCHEMA, rows(3));
      out.commit();
    }

    assertEquals(3, parquetFiles(target.resolve("big")), "a file per 5,000 rows");
    assertEquals(1, parquetFiles(target.resolve("small")));
    List<Row> back = spark.read().parquet(target.resolve("big").toString()).orderBy("cell").collectAsList();
    assertEquals(rows, back.stream().map(r -> RowFactory.create(r.getString(0), r.<LocalDate>getAs(1), r.getInt(2))).toList());
    List<String> csv = Files.readAllLines(target.resolve("big.csv"));
    assertEquals(n + 1, csv.size());
    assertEquals("cell,month,entries", csv.get(0));
    assertEquals("c010000,2022-08-01,4", csv.get(n));
  }
}
