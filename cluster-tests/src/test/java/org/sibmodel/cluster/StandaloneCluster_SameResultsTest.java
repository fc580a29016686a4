package org.sibmodel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline (ingest, calibrate, simulate, scenarios, compare on the demo's sample) submitted to
 * a standalone cluster of two workers writes every CSV byte for byte as the same commands on
 * local[2].
 */
@Order(1)
@ExtendWith(SharedCluster.class)
class StandaloneCluster_SameResultsTest {
  @Test
  void everyCsvOfEveryStageIsByteIdenticalToLocal2(StandaloneCluster cluster) throws Exception {
    Path reference = Pipeline.reference();
    Path root = Pipeline.work().resolve("cluster");
    Map<String, Double> seconds = Pipeline.runAll(Submission.Target.of(cluster), root);
    System.out.println("cluster pipeline, seconds per stage (spark-submit to exit): " + seconds);

    List<String> differ = new ArrayList<>();
    for (String stage : Pipeline.STAGES) {
      differ.addAll(Pipeline.differences(reference.resolve(stage), root.resolve(stage)));
    }
    assertEquals(List.of(), differ, "outputs on the cluster that differ from local[2] (" + reference + " vs " + root + ")");
  }
}
