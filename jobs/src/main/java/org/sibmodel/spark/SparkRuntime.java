package org.sibmodel.spark;

import java.util.Objects;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a process, created on first use and shared by every stage a command
 * runs (a session costs 6 to 9 s to start; STACK.md). Commands that need no Spark, such as
 * {@code sib generate}, never start one.
 */
public final class SparkRuntime implements AutoCloseable {
  private final String master;
  private final boolean verbose;
  private SparkSession session;
  /** False when the session was already running in this JVM (a test's), so not ours to stop. */
  private boolean owned;

  public SparkRuntime(String master, boolean verbose) {
    this.master = Objects.requireNonNull(master, "master");
    this.verbose = verbose;
    configureLogging(verbose);
  }

  /** Quiet by default (warnings only); {@code --verbose} shows Spark's INFO lines too. */
  public static void configureLogging(boolean verbose) {
    Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
  }

  public String master() {
    return master;
  }

  public synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder =
          SparkSession.builder()
              .appName("sib")
              .config("spark.ui.enabled", verbose)
              // Spark's progress bar of each stage's tasks, at an interactive console only: piped to a
              // file or a test's output its carriage returns are noise.
              .config("spark.ui.showConsoleProgress", System.console() != null && !verbose)
              .config("spark.sql.session.timeZone", "UTC")
              // Outputs are small tables: a few shuffle partitions, not 200.
              .config("spark.sql.shuffle.partitions", "8")
              .config("spark.sql.parquet.compression.codec", "snappy")
              // Dates in Rows are java.time.LocalDate, as in the plain-Java core.
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.sources.partitionOverwriteMode", "static")
              .config("spark.sql.debug.maxToStringFields", "200")
              // HotSpot does not compile a method of more than 8,000 bytes of bytecode: it runs it
              // interpreted. Spark's whole-stage code for a wide nested row passes that (ingest's
              // resolved rows: a 27,791-byte serialiser, a third of its resolve stage's CPU, issue
              // 14); with this limit Spark runs such a stage as separate, smaller generated methods
              // instead, the setting Spark's own documentation suggests on HotSpot.
              .config("spark.sql.codegen.hugeMethodLimit", "8000")
              // Shuffles and cached partitions of the project's records by Kryo, not Java
              // serialisation (a third of ingest's CPU time); KryoClasses teaches Kryo records.
              .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
              .config("spark.kryo.registrator", KryoClasses.class.getName())
              // The records are values without cycles: no need to track repeated references.
              .config("spark.kryo.referenceTracking", "false");
      // Under spark-submit the master comes from the submit command.
      if (!master.isBlank() && System.getProperty("spark.master") == null) {
        builder.master(master);
        if (master.startsWith("local")) {
          // In one JVM the shuffle's files never cross a network: compressing them only costs CPU
          // (ingest at K=200: about 8% of its CPU time, issue 14). A cluster keeps compressing.
          builder.config("spark.shuffle.compress", "false");
          // Local files' permissions set without a chmod process for each (NioLocalFileSystem). A
          // cluster's executors keep Hadoop's own: they may load it before sib's jar is on hand.
          builder.config("spark.hadoop." + NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName());
        }
      }
      owned = SparkSession.getDefaultSession().isEmpty();
      // A session this JVM already has (a notebook's, a test's) is used as it is: the builder's
      // settings could not change it, and getOrCreate would say so in a WARN line.
      session = owned ? builder.getOrCreate() : SparkSession.getDefaultSession().get();
      session.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
    }
    return session;
  }

  @Override
  public synchronized void close() {
    if (session != null && owned) {
      session.stop();
    }
    session = null;
  }
}
