package org.sibmodel.testing;

import org.apache.spark.sql.SparkSession;
import org.sibmodel.spark.SparkRuntime;

/**
 * One SparkSession for the whole test JVM (a session takes seconds to start; STACK.md). Surefire
 * runs every test class in one fork, so they all share it; it stops when the JVM exits.
 */
public final class TestSpark {
  private static SparkRuntime runtime;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (runtime == null) {
      runtime = new SparkRuntime("local[2]", false);
      SparkRuntime shared = runtime;
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return runtime.session();
  }

  /** The runtime, for code that takes one (the CLI). */
  public static synchronized SparkRuntime runtime() {
    session();
    return runtime;
  }
}
