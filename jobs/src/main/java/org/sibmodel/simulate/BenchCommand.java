package org.sibmodel.simulate;


import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.io.Json;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sib bench}: times {@code sib simulate} of the default scenario at growing iteration
 * counts and compares it with the kernel alone on the same number of threads, so Spark's overhead
 * is measured rather than assumed; records the driver's heap after each run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = org.sibmodel.bench.IngestBenchCommand.class,
    sortOptions = false,
    description = {
      "Benchmark the simulation: sib simulate of the default scenario at each size (wall time, iterations and"
          + " children a second), the kernel alone on as many threads as Spark has (Spark's overhead), and the"
          + " driver's heap after each run."
    })
public final class BenchCommand implements Callable<Integer> {

  /**
   * Iterations run through both paths before anything is timed. 200 were too few: a JFR profile of
   * the 10^5 run showed HotSpot's optimising compiler still compiling the kernel's largest methods
   * (Kernel.child, IterationAccounts.result: up to 1.8 s of compile time a second, on one of the two
   * cores) while Spark's run was timed, and not while the kernel alone was, which ran after it.
   */
  static final int WARM_UP_ITERATIONS = 5_000;

  private final SparkSessions spark;

  @Option(names = "--params", paramLabel = "DIR|FILE",
      description = "Output folder of sib calibrate, or a params.json file. Default: examples/params/params.json (calibrated on the"
          + " demo's synthetic county).")
  String params;

  @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "1000,10000,100000",
      description = "Iteration counts to time. Default: ${DEFAULT-VALUE}.")
  List<Integer> sizes;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "work/bench", description = "Scratch folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  /** One size's figures. */
  public record Timing(int iterations, double children, double sparkSeconds, double simulateSeconds, double kernelSeconds,
      double iterationsPerSecond, double childrenPerSecond, double sparkOverhead, double driverHeapMegabytes) {}

  public BenchCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() throws Exception {
    String paramsDir = params != null ? params
        : Path.of(System.getProperty("sib.home", ".")).resolve("examples/params/params.json").toString();
    Files.createDirectories(out);
    SparkSession spark = this.spark.get();
    int threads = spark.sparkContext().defaultParallelism();
    ParameterSet set = SimulateJob.readParameterSet(spark, paramsDir).set();
    System.out.printf("sib bench: default scenario, Spark master %s (%d threads), parameters %s%n", spark.sparkContext().master(),
        threads, paramsDir);
    // Warm up both paths so that neither timing pays for class loading and the JIT's compilations.
    SimulateJob.run(spark, new SimulateOptions(null, paramsDir, out.resolve("warm-up").toString(), WARM_UP_ITERATIONS, null, null));
    kernelAlone(new Kernel(ScenarioFile.defaults(), set), WARM_UP_ITERATIONS, threads);

    List<Timing> timings = new ArrayList<>();
    System.out.printf("%12s %10s %10s %12s %14s %10s %10s %12s%n", "iterations", "wall s", "kernel s", "iterations/s",
        "children/s", "overhead", "sim. s", "driver heap");
    for (int n : sizes) {
      long start = System.nanoTime();
      SimulationSummary s = SimulateJob.run(spark, new SimulateOptions(null, paramsDir, out.resolve("n" + n).toString(), n, null, null));
      double wall = (System.nanoTime() - start) / 1e9;
      double kernel = kernelAlone(new Kernel(ScenarioFile.defaults(), set), n, threads);
      System.gc();
      double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
      double children = s.metrics().get("referrals").mean() * n;
      Timing t = new Timing(n, children, wall, s.seconds(), kernel, n / wall, children / wall, wall / kernel - 1, heap);
      timings.add(t);
      System.out.printf("%,12d %10.1f %10.1f %,12.0f %,14.0f %9.0f%% %10.1f %9.0f MB%n", n, wall, kernel, t.iterationsPerSecond(),
          t.childrenPerSecond(), 100 * t.sparkOverhead(), t.simulateSeconds(), heap);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("master", spark.sparkContext().master());
    report.put("threads", threads);
    report.put("params", paramsDir);
    report.put("timings", timings);
    Files.writeString(out.resolve("bench.json"), Json.write(report));
    System.out.println("wall: sib simulate end to end (simulation, Parquet, summaries); sim.: the simulation and its write alone;"
        + " kernel: the same iterations on " + threads + " plain Java threads; overhead = wall / kernel - 1. Written to "
        + out.resolve("bench.json"));
    return 0;
  }

  /** Seconds to run iterations 0..n-1 on {@code threads} plain threads, in contiguous ranges as Spark does. */
  static double kernelAlone(Kernel kernel, int n, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Double>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long from = (long) n * t / threads;
        long to = (long) n * (t + 1) / threads;
        parts.add(pool.submit(() -> {
          double sink = 0;
          for (long i = from; i < to; i++) {
            sink += kernel.run(i).outcomePayments();
          }
          return sink;
        }));
      }
      for (Future<Double> f : parts) {
        f.get();
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

}
