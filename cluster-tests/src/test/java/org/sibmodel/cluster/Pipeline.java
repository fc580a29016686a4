package org.sibmodel.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sibmodel.cli.DemoInputs;

/**
 * The pipeline the cluster tests run, on the demo's sample (same generator and seed as
 * {@code sib demo}, its made-up referrals and population file): ingest, calibrate, simulate,
 * scenarios and compare, each one {@code sib} command submitted with spark-submit. Iteration
 * counts are small, to keep the suite's time; what is compared is every CSV each stage writes.
 * The run on {@code local[2]}, the reference every cluster test compares with, is made once per
 * test JVM.
 */
final class Pipeline {
  static final long SEED = 20190901L;
  /** Iterations of sib simulate: enough that each of its tasks runs for a few seconds, so one can be killed mid-way. */
  static final int SIMULATE_ITERATIONS = Integer.getInteger("cluster.simulate.iterations", 1200);
  static final int SCENARIO_ITERATIONS = 40;
  static final int SENSITIVITY_ITERATIONS = 10;
  static final List<String> STAGES = List.of("curated", "params", "simulation", "scenarios", "comparison");

  private static Path inputs;
  private static Path reference;

  private Pipeline() {}

  /** Where the cluster tests write: target/cluster-runs. */
  static Path work() {
    return Path.of(System.getProperty("sib.cluster.work", "target/cluster")).resolveSibling("cluster-runs");
  }

  /** The demo's inputs, made once: sample/, referred.csv, population.csv and a key. */
  static synchronized Path inputs() throws IOException {
    if (inputs == null) {
      Path dir = work().resolve("inputs");
      StandaloneCluster.deleteRecursively(dir);
      Files.createDirectories(dir);
      DemoInputs.sample(dir.resolve("sample"), SEED);
      DemoInputs.referred(dir.resolve("sample"), dir.resolve("referred.csv"), SEED);
      DemoInputs.population(dir.resolve("population.csv"));
      DemoInputs.key(dir.resolve("pseudonymisation.key"));
      inputs = dir;
    }
    return inputs;
  }

  /** The command line of one stage, reading the earlier stages' outputs in {@code from} and writing {@code out}. */
  static List<String> command(String stage, Path from, Path out) throws IOException {
    Path in = inputs();
    String key = in.resolve("pseudonymisation.key").toString();
    return switch (stage) {
      case "curated" -> List.of("ingest", "--input", in.resolve("sample").toString(), "--out", out.toString(), "--key-file", key);
      case "params" -> List.of("calibrate", "--curated", from.resolve("curated").toString(), "--out", out.toString());
      case "simulation" -> List.of("simulate", "--params", from.resolve("params").toString(), "--out", out.toString(),
          "--iterations", Integer.toString(SIMULATE_ITERATIONS));
      case "scenarios" -> List.of("scenarios", "--params", from.resolve("params").toString(), "--out", out.toString(),
          "--iterations", Integer.toString(SCENARIO_ITERATIONS), "--sensitivity-iterations", Integer.toString(SENSITIVITY_ITERATIONS));
      case "comparison" -> List.of("compare", "--curated", from.resolve("curated").toString(), "--out", out.toString(),
          "--referred", in.resolve("referred.csv").toString(), "--population", in.resolve("population.csv").toString(), "--key-file", key);
      default -> throw new IllegalArgumentException("stage " + stage);
    };
  }

  /** Runs every stage on {@code master} into {@code root}/STAGE, each reading the earlier stages there; returns their wall times. */
  static Map<String, Double> runAll(Submission.Target on, Path root) throws IOException, InterruptedException {
    StandaloneCluster.deleteRecursively(root);
    Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    for (String stage : STAGES) {
      Submission.Ended ended = Submission.succeed(on, root.resolve("logs/" + stage + ".log"), command(stage, root, root.resolve(stage)));
      seconds.put(stage, ended.seconds());
    }
    return seconds;
  }

  /** The pipeline on local[2], made once per test JVM: what the cluster's results must equal byte for byte. */
  static synchronized Path reference() throws IOException, InterruptedException {
    if (reference == null) {
      Path root = work().resolve("local-2");
      Map<String, Double> seconds = runAll(Submission.Target.local(2), root);
      System.out.println("local[2] pipeline, seconds per stage (spark-submit to exit): " + seconds);
      reference = root;
    }
    return reference;
  }

  /** Every CSV file under {@code dir}, by path relative to it, with its bytes. */
  static Map<String, byte[]> csvFiles(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(p -> p.toString().endsWith(".csv") && Files.isRegularFile(p)).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** The CSV files that differ between two outputs of a stage (missing on one side, or other bytes); empty when none does. */
  static List<String> differences(Path expected, Path actual) throws IOException {
    Map<String, byte[]> want = csvFiles(expected);
    Map<String, byte[]> got = csvFiles(actual);
    List<String> differ = new ArrayList<>();
    if (want.isEmpty()) {
      differ.add(expected + " has no CSV file");
    }
    for (String name : want.keySet()) {
      if (!got.containsKey(name)) {
        differ.add(actual.getFileName() + "/" + name + " is missing");
      } else if (!java.util.Arrays.equals(want.get(name), got.get(name))) {
        differ.add(actual.getFileName() + "/" + name + " differs" + firstDifference(want.get(name), got.get(name)));
      }
    }
    got.keySet().stream().filter(n -> !want.containsKey(n)).forEach(n -> differ.add(actual.getFileName() + "/" + n + " is extra"));
    return differ;
  }

  /** Where two files first differ, as the line of each, for the failure message. */
  private static String firstDifference(byte[] a, byte[] b) {
    List<String> x = new String(a, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    List<String> y = new String(b, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      String l = i < x.size() ? x.get(i) : "(end)";
      String r = i < y.size() ? y.get(i) : "(end)";
      if (!l.equals(r)) {
        return " at line " + (i + 1) + ": expected [" + l + "] but was [" + r + "]";
      }
    }
    return "";
  }
}
