package org.sibmodel.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.io.CsvExport;
import org.sibmodel.io.OutputDir;

/**
 * Small tables built on the driver (summaries, coefficients, comparisons), written into a staged
 * output as one Parquet file and a CSV copy, so people and scripts can read them without Spark.
 */
public final class DriverTables {
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
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(out.path(dataset));
    CsvExport.write(schema, rows, out, csv);
  }
}
