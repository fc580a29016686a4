package org.sibmodel.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one line of an SSDA903 CSV file into fields (RFC 4180 quoting). Lines are read one at a
 * time so every row keeps its line number; a quoted field cannot span lines.
 */
public final class CsvLine {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

  private CsvLine() {}

  /**
   * The fields of a line.
   *
   * @throws IllegalArgumentException when the line is not well-formed CSV (an unterminated quote)
   */
  public static String[] split(String line) {
    if (!line.isEmpty() && line.indexOf('"') < 0 && line.indexOf('\r') < 0 && line.indexOf('\n') < 0) {
      return splitPlain(line);
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(line), FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new IllegalArgumentException("the line holds " + records.size() + " CSV records, expected 1");
      }
      return records.get(0).values();
    } catch (UncheckedIOException | IOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      throw new IllegalArgumentException("not valid CSV: " + cause.getMessage(), e);
    }
  }

  /**
   * One field of a line, as {@link #split} would give it, or null when the line has fewer fields:
   * a plain line is not split whole for it (the pass that decides how to read year labels needs
   * only DECOM, and YEAR where a file has it).
   *
   * @throws IllegalArgumentException when the line is not well-formed CSV (an unterminated quote)
   */
  public static String field(String line, int index) {
    if (line.isEmpty() || line.indexOf('"') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
      String[] fields = split(line);
      return index < fields.length ? fields[index] : null;
    }
    int start = 0;
    for (int i = 0; i < index; i++) {
      start = line.indexOf(',', start) + 1;
      if (start == 0) {
        return null;
      }
    }
    int end = line.indexOf(',', start);
    return line.substring(start, end < 0 ? line.length() : end).trim();
  }

  /**
   * A line with no quotes and no line breaks: the fields between commas, trimmed, exactly as
   * commons-csv gives them, without building a parser and a reader for every line of every file.
   */
  private static String[] splitPlain(String line) {
    String[] fields = line.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].trim();
    }
    return fields;
  }
}
