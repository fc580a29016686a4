package org.sibmodel.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sibmodel.params.ParameterSetFile;
import org.sibmodel.simulate.IterationResult;
import org.sibmodel.simulate.Kernel;
import org.sibmodel.simulate.ScenarioFile;

/**
 * Iterations of the default scenario per second on one thread, with the example parameter set
 * (examples/params, calibrated on the demo's synthetic county). An iteration simulates about 660
 * referred children (two lives each, their payments and costs), so children per second per
 * thread = this score x 660; {@code sib bench} prints the exact figure with Spark around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class KernelBenchmark {
  private Kernel kernel;
  private long iteration;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = KernelBenchmark.class.getResourceAsStream("/params.json")) {
      kernel = new Kernel(ScenarioFile.defaults(), ParameterSetFile.read(in, "params.json"));
    }
  }

  @Benchmark
  public IterationResult iteration() {
    return kernel.run(iteration++);
  }
}
