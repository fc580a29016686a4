package org.sibmodel.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * CSV copies of small tables, so people and scripts can read results without Spark: one file,
 * a header row, ISO dates, empty for missing. Rows stream to the driver one partition at a time,
 * so the driver never holds the whole table.
 */
public final class CsvExport {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private CsvExport() {}

  /** Writes the dataset, in its current order, as {@code name} inside the staged output. */
  public static long write(Dataset<Row> table, OutputDir out, String name) {
    try (OutputStream stream = out.create(name)) {
      return write(List.of(table.columns()), table.toLocalIterator(), stream);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /** Writes rows already on the driver, under the schema's column names. */
  public static long write(org.apache.spark.sql.types.StructType schema, List<Row> rows, OutputDir out, String name) {
    try (OutputStream stream = out.create(name)) {
      return write(List.of(schema.fieldNames()), rows.iterator(), stream);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /** Writes rows under a header; returns the number of data rows. */
  public static long write(List<String> header, Iterator<Row> rows, OutputStream stream)
      throws IOException {
    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord(header);
    long n = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      Object[] values = new Object[row.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.isNullAt(i) ? "" : row.get(i).toString();
      }
      printer.printRecord(values);
      n++;
    }
    printer.flush();
    return n;
  }
}
