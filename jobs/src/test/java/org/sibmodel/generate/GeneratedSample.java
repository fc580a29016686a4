package org.sibmodel.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The default run ({@code sib generate} with the default years 2012-2019 and seed), written once
 * per test JVM to a temporary folder and shared by the tests that read it: generating takes a few
 * seconds.
 */
final class GeneratedSample {
  static final int FIRST_YEAR = 2012;
  static final int LAST_YEAR = 2019;

  private static GeneratedSample instance;

  final Path out;
  final GenerateOptions options;
  final GenerateSummary summary;
  final Map<Integer, ReturnFiles> returns;

  private GeneratedSample(Path out, GenerateOptions options, GenerateSummary summary, Map<Integer, ReturnFiles> returns) {
    this.out = out;
    this.options = options;
    this.summary = summary;
    this.returns = returns;
  }

  static synchronized GeneratedSample get() {
    if (instance == null) {
      Path parent = tempFolder();
      Path out = parent.resolve("sample");
      GenerateOptions options = new GenerateOptions(out.toString(), FIRST_YEAR, LAST_YEAR, GenerateOptions.DEFAULT_SEED);
      GenerateSummary summary = GenerateJob.run(options);
      Map<Integer, ReturnFiles> returns = new LinkedHashMap<>();
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        returns.put(year, ReturnFiles.read(out, year));
      }
      instance = new GeneratedSample(out, options, summary, returns);
    }
    return instance;
  }

  /** A temporary folder removed when the test JVM ends. */
  static Path tempFolder() {
    try {
      Path dir = Files.createTempDirectory("sib-generate-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the folder is under the system temporary directory.
    }
  }
}
