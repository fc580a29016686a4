package org.sibmodel.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.ssda903.CollectionYear;

/**
 * One collection year's files as written, read back the plain way (split on commas: the
 * generator never quotes). Rows are maps from column to value, "" for empty.
 */
record ReturnFiles(
    int year,
    List<String> headerColumns,
    List<Map<String, String>> header,
    List<String> episodeColumns,
    List<Map<String, String>> episodes,
    List<String> uascColumns,
    List<Map<String, String>> uasc,
    List<String> rawTexts) {

  static ReturnFiles read(Path out, int year) {
    Path folder = out.resolve(CollectionYear.label(year));
    List<String> raw = new ArrayList<>();
    Table header = table(folder.resolve("header.csv"), raw);
    Table episodes = table(folder.resolve("episodes.csv"), raw);
    Table uasc = table(folder.resolve("uasc.csv"), raw);
    return new ReturnFiles(year, header.columns, header.rows, episodes.columns, episodes.rows, uasc.columns, uasc.rows, raw);
  }

  /** Builds a return from inline CSV text, for tests of the checker itself. */
  static ReturnFiles of(int year, String headerCsv, String episodesCsv, String uascCsv) {
    Table header = parse(headerCsv);
    Table episodes = parse(episodesCsv);
    Table uasc = parse(uascCsv);
    return new ReturnFiles(
        year, header.columns, header.rows, episodes.columns, episodes.rows, uasc.columns, uasc.rows,
        List.of(headerCsv, episodesCsv, uascCsv));
  }

  private record Table(List<String> columns, List<Map<String, String>> rows) {}

  private static Table table(Path file, List<String> raw) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      raw.add(text);
      return parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Table parse(String text) {
    String[] lines = text.split("\n", -1);
    List<String> columns = List.of(lines[0].split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty() && i == lines.length - 1) {
        break;
      }
      String[] values = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c), c < values.length ? values[c] : null);
      }
      if (values.length != columns.size()) {
        row.put("_fields", Integer.toString(values.length));
      }
      rows.add(row);
    }
    return new Table(columns, rows);
  }
}
