package org.sibmodel.simulate;

import org.apache.spark.util.LongAccumulator;

/** Prints how far a long simulation has got, every few seconds, on the console. */
final class Progress {
  private static final long EVERY_MILLIS = 5_000;
  private final Thread thread;

  private Progress(Thread thread) {
    this.thread = thread;
  }

  static Progress start(LongAccumulator done, long total) {
    long started = System.currentTimeMillis();
    Thread thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(EVERY_MILLIS);
          long n = done.value();
          if (n == 0) {
            continue;
          }
          double seconds = (System.currentTimeMillis() - started) / 1000.0;
          System.out.printf("  simulated %,d of %,d iterations (%,.0f a second)%n", n, total, n / seconds);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sib-simulate-progress");
    thread.setDaemon(true);
    thread.start();
    return new Progress(thread);
  }

  void stop() {
    thread.interrupt();
  }
}
