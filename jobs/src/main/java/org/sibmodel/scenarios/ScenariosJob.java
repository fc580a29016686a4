package org.sibmodel.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Progress;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.provenance.Sha256;
import org.sibmodel.simulate.GatheredValues;
import org.sibmodel.simulate.Kernel;
import org.sibmodel.simulate.Scenario;
import org.sibmodel.simulate.ScenarioInput;
import org.sibmodel.simulate.ScenarioSet;
import org.sibmodel.simulate.Solvers;
import org.sibmodel.simulate.SimulateJob;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;

/**
 * {@code sib scenarios}: the base scenario and its variants on common random numbers, one-way
 * sensitivity of the council's net position with switching values, and the break-even tariff.
 * The base and variants run together in one Spark job; each sensitivity or solver evaluation is a
 * shorter run of the same iterations ({@link Evaluator}).
 */
public final class ScenariosJob {
  static final StructType SENSITIVITY = SparkSchemas.of("sensitivity");
  static final StructType BREAK_EVEN = SparkSchemas.of("break_even");

  private ScenariosJob() {}

  public static ScenariosSummary run(SparkSession spark, ScenariosOptions options) {
    return run(() -> spark, options);
  }

  public static ScenariosSummary run(Supplier<SparkSession> sparkSession, ScenariosOptions options) {
    Provenance provenance = Provenance.start(Stage.SCENARIOS, options);
    ScenarioSet set = (options.scenario() == null ? ScenarioSet.defaults() : ScenarioSet.read(options.scenario()))
        .withRunSettings(options.iterations(), null, options.sensitivityIterations());
    provenance.file(options.scenario());
    int n = set.base().simulation().iterations();
    int sn = set.sensitivityIterations();
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(set.base());
    set.variants().forEach(v -> scenarios.add(v.scenario()));

    SparkSession spark = sparkSession.get();
    SimulateJob.Params params = SimulateJob.readParameterSet(spark, options.params());
    provenance.input(params.source());
    List<Kernel> kernels = scenarios.stream().map(s -> new Kernel(s, params.set())).toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<Kernel>> shared = jsc.broadcast(kernels);
    LongAccumulator done = spark.sparkContext().longAccumulator("iterations simulated");
    int partitions = Math.max(1, Math.min(n, jsc.defaultParallelism() * 2));
    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      System.out.printf("Simulating %d scenarios x %,d iterations...%n", scenarios.size(), n);
      Optional<GatheredValues> gathered = GatheredValues.start(spark, kernels, n);
      try (Progress progress = Progress.start("simulated", "iterations", done::value, (long) n * scenarios.size())) {
        SimulateJob.writeIterations(spark.createDataFrame(SimulateJob.iterationRows(jsc, shared, n, partitions, done, gathered),
            SimulateJob.ITERATIONS), out.path("scenario_iterations"));
      }
      Dataset<Row> iterations = spark.read().parquet(out.path("scenario_iterations"));
      List<Row> summary = new ArrayList<>();
      List<Row> months = new ArrayList<>();
      for (int k = 0; k < kernels.size(); k++) {
        Kernel kernel = kernels.get(k);
        SimulateJob.Tables tables = SimulateJob.Tables.of(gathered, k, kernel, n,
            () -> iterations.filter(iterations.col("scenario").equalTo(kernel.scenario().name())));
        summary.addAll(tables.summary());
        months.addAll(tables.months());
      }
      DriverTables.write(spark, out, "scenario_summary", SimulateJob.SUMMARY, summary);
      DriverTables.write(spark, out, "scenario_months", SimulateJob.MONTHS, months);

      System.out.printf("Sensitivity and break-even tariff (%,d iterations an evaluation)...%n", sn);
      Evaluator evaluator = new Evaluator(jsc, params.set(), sn, set.basis());
      List<Row> sensitivity;
      List<Row> breakEven;
      try (Progress progress = Progress.start("ran", "evaluations", evaluator::evaluations, 0)) {
        sensitivity = sensitivity(set, evaluator);
        breakEven = breakEven(set, evaluator);
      }
      DriverTables.write(spark, out, "sensitivity", SENSITIVITY, sensitivity);
      DriverTables.write(spark, out, "break_even", BREAK_EVEN, breakEven);

      out.writeText("scenario.yaml", set.toYaml());
      ScenariosSummary result = ScenariosSummary.of(out.target(), set, kernels.get(0), params, n, sn, summary, sensitivity, breakEven,
          iterations, evaluator.evaluations(), Sha256.hex(params.bytes()));
      out.writeText("summary.json", Json.write(result));
      provenance.write(out, spark);
      out.commit();
      return result;
    } finally {
      shared.destroy();
    }
  }



  /** Tornado bars and switching values of every input with a range. */
  static List<Row> sensitivity(ScenarioSet set, Evaluator evaluator) {
    Evaluator.Result base = evaluator.evaluate(set.base());
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(SENSITIVITY);
    for (ScenarioSet.Range range : set.ranges()) {
      ScenarioInput input = range.input();
      Map<Double, Double> cache = new HashMap<>();
      DoubleUnaryOperator p50 = x -> cache.computeIfAbsent(x, v -> evaluator.evaluate(set.with(input, v)).p50());
      Evaluator.Result low = evaluator.evaluate(set.with(input, range.low()));
      Evaluator.Result high = evaluator.evaluate(set.with(input, range.high()));
      cache.put(range.low(), low.p50());
      cache.put(range.high(), high.p50());
      Solvers.Root root = Solvers.switching(p50, input, range.low(), range.high(), set.baseValue(input));
      rows.add(b.set("input", input.key()).set("base_value", set.baseValue(input)).set("low", range.low())
          .set("high", range.high()).set("measure", set.basis().key()).set("p50_base", base.p50()).set("p50_low", low.p50())
          .set("p50_high", high.p50()).set("mean_low", low.mean()).set("mean_high", high.mean()).set("switching_value", root.value())
          .set("switching_note", root.note()).set("iterations", evaluator.iterations()).build());
    }
    return rows;
  }

  /** The highest P with the P50 (and the P10) net position at least zero. */
  static List<Row> breakEven(ScenarioSet set, Evaluator evaluator) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(BREAK_EVEN);
    ScenarioInput tariffInput = ScenarioInput.TARIFF;
    double accuracy = tariffInput.accuracy();
    for (String percentile : List.of("P50", "P10")) {
      int before = evaluator.evaluations();
      Map<Double, Double> cache = new HashMap<>();
      DoubleUnaryOperator net = p -> cache.computeIfAbsent(p, v -> {
        Evaluator.Result r = evaluator.evaluate(set.with(tariffInput, v));
        return percentile.equals("P50") ? r.p50() : r.p10();
      });
      Solvers.Root root = Solvers.breakEven(net);
      Double tariff = root.value();
      Double netAccuracy = tariff == null ? null
          : Math.abs(net.applyAsDouble(Math.max(tariffInput.domainLow(), tariff - accuracy)) - net.applyAsDouble(tariff + accuracy));
      rows.add(b.set("measure", set.basis().key()).set("percentile", percentile).set("tariff", tariff)
          .set("tariff_accuracy", tariff == null ? null : accuracy)
          .set("value_at_tariff", tariff == null ? null : net.applyAsDouble(tariff)).set("value_accuracy", netAccuracy)
          .set("evaluations", evaluator.evaluations() - before).set("iterations", evaluator.iterations()).set("note", root.note()).build());
    }
    return rows;
  }
}
