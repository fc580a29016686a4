package org.sibmodel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@code sib} command in a fresh JVM of the same Java, class path and JVM options as this
 * one (without class data sharing), so that each measurement starts cold and its peak resident
 * memory is its own. The peak is
 * the child's {@code VmHWM} (Linux's high-water mark of resident memory), read from
 * {@code /proc/PID/status} every 50 ms until it exits; elsewhere it is not measured.
 */
final class ChildJvm {
  /** Wall seconds, and peak resident memory in MB (NaN where /proc is not there). */
  record Measure(double seconds, double peakMegabytes) {}

  private ChildJvm() {}

  /** Runs {@code sib args...}, its output appended to {@code log}; fails naming the log if it fails. */
  static Measure run(Path log, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Not bin/sib's class archive of this command (the bench's own): a child dumping to the same
    // file at its exit would be timed doing it, and mapping it would favour the classes bench loaded.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-XX:ArchiveClassesAtExit="))
        .forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.sibmodel.cli.Main");
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peakKb = -1;
    while (p.isAlive()) {
      peakKb = Math.max(peakKb, highWaterMarkKb(status));
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("sib " + String.join(" ", args) + " failed (exit " + p.exitValue() + "); see " + log);
    }
    return new Measure(seconds, peakKb < 0 ? Double.NaN : peakKb / 1024.0);
  }

  /** VmHWM in kB, or -1 where it cannot be read (not Linux, or the process has just gone). */
  private static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between isAlive() and the read, or there is no /proc: nothing to add.
    }
    return -1;
  }
}
