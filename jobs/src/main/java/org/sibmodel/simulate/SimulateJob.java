package org.sibmodel.simulate;


import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.sibmodel.io.Checksums;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Progress;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.RunInfo;
import org.sibmodel.io.Stage;
import org.sibmodel.io.StageInput;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.params.ParameterSetFile;
import org.sibmodel.provenance.Sha256;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;

/**
 * {@code sib simulate}: the Monte Carlo simulation of a scenario on Spark. Iterations are spread
 * over partitions as ranges of iteration numbers; each partition runs the plain-Java {@link Kernel}
 * (no shuffle of children). Every random number is a function of the master seed and the iteration
 * (and child), so the same seed gives the same numbers on one core or many. Results stream to
 * Parquet (the driver never holds the iterations); the summaries are exact aggregates of them.
 */
public final class SimulateJob {
  public static final StructType ITERATIONS = SparkSchemas.of("simulation_iterations");
  public static final StructType SUMMARY = SparkSchemas.of("simulation_summary");
  public static final StructType MONTHS = SparkSchemas.of("simulation_months");
  /** The scalar metrics summarised. */
  static final List<String> METRICS = List.of("referrals", "diversion_referrals", "reunification_referrals", "engaged",
      "entered_care_within_a_year_without", "entered_care_within_a_year_with", "milestones",
      "milestones_without_effect", "payable_days", "care_days_without", "care_days_with", "care_days_avoided", "outcome_payments",
      "payments_without_effect", "deadweight_share", "capped", "outcomes_fund", "council_cost", "council_side_costs",
      "cost_per_care_day_avoided", "gross_savings", "cashable_savings", "savings_in_term", "savings_after_term", "net_position",
      "npv_real", "delivery_costs", "investor_net_return", "investor_peak_capital", "investor_irr", "volume", "hazard_ratio",
      "counterfactual_entry", "inflation");
  static final List<String> YEAR_METRICS = List.of("payments_by_year", "outcomes_fund_by_year", "council_cost_by_year",
      "council_side_costs_by_year", "gross_savings_by_year", "cashable_savings_by_year", "net_position_by_year",
      "net_position_real_by_year", "delivery_costs_by_year");

  private SimulateJob() {}

  public static SimulationSummary run(SparkSession spark, SimulateOptions options) {
    return run(() -> spark, options);
  }

