package org.sibmodel.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sib} command submitted with {@code spark-submit} (Spark's {@code SparkSubmit} class in
 * its own JVM, client mode: the driver is that JVM), the project's {@code -Pcluster} jar as the
 * application, its output into a log file.
 */
final class Submission {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Process driver;
  private final Path log;
  private final String command;
  private final long started = System.nanoTime();

  /** Where to submit: a master URL and the --conf options it needs. */
  record Target(String master, List<String> conf) {
    static Target local(int cores) {
      return new Target("local[" + cores + "]", List.of());
    }

    static Target of(StandaloneCluster cluster) {
      return new Target(cluster.masterUrl(), cluster.submitConf());
    }
  }

  /** How a submission ended: its exit code, its log and its wall time from launch to exit. */
  record Ended(int exit, String log, Path logFile, double seconds) {
    /** The lines of the driver's log with {@code text}. */
    long lines(String text) {
      return log.lines().filter(l -> l.contains(text)).count();
    }
  }

  private Submission(Process driver, Path log, String command) {
    this.driver = driver;
    this.log = log;
    this.command = command;
  }

  /** The project's jar for spark-submit, built by {@code mvn package}. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("sib.cluster.jar", "../jobs/target/sib-jobs-cluster.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn -DskipTests package");
    }
    return jar;
  }

  /** A folder whose jars/ holds Spark's class path, made by this module's build. */
  static Path sparkHome() {
    return Path.of(System.getProperty("sib.spark.home", "target/spark-home"));
  }

  /** Starts {@code sib arguments...} on {@code master}; the driver's heap is 1 GB, or 2 GB when it runs the executors too (local). */
  static Submission start(Target on, Path log, List<String> arguments) throws IOException {
    Files.createDirectories(log.getParent());
    String master = on.master();
    List<String> submit = new ArrayList<>(List.of("--master", master, "--class", "org.sibmodel.cli.Main",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=1g"));
    submit.addAll(on.conf());
    submit.add(jar().toString());
    submit.addAll(arguments);
    String heap = master.startsWith("local") ? "2g" : "1g";
    Process driver = StandaloneCluster.launch(sparkHome(), log, heap, List.of(), "org.apache.spark.deploy.SparkSubmit",
        submit.toArray(String[]::new));
    return new Submission(driver, log, "sib " + String.join(" ", arguments) + " on " + master);
  }

  /** Runs {@code sib arguments...} on {@code master} to the end. */
  static Ended run(Target on, Path log, List<String> arguments) throws IOException, InterruptedException {
    return start(on, log, arguments).await();
  }

  /** Runs {@code sib arguments...} on {@code master} and fails unless it succeeds. */
  static Ended succeed(Target on, Path log, List<String> arguments) throws IOException, InterruptedException {
    Ended ended = run(on, log, arguments);
    if (ended.exit() != 0) {
      throw new AssertionError(ended.exit() + " from sib " + String.join(" ", arguments) + " on " + on.master() + "; see " + log + ":\n"
          + ended.log().lines().skip(Math.max(0, ended.log().lines().count() - 40)).reduce("", (a, b) -> a + b + "\n"));
    }
    return ended;
  }

  Process driver() {
    return driver;
  }

  /** Waits for the driver to end (10 minutes at most, then kills it and fails). */
  Ended await() throws IOException, InterruptedException {
    if (!driver.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      driver.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + TIMEOUT.toMinutes() + " minutes; see " + log);
    }
    return new Ended(driver.exitValue(), Files.readString(log), log, (System.nanoTime() - started) / 1e9);
  }

  /** Kills the driver with SIGKILL (kill -9) and waits for it to be gone. */
  void kill() throws InterruptedException {
    driver.destroyForcibly();
    driver.waitFor(30, TimeUnit.SECONDS);
  }
}
