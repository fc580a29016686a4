package org.sibmodel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code sib} command in a separate JVM of the same build: Spark allows one context per
 * JVM, so a run on another master (say {@code local[1]} against the tests' {@code local[2]}) needs
 * its own process.
 */
public final class SeparateJvm {
  private SeparateJvm() {}

  /**
   * Runs {@code sib} with the arguments, its output into the log file.
   *
   * @return the exit code
   */
  public static int sib(Path log, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : Files.readAllLines(repository().resolve("bin/jvm.options"))) {
      if (!flag.isBlank() && !flag.strip().startsWith("#")) {
        command.add(flag.strip());
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sibmodel.cli.Main"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("sib " + String.join(" ", arguments) + " did not finish in 5 minutes; see " + log);
    }
    return process.exitValue();
  }

  /** The repository's root (where bin/jvm.options is). */
  public static Path repository() {
    Path dir = Fixtures.sample("multi-year");
    while (!Files.exists(dir.resolve("bin/jvm.options"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
