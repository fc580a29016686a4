package org.sibmodel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker lost (SIGKILL) before a job is submitted: the master notices, and the job runs on the
 * worker left, with the same results. Last of the cluster tests, as it leaves the cluster one
 * worker short.
 */
@Order(4)
@ExtendWith(SharedCluster.class)
class StandaloneCluster_WorkerLostTest {
  @Test
  void aJobSubmittedAfterAWorkerIsLostRunsOnTheOther(StandaloneCluster cluster) throws Exception {
    Path reference = Pipeline.reference();
    StandaloneCluster.Worker lost = cluster.workers().get(1);
    StandaloneCluster.Worker left = cluster.workers().get(0);
    cluster.killWorker(lost);
    cluster.awaitAliveWorkers(1);
    List<String> lostApps = cluster.applications(lost);
    List<String> leftApps = cluster.applications(left);

    Path root = Pipeline.work().resolve("worker-lost");
    StandaloneCluster.deleteRecursively(root);
    Submission.Ended ended = Submission.succeed(Submission.Target.of(cluster), root.resolve("calibrate.log"),
        Pipeline.command("params", reference, root.resolve("params")));

    List<String> ranOnLeft = new ArrayList<>(cluster.applications(left));
    ranOnLeft.removeAll(leftApps);
    assertEquals(1, ranOnLeft.size(), "the job's executor ran on the worker left: " + ranOnLeft);
    assertEquals(lostApps, cluster.applications(lost), "and nothing on the lost one");
    System.out.printf("worker %d lost: sib calibrate ran on worker %d alone (%s) in %.1f s%n", lost.number(), left.number(),
        ranOnLeft.get(0), ended.seconds());
    assertEquals(List.of(), Pipeline.differences(reference.resolve("params"), root.resolve("params")));
  }
}
