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
import org.sibmodel.format.Formats;
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
    List<Assumption> assumptions,
    org.sibmodel.simulate.Plausibility plausibility) {

  /** One scenario's headline figures: metric → {mean, p10, p50, p90}; probabilities by name. */
  public record ScenarioFigures(String name, Map<String, Map<String, Double>> metrics, Map<String, Double> probabilities) {}

  /** A base-scenario input in words, with its source, for the report's plain-English summary. */
  public record Assumption(String input, String value, String source) {}

  static ScenariosSummary of(String out, ScenarioSet set, Kernel base, SimulateJob.Params params, int n, int sn, List<Row> summary,
      List<Row> sensitivity, List<Row> breakEven, Dataset<Row> iterations, int evaluations, String paramsSha) {
    Map<String, Map<String, Double>> probabilities = new LinkedHashMap<>();
    for (Row r : iterations.groupBy("scenario").agg(count(lit(1)), sum(when(col("cap_hit"), 1L).otherwise(0L)),
        sum(when(col("net_position").lt(0), 1L).otherwise(0L)), sum(when(col("budget_exceeded"), 1L).otherwise(0L)),
        sum(when(col("npv_real").lt(0), 1L).otherwise(0L))).collectAsList()) {
      double total = r.getLong(1);
      Map<String, Double> p = new LinkedHashMap<>();
      p.put("outcome_payments_hit_the_cap", r.getLong(2) / total);
      p.put("council_net_position_negative", r.getLong(3) / total);
      p.put("council_npv_real_negative", r.getLong(5) / total);
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
        rowsAsMaps(breakEven), rowsAsMaps(sensitivity), assumptions(set.base()),
        org.sibmodel.simulate.Plausibility.of(set.base(), base.calibratedEntriesPerYear(),
            figures.get(0).metrics().getOrDefault("entered_care_within_a_year_without", Map.of("mean", 0.0)).get("mean")));
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
    a.add(new Assumption("Price per child (P)", String.join(", ", s.contract().tariff().values().stream().distinct()
        .map(p -> Formats.money(p.doubleValue())).toList()), "ILLUSTRATIVE: the specification leaves prices to the tender (spec/payment-mechanism.md test vectors)"));
    a.add(new Assumption("Payment mechanism", "milestone 34% of P at 6 months, 51% over 548 tracking days, 15% secondary outcomes;"
        + " care over 8 weeks stops payments, a third entry fails", "seed 000 section 9; spec/payment-mechanism.md"));
    a.add(new Assumption("Referrals", r.source().equals("table") ? "seed 000 table 2.2 a year (" + labelled(r.perYear()) + "), times a volume "
        + describe(r.volume()) : "calibrated entries x " + r.referralsPerEntry(), "seed 000 2.2"));
    List<String> districts = new ArrayList<>();
    r.districts().forEach((d, share) -> districts.add(d + " " + Formats.percent(share)));
    a.add(new Assumption("Districts (share of referrals)", String.join(", ", districts), "the four target districts, seed 000 1.5"));
    a.add(new Assumption("Referrals who engage", String.format("%.0f%%; the rest get no service and no payment", 100 * r.acceptance()),
        "ASSUMPTION: seed 000 8.3.2 tracks acceptance, no figure"));
    a.add(new Assumption("Days from referral to day 0 (engagement)", describe(r.daysToStart()), "ASSUMPTION"));
    a.add(new Assumption("Reunification referrals who go home with the service", String.format("%.0f%%, %s days after referral",
        100 * r.reunification().homeShare(), describe(r.reunification().daysToHome())), "ASSUMPTION"));
    a.add(new Assumption("Service effect (hazard ratio on entering care and on going back after a return home)",
        describe(s.effect().hazardRatio()) + (s.effect().waningMonths() == null ? ", lasting"
            : ", fading to none over " + s.effect().waningMonths() + " months from day 0"),
        "ASSUMPTION: no seed document gives an effect size"));
    a.add(new Assumption("Effect on leaving care, for children who enter despite the service (exit hazard ratio)",
        describe(s.effect().exitHazardRatio()), "ASSUMPTION: seed 000 1.1 aims at shorter stays, no size"));
    a.add(new Assumption("Without the service", "a diverted child enters care within 12 months with chance "
        + describe(s.counterfactual().diversionEntryWithin12Months()), "ASSUMPTION: referred children are at the cusp of care (seed 000 2.1.1)"));
    a.add(new Assumption("Time in care, re-entry, placement mix", "calibrated from the care data (sib calibrate)", "the parameter set"));
    s.costs().weekly().forEach((g, c) -> a.add(new Assumption("Weekly cost: " + g.label().replace('_', ' '), describe(c.pounds()), c.source())));
    a.add(new Assumption("Growth of care costs", String.format("%.1f%% a year in cash terms from %s prices", 100 * s.costs().inflation(),
        org.sibmodel.payments.CalendarDays.financialYearLabel(s.economics().priceYear())), "ASSUMPTION"));
    Map<String, String> shares = new LinkedHashMap<>();
    s.costs().cashableShare().forEach((g, share) -> shares.put(g.label().replace('_', ' '), Formats.percent(share, 0)));
    a.add(new Assumption("Cashable share of care costs avoided, by placement group", shares.toString().replaceAll("[{}]", ""),
        "ASSUMPTION; residential: seed 001, 1.8 (block beds are paid whether occupied or not)"));
    a.add(new Assumption("Cashable profile by contract year", s.costs().cashableProfile().isEmpty() ? "the same every year"
        : s.costs().cashableProfile().stream().map(f -> Formats.percent(f, 0)).toList() + " of those shares in years 1, 2, ... (the last on)",
        "ASSUMPTION: capacity is released with a lag"));
    a.add(new Assumption("Savings horizon", "care avoided is counted " + s.costs().savingsHorizon(),
        "ASSUMPTION: the largest prudence lever; see the sensitivity"));
    Scenario.OutcomesFund fund = s.funding().outcomesFund();
    a.add(new Assumption("Outcomes fund", String.format("%.0f%% of each outcome payment, up to %s, for invoices to %s", 100 * fund.share(),
        fund.award() == null ? "no limit" : Formats.money(fund.award()),
        fund.lastPaymentDate() == null ? "the end of the contract" : fund.lastPaymentDate().toString()),
        "seed 002, 3 and 4 (DN2: £3m shared by three councils); award and end date ASSUMPTION until the award letter"));
    s.councilCosts().perYear().forEach((name, cost) -> a.add(new Assumption("Council's own costs: " + name.replace('_', ' '),
        describe(cost.pounds()) + " a year at " + org.sibmodel.payments.CalendarDays.financialYearLabel(s.economics().priceYear())
            + " prices, over the contract term", cost.source())));
    a.add(new Assumption("Delivery costs (social investor)", Formats.money(s.delivery().perReferral()) + " a referral and "
        + Formats.money(s.delivery().fixedPerYear()) + " a year", "ASSUMPTION"));
    Scenario.Economics e = s.economics();
    a.add(new Assumption("Price year", org.sibmodel.payments.CalendarDays.financialYearLabel(e.priceYear())
        + ": every input price; real values are in its pounds", "HM Treasury Green Book"));
    a.add(new Assumption("General inflation (GDP deflator)", describe(e.inflation()) + " a year", "ASSUMPTION around the Bank of England's 2% target"));
    a.add(new Assumption("Discount rate", String.format("%.1f%% a year on real values, from the contract's first financial year",
        100 * e.discountRate()), "HM Treasury Green Book (social time preference rate)"));
    a.add(new Assumption("Optimism bias", e.optimismBias().apply()
        ? String.format("council's own costs +%.0f%%, savings \u2212%.0f%%", 100 * e.optimismBias().costs(), 100 * e.optimismBias().benefits())
        : "not applied", "Green Book supplementary guidance (figures.md: outsourcing operating costs 0 to 41%); benefits ASSUMPTION"));
    return a;
  }

  /** The referral table as the bands' labels read: {DIVERSION={5-7=44.0, ...}, ...}. */
  private static String labelled(Map<org.sibmodel.vocabulary.Pathway, Map<org.sibmodel.vocabulary.AgeBand, Double>> perYear) {
    List<String> pathways = new ArrayList<>();
    perYear.forEach((pathway, bands) -> {
      List<String> byLabel = new ArrayList<>();
      bands.forEach((band, n) -> byLabel.add(band.label() + ": " + Formats.number(n)));
      pathways.add(pathway.name().toLowerCase(java.util.Locale.ROOT) + " " + String.join(", ", byLabel));
    });
    return String.join("; ", pathways);
  }

  private static String describe(org.sibmodel.simulate.Distribution d) {
    return d.kind().equals("fixed") || d.sd() == 0 ? Formats.number(d.mean())
        : d.kind() + ", mean " + Formats.number(d.mean()) + ", sd " + Formats.number(d.sd());
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (syntheticData) {
      s.append("SYNTHETIC DATA: the parameters were calibrated on data from sib generate.\n");
    }
    s.append(String.format("%d scenarios x %,d iterations (seed %d); sensitivity %,d iterations an evaluation, %d evaluations.%n",
        scenarios.size(), iterations, seed, sensitivityIterations, evaluations));
    s.append(String.format("%-28s %14s %14s %14s %10s %14s %10s%n", "council", "net P10", "net P50", "net P90", "P(< 0)",
        "real NPV P50", "deadweight"));
    for (ScenarioFigures f : scenarios) {
      Map<String, Double> net = f.metrics().get("net_position");
      Map<String, Double> npv = f.metrics().get("npv_real");
      Map<String, Double> deadweight = f.metrics().get("deadweight_share");
      s.append(String.format("%-28s %14s %14s %14s %10s %14s %10s%n", f.name(), Formats.money(net.get("p10")),
          Formats.money(net.get("p50")), Formats.money(net.get("p90")),
          Formats.percent(f.probabilities().getOrDefault("council_net_position_negative", 0.0)), Formats.money(npv.get("p50")),
          Formats.percent(deadweight.get("p50"), 0)));
    }
    s.append(plausibility.message()).append('\n');
    for (Map<String, Object> b : breakEven) {
      s.append(b.get("tariff") == null ? String.format("Break-even tariff (%s %s >= 0): none: %s%n", b.get("percentile"), b.get("measure"), b.get("note"))
          : String.format("Break-even tariff (%s %s >= 0): %s ± %s%n", b.get("percentile"), b.get("measure"),
              Formats.money((Double) b.get("tariff")), Formats.money((Double) b.get("tariff_accuracy"))));
    }
    s.append("\nOutputs in ").append(out).append(":\n  scenario_iterations/ scenario_summary scenario_months sensitivity break_even"
        + " (Parquet and CSV) summary.json scenario.yaml run.json\n  then: sib report --results ").append(out).append(" --out DIR\n");
    return s.toString();
  }
}
