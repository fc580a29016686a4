package org.sibmodel.cluster;

import java.time.Duration;
import java.util.Optional;

/** Waiting for the moment to inject a fault. */
final class Faults {
  private Faults() {}

  /** Something that may not be there yet. */
  @FunctionalInterface
  interface Probe<T> {
    Optional<T> look() throws Exception;
  }

  /**
   * Polls {@code probe} every 50 ms until it finds what it looks for; fails if the submission
   * ends first or {@code timeout} passes.
   */
  static <T> T await(String what, Duration timeout, Submission run, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> found = probe.look();
      if (found.isPresent()) {
        return found.get();
      }
      if (!run.driver().isAlive()) {
        throw new AssertionError("the run ended before " + what + " was seen: " + run.await().logFile());
      }
      Thread.sleep(50);
    }
    run.kill();
    throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
  }
}
