package org.sibmodel.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A large SSDA903 input made from a small one: every CSV of every year folder written {@code k}
 * times, copy {@code c} with each {@code CHILD} id raised by {@code c x 1,000,000} and every other
 * field as it was, so the copies are different children with the same histories. This is how the
 * national-scale figures of the README are measured (issue 14: the external multi-year sample,
 * 3,737 episode rows, replicated K times).
 */
public final class ReplicatedSample {
  /** How far apart the copies' child ids are: above every id of the samples. */
  static final long CHILD_STRIDE = 1_000_000L;

  private ReplicatedSample() {}

  /**
   * Writes {@code copies} copies of {@code source} (a folder of year folders of CSV files) into
   * {@code target}, which must not exist, and returns the number of episode rows written.
   */
  public static long write(Path source, Path target, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1, was " + copies);
    }
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists: the replicated input is written into a new folder");
    }
    long episodes = 0;
    for (Path file : csvFiles(source)) {
      Path out = target.resolve(source.relativize(file));
      long rows = replicate(file, out, copies);
      if (file.getFileName().toString().toLowerCase().startsWith("episodes")) {
        episodes += rows;
      }
    }
    return episodes;
  }

  private static List<Path> csvFiles(Path source) {
    try (Stream<Path> files = Files.walk(source)) {
      List<Path> csv = files.filter(f -> f.toString().toLowerCase().endsWith(".csv")).sorted().toList();
      if (csv.isEmpty()) {
        throw new IllegalArgumentException(source + " holds no CSV files to replicate");
      }
      return csv;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the header once and every data line {@code copies} times; returns the data lines written. */
  private static long replicate(Path file, Path out, int copies) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException(file + " is empty: it has no header");
      }
      String header = lines.get(0);
      int child = List.of(header.split(",", -1)).indexOf("CHILD");
      if (child < 0) {
        throw new IllegalArgumentException(file + " has no CHILD column to make fresh children from (header: " + header + ")");
      }
      Files.createDirectories(out.getParent());
      long written = 0;
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        w.write(header);
        w.newLine();
        for (int c = 0; c < copies; c++) {
          for (int row = 1; row < lines.size(); row++) {
            String line = lines.get(row);
            if (line.isBlank()) {
              continue;
            }
            w.write(c == 0 ? line : withChild(line, child, c * CHILD_STRIDE, file, row + 1));
            w.newLine();
            written++;
          }
        }
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line with its CHILD field raised by {@code offset}; the samples have no quoted fields. */
  private static String withChild(String line, int column, long offset, Path file, int row) {
    String[] fields = line.split(",", -1);
    try {
      fields[column] = Long.toString(Long.parseLong(fields[column].trim()) + offset);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(file + " row " + row + ": CHILD is not a whole number, so no fresh id can be made from it");
    }
    return String.join(",", fields);
  }
}
