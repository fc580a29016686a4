package org.sibmodel.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small CSV file read on the driver (a referral list, a population table): its header, trimmed
 * and lower-cased, and its non-blank lines, each with its row number in the file and either its
 * fields or why it is not well-formed CSV, so the caller can list every bad row with the rest.
 */
public record SmallCsv(Path file, List<String> header, List<Line> lines) {

  /** A line: its row number (the header is row 1), its fields, or the reason it could not be split. */
  public record Line(long row, String[] fields, String error) {
    /** The trimmed field in a column, or "" where the column is absent or the line short. */
    public String get(int column) {
      return column >= 0 && column < fields.length ? fields[column].trim() : "";
    }
  }

  /**
   * Reads the file.
   *
   * @param option the command-line option that named it, for messages
   * @param expected what the header should hold, for the message about an empty file
   */
  public static SmallCsv read(Path file, String option, String expected) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + " " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e.getMessage() + ")", e);
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty; expected " + expected);
    }
    List<String> header = List.of(CsvLine.split(text.get(0).replace("\uFEFF", ""))).stream()
        .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      if (text.get(i).isBlank()) {
        continue;
      }
      try {
        lines.add(new Line(i + 1, CsvLine.split(text.get(i)), null));
      } catch (IllegalArgumentException e) {
        lines.add(new Line(i + 1, new String[0], e.getMessage()));
      }
    }
    return new SmallCsv(file, header, lines);
  }
}
