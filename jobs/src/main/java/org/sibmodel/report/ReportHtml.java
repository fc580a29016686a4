package org.sibmodel.report;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.scenarios.ScenariosSummary;

/**
 * The affordability report: one self-contained HTML page that opens offline (charts are PNGs and
 * SVG inside it). Every chart and table says when the data behind it are synthetic.
 */
final class ReportHtml {
  private ReportHtml() {}

  /** What the page is made from. */
  record Inputs(ScenariosSummary summary, List<String> scenarios, List<Row> affordability, List<Row> cashFlow, List<Row> months,
      List<Row> sensitivity, List<Row> breakEven, double[] basePayments, double[] baseNet) {}

  static String html(Inputs in) {
    boolean synthetic = in.summary().syntheticData();
    String base = in.summary().base();
    String tag = synthetic ? " <span class=\"syn\">synthetic data</span>" : "";
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Affordability report</title><style>")
        .append("body{font-family:system-ui,sans-serif;max-width:1150px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}")
        .append(".banner{background:#fde2e2;border:2px solid #c00;padding:.5em 1em;font-weight:bold}.syn{color:#c00;font-size:.8em;font-weight:bold}")
        .append("img{max-width:100%}caption{text-align:left;font-weight:bold;padding:.3em 0}.grid{display:grid;grid-template-columns:1fr 1fr;gap:1em}")
        .append("</style></head><body>");
    h.append("<h1>Affordability of the edge-of-care outcomes contract</h1>");
    if (synthetic) {
      h.append("<p class=\"banner\" id=\"synthetic\">SYNTHETIC DATA: the parameters behind every chart and table were calibrated on"
          + " care data made by <code>sib generate</code>. The figures describe the model, not a real council.</p>");
    }
    h.append(String.format(Locale.ROOT, "<p>Base scenario <b>%s</b>: %s. %,d iterations a scenario on common random numbers (seed %d);"
            + " sensitivity and break-even %,d iterations an evaluation. Money in nominal pounds (cash as paid); the real NPV is in pounds of"
            + " the price year, discounted the Green Book way (see the assumptions). Savings and the council's own costs are after optimism bias.</p>",
        esc(base), esc(String.valueOf(in.summary().description())), in.summary().iterations(), in.summary().seed(),
        in.summary().sensitivityIterations()));

    h.append("<h2>Summary</h2>").append(plainSummary(in, base));

    h.append("<h2>Affordability by scenario</h2><table><caption>Council net position and costs, P10 / P50 / P90").append(tag)
        .append("</caption><tr><th>scenario</th><th>outcome payments P50</th><th>outcomes fund P50</th><th>council cost P50</th>"
            + "<th>council's own costs P50</th><th>cashable savings P50</th><th>net position P10</th><th>net P50</th><th>net P90</th>"
            + "<th>real NPV P10</th><th>real NPV P50</th><th>deadweight P50</th><th>P(net &lt; 0)</th><th>P(cap hit)</th><th>investor IRR P50</th></tr>");
    for (String s : in.scenarios()) {
      h.append("<tr><td>").append(esc(s)).append("</td>")
          .append(money(value(in, s, "outcome_payments", "p50"))).append(money(value(in, s, "outcomes_fund", "p50")))
          .append(money(value(in, s, "council_cost", "p50"))).append(money(value(in, s, "council_side_costs", "p50")))
          .append(money(value(in, s, "cashable_savings", "p50")))
          .append(money(value(in, s, "net_position", "p10"))).append(money(value(in, s, "net_position", "p50")))
          .append(money(value(in, s, "net_position", "p90"))).append(money(value(in, s, "npv_real", "p10")))
          .append(money(value(in, s, "npv_real", "p50"))).append(percent(value(in, s, "deadweight_share", "p50")))
          .append(percent(value(in, s, "probability: council net position negative", "mean")))
          .append(percent(value(in, s, "probability: outcome payments hit the cap", "mean")))
          .append(percent(value(in, s, "investor_irr", "p50"))).append("</tr>");
    }
    h.append("</table>");

    h.append("<h2>Cash flow by financial year: ").append(esc(base)).append("</h2><table><caption>April to March, P10 / P50 / P90").append(tag)
        .append("</caption><tr><th>financial year</th><th>outcome payments</th><th>council cost</th><th>council's own costs</th>"
            + "<th>cashable savings</th><th>net position (real)</th><th>cumulative net position</th></tr>");
    for (Row r : in.cashFlow()) {
      if (!r.getAs("scenario").equals(base)) {
        continue;
      }
      h.append("<tr><td>").append(esc(r.getAs("financial_year"))).append("</td>");
      for (String f : List.of("payments", "council_cost", "council_side_costs", "savings", "net_real", "cumulative_net")) {
        h.append(String.format(Locale.ROOT, "<td>£%,.0f / £%,.0f / £%,.0f</td>", (Double) r.getAs(f + "_p10"), (Double) r.getAs(f + "_p50"),
            (Double) r.getAs(f + "_p90")));
      }
      h.append("</tr>");
    }
    h.append("</table>");

    h.append("<h2>Fan charts: ").append(esc(base)).append("</h2><div class=\"grid\">")
        .append("<div>").append(img(fan(in.months(), base, "cumulative_payments", "Cumulative outcome payments", synthetic))).append("</div>")
        .append("<div>").append(img(fan(in.months(), base, "cumulative_net_position", "Cumulative council net position", synthetic))).append("</div>")
        .append("</div>");
    h.append("<h2>Distributions: ").append(esc(base)).append("</h2><div class=\"grid\">")
        .append("<div>").append(img(histogram(in.basePayments(), "Total outcome payments", synthetic))).append("</div>")
        .append("<div>").append(img(histogram(in.baseNet(), "Council net position", synthetic))).append("</div></div>");

    String measure = in.breakEven().isEmpty() ? "npv_real" : in.breakEven().get(0).getAs("measure");
    String measureWords = measure.equals("npv_real") ? "real net present value (Green Book)" : "net position in cash, undiscounted";
    h.append("<h2>Break-even tariff</h2><table><caption>The highest price per child P (every sub-cohort) at which the council's ")
        .append(measureWords).append(" is at least zero").append(tag).append("</caption><tr><th>percentile</th><th>tariff</th>"
        + "<th>accuracy on P</th><th>value at it</th><th>accuracy on the value</th><th>how</th></tr>");
    for (Row r : in.breakEven()) {
      h.append("<tr><td>").append(r.getAs("percentile").equals("P50") ? "median (P50)" : "prudent (P10)").append("</td>")
          .append(money(r.getAs("tariff"))).append(money(r.getAs("tariff_accuracy"))).append(money(r.getAs("value_at_tariff")))
          .append(money(r.getAs("value_accuracy"))).append("<td style=\"text-align:left\">").append(esc(r.getAs("note"))).append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Sensitivity</h2><p>The council's ").append(measureWords).append(" (P50) with each input at its low and high value,"
        + " everything else as in the base (common random numbers); the switching value is where that P50 crosses zero.").append(tag).append("</p>")
        .append(tornado(in.sensitivity()));
    h.append("<table><caption>Switching values").append(tag).append("</caption><tr><th>input</th><th>base</th><th>low</th><th>high</th>"
        + "<th>P50 at low</th><th>P50 at high</th><th>switching value</th><th>note</th></tr>");
    for (Row r : in.sensitivity()) {
      h.append("<tr><td>").append(esc(r.getAs("input"))).append("</td>").append(number(r.getAs("base_value"))).append(number(r.getAs("low")))
          .append(number(r.getAs("high"))).append(money(r.getAs("p50_low"))).append(money(r.getAs("p50_high")))
          .append(number(r.getAs("switching_value"))).append("<td style=\"text-align:left\">").append(esc(r.getAs("switching_note")))
          .append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Assumptions and their sources</h2><table><caption>Base scenario").append(tag)
        .append("</caption><tr><th>input</th><th>value</th><th>source</th></tr>");
    for (ScenariosSummary.Assumption a : in.summary().assumptions()) {
      h.append("<tr><td>").append(esc(a.input())).append("</td><td style=\"text-align:left\">").append(esc(a.value()))
          .append("</td><td style=\"text-align:left\">").append(esc(a.source())).append("</td></tr>");
    }
    h.append("</table><p><small>Made by sib report from the results of sib scenarios (parameter set SHA-256 ")
        .append(esc(in.summary().paramsSha256())).append(", sib ").append(esc(in.summary().version()))
        .append("). Tables: affordability, cash_flow, break_even, sensitivity (Parquet and CSV beside this page, and workbook.xlsx).</small></p>");
    // Lets a headless browser test read what rendered.
    h.append("<script>window.addEventListener('load',function(){var i=[].slice.call(document.images);"
        + "document.body.setAttribute('data-images-loaded',i.filter(function(x){return x.complete&&x.naturalWidth>0;}).length);"
        + "document.body.setAttribute('data-tables',document.querySelectorAll('table').length);"
        + "document.body.setAttribute('data-svgs',document.querySelectorAll('svg rect').length);});</script>");
    return h.append("</body></html>\n").toString();
  }

  private static String plainSummary(Inputs in, String base) {
    Double netP50 = value(in, base, "net_position", "p50");
    Double netP10 = value(in, base, "net_position", "p10");
    Double pay = value(in, base, "outcome_payments", "p50");
    Double negative = value(in, base, "probability: council net position negative", "mean");
    Double npvP50 = value(in, base, "npv_real", "p50");
    Double npvP10 = value(in, base, "npv_real", "p10");
    Double deadweight = value(in, base, "deadweight_share", "p50");
    Double without = value(in, base, "payments_without_effect", "p50");
    StringBuilder s = new StringBuilder("<ul>");
    s.append(String.format(Locale.ROOT, "<li>Outcome payments over the contract: about £%,.0f (median).</li>", nz(pay)));
    s.append(String.format(Locale.ROOT, "<li>Deadweight: had the service changed nothing, the contract would still have paid about £%,.0f,"
        + " %.0f%% of what it pays (median): it pays for days out of care, and most referred children would have had many of them anyway.</li>",
        nz(without), 100 * nz(deadweight)));
    s.append(String.format(Locale.ROOT, "<li>The council's real net present value (Green Book): £%,.0f at the median, £%,.0f at the prudent P10.</li>",
        nz(npvP50), nz(npvP10)));
    s.append(String.format(Locale.ROOT, "<li>The council's net position (cashable savings less its share of the payments): £%,.0f at the"
        + " median, £%,.0f at the prudent P10; a %.0f%% chance it is negative.</li>", nz(netP50), nz(netP10), 100 * nz(negative)));
    for (Row r : in.breakEven()) {
      if (r.isNullAt(r.fieldIndex("tariff"))) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "<li>Break-even price per child at %s of the %s: £%,.0f.</li>", r.getAs("percentile"),
          r.getAs("measure").equals("npv_real") ? "real NPV" : "net position", (Double) r.getAs("tariff")));
    }
    if (in.summary().plausibility() != null) {
      s.append("<li>").append(esc(in.summary().plausibility().message())).append("</li>");
    }
    s.append("<li>The assumptions most in need of local evidence are marked ASSUMPTION in the table at the end.</li></ul>");
    return s.toString();
  }

  private static double nz(Double v) {
    return v == null ? 0 : v;
  }

  private static Double value(Inputs in, String scenario, String measure, String column) {
    for (Row r : in.affordability()) {
      if (r.getAs("scenario").equals(scenario) && r.getAs("measure").equals(measure)) {
        return r.isNullAt(r.fieldIndex(column)) ? null : r.getAs(column);
      }
    }
    return null;
  }

  private static XYChart fan(List<Row> months, String scenario, String metric, String title, boolean synthetic) {
    XYChart chart = new XYChartBuilder().width(560).height(340).title((synthetic ? "SYNTHETIC - " : "") + title)
        .xAxisTitle("month").yAxisTitle("pounds").build();
    chart.getStyler().setDatePattern("yyyy-MM");
    List<Date> x = new ArrayList<>();
    Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
    for (String p : List.of("p5", "p10", "p50", "p90", "p95")) {
      series.put(p, new ArrayList<>());
    }
    for (Row r : months) {
      if (r.getAs("scenario").equals(scenario) && r.getAs("metric").equals(metric)) {
        x.add(Date.from(((LocalDate) r.getAs("month")).atStartOfDay(ZoneId.of("UTC")).toInstant()));
        series.forEach((p, list) -> list.add(r.getAs(p)));
      }
    }
    java.awt.Color[] colours = {new java.awt.Color(180, 200, 230), new java.awt.Color(110, 150, 210), new java.awt.Color(20, 60, 140),
        new java.awt.Color(110, 150, 210), new java.awt.Color(180, 200, 230)};
    int i = 0;
    for (Map.Entry<String, List<Double>> e : series.entrySet()) {
      XYSeries s = chart.addSeries(e.getKey().toUpperCase(Locale.ROOT), x, e.getValue());
      s.setMarker(SeriesMarkers.NONE).setLineColor(colours[i++]).setLineWidth(e.getKey().equals("p50") ? 2.5f : 1.5f);
    }
    return chart;
  }

  private static CategoryChart histogram(double[] values, String title, boolean synthetic) {
    CategoryChart chart = new CategoryChartBuilder().width(560).height(340).title((synthetic ? "SYNTHETIC - " : "") + title + " (iterations)")
        .xAxisTitle("pounds").yAxisTitle("iterations").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    List<Double> data = new ArrayList<>();
    for (double v : values) {
      data.add(v);
    }
    if (data.size() < 2) {
      data.add(data.isEmpty() ? 0.0 : data.get(0) + 1);
      data.add(data.get(0));
    }
    Histogram hist = new Histogram(data, 20);
    chart.addSeries(title, hist.getxAxisData(), hist.getyAxisData());
    return chart;
  }

  /** The tornado as inline SVG: one bar per input from its low to its high P50 net position. */
  static String tornado(List<Row> sensitivity) {
    if (sensitivity.isEmpty()) {
      return "<p>No sensitivity ranges were given.</p>";
    }
    List<Row> rows = new ArrayList<>(sensitivity);
    rows.sort((a, b) -> Double.compare(span(b), span(a)));
    double base = rows.get(0).getAs("p50_base");
    double min = base;
    double max = base;
    for (Row r : rows) {
      min = Math.min(min, Math.min(r.<Double>getAs("p50_low"), r.<Double>getAs("p50_high")));
      max = Math.max(max, Math.max(r.<Double>getAs("p50_low"), r.<Double>getAs("p50_high")));
    }
    double pad = (max - min) * 0.05 + 1;
    min -= pad;
    max += pad;
    int width = 900;
    int left = 190;
    int barHeight = 26;
    int height = 40 + rows.size() * (barHeight + 8);
    double scale = (width - left - 20) / (max - min);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"tornado chart\">", width, height));
    double zeroX = left + (0 - min) * scale;
    double baseX = left + (base - min) * scale;
    int y = 20;
    for (Row r : rows) {
      double lo = r.getAs("p50_low");
      double hi = r.getAs("p50_high");
      for (double[] bar : new double[][] {{lo, 0}, {hi, 1}}) {
        double x0 = left + (Math.min(base, bar[0]) - min) * scale;
        double x1 = left + (Math.max(base, bar[0]) - min) * scale;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: £%,.0f</title></rect>",
            x0, y, Math.max(1, x1 - x0), barHeight, bar[1] == 0 ? "#d9822b" : "#2b6cb0", esc(r.getAs("input")), bar[1] == 0 ? "low" : "high", bar[0]));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\">%s</text>", left - 8, y + 17,
          esc(r.<String>getAs("input").replace('_', ' '))));
      y += barHeight + 8;
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-dasharray=\"4\"/>", baseX, baseX, height - 10));
    if (zeroX >= left && zeroX <= width) {
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\"/>", zeroX, zeroX, height - 10));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">base £%,.0f</text>", baseX + 4, height - 2, base));
    return s.append("</svg><p><small>Orange: input at its low value; blue: at its high value; dashed: the base; red: zero.</small></p>").toString();
  }

  private static double span(Row r) {
    return Math.abs(r.<Double>getAs("p50_high") - r.<Double>getAs("p50_low"));
  }


  private static String money(Object v) {
    return v == null ? "<td>-</td>" : String.format(Locale.ROOT, "<td>£%,.0f</td>", ((Number) v).doubleValue());
  }

  private static String percent(Double v) {
    return v == null ? "<td>-</td>" : String.format(Locale.ROOT, "<td>%.1f%%</td>", 100 * v);
  }

  private static String number(Object v) {
    return v == null ? "<td>-</td>" : String.format(Locale.ROOT, "<td>%,.4g</td>", ((Number) v).doubleValue());
  }

}
