package org.sibmodel.io;

import java.util.function.LongSupplier;
import org.sibmodel.format.Formats;

/**
 * A line every few seconds on the console saying how far a long stage has got: how many of how
 * many, how fast and about how long is left ("  simulated 1,200 of 9,000 iterations (400 a
 * second, about 20 s left)"). Silent for a stage that finishes within the first interval. Spark's
 * own progress bar (spark.ui.showConsoleProgress, on at an interactive console) shows the tasks of
 * every Spark stage besides.
 */
public final class Progress implements AutoCloseable {
  private static final long EVERY_MILLIS = 5_000;
  private final Thread thread;

  private Progress(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts reporting {@code done} against {@code total} (0 or less: no total known) as "{@code
   * verb} N of TOTAL {@code unit}".
   */
  public static Progress start(String verb, String unit, LongSupplier done, long total) {
    long started = System.currentTimeMillis();
    Thread thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(EVERY_MILLIS);
          long n = done.getAsLong();
          if (n == 0) {
            continue;
          }
          double seconds = (System.currentTimeMillis() - started) / 1000.0;
          double rate = n / seconds;
          String left = total > n && rate > 0 ? ", about " + Formats.count(Math.round((total - n) / rate)) + " s left" : "";
          System.out.println("  " + verb + " " + Formats.count(n) + (total > 0 ? " of " + Formats.count(total) : "") + " " + unit + " ("
              + Formats.number(rate, 3) + " a second" + left + ")");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sib-progress");
    thread.setDaemon(true);
    thread.start();
    return new Progress(thread);
  }

  /** Stops reporting. */
  public void stop() {
    thread.interrupt();
  }

  @Override
  public void close() {
    stop();
  }
}
