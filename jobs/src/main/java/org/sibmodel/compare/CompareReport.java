package org.sibmodel.compare;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.io.HtmlPage;

/**
 * The comparison report: one self-contained HTML page (charts are PNGs and SVG inside it) with a
 * forest plot of every comparison's differences, and for each comparison its cohorts, time-in-care
 * curves, re-entry, days in care and, where matched, the balance table. It shows only what the
 * tables publish: a suppressed cell is "c", never zero.
 */
final class CompareReport {
  private static final Color[] COLOURS = {new Color(31, 78, 140), new Color(200, 90, 20)};
  private static final Color[] BANDS = {new Color(150, 170, 200), new Color(240, 190, 150)};
  private static final List<String> FOREST_MEASURES = List.of(
      "restricted mean time in care over 24 months", "back in care within 12 months of a return home",
      "mean days in care per child in the 24 months after entry", ComparisonTables.MATCHED_DAYS,
      "matched: restricted mean time in care over 24 months");

  private CompareReport() {}

  static String html(CompareSummary s, ComparisonTables t) {
    StringBuilder h = new StringBuilder();
    h.append(HtmlPage.start("Cohort comparison", "td.c{color:#888;font-style:italic}.note{color:#555;font-size:.9em}"));
    if (s.syntheticData()) {
      h.append(HtmlPage.syntheticCareData());
    }
    h.append("<h2>Data</h2><ul><li>Curated care data: <code>").append(esc(s.curated())).append("</code>, ")
        .append(t.hidden(ComparisonTables.ALL, "periods") ? "c" : String.valueOf(s.carePeriods()))
        .append(" entries to care observed from ").append(s.dataStart()).append(" to ").append(s.dataEnd())
        .append("</li><li>Cohorts: <code>").append(esc(s.cohortsFile())).append("</code></li>");
    if (s.referred() != null) {
      CompareSummary.Referred r = s.referred();
      // How many referred children are in the care data is the referred cohort's size: it is in the
      // cohort table, under disclosure control, and in full only in summary.json.
      h.append("<li>Referral list <code>").append(esc(r.file())).append("</code>: ").append(small(r.ids()))
          .append(" children; summary.json reconciles it with the care data.</li>");
    }
    if (s.population() != null) {
      h.append("<li>Population: <code>").append(esc(s.population())).append("</code></li>");
    }
    h.append("</ul><p class=\"note\">Disclosure control: counts below 5 are suppressed (shown <i>c</i>), and so is any count from which"
        + " a count of 1 to 4 could be worked out by adding or subtracting published ones; ")
        .append(s.suppressedCells()).append(" cells are suppressed. Curves are published on a monthly grid while 5 or more are in"
            + " care, at points at least 5 departures apart; numbers at risk are rounded to the nearest 5.</p>");

    h.append("<h2>Differences at a glance</h2><p>First cohort minus second, with 95% intervals.</p>");
    for (String measure : FOREST_MEASURES) {
      h.append(forest(measure, t.tables.get("compare_differences")));
    }
    for (CompareSummary.ComparisonSummary c : s.comparisons()) {
      h.append("<h2>").append(esc(c.name())).append("</h2>");
      h.append(table(rows(t, "compare_cohorts", "cohort", List.of(c.first(), c.second())),
          List.of("cohort", "definition", "periods", "children", "entries_per_10000")));
      h.append(img(kmChart(c, t.tables.get("compare_km"), s.syntheticData())));
      h.append("<h3>Time in care</h3>").append(table(forComparison(t, "compare_time_in_care", c.name()),
          List.of("cohort", "periods", "left_care", "median_days", "median_lower", "median_upper", "rmst12_days", "rmst24_days")));
      h.append("<h3>Back in care within 12 months of a return home</h3>").append(table(forComparison(t, "compare_reentry", c.name()),
          List.of("cohort", "returns_home", "reentries", "proportion", "lower", "upper")));
      h.append("<h3>Days in care per child in the 24 months after entry</h3>").append(table(forComparison(t, "compare_days_in_care", c.name()),
          List.of("cohort", "children", "mean_days", "median_days")));
      h.append("<h3>Differences (").append(esc(c.first())).append(" minus ").append(esc(c.second())).append(")</h3>")
          .append(table(forComparison(t, "compare_differences", c.name()),
              List.of("measure", "estimate", "lower", "upper", "unit", "test", "statistic", "p_value", "note")));
      if (c.matched()) {
        h.append("<h3>Balance before and after matching</h3><p>Standardised mean differences; below 0.1 in absolute value is"
            + " conventionally taken as balanced.</p>").append(table(forComparison(t, "compare_balance", c.name()),
                List.of("covariate", "level", "smd_before", "smd_after")));
      }
    }
    if (!s.skipped().isEmpty()) {
      h.append("<h2>Skipped</h2><ul>");
      s.skipped().forEach(k -> h.append("<li>").append(esc(k.comparison())).append(": ").append(esc(k.reason())).append("</li>"));
      h.append("</ul>");
    }
    h.append("<h2>Methods</h2><ul>")
        .append("<li>Unit: an entry to care (a care period whose start is observed). Time in care is censored for periods still open.</li>")
        .append("<li>Kaplan-Meier with Greenwood variance and log(-log) 95% bands; median interval by Brookmeyer and Crowley; restricted"
            + " mean time in care over 12 and 24 months with its standard error; log-rank test.</li>")
        .append("<li>Re-entry: returns home (REC E4A, E4B, E13) at least 12 months before the data end, back in care within 12 months;"
            + " Wilson intervals, Newcombe's interval for the difference, two-proportion z test.</li>")
        .append("<li>Days in care: each child's days in care (this and any later period) in the 24 months from its reference date,"
            + " its first entry in the cohort, for children whose reference date is at least 24 months before the data end;"
            + " bootstrap interval for the difference in means, Mann-Whitney test.</li>")
        .append("<li>Matching: logistic regression (spark-mllib) of being in the first cohort on age band, district, legal status and"
            + " category of need at entry, earlier care periods and year of entry; 1:1 nearest neighbour on the logit without"
            + " replacement, caliper 0.2 standard deviations; one entry per child (its first in the cohort); paired t interval of"
            + " the difference in days in care, and the difference in restricted mean time in care of the matched groups.</li></ul>");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static List<Map<String, Object>> rows(ComparisonTables t, String table, String key, List<String> values) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String v : values) {
      t.tables.get(table).stream().filter(r -> v.equals(r.get(key))).findFirst().ifPresent(out::add);
    }
    return out;
  }

  private static List<Map<String, Object>> forComparison(ComparisonTables t, String table, String comparison) {
    return t.tables.get(table).stream().filter(r -> comparison.equals(r.get("comparison"))).toList();
  }

  private static String table(List<Map<String, Object>> rows, List<String> columns) {
    StringBuilder h = new StringBuilder("<table><tr>");
    columns.forEach(c -> h.append("<th>").append(esc(c.replace('_', ' '))).append("</th>"));
    h.append("</tr>");
    for (Map<String, Object> r : rows) {
      h.append("<tr>");
      String suppressed = (String) r.get("suppressed");
      for (String c : columns) {
        boolean hidden = suppressed != null && List.of(suppressed.split(", ")).contains(c);
        h.append(hidden ? "<td class=\"c\" title=\"suppressed\">c</td>" : "<td>" + esc(format(r.get(c))) + "</td>");
      }
      h.append("</tr>");
    }
    return h.append("</table>").toString();
  }

  /** A count for the page: 1 to 4 are not shown (summary.json, which is not for publication, has them). */
  private static String small(long n) {
    return n > 0 && !Disclosure.publishable(n) ? "fewer than 5" : String.valueOf(n);
  }

  private static String format(Object v) {
    if (v instanceof Double d) {
      return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d) : Math.abs(d) >= 1 ? String.format(Locale.ROOT, "%.1f", d)
          : String.format(Locale.ROOT, "%.3f", d);
    }
    return v == null ? "" : v.toString();
  }

  private static XYChart kmChart(CompareSummary.ComparisonSummary c, List<Map<String, Object>> km, boolean synthetic) {
    XYChart chart = new XYChartBuilder().width(760).height(360)
        .title((synthetic ? "SYNTHETIC - " : "") + c.name() + ": share still in care")
        .xAxisTitle("months since entry").yAxisTitle("share still in care").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0);
    List<String> cohorts = List.of(c.first(), c.second());
    for (int i = 0; i < cohorts.size(); i++) {
      String cohort = cohorts.get(i);
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> lo = new ArrayList<>();
      List<Double> hi = new ArrayList<>();
      km.stream().filter(r -> c.name().equals(r.get("comparison")) && cohort.equals(r.get("cohort"))).forEach(r -> {
        x.add((Double) r.get("time_days") / ComparisonTables.DAYS_PER_MONTH);
        y.add((Double) r.get("survival"));
        lo.add((Double) r.get("lower"));
        hi.add((Double) r.get("upper"));
      });
      if (x.isEmpty()) {
        continue;
      }
      for (List<Double> edge : List.of(lo, hi)) {
        XYSeries band = chart.addSeries(cohort + (edge == lo ? " 95% band" : " 95% band "), x, edge);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
        band.setLineColor(BANDS[i]).setLineWidth(1f).setShowInLegend(edge == lo);
      }
      XYSeries curve = chart.addSeries(cohort, x, y);
      curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
      curve.setLineColor(COLOURS[i]).setLineWidth(2f);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("suppressed: fewer than 5 in a cohort", List.of(0.0), List.of(1.0)).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** An SVG forest plot of one measure across the comparisons: point and 95% interval, zero marked. */
  static String forest(String measure, List<Map<String, Object>> differences) {
    List<Map<String, Object>> rows = differences.stream().filter(r -> measure.equals(r.get("measure")) && r.get("estimate") != null).toList();
    if (rows.isEmpty()) {
      return "";
    }
    double min = 0;
    double max = 0;
    for (Map<String, Object> r : rows) {
      min = Math.min(min, (Double) r.get("lower"));
      max = Math.max(max, (Double) r.get("upper"));
    }
    double pad = (max - min) * 0.05 + 1e-9;
    min -= pad;
    max += pad;
    int labelWidth = 330;
    int plotWidth = 500;
    int rowHeight = 24;
    int height = 40 + rowHeight * rows.size() + 30;
    double lo = min;
    double span = max - min;
    java.util.function.DoubleUnaryOperator x = v -> labelWidth + (v - lo) / span * plotWidth;
    String unit = (String) rows.get(0).get("unit");
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
        + " aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">", labelWidth + plotWidth + 40, height, esc(measure)));
    svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" font-weight=\"bold\">%s (%s)</text>", esc(measure), esc(unit)));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4,3\"/>",
        x.applyAsDouble(0), x.applyAsDouble(0), height - 30));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      int y = 40 + rowHeight * i;
      double e = (Double) r.get("estimate");
      svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 4, esc(r.get("comparison"))));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f4e8c\" stroke-width=\"2\"/>",
          x.applyAsDouble((Double) r.get("lower")), y, x.applyAsDouble((Double) r.get("upper")), y));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#1f4e8c\"><title>%s: %s [%s, %s]"
          + "</title></rect>", x.applyAsDouble(e) - 4, y - 4, esc(r.get("comparison")), format(e), format(r.get("lower")),
          format(r.get("upper"))));
    }
    int axis = height - 24;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", labelWidth, axis,
        labelWidth + plotWidth, axis));
    for (int k = 0; k <= 4; k++) {
      double v = min + span * k / 4;
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.applyAsDouble(v), axis + 16,
          format(v)));
    }
    return svg.append("</svg>").toString();
  }


}
