package org.sibmodel.compare;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.format.Formats;
import org.sibmodel.io.Charts;
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
    HtmlPage page = HtmlPage.titled("Cohort comparison").css("td.c{color:#888;font-style:italic}");
    if (s.syntheticData()) {
      page.top(HtmlPage.syntheticCareData());
    }
    StringBuilder data = new StringBuilder("<ul><li>Curated care data: <code>").append(esc(s.curated())).append("</code>, ")
        .append(t.hidden(ComparisonTables.ALL, "periods") ? "c" : Formats.count(s.carePeriods()))
        .append(" entries to care observed from ").append(s.dataStart()).append(" to ").append(s.dataEnd())
        .append("</li><li>Cohorts: <code>").append(esc(s.cohortsFile())).append("</code></li>");
    if (s.referred() != null) {
      CompareSummary.Referred r = s.referred();
      // How many referred children are in the care data is the referred cohort's size: it is in the
      // cohort table, under disclosure control, and in full only in summary.json.
      data.append("<li>Referral list <code>").append(esc(r.file())).append("</code>: ").append(small(r.ids()))
          .append(" children; summary.json reconciles it with the care data.</li>");
    }
    if (s.population() != null) {
      data.append("<li>Population: <code>").append(esc(s.population())).append("</code></li>");
    }
    data.append("</ul><p class=\"note\">Disclosure control: counts below 5 are suppressed (shown <i>c</i>), and so is any count from which"
        + " a count of 1 to 4 could be worked out by adding or subtracting published ones; ")
        .append(Formats.count(s.suppressedCells())).append(" cells are suppressed. Curves are published on a monthly grid while 5 or more are in"
            + " care, at points at least 5 departures apart; numbers at risk are rounded to the nearest 5.</p>");
    page.section("Data", data.toString());

    StringBuilder glance = new StringBuilder("<p>First cohort minus second, with 95% intervals; the dashed line is no difference.</p>");
    for (String measure : FOREST_MEASURES) {
      glance.append(forest(measure, t.tables.get("compare_differences")));
    }
    page.section("Differences at a glance", glance.toString());
    for (CompareSummary.ComparisonSummary c : s.comparisons()) {
      StringBuilder h = new StringBuilder();
      h.append(table(rows(t, "compare_cohorts", "cohort", List.of(c.first(), c.second())),
          List.of("cohort", "definition", "periods", "children", "entries_per_10000")));
      h.append(img(kmChart(c, t.tables.get("compare_km"), s.syntheticData())))
          .append("<p class=\"note\">Thin lines: each cohort's 95% band.</p>");
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
      page.section(c.name(), h.toString());
    }
    if (!s.skipped().isEmpty()) {
      StringBuilder h = new StringBuilder("<ul>");
      s.skipped().forEach(k -> h.append("<li>").append(esc(k.comparison())).append(": ").append(esc(k.reason())).append("</li>"));
      page.section("Skipped", h.append("</ul>").toString());
    }
    page.section("Methods", "<ul>"
        + "<li>Unit: an entry to care (a care period whose start is observed). Time in care is censored for periods still open.</li>"
        + "<li>Kaplan-Meier with Greenwood variance and log(-log) 95% bands; median interval by Brookmeyer and Crowley; restricted"
        + " mean time in care over 12 and 24 months with its standard error; log-rank test.</li>"
        + "<li>Re-entry: returns home (REC E4A, E4B, E13) at least 12 months before the data end, back in care within 12 months;"
        + " Wilson intervals, Newcombe's interval for the difference, two-proportion z test.</li>"
        + "<li>Days in care: each child's days in care (this and any later period) in the 24 months from its reference date,"
        + " its first entry in the cohort, for children whose reference date is at least 24 months before the data end;"
        + " bootstrap interval for the difference in means, Mann-Whitney test.</li>"
        + "<li>Matching: logistic regression (spark-mllib) of being in the first cohort on age band, district, legal status and"
        + " category of need at entry, earlier care periods and year of entry (indicators standardised, a small L2 penalty);"
        + " 1:1 nearest neighbour"
        + " on the logit without replacement, caliper 0.2 standard deviations; one entry per child (its first in the cohort);"
        + " paired t interval of the difference in days in care, and the difference in restricted mean time in care of the"
        + " matched groups.</li></ul>");
    return page.render();
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
    StringBuilder h = new StringBuilder("<table><thead><tr>");
    columns.forEach(c -> h.append("<th>").append(esc(header(c))).append("</th>"));
    h.append("</tr></thead><tbody>");
    for (Map<String, Object> r : rows) {
      h.append("<tr>");
      String suppressed = (String) r.get("suppressed");
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        boolean hidden = suppressed != null && List.of(suppressed.split(", ")).contains(c);
        h.append(hidden ? "<td class=\"c\" title=\"suppressed\">c</td>" : HtmlPage.cell(format(r, c), i == 0));
      }
      h.append("</tr>");
    }
    return HtmlPage.scroll(h.append("</tbody></table>").toString());
  }

  private static String header(String column) {
    return switch (column) {
      case "entries_per_10000" -> "entries a year per 10,000 children";
      case "p_value" -> "p";
      case "rmst12_days" -> "mean days in care over 12 months";
      case "rmst24_days" -> "mean days in care over 24 months";
      case "smd_before" -> "SMD before";
      case "smd_after" -> "SMD after";
      default -> HtmlPage.words(column);
    };
  }

  /** A count for the page: 1 to 4 are not shown (summary.json, which is not for publication, has them). */
  private static String small(long n) {
    return n > 0 && !Disclosure.publishable(n) ? "fewer than 5" : String.valueOf(n);
  }

  /**
   * A cell as people read it: counts with separators, p values never as exponents, proportions as
   * percentages (their differences in percentage points), three significant figures.
   */
  private static String format(Map<String, Object> row, String column) {
    Object v = row.get(column);
    boolean proportion = row.containsKey("proportion") ? List.of("proportion", "lower", "upper").contains(column)
        : "proportion".equals(row.get("unit")) && List.of("estimate", "lower", "upper").contains(column);
    if (column.equals("unit") && "proportion".equals(v)) {
      return "percentage points";
    }
    if (v instanceof Double d) {
      return column.equals("p_value") ? Formats.pValue(d) : proportion ? Formats.number(100 * d, 3) + (row.containsKey("proportion") ? "%" : "")
          : Formats.number(d, Math.abs(d) >= 100 ? 4 : 3);
    }
    if (v instanceof Long || v instanceof Integer) {
      return Formats.count(((Number) v).longValue());
    }
    return v == null ? "" : v.toString();
  }

  private static XYChart kmChart(CompareSummary.ComparisonSummary c, List<Map<String, Object>> km, boolean synthetic) {
    XYChart chart = Charts.xy(760, 380, c.name() + ": share still in care", synthetic, "months since entry", "still in care");
    chart.getStyler().setXAxisTickMarkSpacingHint(100);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0);
    Charts.percentOnY(chart.getStyler());
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
        band.setLineColor(BANDS[i]).setLineWidth(1f).setShowInLegend(false);
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
    String unit = (String) rows.get(0).get("unit");
    double k = "proportion".equals(unit) ? 100 : 1;
    double min = 0;
    double max = 0;
    for (Map<String, Object> r : rows) {
      min = Math.min(min, k * (Double) r.get("lower"));
      max = Math.max(max, k * (Double) r.get("upper"));
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
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\""
        + " aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">", labelWidth + plotWidth + 40, height, labelWidth + plotWidth + 40,
        esc(measure)));
    svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"18\" font-weight=\"bold\">%s (%s)</text>", esc(measure), esc(k == 100 ? "percentage points" : unit)));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"28\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4,3\"/>",
        x.applyAsDouble(0), x.applyAsDouble(0), height - 30));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      int y = 40 + rowHeight * i;
      double e = k * (Double) r.get("estimate");
      svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 4, esc(r.get("comparison"))));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f4e8c\" stroke-width=\"2\"/>",
          x.applyAsDouble(k * (Double) r.get("lower")), y, x.applyAsDouble(k * (Double) r.get("upper")), y));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#1f4e8c\"><title>%s: %s [%s, %s]"
          + "</title></rect>", x.applyAsDouble(e) - 4, y - 4, esc(r.get("comparison")), esc(Formats.difference(e)),
          esc(Formats.number(k * (Double) r.get("lower"), 3)), esc(Formats.number(k * (Double) r.get("upper"), 3))));
    }
    int axis = height - 24;
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", labelWidth, axis,
        labelWidth + plotWidth, axis));
    double tick = Charts.roundWidth(span / 5);
    for (double v = Math.ceil(min / tick) * tick; v <= max; v += tick) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x.applyAsDouble(v), axis + 16,
          esc(Formats.number(Math.abs(v) < tick / 1e6 ? 0 : v, 3))));
    }
    return svg.append("</svg>").toString();
  }


}
