package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.testing.SeparateJvm;
import org.sibmodel.testing.TestSpark;

/** The same seed gives identical outputs whatever the partitions, and on local[1] as on local[2]. */
class SimulateJob_ReproducibleTest {
  private static final int ITERATIONS = 300;
  @TempDir static Path tmp;
  private static Path params;

  @BeforeAll
  static void copyTheGoldenParameterSet() throws Exception {
    params = Files.createDirectories(tmp.resolve("params")).resolve("params.json");
    try (var in = SimulateJob_ReproducibleTest.class.getResourceAsStream("/simulate/params.json")) {
      Files.copy(in, params);
    }
  }

  private static Path simulate(String name, int partitions) {
    Path out = tmp.resolve(name);
    SimulateJob.run(TestSpark.session(), new SimulateOptions(null, params.toString(), out.toString(), ITERATIONS, 42L, partitions));
    return out;
  }

  private static List<String> iterations(Path out) {
    SparkSession spark = TestSpark.session();
    return spark.read().parquet(out.resolve("simulation_iterations").toString()).orderBy("iteration").collectAsList().stream()
        .map(Object::toString).toList();
  }

  @Test
  void partitionCountsDoNotChangeAnyNumber() throws Exception {
    Path one = simulate("p1", 1);
    Path three = simulate("p3", 3);
    Path seven = simulate("p7", 7);
    assertEquals(iterations(one), iterations(three));
    assertEquals(iterations(one), iterations(seven));
    for (String csv : List.of("simulation_summary.csv", "simulation_months.csv")) {
      assertEquals(Files.readString(one.resolve(csv)), Files.readString(three.resolve(csv)), csv);
      assertEquals(Files.readString(one.resolve(csv)), Files.readString(seven.resolve(csv)), csv);
    }
    for (String dataset : List.of("simulation_iterations", "simulation_summary", "simulation_months")) {
      assertEquals(List.of(), SchemaCheck.problems(TestSpark.session().read().parquet(one.resolve(dataset).toString()), dataset), dataset);
    }
    String summary = Files.readString(one.resolve("summary.json"));
    assertTrue(summary.contains("\"seed\" : 42") && summary.contains("scenario_sha256") && summary.contains("params_sha256"), summary);
  }

  @Test
  void oneCoreGivesTheSameNumbersAsTwo() throws Exception {
    Path two = simulate("local2", 4);
    Path one = tmp.resolve("local1");
    int exit = SeparateJvm.sib(tmp.resolve("local1.log"), "--master", "local[1]", "simulate", "--params", params.toString(), "--out",
        one.toString(), "--iterations", String.valueOf(ITERATIONS), "--seed", "42");
    assertEquals(0, exit, Files.readString(tmp.resolve("local1.log")));
    assertEquals(Files.readString(two.resolve("simulation_summary.csv")), Files.readString(one.resolve("simulation_summary.csv")));
    assertEquals(iterations(two), iterations(one));
  }

  @Test
  void aMalformedScenarioStopsTheRunWithItsField() throws Exception {
    Path scenario = Files.writeString(tmp.resolve("bad.yaml"), "effect:\n  hazard_ratio: {distribution: beta, mean: 0.6, sd: 0.9}\n");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SimulateJob.run(() -> {
          throw new AssertionError("Spark must not start for a bad scenario");
        }, new SimulateOptions(scenario, params.toString(), tmp.resolve("bad").toString(), 10, 1L, null)));
    assertTrue(e.getMessage().contains("effect.hazard_ratio") && e.getMessage().contains("0.9"), e.getMessage());
  }
}
