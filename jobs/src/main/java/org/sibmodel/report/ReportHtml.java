package org.sibmodel.report;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.format.Formats;
import org.sibmodel.format.Quantity;
import org.sibmodel.io.Charts;
import org.sibmodel.io.HtmlPage;
import org.sibmodel.scenarios.ScenariosSummary;
import org.sibmodel.simulate.ScenarioInput;

/**
 * The affordability report: one self-contained HTML page that opens offline (charts are PNGs and
 * SVG inside it) and prints to A4. It opens with an executive summary a Cabinet member can read in
 * a minute; every chart and table says when the data behind it are synthetic. Money goes through
 * {@link Formats}: a true minus before the pound sign, large columns in £k or £m with the scale in
 * the header.
 */
final class ReportHtml {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private ReportHtml() {}

  /** What the page is made from. */
  record Inputs(ScenariosSummary summary, List<String> scenarios, List<Row> affordability, List<Row> cashFlow, List<Row> months,
      List<Row> sensitivity, List<Row> breakEven, double[] basePayments, double[] baseNet) {}

  static String html(Inputs in) {
    boolean synthetic = in.summary().syntheticData();
    String base = in.summary().base();
    String tag = synthetic ? " <span class=\"syn\">synthetic data</span>" : "";
    HtmlPage page = HtmlPage.titled("Affordability of the edge-of-care outcomes contract")
        .css(".exec{background:#f3f7fb;border-left:5px solid #2b6cb0;padding:.4em 1.2em .8em;margin:1em 0}.exec h2{border:0;margin-top:.4em}"
            + ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.6em;margin:.8em 0}"
            + ".tile{background:#fff;border:1px solid #d5dde6;padding:.4em .7em}.tile b{display:block;font-size:1.35rem;white-space:nowrap}"
            + ".tile span{font-size:.85rem;color:#4a5563}.lead{font-size:1.08rem}");
    if (synthetic) {
      page.top("<p class=\"synthetic\" id=\"synthetic\">SYNTHETIC DATA: the parameters behind every chart and table were calibrated on"
          + " care data made by <code>sib generate</code>. The figures describe the model, not a real council.</p>");
    }
    page.top(executiveSummary(in, base));

    page.section("About these figures", String.format(Locale.ROOT, "<p>Base scenario <b>%s</b>: %s. %s iterations a scenario on common random"
            + " numbers (seed %d); sensitivity and break-even %s iterations an evaluation. Money is in nominal pounds (cash as paid) unless"
            + " it says real: the real net present value (NPV) is in pounds of the price year, discounted the Green Book way (see the"
            + " assumptions). Savings and the council's own costs are after optimism bias. P50 is the median; P10 the prudent low end"
            + " (one run in ten is worse); P90 the high end.</p>",
        esc(base), esc(String.valueOf(in.summary().description())), Formats.count(in.summary().iterations()), in.summary().seed(),
        Formats.count(in.summary().sensitivityIterations())) + "<ul>" + details(in, base) + "</ul>");

