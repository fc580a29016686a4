package org.sibmodel.spark;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.io.CsvExport;
import org.sibmodel.io.OutputDir;

/**
 * Tables built on the driver (summaries, coefficients, comparisons, entries to care), written into
 * a staged output as Parquet and a CSV copy, so people and scripts can read them without Spark. A
 * table of up to {@link #ROWS_PER_FILE} rows is one Parquet file; a larger one (care_entries of 150
 * authorities: 1.1 million rows) is a file per that many rows, each written by a task of its own:
 * Spark ships a driver's rows inside the task that writes them, and one task of 111 MB was both
 * slow to ship and a WARN in a run that should print none.
 */
public final class DriverTables {
  /** Rows of one Parquet file: a row of these tables is about 100 bytes, Spark warns of tasks over 1,000 KiB. */
  static final int ROWS_PER_FILE = 5_000;

  private DriverTables() {}

  /** The dataset under its declared schema (data-schemas), with the CSV copy {@code dataset.csv}. */
  public static void write(SparkSession spark, OutputDir out, String dataset, List<Row> rows) {
    write(spark, out, dataset, SparkSchemas.of(dataset), rows);
  }

  /** The dataset under the given schema, with the CSV copy {@code dataset.csv}. */
  public static void write(SparkSession spark, OutputDir out, String dataset, StructType schema, List<Row> rows) {
    write(spark, out, dataset, schema, rows, dataset + ".csv");
  }

  /** The dataset under the given schema, with its CSV copy under another name. */
  public static void write(SparkSession spark, OutputDir out, String dataset, StructType schema, List<Row> rows, String csv) {
    table(spark, schema, rows).write().parquet(out.path(dataset));
    CsvExport.write(schema, rows, out, csv);
  }

  /** The rows as a Dataset of one partition per {@link #ROWS_PER_FILE} rows (at least one), in their order. */
  static Dataset<Row> table(SparkSession spark, StructType schema, List<Row> rows) {
    if (rows.size() <= ROWS_PER_FILE) {
      return spark.createDataFrame(rows, schema).coalesce(1);
    }
    // Plain rows, without a copy of the schema in each (the serialiser of the tasks' data would write it with every row).
    List<Row> values = rows.stream().map(r -> RowFactory.create(IntStream.range(0, r.size()).mapToObj(r::get).toArray())).toList();
    int pieces = (rows.size() + ROWS_PER_FILE - 1) / ROWS_PER_FILE;
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(values, pieces), schema);
  }
}
