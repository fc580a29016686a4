package org.sibmodel.calibrate;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.awt.Color;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.io.HtmlPage;
import org.sibmodel.stats.KaplanMeier;

/**
 * The calibration report: one self-contained HTML page (charts are PNGs inside it) that opens
 * offline and states the data, the window and every pooling decision.
 */
final class CalibrationReport {
  private static final Color KM = new Color(31, 78, 140);
  private static final Color BAND = new Color(150, 170, 200);
  private static final Color FIT = new Color(200, 40, 40);

  private CalibrationReport() {}

  static String html(CalibrationSummary s, EntryModel.Fit entries, List<SurvivalGroups.Group> durations,
      List<SurvivalGroups.Group> reentry, PlacementMix mix, Pooling pooling) {
    StringBuilder h = new StringBuilder();
    h.append(HtmlPage.start("Calibration report", ".grid{display:grid;grid-template-columns:1fr 1fr;gap:1em}"));
    if (s.syntheticData()) {
      h.append(HtmlPage.syntheticCareData());
    }
    h.append("<h2>Data</h2><ul>")
        .append("<li>Curated care data: <code>").append(esc(s.curated())).append("</code></li>")
        .append("<li>Window: ").append(s.from()).append(" to ").append(s.to()).append("</li>")
        .append("<li>Districts: ").append(esc(String.join(", ", s.districts()))).append("</li>")
        .append("<li>Cells with fewer than ").append(s.minimumCases()).append(" cases are pooled (below).</li></ul>");

    h.append("<h2>Entries to care</h2><p>Poisson regression with a log link (spark-mllib GeneralizedLinearRegression) of monthly entries"
        + " by district and age band, with a trend and a yearly season. Reference levels: ").append(esc(entries.reference()))
        .append(String.format(Locale.ROOT, ". Pearson dispersion %.2f on %d degrees of freedom: ", entries.dispersion(), entries.residualDf()))
        .append(entries.quasi() ? "over-dispersed, so standard errors are scaled by its square root (quasi-Poisson)."
            : "no over-dispersion; Poisson standard errors are used.")
        .append("</p>").append(img(entryChart(entries, s.syntheticData())));
    h.append("<table><tr><th>term</th><th>estimate</th><th>std. error used</th><th>z</th></tr>");
    for (EntryModel.Coefficient c : entries.coefficients()) {
      h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.2f</td></tr>", esc(c.term()), c.estimate(),
          c.stdErrorUsed(), c.z()));
    }
    h.append("</table>");

    h.append("<h2>Time in care</h2><p>Kaplan-Meier (steps, with 95% bands) against the Weibull fit (smooth) by age band at entry;"
        + " periods still open at the end of the data are censored.</p>");
    h.append(survivalSection(durations, "left care", s.syntheticData()));
    h.append("<h2>Re-entry after a return home</h2><p>Time from a return home (REC E4A, E4B, E13) to the next entry: Kaplan-Meier"
        + " against a Weibull mixture cure fit (only some children ever come back).</p>");
    h.append(survivalSection(reentry, "re-entered", s.syntheticData()));

    h.append("<h2>Placement mix while in care</h2><table><tr><th>age band</th>");
    for (String g : List.of("foster_in_house", "foster_agency", "residential", "other")) {
      h.append("<th>").append(g).append("</th>");
    }
    h.append("</tr>");
    mix.shares().forEach((band, shares) -> {
      h.append("<tr><td>").append(band).append("</td>");
      shares.values().forEach(v -> h.append(String.format(Locale.ROOT, "<td>%.1f%%</td>", 100 * v)));
      h.append("</tr>");
    });
    h.append("</table>");

    h.append("<h2 id=\"pooling\">Pooling</h2>");
    if (pooling.decisions().isEmpty()) {
      h.append("<p>No cell was pooled: every district and age band had enough cases.</p>");
    } else {
      h.append("<table><tr><th>component</th><th>cell</th><th>cases</th><th>estimated with</th><th>why</th></tr>");
      for (Pooling.Decision d : pooling.decisions()) {
        h.append("<tr><td>").append(d.component()).append("</td><td>").append(esc(d.cell())).append("</td><td>").append(d.cases())
            .append("</td><td>").append(esc(d.pooledInto())).append("</td><td style=\"text-align:left\">").append(esc(d.reason())).append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("<p><small>Made by sib calibrate. Tables: entry_coefficients, entry_rates, entry_fit, time_in_care_*, reentry_*,"
        + " placement_mix, calibration_pooling (Parquet and CSV beside this page); parameters for the simulation: params.json.</small></p>");
    return h.append("</body></html>\n").toString();
  }

  private static String survivalSection(List<SurvivalGroups.Group> groups, String event, boolean synthetic) {
    StringBuilder h = new StringBuilder("<div class=\"grid\">");
    for (SurvivalGroups.Group g : groups) {
      h.append("<div>").append(img(survivalChart(g, event, synthetic))).append("</div>");
    }
    h.append("</div><table><tr><th>group</th><th>n</th><th>events</th><th>model</th>");
    for (int m : SurvivalGroups.CHECK_MONTHS) {
      h.append("<th>").append(event).append(" by ").append(m).append(" months: KM (95% CI) / fit</th>");
    }
    h.append("</tr>");
    for (SurvivalGroups.Group g : groups) {
      h.append("<tr><td>").append(esc(g.name())).append(g.bands().size() > 1 || !g.bands().get(0).equals(g.name())
          ? " (" + esc(String.join(", ", g.bands())) + ")" : "").append("</td><td>").append(g.n()).append("</td><td>").append(g.events())
          .append("</td><td>").append(g.parametric() == null ? "not fitted: " + esc(g.note()) : g.parametric().model()).append("</td>");
      for (int m : SurvivalGroups.CHECK_MONTHS) {
        double t = m * SurvivalGroups.DAYS_PER_MONTH;
        double[] ci = g.km().probabilityByInterval(t);
        h.append(String.format(Locale.ROOT, "<td>%.1f%% (%.1f-%.1f) / %s</td>", 100 * g.km().probabilityBy(t), 100 * ci[0], 100 * ci[1],
            g.parametric() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * g.parametric().probabilityBy(t))));
      }
      h.append("</tr>");
    }
    return h.append("</table>").toString();
  }

  private static XYChart entryChart(EntryModel.Fit fit, boolean synthetic) {
    XYChart chart = new XYChartBuilder().width(1000).height(360).title((synthetic ? "SYNTHETIC DATA - " : "") + "Entries to care per month: observed and fitted")
        .xAxisTitle("month").yAxisTitle("entries").build();
    List<Date> months = new ArrayList<>();
    List<Double> observed = new ArrayList<>();
    List<Double> fitted = new ArrayList<>();
    for (EntryModel.MonthFit m : fit.months()) {
      months.add(Date.from(m.month().atStartOfDay(ZoneId.of("UTC")).toInstant()));
      observed.add((double) m.observed());
      fitted.add(m.fitted());
    }
    chart.getStyler().setDatePattern("yyyy-MM");
    chart.addSeries("observed", months, observed).setMarker(SeriesMarkers.CIRCLE).setLineColor(KM);
    chart.addSeries("fitted", months, fitted).setMarker(SeriesMarkers.NONE).setLineColor(FIT).setLineWidth(2f);
    return chart;
  }

  private static XYChart survivalChart(SurvivalGroups.Group g, String event, boolean synthetic) {
    XYChart chart = new XYChartBuilder().width(520).height(320)
        .title((synthetic ? "SYNTHETIC - " : "") + g.name() + ": share who " + event + " (n=" + g.n() + ")")
        .xAxisTitle("months").yAxisTitle("share").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(48.0);
    List<Double> t = new ArrayList<>(List.of(0.0));
    List<Double> p = new ArrayList<>(List.of(0.0));
    List<Double> lo = new ArrayList<>(List.of(0.0));
    List<Double> hi = new ArrayList<>(List.of(0.0));
    for (KaplanMeier.Step s : g.km().steps()) {
      double months = s.time() / SurvivalGroups.DAYS_PER_MONTH;
      if (months > 48) {
        break;
      }
      t.add(months);
      p.add(1 - s.survival());
      lo.add(1 - s.upper());
      hi.add(1 - s.lower());
    }
    if (t.size() > 1) {
      for (String band : List.of("95% band", "95% band ")) {
        XYSeries edge = chart.addSeries(band, t, band.endsWith(" ") ? hi : lo);
        edge.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
        edge.setLineColor(BAND).setLineWidth(1f).setShowInLegend(!band.endsWith(" "));
      }
      XYSeries steps = chart.addSeries("Kaplan-Meier", t, p);
      steps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
      steps.setLineColor(KM).setLineWidth(2f);
    }
    if (g.parametric() != null) {
      List<Double> ft = new ArrayList<>();
      List<Double> fp = new ArrayList<>();
      for (int i = 0; i <= 96; i++) {
        double months = i / 2.0;
        ft.add(months);
        fp.add(g.parametric().probabilityBy(months * SurvivalGroups.DAYS_PER_MONTH));
      }
      XYSeries curve = chart.addSeries(g.parametric().model().replace('_', ' ') + " fit", ft, fp);
      curve.setMarker(SeriesMarkers.NONE).setLineColor(FIT).setLineWidth(2f);
      curve.setLineStyle(SeriesLines.DASH_DASH);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", List.of(0.0), List.of(0.0)).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }


}
