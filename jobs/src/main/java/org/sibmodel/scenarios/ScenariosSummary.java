package org.sibmodel.scenarios;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.SibVersion;
import org.sibmodel.simulate.Kernel;
import org.sibmodel.simulate.Scenario;
import org.sibmodel.simulate.ScenarioSet;
import org.sibmodel.simulate.SimulateJob;

/** What {@code sib scenarios} found, for summary.json, the console and {@code sib report}. */
public record ScenariosSummary(
    String out,
    boolean syntheticData,
    String base,
    String description,
    long seed,
    int iterations,
    int sensitivityIterations,
    int evaluations,
    String paramsSha256,
    String version,
    List<String> financialYears,
    List<ScenarioFigures> scenarios,
    List<Map<String, Object>> breakEven,
    List<Map<String, Object>> sensitivity,
    List<Assumption> assumptions) {

  /** One scenario's headline figures: metric → {mean, p10, p50, p90}; probabilities by name. */
  public record ScenarioFigures(String name, Map<String, Map<String, Double>> metrics, Map<String, Double> probabilities) {}

  /** A base-scenario input in words, with its source, for the report's plain-English summary. */
  public record Assumption(String input, String value, String source) {}

  static ScenariosSummary of(String out, ScenarioSet set, Kernel base, SimulateJob.Params params, int n, int sn, List<Row> summary,
      List<Row> sensitivity, List<Row> breakEven, Dataset<Row> iterations, int evaluations, String paramsSha) {
    Map<String, Map<String, Double>> probabilities = new LinkedHashMap<>();
    for (Row r : iterations.groupBy("scenario").agg(count(lit(1)), sum(when(col("cap_hit"), 1L).otherwise(0L)),
        sum(when(col("net_position").lt(0), 1L).otherwise(0L)), sum(when(col("budget_exceeded"), 1L).otherwise(0L))).collectAsList()) {
      double total = r.getLong(1);
      Map<String, Double> p = new LinkedHashMap<>();
      p.put("outcome_payments_hit_the_cap", r.getLong(2) / total);
      p.put("council_net_position_negative", r.getLong(3) / total);
      p.put("a_financial_year_over_budget", r.getLong(4) / total);
      probabilities.put(r.getString(0), p);
    }
    List<ScenarioFigures> figures = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of(set.base().name()));
    set.variants().forEach(v -> names.add(v.name()));
    for (String name : names) {
      Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
      for (Row r : summary) {
        if (r.getAs("scenario").equals(name) && r.isNullAt(r.fieldIndex("financial_year"))) {
          Map<String, Double> m = new LinkedHashMap<>();
          m.put("mean", r.getAs("mean"));
          m.put("p10", r.getAs("p10"));
          m.put("p50", r.getAs("p50"));
          m.put("p90", r.getAs("p90"));
          metrics.put(r.getAs("metric"), m);
        }
      }
      figures.add(new ScenarioFigures(name, metrics, probabilities.getOrDefault(name, Map.of())));
    }
    return new ScenariosSummary(out, params.set().syntheticData(), set.base().name(), set.base().description(),
        set.base().simulation().seed(), n, sn, evaluations, paramsSha, SibVersion.get(), base.financialYears(), figures,
        rowsAsMaps(breakEven), rowsAsMaps(sensitivity), assumptions(set.base()));
  }

  private static List<Map<String, Object>> rowsAsMaps(List<Row> rows) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : r.schema().fieldNames()) {
        m.put(f, r.getAs(f));
      }
      maps.add(m);
    }
    return maps;
  }

  /** The base scenario's inputs in words, each with where it comes from (default-scenario.yaml). */
  static List<Assumption> assumptions(Scenario s) {
    List<Assumption> a = new ArrayList<>();
    Scenario.Referrals r = s.referrals();
    a.add(new Assumption("Contract", s.contract().contractStart() + " to " + s.contract().contractEnd().minusDays(1) + ": "
        + s.contract().referralMonths() + " months of referrals and " + s.contract().outcomeMonths() + " more for outcomes",
        "seed 000, cover and 1.9"));
    a.add(new Assumption("Price per child (P)", s.contract().tariff().values().stream().distinct().map(p -> "£" + p.toPlainString()).toList()
        .toString(), "ILLUSTRATIVE: the specification leaves prices to the tender (spec/payment-mechanism.md test vectors)"));
    a.add(new Assumption("Payment mechanism", "milestone 34% of P at 6 months, 51% over 548 tracking days, 15% secondary outcomes;"
        + " care over 8 weeks stops payments, a third entry fails", "seed 000 section 9; spec/payment-mechanism.md"));
    a.add(new Assumption("Referrals", r.source().equals("table") ? "seed 000 table 2.2: " + labelled(r.perYear()) + " a year, x "
        + describe(r.volume()) : "calibrated entries x " + r.referralsPerEntry(), "seed 000 2.2"));
    a.add(new Assumption("Districts", r.districts().toString(), "the four target districts, seed 000 1.5"));
    a.add(new Assumption("Service effect (hazard ratio on entering care)", describe(s.effect().hazardRatio()),
        "ASSUMPTION: no seed document gives an effect size"));
    a.add(new Assumption("Without the service", "a diverted child enters care within 12 months with chance "
        + describe(s.counterfactual().diversionEntryWithin12Months()), "ASSUMPTION: referred children are at the cusp of care (seed 000 2.1.1)"));
    a.add(new Assumption("Time in care, re-entry, placement mix", "calibrated from the care data (sib calibrate)", "the parameter set"));
    s.costs().weekly().forEach((g, c) -> a.add(new Assumption("Weekly cost: " + g.label().replace('_', ' '), describe(c.pounds()), c.source())));
    a.add(new Assumption("Inflation of care costs", String.format("%.1f%% a year from %d", 100 * s.costs().inflation(), s.costs().priceYear()),
        "ASSUMPTION"));
    a.add(new Assumption("Cashable share of costs avoided", String.format("%.0f%%", 100 * s.costs().cashableShare()), "ASSUMPTION (seed 002, 4)"));
    a.add(new Assumption("Outcomes fund", String.format("%.0f%% of outcome payments, up to %s", 100 * s.funding().outcomesFundShare(),
        s.funding().outcomesFundCap() == null ? "no cap" : String.format("£%,.0f", s.funding().outcomesFundCap())), "seed 002, 3 and 4 (DN2)"));
    a.add(new Assumption("Delivery costs (social investor)", String.format("£%,.0f a referral and £%,.0f a year", s.delivery().perReferral(),
        s.delivery().fixedPerYear()), "ASSUMPTION"));
    a.add(new Assumption("Discount rate", "3.5% a year", "HM Treasury Green Book"));
    return a;
  }

  /** The referral table as the bands' labels read: {DIVERSION={5-7=44.0, ...}, ...}. */
  private static String labelled(Map<org.sibmodel.vocabulary.Pathway, Map<org.sibmodel.vocabulary.AgeBand, Double>> perYear) {
    Map<String, Map<String, Double>> labels = new LinkedHashMap<>();
    perYear.forEach((pathway, bands) -> {
      Map<String, Double> byLabel = new LinkedHashMap<>();
      bands.forEach((band, n) -> byLabel.put(band.label(), n));
      labels.put(pathway.name(), byLabel);
    });
    return labels.toString();
  }

  private static String describe(org.sibmodel.simulate.Distribution d) {
    return d.kind().equals("fixed") || d.sd() == 0 ? String.format("%.4g", d.mean())
        : String.format("%s, mean %.4g, sd %.4g", d.kind(), d.mean(), d.sd());
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (syntheticData) {
      s.append("SYNTHETIC DATA: the parameters were calibrated on data from sib generate.\n");
    }
    s.append(String.format("%d scenarios x %,d iterations (seed %d); sensitivity %,d iterations an evaluation, %d evaluations.%n",
        scenarios.size(), iterations, seed, sensitivityIterations, evaluations));
    s.append(String.format("%-28s %14s %14s %14s %10s%n", "council net position", "P10", "P50", "P90", "P(< 0)"));
    for (ScenarioFigures f : scenarios) {
      Map<String, Double> net = f.metrics().get("net_position");
      s.append(String.format("%-28s %,14.0f %,14.0f %,14.0f %9.1f%%%n", f.name(), net.get("p10"), net.get("p50"), net.get("p90"),
          100 * f.probabilities().getOrDefault("council_net_position_negative", 0.0)));
    }
    for (Map<String, Object> b : breakEven) {
      s.append(b.get("tariff") == null ? String.format("Break-even tariff (%s): none: %s%n", b.get("basis"), b.get("note"))
          : String.format("Break-even tariff (%s net position >= 0): £%,.0f ± £%.0f%n", b.get("basis"), (Double) b.get("tariff"),
              (Double) b.get("tariff_accuracy")));
    }
    s.append("\nOutputs in ").append(out).append(":\n  scenario_iterations/ scenario_summary scenario_months sensitivity break_even"
        + " (Parquet and CSV) summary.json scenario.yaml run.json\n  then: sib report --results ").append(out).append(" --out DIR\n");
    return s.toString();
  }
}
