package org.sibmodel.ingest;

import java.io.Serializable;
import java.util.Map;
import org.sibmodel.io.CsvLine;

/**
 * One SSDA903 file found under {@code --input}.
 *
 * @param id position in the run's file list (rows carry it instead of the path)
 * @param path location for Spark (a Hadoop path string)
 * @param relativePath path relative to the input folder, as reports show it
 * @param kind which SSDA903 file it is
 * @param folderLabel the yearly folder's name (the return's label), or null for a single folder
 * @param columns index of each declared column in the file's header row (upper-case names)
 * @param headerWidth number of columns in the header row, declared or not
 */
public record InputFile(
    int id,
    String path,
    String relativePath,
    Ssda903File kind,
    String folderLabel,
    Map<String, Integer> columns,
    int headerWidth)
    implements Serializable {

  public InputFile {
    columns = Map.copyOf(columns);
  }

  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /** The value of a column in a row of this file: trimmed, null when absent or empty. */
  public String value(String[] row, String column) {
    Integer index = columns.get(column);
    return index == null ? null : value(row, index);
  }

  /** The value at a column index of a row: trimmed, null when absent or empty. */
  public static String value(String[] row, int index) {
    return index >= row.length ? null : emptyAsNull(row[index].trim());
  }

  /**
   * The value of a column in a line of this file not yet split, as {@link #value(String[], String)}
   * gives it from the split line, without splitting the whole line ({@link CsvLine#field}).
   */
  public String valueInLine(String line, String column) {
    Integer index = columns.get(column);
    return index == null ? null : emptyAsNull(CsvLine.field(line, index));
  }

  private static String emptyAsNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
