package org.sibmodel.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on this machine, for tests: a Master and workers, each a separate JVM
 * bound to 127.0.0.1 on free ports, run from the Spark jars the project depends on (a
 * {@code SPARK_HOME} whose {@code jars/} holds them; the Worker builds each executor's command
 * from it). Each worker offers one core and {@value #WORKER_MEMORY} of memory; logs and the
 * workers' folders (executors' stdout and stderr) stay under the cluster's folder in
 * {@code target/}. {@link #close()} stops every process it started, and a shutdown hook does so if
 * the test JVM ends first.
 */
final class StandaloneCluster implements AutoCloseable {
  static final String WORKER_MEMORY = "1536m";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path sparkHome;
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final Process master;
  /** The shared secret of spark.authenticate, new for each cluster: the master, workers and every submit hold it. */
  private final String secret;
  private final List<Worker> workers = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "stop the test cluster");

  /** One worker: its process, its folder of applications' executors, its log. */
  record Worker(int number, Process process, Path workDir, Path log) {
    /** The executor JVMs this worker runs now (its child processes). */
    List<ProcessHandle> executors() {
      return process.descendants().filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }
  }

  private StandaloneCluster(Path sparkHome, Path dir, int masterPort, int masterUiPort, Process master, String secret) {
    this.secret = secret;
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
    this.master = master;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a Master and {@code workers} workers and returns once the master's status page lists
   * them all alive.
   *
   * @param sparkHome a folder whose {@code jars/} holds Spark's class path
   * @param dir where the logs and the workers' folders go (emptied first)
   */
  static StandaloneCluster start(Path sparkHome, Path dir, int workers) throws IOException, InterruptedException {
    deleteRecursively(dir);
    Files.createDirectories(dir);
    int port = freePort();
    int uiPort = freePort();
    String secret = UUID.randomUUID().toString();
    List<String> masterProperties = new ArrayList<>(authentication(secret));
    // Spark refuses to start its REST submission server (on by default in 4.x) with authentication.
    masterProperties.add("-Dspark.master.rest.enabled=false");
    Process master = launch(sparkHome, dir.resolve("master.log"), "512m", masterProperties, "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(uiPort));
    StandaloneCluster cluster = new StandaloneCluster(sparkHome, dir, port, uiPort, master, secret);
    try {
      for (int i = 1; i <= workers; i++) {
        cluster.startWorker(i);
      }
      cluster.awaitAliveWorkers(workers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** The URL to submit to: {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * What a submit to this cluster adds: its RPC authenticated and AES-encrypted, as ingest requires
   * on a cluster (the pseudonymisation key travels in its tasks), and executors' spills encrypted.
   */
  List<String> submitConf() {
    List<String> conf = new ArrayList<>();
    for (String property : authentication(secret)) {
      conf.addAll(List.of("--conf", property.substring(2)));
    }
    conf.addAll(List.of("--conf", "spark.network.crypto.enabled=true", "--conf", "spark.io.encryption.enabled=true"));
    return conf;
  }

  private static List<String> authentication(String secret) {
    return List.of("-Dspark.authenticate=true", "-Dspark.authenticate.secret=" + secret);
  }

  List<Worker> workers() {
    return List.copyOf(workers);
  }

  Path dir() {
    return dir;
  }

  private void startWorker(int number) throws IOException {
    Path workDir = Files.createDirectories(dir.resolve("worker-" + number));
    Path log = dir.resolve("worker-" + number + ".log");
    Process process = launch(sparkHome, log, "512m", authentication(secret), "org.apache.spark.deploy.worker.Worker",
        "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
        "--cores", "1", "--memory", WORKER_MEMORY, "--work-dir", workDir.toString(), masterUrl());
    workers.add(new Worker(number, process, workDir, log));
  }

  /** Waits until the master's status page lists {@code expected} workers alive (no more, no fewer). */
  void awaitAliveWorkers(int expected) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int alive = -1;
    while (System.nanoTime() < deadline) {
      alive = aliveWorkers().orElse(-1);
      if (alive == expected) {
        return;
      }
      if (!master.isAlive()) {
        throw new IllegalStateException("the Spark master stopped; see " + dir.resolve("master.log"));
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the master lists " + alive + " alive workers after " + START_TIMEOUT.toSeconds() + " s, not "
        + expected + "; see the logs in " + dir);
  }

  /** The master's count of alive workers, from its JSON status page; empty while it does not answer. */
  Optional<Integer> aliveWorkers() throws InterruptedException {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode status = new ObjectMapper().readTree(response.body());
      return Optional.of(status.path("aliveworkers").asInt(-1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * An executor JVM running a task at this moment, by its log in the worker's folder
   * ({@code APP/ID/stderr}: more "Running task" lines than finished ones); empty when none is.
   */
  Optional<ProcessHandle> executorRunningATask() throws IOException {
    return executorsRunningATask().keySet().stream().findFirst();
  }

  /**
   * Each executor running a task now, with how many tasks it has started so far: the same count
   * seen again later means the same task is still running.
   */
  Map<ProcessHandle, Long> executorsRunningATask() throws IOException {
    Map<ProcessHandle, Long> busy = new LinkedHashMap<>();
    for (Worker w : workers) {
      for (ProcessHandle executor : w.executors()) {
        List<String> args = List.of(executor.info().arguments().orElse(new String[0]));
        int app = args.indexOf("--app-id");
        int id = args.indexOf("--executor-id");
        if (app < 0 || id < 0) {
          continue;
        }
        Path stderr = w.workDir().resolve(args.get(app + 1)).resolve(args.get(id + 1)).resolve("stderr");
        if (Files.exists(stderr)) {
          List<String> lines = Files.readAllLines(stderr);
          long running = lines.stream().filter(l -> l.contains("Executor: Running task")).count();
          long ended = lines.stream().filter(l -> l.contains("Executor: Finished task") || l.contains("Executor: Exception in task")).count();
          if (running > ended) {
            busy.put(executor, running);
          }
        }
      }
    }
    return busy;
  }

  /** The applications each worker has run executors for (their folders in its work folder). */
  List<String> applications(Worker worker) throws IOException {
    try (var apps = Files.list(worker.workDir())) {
      return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).sorted().toList();
    }
  }

  /** Kills a worker with SIGKILL (kill -9), as a lost machine; its executors go with it. */
  void killWorker(Worker worker) throws InterruptedException {
    List<ProcessHandle> executors = worker.executors();
    worker.process().destroyForcibly();
    worker.process().waitFor(30, TimeUnit.SECONDS);
    executors.forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * A JVM of the cluster's class path ({@code SPARK_HOME/jars/*}), bound to 127.0.0.1, with the
   * module flags Spark's launcher adds on Java 17 and the given system properties ({@code -Dk=v}),
   * its output into {@code log}.
   */
  static Process launch(Path sparkHome, Path log, String heap, List<String> properties, String mainClass, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(properties);
    command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment(sparkHome));
    return builder.start();
  }

  /**
   * What Spark's scripts would set: its home (the Worker's launcher finds the class path for
   * executors in {@code jars/}), its Scala version (else "Cannot find any build directories"),
   * and the one address everything binds to.
   */
  static Map<String, String> environment(Path sparkHome) {
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Stops the workers, their executors and the master, with SIGKILL after 10 s. */
  private synchronized void stopAll() {
    List<ProcessHandle> all = new ArrayList<>();
    for (Worker w : workers) {
      all.addAll(w.process().descendants().toList());
      all.add(w.process().toHandle());
    }
    all.add(master.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs (or ran) stopAll
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
