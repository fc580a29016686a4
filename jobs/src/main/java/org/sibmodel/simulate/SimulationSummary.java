package org.sibmodel.simulate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.SibVersion;
import org.sibmodel.format.Formats;
import org.sibmodel.params.ParameterSet;

/**
 * What {@code sib simulate} found, with its provenance: the scenario and parameter set (their
 * SHA-256), the seed, the number of iterations and the version, so a figure can be traced and
 * reproduced.
 */
public record SimulationSummary(
    String out,
    String scenario,
    String description,
    boolean syntheticData,
    long seed,
    int iterations,
    int partitions,
    String scenarioSha256,
    String paramsSha256,
    String version,
    List<String> financialYears,
    Map<String, Metric> metrics,
    Map<String, Double> probabilities,
    Plausibility plausibility,
    double seconds,
    double iterationsPerSecond,
    double childrenPerSecond) {

  /** A metric over the iterations. */
  public record Metric(double mean, double sd, double p10, double p50, double p90, double mcSe) {}

  static SimulationSummary of(String out, Kernel kernel, ParameterSet params, int n, int partitions, String scenarioSha,
      String paramsSha, List<String> years, List<Row> summary, Dataset<Row> iterations, Duration simulated) {
    Scenario scenario = kernel.scenario();
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (Row r : summary) {
      if (r.isNullAt(r.fieldIndex("financial_year"))) {
        metrics.put(r.getAs("metric"), new Metric(r.getAs("mean"), r.getAs("sd"), r.getAs("p10"), r.getAs("p50"), r.getAs("p90"), r.getAs("mc_se")));
      }
    }
    Row p = iterations.agg(count(lit(1)), sum(when(col("cap_hit"), 1L).otherwise(0L)),
        sum(when(col("net_position").lt(0), 1L).otherwise(0L)), sum(when(col("budget_exceeded"), 1L).otherwise(0L)),
        sum(when(col("npv_real").lt(0), 1L).otherwise(0L))).head();
    Map<String, Double> probabilities = new LinkedHashMap<>();
    double total = p.getLong(0);
    probabilities.put("outcome_payments_hit_the_cap", p.getLong(1) / total);
    probabilities.put("council_net_position_negative", p.getLong(2) / total);
    probabilities.put("council_npv_real_negative", p.getLong(4) / total);
    probabilities.put("a_financial_year_over_budget", p.getLong(3) / total);
    double seconds = Math.max(1e-3, simulated.toMillis() / 1000.0);
    double children = metrics.containsKey("referrals") ? metrics.get("referrals").mean() * n : 0;
    Metric entered = metrics.get("entered_care_within_a_year_without");
    Plausibility plausibility = Plausibility.of(scenario, kernel.calibratedEntriesPerYear(), entered == null ? 0 : entered.mean());
    return new SimulationSummary(out, scenario.name(), scenario.description(), params.syntheticData(), scenario.simulation().seed(), n,
        partitions, scenarioSha, paramsSha, SibVersion.get(), years, metrics, probabilities, plausibility, seconds, n / seconds,
        children / seconds);
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (syntheticData) {
      s.append("SYNTHETIC DATA: the parameters were calibrated on data from sib generate.\n");
    }
    s.append(String.format("Scenario %s: %,d iterations, seed %d, %.1f s (%,.0f iterations and %,.0f children a second).%n",
        scenario, iterations, seed, seconds, iterationsPerSecond, childrenPerSecond));
    s.append(String.format("%-26s %14s %14s %14s %14s%n", "", "mean", "P10", "P50", "P90"));
    for (String m : List.of("referrals", "milestones", "milestones_without_effect", "care_days_avoided")) {
      Metric x = metrics.get(m);
      if (x != null) {
        s.append(String.format("%-26s %14s %14s %14s %14s%n", m, Formats.count(Math.round(x.mean())), Formats.count(Math.round(x.p10())),
            Formats.count(Math.round(x.p50())), Formats.count(Math.round(x.p90()))));
      }
    }
    for (String m : List.of("outcome_payments", "payments_without_effect", "outcomes_fund", "council_cost", "council_side_costs",
        "cost_per_care_day_avoided", "gross_savings", "cashable_savings", "savings_in_term", "savings_after_term", "net_position",
        "npv_real", "investor_peak_capital", "investor_net_return")) {
      Metric x = metrics.get(m);
      if (x != null) {
        s.append(String.format("%-26s %14s %14s %14s %14s%n", m, Formats.money(x.mean()), Formats.money(x.p10()), Formats.money(x.p50()),
            Formats.money(x.p90())));
      }
    }
    Metric deadweight = metrics.get("deadweight_share");
    if (deadweight != null) {
      s.append(String.format("%-26s %14s %14s %14s %14s%n", "deadweight_share", Formats.percent(deadweight.mean(), 0),
          Formats.percent(deadweight.p10(), 0), Formats.percent(deadweight.p50(), 0), Formats.percent(deadweight.p90(), 0)));
    }
    Metric irr = metrics.get("investor_irr");
    if (irr != null) {
      s.append(String.format("%-26s %14s %14s %14s %14s%n", "investor_irr (a year)", Formats.percent(irr.mean()), Formats.percent(irr.p10()),
          Formats.percent(irr.p50()), Formats.percent(irr.p90())));
    }
    List<String> probs = new ArrayList<>();
    probabilities.forEach((k, v) -> probs.add(k.replace('_', ' ') + " " + Formats.percent(v)));
    s.append("Probabilities: ").append(String.join("; ", probs)).append('\n');
    s.append(plausibility.message()).append('\n');
    Metric payments = metrics.get("outcome_payments");
    if (payments != null) {
      s.append("Monte Carlo standard error of mean outcome payments: ").append(Formats.money(payments.mcSe())).append(".\n");
    }
    s.append("\nOutputs in ").append(out).append(":\n")
        .append("  simulation_iterations/ (Parquet: one row per iteration, arrays by financial year and month)\n")
        .append("  simulation_summary.csv simulation_months.csv (and Parquet) summary.json scenario.yaml run.json\n");
    return s.toString();
  }
}
