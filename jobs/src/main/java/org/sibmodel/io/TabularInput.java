package org.sibmodel.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.FieldSpec;

/**
 * A table given by a user as CSV (a file with a header row) or Parquet (a file or folder), read
 * as text values by declared column, each row with the line it came from (CSV: its line, the
 * header being 1; Parquet: row number + 1, so the first row is "line 2" as in a CSV export).
 *
 * @param path location
 * @param shownAs name in messages (the file name)
 * @param columns index of each declared column present in {@link Row#values()}
 * @param width values per row
 * @param parquet whether the input is Parquet
 */
public record TabularInput(String path, String shownAs, Map<String, Integer> columns, int width, boolean parquet)
    implements Serializable {

  /** A row: its values, or why it could not be split into them. */
  public record Row(long line, String[] values, String malformed) implements Serializable {
    /** The trimmed value of a column; null when absent or empty. */
    public String value(TabularInput input, String column) {
      Integer i = input.columns().get(column);
      if (i == null || i >= values.length || values[i] == null) {
        return null;
      }
      String v = values[i].trim();
      return v.isEmpty() ? null : v;
    }
  }

  /** Opens the input and checks its columns against the dataset's declaration. */
  public static TabularInput open(SparkSession spark, String path, DatasetSchema schema) {
    Path p = new Path(path);
    String shownAs = p.getName();
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new InputFormatException(path + ": no such file");
      }
      boolean parquet = fs.getFileStatus(p).isDirectory() || p.getName().toLowerCase(Locale.ROOT).endsWith(".parquet");
      if (!parquet) {
        CsvHeader header = CsvHeader.read(fs, p, shownAs, schema);
        return new TabularInput(path, shownAs, header.columns(), header.width(), false);
      }
      Dataset<org.apache.spark.sql.Row> table = spark.read().parquet(path);
      Map<String, Integer> columns = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (FieldSpec field : schema.fields()) {
        boolean present = List.of(table.columns()).stream().anyMatch(c -> c.equalsIgnoreCase(field.name()));
        if (present) {
          columns.put(field.name(), columns.size());
        } else if (!field.optionalColumn()) {
          missing.add(field.name());
        }
      }
      if (!missing.isEmpty()) {
        throw new InputFormatException(shownAs + ": the Parquet table lacks " + String.join(", ", missing)
            + "; expected columns " + String.join(",", schema.requiredColumns()) + ", found " + String.join(",", table.columns()));
      }
      return new TabularInput(path, shownAs, Map.copyOf(columns), columns.size(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  /** Every row, as text values; a CSV line that cannot be split comes with its reason. */
  public JavaRDD<Row> rows(SparkSession spark) {
    if (!parquet) {
      int expectedWidth = width;
      return TextLines.read(JavaSparkContext.fromSparkContext(spark.sparkContext()), path, 0).map(raw -> {
        try {
          String[] values = CsvLine.split(raw.text());
          return values.length == expectedWidth
              ? new Row(raw.line(), values, null)
              : new Row(raw.line(), values, "the row has " + values.length + " fields; the header row has " + expectedWidth);
        } catch (IllegalArgumentException e) {
          return new Row(raw.line(), new String[0], "the line is " + e.getMessage());
        }
      });
    }
    Dataset<org.apache.spark.sql.Row> table = spark.read().parquet(path);
    Column[] selected = new Column[columns.size()];
    columns.forEach((name, index) -> selected[index] =
        col(List.of(table.columns()).stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElseThrow()).cast("string"));
    int n = selected.length;
    return table.select(selected).javaRDD().zipWithIndex().map(t -> {
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = t._1().isNullAt(i) ? null : t._1().getString(i);
      }
      return new Row(t._2() + 2, values, null);
    });
  }
}
