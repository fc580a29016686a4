package org.sibmodel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Opt-in ({@code -Dcluster.timing=true}; not part of verify): the wall time of {@code sib simulate}
 * of the same iterations on local[1], local[2] and the two-worker cluster, a few repeats each, as
 * the Monte Carlo step's own time (summary.json's {@code seconds}: the iterations simulated and
 * written; on the cluster both executors have registered before it starts) and the whole
 * submission's (JVM, session and executors' start included). Prints the
 * medians for the README; asserts only that every run gives the same results.
 */
@Order(0)
@EnabledIfSystemProperty(named = "cluster.timing", matches = "true", disabledReason = "the timing runs only with -Dcluster.timing=true")
@ExtendWith(SharedCluster.class)
class StandaloneCluster_TimingTest {
  static final int ITERATIONS = Integer.getInteger("cluster.timing.iterations", 3000);
  static final int REPEATS = Integer.getInteger("cluster.timing.repeats", 3);

  @Test
  void simulateOnOneCoreTwoCoresAndTheCluster(StandaloneCluster cluster) throws Exception {
    Path root = Pipeline.work().resolve("timing");
    StandaloneCluster.deleteRecursively(root);
    Submission.Target local2 = Submission.Target.local(2);
    for (String stage : List.of("curated", "params")) {
      Submission.succeed(local2, root.resolve("logs/" + stage + ".log"), Pipeline.command(stage, root, root.resolve(stage)));
    }
    Map<String, Submission.Target> targets = new LinkedHashMap<>();
    targets.put("local[1]", Submission.Target.local(1));
    targets.put("local[2]", local2);
    // The session waits for both executors before its first job, as local mode has its cores from the start.
    Submission.Target onCluster = Submission.Target.of(cluster);
    List<String> waitForExecutors = new ArrayList<>(onCluster.conf());
    waitForExecutors.addAll(List.of("--conf", "spark.cores.max=" + SharedCluster.WORKERS,
        "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0", "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=120s"));
    targets.put("cluster (2 workers x 1 core)", new Submission.Target(onCluster.master(), waitForExecutors));

    Map<String, List<double[]>> times = new LinkedHashMap<>();
    Path first = null;
    for (int repeat = 1; repeat <= REPEATS; repeat++) {
      for (Map.Entry<String, Submission.Target> t : targets.entrySet()) {
        Path out = root.resolve("simulation-" + t.getValue().master().replaceAll("[^a-z0-9]+", "-") + "-" + repeat);
        List<String> command = new ArrayList<>(Pipeline.command("simulation", root, out));
        command.set(command.indexOf("--iterations") + 1, Integer.toString(ITERATIONS));
        Submission.Ended ended = Submission.succeed(t.getValue(), root.resolve("logs/" + out.getFileName() + ".log"), command);
        double monteCarlo = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("seconds").asDouble();
        times.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(new double[] {monteCarlo, ended.seconds()});
        System.out.printf("timing: %s repeat %d: simulate %.1f s, submission %.1f s%n", t.getKey(), repeat, monteCarlo, ended.seconds());
        if (first == null) {
          first = out;
        } else {
          assertEquals(List.of(), Pipeline.differences(first, out));
        }
      }
    }
    StringBuilder table = new StringBuilder("timing: sib simulate of " + ITERATIONS + " iterations, medians of " + REPEATS + " runs\n");
    double oneCore = median(times.get("local[1]"), 0);
    for (Map.Entry<String, List<double[]>> e : times.entrySet()) {
      double simulate = median(e.getValue(), 0);
      table.append(String.format("  %-30s simulate %6.1f s (speed-up %.2fx)   submission %6.1f s%n", e.getKey(), simulate,
          oneCore / simulate, median(e.getValue(), 1)));
    }
    System.out.print(table);
  }

  private static double median(List<double[]> runs, int column) {
    double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
