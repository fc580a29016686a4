package org.sibmodel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An executor JVM killed with SIGKILL while {@code sib simulate} runs: Spark runs its lost tasks
 * again elsewhere, the job completes, and the results equal the uninterrupted run's byte for byte.
 */
@Order(2)
@ExtendWith(SharedCluster.class)
class StandaloneCluster_ExecutorKilledTest {
  @Test
  void simulateCompletesThroughTaskRetryWithTheSameResults(StandaloneCluster cluster) throws Exception {
    Path reference = Pipeline.reference();
    Path root = Pipeline.work().resolve("executor-killed");
    StandaloneCluster.deleteRecursively(root);
    Submission run = Submission.start(Submission.Target.of(cluster), root.resolve("simulate.log"),
        Pipeline.command("simulation", reference, root.resolve("simulation")));

    // A task still running a second after it was first seen: a kill then meets it before it
    // ends (simulate's tasks take seconds; the short tasks of its summaries could end first).
    Map<Map.Entry<ProcessHandle, Long>, Long> firstSeen = new HashMap<>();
    ProcessHandle killed = Faults.await("an executor running a task for a second", Duration.ofMinutes(3), run, () -> {
      long now = System.nanoTime();
      for (Map.Entry<ProcessHandle, Long> busy : cluster.executorsRunningATask().entrySet()) {
        if (now - firstSeen.computeIfAbsent(Map.entry(busy.getKey(), busy.getValue()), k -> now) >= 1_000_000_000L) {
          return Optional.of(busy.getKey());
        }
      }
      return Optional.empty();
    });
    killed.destroyForcibly();
    Submission.Ended ended = run.await();

    assertEquals(0, ended.exit(), "sib simulate failed after an executor was killed; see " + ended.logFile());
    long lost = ended.lines("Lost task");
    System.out.printf("executor killed (pid %d): the driver's log has %d lost task(s) run again, %d executor(s) lost; simulate took %.1f s%n",
        killed.pid(), lost, ended.lines("Lost executor"), ended.seconds());
    assertTrue(lost >= 1, "the kill met a running task, which Spark runs again; see " + ended.logFile());
    assertEquals(List.of(), Pipeline.differences(reference.resolve("simulation"), root.resolve("simulation")));
  }
}
