package org.sibmodel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sibmodel.provenance.Sha256;

/**
 * SHA-256 of every CSV a run wrote, compared with a golden list kept in {@code src/test/resources/golden}.
 * The lists pin outputs byte for byte across refactors (the developers' guide: "A refactor keeps
 * outputs byte-identical"). When a change is meant to move numbers, regenerate a list with
 * {@code -Dsib.golden.update=true} and say in the commit why the numbers moved.
 */
public final class GoldenChecksums {
  private GoldenChecksums() {}

  /** Every CSV below {@code root}, by path relative to it, with its SHA-256. */
  public static Map<String, String> of(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Map<String, String> sums = new TreeMap<>();
      files.filter(f -> f.toString().endsWith(".csv") && Files.isRegularFile(f))
          .forEach(f -> sums.put(root.relativize(f).toString().replace('\\', '/'), Sha256.hex(read(f))));
      return sums;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The differences between the CSVs below {@code root} and the golden list {@code name}: empty
   * when every file is byte-identical and none is missing or new. With {@code -Dsib.golden.update=true}
   * the list is rewritten instead and nothing is reported.
   */
  public static List<String> differences(Path root, String name) {
    return differences(root, name, "every CSV sib demo writes (fixed pseudonymisation key, seed 20190901, local[2])");
  }

  /** As {@link #differences(Path, String)}, for a list whose first comment line says {@code what} it covers. */
  public static List<String> differences(Path root, String name, String what) {
    Map<String, String> actual = of(root);
    Path golden = goldenFile(name);
    if (Boolean.getBoolean("sib.golden.update")) {
      StringBuilder text = new StringBuilder();
      actual.forEach((file, sum) -> text.append(sum).append("  ").append(file).append('\n'));
      write(golden, what, text.toString());
      return List.of();
    }
    Map<String, String> expected = new TreeMap<>();
    for (String line : readLines(golden)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        expected.put(line.substring(66), line.substring(0, 64));
      }
    }
    List<String> problems = new ArrayList<>();
    expected.forEach((file, sum) -> {
      if (!actual.containsKey(file)) {
        problems.add(file + ": missing");
      } else if (!actual.get(file).equals(sum)) {
        problems.add(file + ": differs from the golden checksum");
      }
    });
    actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> problems.add(f + ": new (not in the golden list)"));
    return problems;
  }

  /** The golden list in the source tree (the tests run with the module as working directory). */
  private static Path goldenFile(String name) {
    return Paths.get("src", "test", "resources", "golden", name);
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path f) {
    try {
      return Files.readAllLines(f);
    } catch (IOException e) {
      throw new UncheckedIOException("no golden list " + f + ": run once with -Dsib.golden.update=true", e);
    }
  }

  private static void write(Path f, String what, String text) {
    try {
      Files.writeString(f, "# SHA-256 of " + what + ".\n"
          + "# Regenerate with -Dsib.golden.update=true only when a change is meant to move numbers.\n" + text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