  public static SimulationSummary run(Supplier<SparkSession> sparkSession, SimulateOptions options) {
    Provenance provenance = Provenance.start(Stage.SIMULATE, options);
    Scenario scenario = options.scenarioToRun();
    provenance.file(options.scenario());
    SparkSession spark = sparkSession.get();
    Params read = readParameterSet(spark, options.params());
    provenance.input(read.source());
    ParameterSet params = read.set();
    Kernel kernel = new Kernel(scenario, params);
    int n = scenario.simulation().iterations();

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = options.partitions() != null ? options.partitions() : Math.max(1, Math.min(n, jsc.defaultParallelism() * 4));
    LongAccumulator done = spark.sparkContext().longAccumulator("iterations simulated");
    Broadcast<List<Kernel>> shared = jsc.broadcast(List.of(kernel));
    Optional<GatheredValues> gathered = GatheredValues.start(spark, List.of(kernel), n);
    String name = scenario.name();
    JavaRDD<Row> rows = iterationRows(jsc, shared, n, partitions, done, gathered);
    Instant simulating = Instant.now();
    Progress progress = Progress.start("simulated", "iterations", done::value, n);
    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      writeIterations(spark.createDataFrame(rows, ITERATIONS), out.path("simulation_iterations"));
      progress.stop();
      Duration simulated = Duration.between(simulating, Instant.now());
      Dataset<Row> iterations = spark.read().parquet(out.path("simulation_iterations"));
      Tables tables = Tables.of(gathered, 0, kernel, n, () -> iterations);
      List<Row> summary = tables.summary();
      DriverTables.write(spark, out, "simulation_summary", SUMMARY, summary);
      DriverTables.write(spark, out, "simulation_months", MONTHS, tables.months());
      String scenarioText = ScenarioFile.toYaml(scenario);
      out.writeText("scenario.yaml", scenarioText);
      SimulationSummary result = SimulationSummary.of(out.target(), kernel, params, n, partitions, Sha256.hex(scenarioText.getBytes(StandardCharsets.UTF_8)),
          Sha256.hex(read.bytes()), kernel.financialYears(), summary, iterations, simulated);
      out.writeText("summary.json", Json.write(result));
      provenance.write(out, spark);
      out.commit();
      return result;
    } finally {
      progress.stop();
      shared.destroy();
    }
  }

  /**
   * Writes an iteration table as Parquet. Without dictionary encoding: nearly every amount is
   * different, so Parquet's dictionaries only fill up and are thrown away (an eighth of the CPU
   * time of sib simulate, in the profile); the values and the schema are the same.
   */
  public static void writeIterations(Dataset<Row> iterations, String path) {
    iterations.write().option("parquet.enable.dictionary", "false").parquet(path);
  }

  /**
   * The iteration rows of every kernel, iterations 0..n-1 of each in contiguous ranges, one range
   * per partition ({@code partitionsPerKernel} ranges each). No shuffle: a partition simulates its
   * range and its rows stream on; with {@code gathered}, the values the summaries need are kept
   * on the way.
   */
  public static JavaRDD<Row> iterationRows(JavaSparkContext jsc, Broadcast<List<Kernel>> kernels, int n, int partitionsPerKernel,
      LongAccumulator done, Optional<GatheredValues> gathered) {
    List<long[]> ranges = new ArrayList<>();
    for (int k = 0; k < kernels.value().size(); k++) {
      for (int p = 0; p < partitionsPerKernel; p++) {
        long from = (long) n * p / partitionsPerKernel;
        long to = (long) n * (p + 1) / partitionsPerKernel;
        if (to > from) {
          ranges.add(new long[] {k, from, to});
        }
      }
    }
    GatheredValues values = gathered.orElse(null);
    // One range per partition: each partition simulates its own range.
    return jsc.parallelize(ranges, ranges.size()).mapPartitions(it -> {
      long[] range = it.next();
      Kernel kernel = kernels.value().get((int) range[0]);
      String scenario = kernel.scenario().name();
      RowBuilder builder = RowBuilder.of(ITERATIONS);
      ExactSummary.Block block = values == null ? null : values.block((int) range[0], kernel, range[1], range[2]);
      return new Iterator<Row>() {
        long next = range[1];

        @Override
        public boolean hasNext() {
          return next < range[2];
        }

        @Override
        public Row next() {
          Row row = iterationRow(builder, scenario, kernel.run(next++));
          if (block != null && block.accept(row)) {
            values.add(block);
          }
          done.add(1);
          return row;
        }
      };
    });
  }

  static Row iterationRow(RowBuilder b, String scenario, IterationResult r) {
    b.set("scenario", scenario).set("iteration", r.iteration()).set("volume", r.volume()).set("hazard_ratio", r.hazardRatio())
        .set("counterfactual_entry", r.counterfactualEntry()).set("inflation", r.inflation()).set("referrals", r.referrals())
        .set("diversion_referrals", r.diversionReferrals()).set("reunification_referrals", r.reunificationReferrals())
        .set("engaged", r.engaged()).set("entered_care_within_a_year_without", r.enteredWithout())
        .set("entered_care_within_a_year_with", r.enteredWith())
        .set("milestones", r.milestones()).set("milestones_without_effect", r.milestonesWithoutEffect())
        .set("payable_days", r.payableDays()).set("care_days_without", r.careDaysWithout())
        .set("care_days_with", r.careDaysWith()).set("care_days_avoided", r.careDaysAvoided())
        .set("outcome_payments", r.outcomePayments()).set("payments_without_effect", r.paymentsWithoutEffect())
        .set("deadweight_share", r.deadweightShare()).set("capped", r.capped()).set("outcomes_fund", r.outcomesFund())
        .set("council_cost", r.councilCost()).set("council_side_costs", r.councilSideCosts())
        .set("cost_per_care_day_avoided", r.costPerCareDayAvoided()).set("gross_savings", r.grossSavings())
        .set("cashable_savings", r.cashableSavings()).set("savings_in_term", r.savingsInTerm())
        .set("savings_after_term", r.savingsAfterTerm()).set("net_position", r.netPosition()).set("npv_real", r.npvReal())
        .set("delivery_costs", r.deliveryCosts()).set("investor_net_return", r.investorNetReturn())
        .set("investor_peak_capital", r.investorPeakCapital()).set("investor_irr", r.investorIrr()).set("cap_hit", r.capHit())
        .set("budget_exceeded", r.budgetExceeded());
    b.set("payments_by_year", byYear(r, IterationResult.Year::outcomePayments));
    b.set("outcomes_fund_by_year", byYear(r, IterationResult.Year::outcomesFund));
    b.set("council_cost_by_year", byYear(r, IterationResult.Year::councilCost));
    b.set("council_side_costs_by_year", byYear(r, IterationResult.Year::councilSideCosts));
    b.set("gross_savings_by_year", byYear(r, IterationResult.Year::grossSavings));
    b.set("cashable_savings_by_year", byYear(r, IterationResult.Year::cashableSavings));
    b.set("net_position_by_year", byYear(r, IterationResult.Year::netPosition));
    b.set("net_position_real_by_year", byYear(r, IterationResult.Year::netPositionReal));
    b.set("delivery_costs_by_year", byYear(r, IterationResult.Year::deliveryCosts));
    b.set("cumulative_payments_by_month", java.util.Arrays.stream(r.cumulativePayments()).boxed().toList());
    b.set("cumulative_net_by_month", java.util.Arrays.stream(r.cumulativeNetPosition()).boxed().toList());
    return b.build();
  }

  private static List<Double> byYear(IterationResult r, java.util.function.ToDoubleFunction<IterationResult.Year> amount) {
    return r.years().stream().map(y -> amount.applyAsDouble(y)).toList();
  }

  /** A kernel's summary table (every metric, totals and by financial year) and fan-chart table. */
  public record Tables(List<Row> summary, List<Row> months) {
    /** The tables from the written iteration table (rows of other scenarios filtered out first). */
    public static Tables of(Dataset<Row> iterations, Kernel kernel, int n) {
      String scenario = kernel.scenario().name();
      return new Tables(
          summaryRows(ExactSummary.of(iterations, summaryColumns(kernel.financialYears().size()), n), scenario, kernel.financialYears()),
          monthRows(ExactSummary.of(iterations, monthColumns(kernel.months()), n), scenario, kernel.firstMonth()));
    }

    /**
     * The tables of kernel {@code index} from the values the tasks gathered or, when the run had
     * too many to gather, from the written iteration table ({@code written}, read only then).
     */
    public static Tables of(Optional<GatheredValues> gathered, int index, Kernel kernel, int n, Supplier<Dataset<Row>> written) {
      return gathered.isPresent() ? gathered.get().tables(index, kernel, n) : of(written.get(), kernel, n);
    }
  }

  /** The summary's columns: every metric, each financial year of the by-year metrics, the cumulative net position by year. */
  static List<ExactSummary.Column> summaryColumns(int years) {
    List<ExactSummary.Column> columns = new ArrayList<>();
    METRICS.forEach(m -> columns.add(ExactSummary.Column.scalar(m)));
    for (String m : YEAR_METRICS) {
      for (int y = 0; y < years; y++) {
        columns.add(new ExactSummary.Column(m, y));
      }
    }
    for (int y = 0; y < years; y++) {
      columns.add(new ExactSummary.Column("net_position_by_year", y, true));
    }
    return columns;
  }

  /** Mean, sd, percentiles and Monte Carlo standard error of every metric, totals and by financial year. */
  static List<Row> summaryRows(List<ExactSummary.Stats> stats, String scenario, List<String> years) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(SUMMARY);
    for (ExactSummary.Stats s : stats) {
      double[] p = s.percentiles();
      rows.add(b.set("scenario", scenario).set("metric", s.column().cumulative() ? "cumulative_net_position_by_year" : s.column().name())
          .set("financial_year", s.column().element() < 0 ? null : years.get(s.column().element())).set("n", Math.max(1, s.n()))
          .set("mean", s.mean()).set("sd", s.sd()).set("p5", p[0]).set("p10", p[1]).set("p50", p[2]).set("p90", p[3]).set("p95", p[4])
          .set("mc_se", s.mcSe()).build());
    }
    return rows;
  }

  /** The fan chart's columns: the cumulative payments and net position at every third month and the last. */
  static List<ExactSummary.Column> monthColumns(int months) {
    List<ExactSummary.Column> columns = new ArrayList<>();
    List<Integer> points = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      if (m % 3 == 2 || m == months - 1) {
        points.add(m);
      }
    }
    for (String metric : List.of("cumulative_payments_by_month", "cumulative_net_by_month")) {
      points.forEach(m -> columns.add(new ExactSummary.Column(metric, m)));
    }
    return columns;
  }

  /** The fan chart's data: percentiles of the cumulative payments and net position at its months. */
  static List<Row> monthRows(List<ExactSummary.Stats> stats, String scenario, LocalDate firstMonth) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(MONTHS);
    for (ExactSummary.Stats s : stats) {
      double[] p = s.percentiles();
      rows.add(b.set("scenario", scenario)
          .set("metric", s.column().name().startsWith("cumulative_payments") ? "cumulative_payments" : "cumulative_net_position")
          .set("month", firstMonth.plusMonths(s.column().element())).set("mean", s.mean())
          .set("p5", p[0]).set("p10", p[1]).set("p50", p[2]).set("p90", p[3]).set("p95", p[4]).build());
    }
    return rows;
  }

  /**
   * A parameter set as a simulation reads it, with the bytes it was read from (for its hash) and
   * the file as run.json lists it.
   */
  public record Params(ParameterSet set, byte[] bytes, RunInfo.InputFile source) {}

  /**
   * The parameter set of {@code --params}: the params.json of a sib calibrate output folder
   * (complete, of sib calibrate), or a params.json file given directly (such as examples/params/params.json).
   */
  public static Params readParameterSet(SparkSession spark, String params) {
    Path path = new Path(params);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(path) && fs.getFileStatus(path).isFile()) {
        try (InputStream in = fs.open(path)) {
          byte[] bytes = in.readAllBytes();
          return new Params(ParameterSetFile.read(new ByteArrayInputStream(bytes), params), bytes, Checksums.input(fs, path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + params + ": " + e.getMessage(), e);
    }
    StageInput calibrated = StageInput.open(spark, Stage.CALIBRATE, "--params", params);
    byte[] bytes = calibrated.bytes("params.json");
    return new Params(ParameterSetFile.read(new ByteArrayInputStream(bytes), params + "/params.json"), bytes,
        calibrated.inputs().get(0));
  }
}
