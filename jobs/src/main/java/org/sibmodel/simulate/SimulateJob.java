package org.sibmodel.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
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
import org.sibmodel.SibVersion;
import org.sibmodel.io.CsvExport;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.RunInfo;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.params.ParameterSetFile;
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
  static final StructType ITERATIONS = SparkSchemas.of("simulation_iterations");
  static final StructType SUMMARY = SparkSchemas.of("simulation_summary");
  static final StructType MONTHS = SparkSchemas.of("simulation_months");
  /** The scalar metrics summarised. */
  static final List<String> METRICS = List.of("referrals", "diversion_referrals", "reunification_referrals", "milestones",
      "payable_days", "care_days_without", "care_days_with", "care_days_avoided", "outcome_payments", "capped", "outcomes_fund",
      "council_cost", "gross_savings", "cashable_savings", "net_position", "npv", "delivery_costs", "investor_net_return",
      "investor_peak_capital", "investor_irr", "volume", "hazard_ratio", "counterfactual_entry");
  static final List<String> YEAR_METRICS = List.of("payments_by_year", "outcomes_fund_by_year", "council_cost_by_year",
      "gross_savings_by_year", "cashable_savings_by_year", "net_position_by_year", "delivery_costs_by_year");
  private static final double[] PERCENTILES = {0.05, 0.10, 0.50, 0.90, 0.95};

  private SimulateJob() {}

  public static SimulationSummary run(SparkSession spark, SimulateOptions options) {
    return run(() -> spark, options);
  }

  public static SimulationSummary run(Supplier<SparkSession> sparkSession, SimulateOptions options) {
    Instant started = Instant.now();
    Scenario scenario = options.scenarioToRun();
    SparkSession spark = sparkSession.get();
    byte[] paramsBytes = readParams(spark, options.params());
    ParameterSet params = ParameterSetFile.read(new java.io.ByteArrayInputStream(paramsBytes), options.params() + "/params.json");
    Kernel kernel = new Kernel(scenario, params);
    int n = scenario.simulation().iterations();

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = options.partitions() != null ? options.partitions() : Math.max(1, Math.min(n, jsc.defaultParallelism() * 4));
    Broadcast<Kernel> shared = jsc.broadcast(kernel);
    LongAccumulator done = spark.sparkContext().longAccumulator("iterations simulated");
    String name = scenario.name();
    JavaRDD<Row> rows = spark.range(0, n, 1, partitions).javaRDD().mapPartitions(numbers -> {
      Kernel k = shared.value();
      return new Iterator<Row>() {
        @Override
        public boolean hasNext() {
          return numbers.hasNext();
        }

        @Override
        public Row next() {
          Row row = iterationRow(name, k.run(numbers.next()));
          done.add(1);
          return row;
        }
      };
    });

    Instant simulating = Instant.now();
    Progress progress = Progress.start(done, n);
    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      spark.createDataFrame(rows, ITERATIONS).write().parquet(out.path("simulation_iterations"));
      progress.stop();
      Duration simulated = Duration.between(simulating, Instant.now());
      Dataset<Row> iterations = spark.read().parquet(out.path("simulation_iterations"));
      List<Row> summary = summarise(iterations, name, kernel.financialYears());
      List<Row> months = months(iterations, name, kernel.firstMonth());
      spark.createDataFrame(summary, SUMMARY).coalesce(1).write().parquet(out.path("simulation_summary"));
      CsvExport.write(SUMMARY, summary, out, "simulation_summary.csv");
      spark.createDataFrame(months, MONTHS).coalesce(1).write().parquet(out.path("simulation_months"));
      CsvExport.write(MONTHS, months, out, "simulation_months.csv");
      String scenarioText = scenarioText(options);
      out.writeText("scenario.yaml", scenarioText);
      SimulationSummary result = SimulationSummary.of(out.target(), scenario, params, n, partitions, sha256(scenarioText.getBytes(StandardCharsets.UTF_8)),
          sha256(paramsBytes), kernel.financialYears(), summary, iterations, simulated);
      out.writeText("summary.json", Json.write(result));
      out.writeText(OutputDir.RUN_FILE, Json.write(new RunInfo("sib", SibVersion.get(), "simulate", options.describe(), started,
          Instant.now(), spark.version(), spark.sparkContext().master(), List.of())));
      out.commit();
      return result;
    } finally {
      progress.stop();
      shared.destroy();
    }
  }

  static Row iterationRow(String scenario, IterationResult r) {
    RowBuilder b = RowBuilder.of(ITERATIONS);
    b.set("scenario", scenario).set("iteration", r.iteration()).set("volume", r.volume()).set("hazard_ratio", r.hazardRatio())
        .set("counterfactual_entry", r.counterfactualEntry()).set("referrals", r.referrals())
        .set("diversion_referrals", r.diversionReferrals()).set("reunification_referrals", r.reunificationReferrals())
        .set("milestones", r.milestones()).set("payable_days", r.payableDays()).set("care_days_without", r.careDaysWithout())
        .set("care_days_with", r.careDaysWith()).set("care_days_avoided", r.careDaysAvoided())
        .set("outcome_payments", r.outcomePayments()).set("capped", r.capped()).set("outcomes_fund", r.outcomesFund())
        .set("council_cost", r.councilCost()).set("gross_savings", r.grossSavings()).set("cashable_savings", r.cashableSavings())
        .set("net_position", r.netPosition()).set("npv", r.netPresentValue()).set("delivery_costs", r.deliveryCosts())
        .set("investor_net_return", r.investorNetReturn()).set("investor_peak_capital", r.investorPeakCapital())
        .set("investor_irr", r.investorIrr()).set("cap_hit", r.capHit()).set("budget_exceeded", r.budgetExceeded());
    b.set("payments_by_year", r.years().stream().map(IterationResult.Year::outcomePayments).toList());
    b.set("outcomes_fund_by_year", r.years().stream().map(IterationResult.Year::outcomesFund).toList());
    b.set("council_cost_by_year", r.years().stream().map(IterationResult.Year::councilCost).toList());
    b.set("gross_savings_by_year", r.years().stream().map(IterationResult.Year::grossSavings).toList());
    b.set("cashable_savings_by_year", r.years().stream().map(IterationResult.Year::cashableSavings).toList());
    b.set("net_position_by_year", r.years().stream().map(IterationResult.Year::netPosition).toList());
    b.set("delivery_costs_by_year", r.years().stream().map(IterationResult.Year::deliveryCosts).toList());
    b.set("cumulative_payments_by_month", java.util.Arrays.stream(r.cumulativePayments()).boxed().toList());
    b.set("cumulative_net_by_month", java.util.Arrays.stream(r.cumulativeNetPosition()).boxed().toList());
    return b.build();
  }

  /**
   * Mean, sd, percentiles and Monte Carlo standard error of every metric, totals and by year. Sums
   * are taken in exact decimals and percentiles are exact, so partitioning cannot change them.
   */
  static List<Row> summarise(Dataset<Row> iterations, String scenario, List<String> years) {
    List<Row> rows = new ArrayList<>();
    List<Column> aggs = new ArrayList<>();
    for (String m : METRICS) {
      aggs.addAll(stats(col(m)));
    }
    Row totals = iterations.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).head();
    for (int i = 0; i < METRICS.size(); i++) {
      rows.add(statsRow(scenario, METRICS.get(i), null, totals, i * 4));
    }
    // By financial year: explode the arrays with their positions.
    StringBuilder zip = new StringBuilder("posexplode(arrays_zip(");
    zip.append(String.join(", ", YEAR_METRICS)).append(")) as (pos, v)");
    Dataset<Row> exploded = iterations.selectExpr(zip.toString());
    List<Column> yearAggs = new ArrayList<>();
    for (String m : YEAR_METRICS) {
      yearAggs.addAll(stats(col("v." + m)));
    }
    for (Row r : exploded.groupBy("pos").agg(yearAggs.get(0), yearAggs.subList(1, yearAggs.size()).toArray(Column[]::new))
        .orderBy("pos").collectAsList()) {
      int pos = r.getInt(0);
      for (int i = 0; i < YEAR_METRICS.size(); i++) {
        rows.add(statsRow(scenario, YEAR_METRICS.get(i), years.get(pos), r, 1 + i * 4));
      }
    }
    return rows;
  }

  /** count, exact decimal sum, exact decimal sum of squares, exact percentiles. */
  private static List<Column> stats(Column c) {
    Column d = c.cast("decimal(38,6)");
    String name = c.toString();
    return List.of(count(c), sum(d), sum(c.cast("decimal(30,4)").multiply(c.cast("decimal(30,4)"))),
        expr("percentile(" + name + ", array(0.05, 0.10, 0.50, 0.90, 0.95))"));
  }

  private static Row statsRow(String scenario, String metric, String year, Row r, int at) {
    long n = r.getLong(at);
    BigDecimal sum = r.isNullAt(at + 1) ? BigDecimal.ZERO : r.getDecimal(at + 1);
    BigDecimal squares = r.isNullAt(at + 2) ? BigDecimal.ZERO : r.getDecimal(at + 2);
    double mean = n == 0 ? 0 : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    double variance = n < 2 ? 0 : squares.subtract(sum.multiply(sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128))
        .divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();
    double sd = Math.sqrt(Math.max(0, variance));
    List<Double> p = r.isNullAt(at + 3) ? List.of(0.0, 0.0, 0.0, 0.0, 0.0) : r.getList(at + 3);
    return RowBuilder.of(SUMMARY).set("scenario", scenario).set("metric", metric).set("financial_year", year).set("n", Math.max(n, 1))
        .set("mean", mean).set("sd", sd).set("p5", p.get(0)).set("p10", p.get(1)).set("p50", p.get(2)).set("p90", p.get(3))
        .set("p95", p.get(4)).set("mc_se", n == 0 ? 0 : sd / Math.sqrt(n)).build();
  }

  /** The fan chart's data: percentiles of the cumulative payments and net position of each month. */
  static List<Row> months(Dataset<Row> iterations, String scenario, LocalDate firstMonth) {
    Dataset<Row> exploded = iterations.selectExpr(
        "posexplode(arrays_zip(cumulative_payments_by_month, cumulative_net_by_month)) as (pos, v)");
    String pay = "v.cumulative_payments_by_month";
    String net = "v.cumulative_net_by_month";
    String pct = ", array(0.05, 0.10, 0.50, 0.90, 0.95))";
    List<Row> agg = exploded.groupBy("pos").agg(expr("count(1)"),
            expr("sum(cast(" + pay + " as decimal(38,6)))"), expr("percentile(" + pay + pct),
            expr("sum(cast(" + net + " as decimal(38,6)))"), expr("percentile(" + net + pct))
        .orderBy("pos").collectAsList();
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(MONTHS);
    for (Row r : agg) {
      LocalDate month = firstMonth.plusMonths(r.getInt(0));
      BigDecimal n = BigDecimal.valueOf(r.getLong(1));
      rows.add(fan(b, scenario, "cumulative_payments", month, r.getDecimal(2).divide(n, MathContext.DECIMAL128).doubleValue(), r.getList(3)));
      rows.add(fan(b, scenario, "cumulative_net_position", month, r.getDecimal(4).divide(n, MathContext.DECIMAL128).doubleValue(), r.getList(5)));
    }
    return rows;
  }

  private static Row fan(RowBuilder b, String scenario, String metric, LocalDate month, double mean, List<Double> p) {
    return b.set("scenario", scenario).set("metric", metric).set("month", month).set("mean", mean)
        .set("p5", p.get(0)).set("p10", p.get(1)).set("p50", p.get(2)).set("p90", p.get(3)).set("p95", p.get(4)).build();
  }

  private static byte[] readParams(SparkSession spark, String params) {
    Path file = new Path(params, "params.json");
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        throw new InputFormatException("--params " + params + " has no params.json: give the output folder of sib calibrate");
      }
      try (InputStream in = fs.open(file)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String scenarioText(SimulateOptions options) {
    try {
      if (options.scenario() != null) {
        return Files.readString(options.scenario());
      }
      try (InputStream in = ScenarioFile.class.getResourceAsStream("default-scenario.yaml")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
