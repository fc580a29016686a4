package org.sibmodel.cli;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.spark.SparkRuntime;
import org.sibmodel.spark.SparkSessions;

/**
 * The command line's Spark sessions: the runtime is made on first use, after the command line
 * is parsed (so {@code --master} and {@code --verbose} are known), and closed by {@link Main}.
 */
final class LazySpark implements SparkSessions, AutoCloseable {
  private final Supplier<SparkRuntime> start;
  private SparkRuntime runtime;

  LazySpark(Supplier<SparkRuntime> start) {
    this.start = start;
  }

  @Override
  public synchronized SparkSession get() {
    if (runtime == null) {
      runtime = start.get();
    }
    return runtime.session();
  }

  @Override
  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
    }
  }
}