    page.section("Affordability by scenario", affordability(in, tag));
    page.section("Cash flow by financial year: " + base, cashFlow(in, base, tag));
    page.section("How the position builds up: " + base, "<div class=\"grid\"><div>"
        + img(fan(in, base, "cumulative_payments", synthetic)) + "</div><div>" + img(fan(in, base, "cumulative_net_position", synthetic))
        + "</div></div><p class=\"note\">Dark line: the median; the bands: P10 to P90 and P5 to P95 of the cumulative total at each"
        + " month.</p>");
    page.section("How uncertain the totals are: " + base, "<div class=\"grid\"><div>" + img(paymentsHistogram(in, base, synthetic))
        + "</div><div>" + img(netHistogram(in, base, synthetic)) + "</div></div>");
    page.section("Break-even price per child", breakEven(in, tag));
    page.section("What moves the answer: sensitivity", sensitivity(in, tag));
    page.section("Assumptions and their sources", assumptions(in, tag)
        + "<p class=\"note\">Made by sib report from the results of sib scenarios (parameter set SHA-256 <code>"
        + esc(in.summary().paramsSha256()) + "</code>, sib " + esc(in.summary().version()) + "). Tables: affordability, cash_flow,"
        + " break_even, sensitivity (Parquet and CSV beside this page, and workbook.xlsx with its assumptions and a cash flow in"
        + " formulas).</p>");
    return page.render();
  }

  /** The basis the break-even and sensitivity are judged on: npv_real (default) or net_position. */
  private static String measure(Inputs in) {
    return in.breakEven().isEmpty() ? "npv_real" : in.breakEven().get(0).getAs("measure");
  }

  private static String measureWords(String measure) {
    return measure.equals("npv_real") ? "real net present value (Green Book)" : "net position in cash, undiscounted";
  }

  /** One screen for a Cabinet member: the answer at P50 and P10, the chance of a loss, deadweight, break-even, the three big levers. */
  static String executiveSummary(Inputs in, String base) {
    String measure = measure(in);
    boolean npv = measure.equals("npv_real");
    Double p50 = value(in, base, measure, "p50");
    Double p10 = value(in, base, measure, "p10");
    Double loss = value(in, base, npv ? "probability: council npv real negative" : "probability: council net position negative", "mean");
    Double deadweight = value(in, base, "deadweight_share", "p50");
    Double payments = value(in, base, "outcome_payments", "p50");
    String what = npv ? "real net present value" : "net position in cash";
    StringBuilder s = new StringBuilder("<section class=\"exec keep\" id=\"summary\"><h2>Executive summary</h2><p class=\"lead\">");
    s.append("At the median (P50) the council's ").append(what).append(" from the contract is <b>").append(esc(Formats.money(p50)))
        .append("</b>: ").append(p50 == null ? "not known" : p50 >= 0 ? "the savings more than pay for it" : "it costs more than it saves")
        .append(". At the prudent P10 it is <b>").append(esc(Formats.money(p10))).append("</b>");
    s.append(p10 == null ? "." : p10 >= 0 ? ": affordable even when outcomes disappoint." : ": in a bad case the council is out of pocket.");
    s.append("</p><div class=\"tiles\">");
    tile(s, "median (P50) " + what, Formats.money(p50));
    tile(s, "prudent (P10) " + what, Formats.money(p10));
    tile(s, "chance of a loss (" + what + " below zero)", Formats.percent(loss, 0));
    tile(s, "deadweight: payments that would have been due without the service", Formats.percent(deadweight, 0));
    for (Row r : in.breakEven()) {
      tile(s, "break-even price per child at " + r.getAs("percentile") + " (" + (r.getAs("percentile").equals("P50") ? "median" : "prudent") + ")",
          r.isNullAt(r.fieldIndex("tariff")) ? "none found" : Formats.money((Double) r.getAs("tariff")));
    }
    s.append("</div><p>Outcome payments over the contract: about ").append(esc(Formats.money(payments))).append(" at the median")
        .append(tariff(in) == null ? "" : ", at a price of " + esc(Formats.money(tariff(in))) + " per child").append(".</p>");
    List<Row> levers = byImpact(in.sensitivity());
    if (!levers.isEmpty()) {
      s.append("<p><b>The three assumptions that move the answer most</b> (each in turn at its low and high value, everything else as in"
          + " the base; the ").append(what).append(" at the median):</p><ol>");
      for (Row r : levers.subList(0, Math.min(3, levers.size()))) {
        Quantity q = quantity(r.getAs("input"));
        s.append("<li><b>").append(esc(label(r.getAs("input")))).append("</b>: ").append(esc(Formats.money((Double) r.getAs("p50_low"))))
            .append(" at ").append(esc(q.format(r.getAs("low")))).append(", ").append(esc(Formats.money((Double) r.getAs("p50_high"))))
            .append(" at ").append(esc(q.format(r.getAs("high")))).append(" (base ").append(esc(q.format(r.getAs("base_value"))))
            .append(r.isNullAt(r.fieldIndex("switching_value")) ? ")"
                : "; the answer turns at " + esc(q.format(r.getAs("switching_value"))) + ")").append(".</li>");
      }
      s.append("</ol>");
    }
    if (in.summary().plausibility() != null && in.summary().plausibility().message() != null
        && !in.summary().plausibility().message().isBlank()) {
      s.append("<p><b>Check:</b> ").append(esc(in.summary().plausibility().message())).append("</p>");
    }
    return s.append("</section>").toString();
  }

  private static void tile(StringBuilder s, String label, String figure) {
    s.append("<div class=\"tile\"><b>").append(esc(figure)).append("</b><span>").append(esc(label)).append("</span></div>");
  }

  /** The base price per child, where the tariff is a sensitivity input. */
  private static Double tariff(Inputs in) {
    return in.sensitivity().stream().filter(r -> r.getAs("input").equals(ScenarioInput.TARIFF.key())).findFirst()
        .map(r -> (Double) r.getAs("base_value")).orElse(null);
  }

  private static String details(Inputs in, String base) {
    Double netP50 = value(in, base, "net_position", "p50");
    Double netP10 = value(in, base, "net_position", "p10");
    Double negative = value(in, base, "probability: council net position negative", "mean");
    Double without = value(in, base, "payments_without_effect", "p50");
    Double deadweight = value(in, base, "deadweight_share", "p50");
    return "<li>Deadweight: had the service changed nothing, the contract would still have paid about " + esc(Formats.money(without))
        + ", " + esc(Formats.percent(deadweight, 0)) + " of what it pays (median): it pays for days out of care, and most referred"
        + " children would have had many of them anyway.</li><li>The council's net position in cash (cashable savings less its share"
        + " of the payments and its own costs): " + esc(Formats.money(netP50)) + " at the median, " + esc(Formats.money(netP10))
        + " at the prudent P10; a " + esc(Formats.percent(negative, 0)) + " chance it is negative.</li>"
        + "<li>The assumptions most in need of local evidence are marked ASSUMPTION in the table at the end.</li>";
  }

  private static String affordability(Inputs in, String tag) {
    List<String> scenarios = in.scenarios();
    Formats.Scale scale = scale(in, List.of("npv_real", "net_position", "outcome_payments", "cashable_savings"));
    String u = " (" + scale.header() + ")";
    List<List<String>> position = new ArrayList<>();
    List<List<String>> parts = new ArrayList<>();
    for (String s : scenarios) {
      position.add(List.of(s, fig(scale, value(in, s, "npv_real", "p10")), fig(scale, value(in, s, "npv_real", "p50")),
          Formats.percent(value(in, s, "probability: council npv real negative", "mean")), fig(scale, value(in, s, "net_position", "p10")),
          fig(scale, value(in, s, "net_position", "p50")), fig(scale, value(in, s, "net_position", "p90")),
          Formats.percent(value(in, s, "probability: council net position negative", "mean"))));
      parts.add(List.of(s, fig(scale, value(in, s, "outcome_payments", "p50")), fig(scale, value(in, s, "outcomes_fund", "p50")),
          fig(scale, value(in, s, "council_cost", "p50")), fig(scale, value(in, s, "council_side_costs", "p50")),
          fig(scale, value(in, s, "cashable_savings", "p50")), Formats.percent(value(in, s, "deadweight_share", "p50"), 0),
          Formats.percent(value(in, s, "probability: outcome payments hit the cap", "mean"), 0),
          Formats.percent(value(in, s, "investor_irr", "p50"))));
    }
    return HtmlPage.table("The council's position" + u + tag, List.of("scenario", "real NPV P10", "real NPV P50", "chance real NPV < 0",
        "net position P10", "net P50", "net P90", "chance net < 0"), position)
        + HtmlPage.table("What makes it up, medians (P50)" + u + tag, List.of("scenario", "outcome payments", "outcomes fund",
            "council cost of payments", "council's own costs", "cashable savings", "deadweight", "chance cap is hit", "investor IRR"), parts);
  }

  private static String cashFlow(Inputs in, String base, String tag) {
    List<Row> rows = in.cashFlow().stream().filter(r -> r.getAs("scenario").equals(base)).toList();
    List<Double> all = new ArrayList<>();
    for (Row r : rows) {
      for (String f : List.of("payments_p50", "savings_p50", "net_p50", "cumulative_net_p50")) {
        all.add(r.getAs(f));
      }
    }
    Formats.Scale scale = Formats.Scale.fit(all);
    String u = " (" + scale.header() + ")";
    List<List<String>> medians = new ArrayList<>();
    List<List<String>> ranges = new ArrayList<>();
    for (Row r : rows) {
      List<String> m = new ArrayList<>(List.of(r.<String>getAs("financial_year")));
      for (String f : List.of("payments", "council_cost", "council_side_costs", "savings", "net", "net_real", "cumulative_net")) {
        m.add(fig(scale, r.getAs(f + "_p50")));
      }
      medians.add(m);
      List<String> g = new ArrayList<>(List.of(r.<String>getAs("financial_year")));
      for (String f : List.of("net", "cumulative_net")) {
        for (String p : List.of("_p10", "_p50", "_p90")) {
          g.add(fig(scale, r.getAs(f + p)));
        }
      }
      ranges.add(g);
    }
    return HtmlPage.table("April to March, medians (P50)" + u + tag, List.of("financial year", "outcome payments", "council cost of payments",
        "council's own costs", "cashable savings", "net position", "net position (real)", "cumulative net position"), medians)
        + "<p class=\"note\">Each figure is the median of that year over the iterations, so medians do not add up across years or"
        + " columns; the workbook's cash_flow_audit sheet adds up the means with formulas.</p>"
        + HtmlPage.table("The range: net position in the year and cumulative, P10 / P50 / P90" + u + tag, List.of("financial year",
            "net P10", "net P50", "net P90", "cumulative P10", "cumulative P50", "cumulative P90"), ranges);
  }

  private static String breakEven(Inputs in, String tag) {
    String measure = measure(in);
    List<List<String>> rows = new ArrayList<>();
    for (Row r : in.breakEven()) {
      boolean none = r.isNullAt(r.fieldIndex("tariff"));
      rows.add(List.of(r.getAs("percentile").equals("P50") ? "median (P50)" : "prudent (P10)",
          none ? "none found" : Formats.money((Double) r.getAs("tariff")), "± " + Formats.money((Double) r.getAs("tariff_accuracy")),
          Formats.money((Double) r.getAs("value_at_tariff")), "± " + Formats.money((Double) r.getAs("value_accuracy")),
          none ? r.getAs("note") : "Brent's method, " + r.getAs("evaluations") + " simulations of " + Formats.count(r.<Integer>getAs("iterations"))
              + " iterations"));
    }
    return "<p>The highest price per child P (every sub-cohort) at which the council's " + measureWords(measure) + " is at least zero.</p>"
        + HtmlPage.table("Break-even tariff" + tag, List.of("percentile", "price per child", "accuracy", "value at that price",
            "accuracy", "how found"), rows);
  }

  private static String sensitivity(Inputs in, String tag) {
    String measure = measure(in);
    List<Row> rows = byImpact(in.sensitivity());
    List<Double> all = new ArrayList<>();
    rows.forEach(r -> {
      all.add(r.getAs("p50_low"));
      all.add(r.getAs("p50_high"));
    });
    Formats.Scale scale = Formats.Scale.fit(all);
    List<List<String>> table = new ArrayList<>();
    for (Row r : rows) {
      Quantity q = quantity(r.getAs("input"));
      table.add(List.of(label(r.getAs("input")), q.format(r.getAs("base_value")), q.format(r.getAs("low")), q.format(r.getAs("high")),
          fig(scale, r.getAs("p50_low")), fig(scale, r.getAs("p50_high")),
          r.isNullAt(r.fieldIndex("switching_value")) ? "none in range" : q.format(r.getAs("switching_value"))));
    }
    return "<p>The council's " + measureWords(measure) + " at the median with each input at its low and high value, everything else as"
        + " in the base (common random numbers); the switching value is where that median crosses zero." + tag + "</p>"
        + tornado(rows) + HtmlPage.table("Switching values" + tag, List.of("input", "base", "low", "high", "P50 at low (" + scale.header()
            + ")", "P50 at high (" + scale.header() + ")", "switching value"), table);
  }

  private static String assumptions(Inputs in, String tag) {
    List<List<String>> rows = new ArrayList<>();
    for (ScenariosSummary.Assumption a : in.summary().assumptions()) {
      rows.add(List.of(a.input(), a.value(), a.source()));
    }
    return HtmlPage.table("Base scenario" + tag, List.of("input", "value", "source"), rows);
  }

  private static String fig(Formats.Scale scale, Double v) {
    return v == null || !Double.isFinite(v) ? Formats.NONE : scale.figure(v);
  }

  /** The scale of the affordability tables: from the largest of these measures in any scenario. */
  private static Formats.Scale scale(Inputs in, List<String> measures) {
    List<Double> values = new ArrayList<>();
    for (Row r : in.affordability()) {
      if (measures.contains(r.<String>getAs("measure"))) {
        for (String c : List.of("p10", "p50", "p90")) {
          values.add(r.isNullAt(r.fieldIndex(c)) ? null : r.getAs(c));
        }
      }
    }
    return Formats.Scale.fit(values);
  }

  private static Double value(Inputs in, String scenario, String measure, String column) {
    for (Row r : in.affordability()) {
      if (r.getAs("scenario").equals(scenario) && r.getAs("measure").equals(measure)) {
        return r.isNullAt(r.fieldIndex(column)) ? null : r.getAs(column);
      }
    }
    return null;
  }

  /** Sensitivity rows, the widest swing first. */
  private static List<Row> byImpact(List<Row> sensitivity) {
    List<Row> rows = new ArrayList<>(sensitivity);
    rows.sort((a, b) -> Double.compare(span(b), span(a)));
    return rows;
  }

  private static Quantity quantity(String input) {
    try {
      return ScenarioInput.of(input).quantity();
    } catch (IllegalArgumentException unknown) {
      return Quantity.RATIO;
    }
  }

  /** An input's name in words: "savings_horizon_months" reads "savings horizon". */
  static String label(String input) {
    return switch (input) {
      case "savings_horizon_months" -> "savings horizon";
      case "residential_weekly" -> "residential care";
      case "counterfactual_entry" -> "entry to care without the service";
      case "referral_volume" -> "referral volume";
      case "tariff" -> "price per child";
      default -> input.replace('_', ' ');
    };
  }

  private static XYChart fan(Inputs in, String scenario, String metric, boolean synthetic) {
    List<Date> x = new ArrayList<>();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (String p : List.of("p5", "p10", "p50", "p90", "p95")) {
      series.put(p, new ArrayList<>());
    }
    List<LocalDate> months = new ArrayList<>();
    for (Row r : in.months()) {
      if (r.getAs("scenario").equals(scenario) && r.getAs("metric").equals(metric)) {
        months.add(r.getAs("month"));
        x.add(Date.from(((LocalDate) r.getAs("month")).atStartOfDay(ZoneId.of("UTC")).toInstant()));
        series.forEach((p, list) -> list.add(r.getAs(p)));
      }
    }
    boolean net = metric.equals("cumulative_net_position");
    XYChart chart = Charts.xy(560, 360, net ? netTitle(months, series) : paymentsTitle(months, series), synthetic, null, null);
    Charts.poundsOnY(chart.getStyler());
    chart.getStyler().setDatePattern("yyyy").setLegendVisible(true);
    Color[] colours = {new Color(190, 208, 232), new Color(120, 158, 212), new Color(20, 60, 140), new Color(120, 158, 212),
        new Color(190, 208, 232)};
    String[] names = {"P5 to P95", "P10 to P90", "median", "P90", "P95"};
    int i = 0;
    for (Map.Entry<String, List<Double>> e : series.entrySet()) {
      if (e.getValue().isEmpty()) {
        break;
      }
      XYSeries s = chart.addSeries(names[i], x, e.getValue());
      s.setMarker(SeriesMarkers.NONE).setLineColor(colours[i]).setLineWidth(e.getKey().equals("p50") ? 3f : 1.5f);
      s.setShowInLegend(i <= 2);
      i++;
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", List.of(0.0), List.of(0.0)).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** "Payments reach £3.5m by Aug 2026 at the median (P10 £2.8m, P90 £4.4m)". */
  private static String paymentsTitle(List<LocalDate> months, Map<String, List<Double>> s) {
    if (months.isEmpty()) {
      return "Cumulative outcome payments";
    }
    int last = months.size() - 1;
    return "Payments reach " + Formats.moneyShort(s.get("p50").get(last)) + " by " + MONTH.format(months.get(last)) + " (median)";
  }

  /** When the median cumulative net position turns positive for good, and where P10 ends. */
  private static String netTitle(List<LocalDate> months, Map<String, List<Double>> s) {
    if (months.isEmpty()) {
      return "Cumulative council net position";
    }
    List<Double> p50 = s.get("p50");
    int last = months.size() - 1;
    int from = -1;
    for (int i = last; i >= 0 && p50.get(i) >= 0; i--) {
      from = i;
    }
    String median = from < 0 ? "Median stays below zero" : from == 0 ? "Median in credit throughout"
        : "Median in credit from " + MONTH.format(months.get(from));
    return median + ", P10 ends " + Formats.moneyShort(s.get("p10").get(last));
  }

  private static CategoryChart paymentsHistogram(Inputs in, String base, boolean synthetic) {
    Double p10 = value(in, base, "outcome_payments", "p10");
    Double p90 = value(in, base, "outcome_payments", "p90");
    String title = p10 == null ? "Total outcome payments" : "Payments: 8 runs in 10 " + Formats.moneyShort(p10) + " to "
        + Formats.moneyShort(p90);
    return Charts.histogram(in.basePayments(), 16, title, synthetic, "total outcome payments over the contract", Charts::pounds);
  }

  private static CategoryChart netHistogram(Inputs in, String base, boolean synthetic) {
    Double negative = value(in, base, "probability: council net position negative", "mean");
    String title = negative == null ? "Council net position" : "Net position below zero in " + Formats.percent(negative, 0) + " of runs";
    return Charts.histogram(in.baseNet(), 16, title, synthetic, "council net position in cash over the contract", Charts::pounds);
  }

  /** The tornado as inline SVG: one bar per input from its low to its high P50, the widest on top, with a £ axis. */
  static String tornado(List<Row> sensitivity) {
    if (sensitivity.isEmpty()) {
      return "<p>No sensitivity ranges were given.</p>";
    }
    List<Row> rows = byImpact(sensitivity);
    double base = rows.get(0).getAs("p50_base");
    double min = Math.min(base, 0);
    double max = Math.max(base, 0);
    for (Row r : rows) {
      min = Math.min(min, Math.min(r.<Double>getAs("p50_low"), r.<Double>getAs("p50_high")));
      max = Math.max(max, Math.max(r.<Double>getAs("p50_low"), r.<Double>getAs("p50_high")));
    }
    double pad = (max - min) * 0.04 + 1;
    double from = min - pad;
    double to = max + pad;
    int width = 900;
    int left = 330;
    int barHeight = 24;
    int top = 10;
    int height = top + rows.size() * (barHeight + 8) + 50;
    double scale = (width - left - 20) / (to - from);
    Function<Double, Double> at = v -> left + (v - from) * scale;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<figure class=\"keep\"><svg xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\" aria-label=\"tornado chart\" font-family=\"sans-serif\" font-size=\"13\">",
        width, height, width));
    double tick = Charts.roundWidth((to - from) / 6);
    int axis = height - 36;
    for (double v = Math.ceil(from / tick) * tick; v <= to; v += tick) {
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e1e4e8\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>", at.apply(v), top, at.apply(v), axis,
          at.apply(v), axis + 16, esc(Formats.moneyShort(v))));
    }
    int y = top;
    for (Row r : rows) {
      double lo = r.getAs("p50_low");
      double hi = r.getAs("p50_high");
      Quantity q = quantity(r.getAs("input"));
      for (int side = 0; side < 2; side++) {
        double v = side == 0 ? lo : hi;
        double x0 = at.apply(Math.min(base, v));
        double x1 = at.apply(Math.max(base, v));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
            x0, y, Math.max(1, x1 - x0), barHeight, side == 0 ? "#d9822b" : "#2b6cb0", esc(label(r.getAs("input")) + " at "
                + q.format(r.getAs(side == 0 ? "low" : "high")) + ": " + Formats.money(v))));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", left - 8, y + 17,
          esc(label(r.getAs("input")) + " (" + range(q, r.getAs("low"), r.getAs("high")) + ")")));
      y += barHeight + 8;
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4\"/>",
        at.apply(base), top, at.apply(base), axis));
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"1.5\"/>",
        at.apply(0.0), top, at.apply(0.0), axis));
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">base %s</text>", at.apply(base) + 4, height - 4,
        esc(Formats.money(base))));
    return s.append("</svg><figcaption>Orange: the input at its low value; blue: at its high value; dashed: the base; red: zero."
        + "</figcaption></figure>").toString();
  }

  /** "0.5 to 1", "£3,000 to £6,120 a week". */
  private static String range(Quantity q, double low, double high) {
    return q == Quantity.POUNDS_A_WEEK ? Formats.money(low) + " to " + Formats.money(high) + " a week" : q.format(low) + " to " + q.format(high);
  }

  private static double span(Row r) {
    return Math.abs(r.<Double>getAs("p50_high") - r.<Double>getAs("p50_low"));
  }
}
