package org.sibmodel.scenarios;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.random.Percentiles;
import org.sibmodel.simulate.Basis;
import org.sibmodel.simulate.Kernel;
import org.sibmodel.simulate.Scenario;

/**
 * Runs a scenario for a few hundred iterations on Spark and returns its net positions, for the
 * tornado, switching values and the break-even tariff. Every evaluation uses iterations 0..n-1 of
 * the same seed: common random numbers, so two evaluations differ only by what was changed.
 */
final class Evaluator {
  /** The council's measure (real NPV or nominal net position) over an evaluation's iterations. */
  record Result(double p10, double p50, double mean) {}

  private final JavaSparkContext jsc;
  private final Broadcast<ParameterSet> params;
  private final int iterations;
  private final Basis basis;
  private volatile int evaluations;

  Evaluator(JavaSparkContext jsc, ParameterSet params, int iterations, Basis basis) {
    this.jsc = jsc;
    // Sent to the executors once, not inside every evaluation's tasks (over 1 MB each, which Spark
    // warns about).
    this.params = jsc.broadcast(params);
    this.iterations = iterations;
    this.basis = basis;
  }

  int iterations() {
    return iterations;
  }

  int evaluations() {
    return evaluations;
  }

  Result evaluate(Scenario scenario) {
    evaluations++;
    Broadcast<ParameterSet> shared = params;
    Basis measure = basis;
    int slices = Math.max(1, jsc.defaultParallelism());
    List<long[]> ranges = new ArrayList<>();
    for (int p = 0; p < slices; p++) {
      ranges.add(new long[] {(long) iterations * p / slices, (long) iterations * (p + 1) / slices});
    }
    List<double[]> parts = jsc.parallelize(ranges, slices).map(range -> {
      Kernel kernel = new Kernel(scenario, shared.value());
      double[] net = new double[(int) (range[1] - range[0])];
      for (long i = range[0]; i < range[1]; i++) {
        net[(int) (i - range[0])] = measure.of(kernel.run(i));
      }
      return net;
    }).collect();
    // The parts come back in range order, so the values are in iteration order.
    double[] all = new double[iterations];
    int at = 0;
    double sum = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    for (double v : all) {
      sum += v;
    }
    double mean = sum / iterations;
    Arrays.sort(all);
    return new Result(Percentiles.of(all, 0.10), Percentiles.of(all, 0.50), mean);
  }
}
