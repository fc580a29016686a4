package org.sibmodel.io;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (or Google Chrome) on this machine, to print a report to PDF with the page's
 * own print stylesheet: Cabinet papers and Section 151 reviews are circulated as PDF. The browser
 * is the one named by {@code SIB_CHROMIUM}, else the first of chromium, chromium-browser,
 * google-chrome and google-chrome-stable on the PATH.
 */
public final class Chromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final long TIMEOUT_SECONDS = 120;

  private Chromium() {}

  /** The browser's executable, if there is one. */
  public static Optional<Path> find() {
    String named = System.getenv("SIB_CHROMIUM");
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** The PDF of {@code html} (A4, the page's print stylesheet, no browser header or footer). */
  public static byte[] printToPdf(Path browser, String html) {
    Path work = null;
    try {
      work = Files.createTempDirectory("sib-pdf");
      Path page = Files.writeString(work.resolve("report.html"), html, StandardCharsets.UTF_8);
      Path pdf = work.resolve("report.pdf");
      Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
          "--user-data-dir=" + work.resolve("profile"), "--print-to-pdf=" + pdf, page.toUri().toString())
          .redirectErrorStream(true).redirectOutput(work.resolve("browser.log").toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(browser + " did not print the report to PDF within " + TIMEOUT_SECONDS + " s");
      }
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new IllegalStateException(browser + " wrote no PDF (exit " + p.exitValue() + "): "
            + Files.readString(work.resolve("browser.log")).strip());
      }
      return Files.readAllBytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print the report to PDF with " + browser + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while printing the report to PDF", e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder left behind is harmless.
    }
  }
}
