package org.sibmodel.calibrate;

import static org.sibmodel.io.HtmlPage.esc;
import static org.sibmodel.io.HtmlPage.img;

import java.awt.Color;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.format.Formats;
import org.sibmodel.io.Charts;
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
    HtmlPage page = HtmlPage.titled("Calibration report");
    if (s.syntheticData()) {
      page.top(HtmlPage.syntheticCareData());
    }
    page.section("Data", "<ul><li>Curated care data: <code>" + esc(s.curated()) + "</code></li><li>Window: " + s.from() + " to " + s.to()
        + "</li><li>Districts: " + esc(String.join(", ", s.districts())) + "</li><li>Cells with fewer than " + s.minimumCases()
        + " cases are pooled (below).</li></ul>");

    List<List<String>> coefficients = new ArrayList<>();
    for (EntryModel.Coefficient c : entries.coefficients()) {
      coefficients.add(List.of(c.term(), Formats.number(c.estimate(), 4), Formats.number(c.stdErrorUsed(), 3), Formats.number(c.z(), 3)));
    }
    page.section("Entries to care", "<p>Poisson regression with a log link (spark-mllib GeneralizedLinearRegression) of monthly entries"
        + " by district and age band, with a trend and a yearly season. Reference levels: " + esc(entries.reference())
        + ". Pearson dispersion " + Formats.number(entries.dispersion(), 3) + " on " + Formats.count(entries.residualDf())
        + " degrees of freedom: " + (entries.quasi() ? "over-dispersed, so standard errors are scaled by its square root (quasi-Poisson)."
            : "no over-dispersion; Poisson standard errors are used.") + "</p>" + img(entryChart(entries, s.syntheticData()))
        + HtmlPage.table("Coefficients (log scale: a coefficient of 0.1 is about 10% more entries)", List.of("term", "estimate",
            "std. error used", "z"), coefficients));

    page.section("Time in care", "<p>Kaplan-Meier (steps, with 95% bands) against the Weibull fit (smooth) by age band at entry;"
        + " periods still open at the end of the data are censored.</p>" + survivalSection(durations, "left care", s.syntheticData()));
    page.section("Re-entry after a return home", "<p>Time from a return home (REC E4A, E4B, E13) to the next entry: Kaplan-Meier"
        + " against a Weibull mixture cure fit (only some children ever come back).</p>"
        + survivalSection(reentry, "re-entered", s.syntheticData()));

    List<List<String>> shares = new ArrayList<>();
    mix.shares().forEach((band, byGroup) -> {
      List<String> row = new ArrayList<>(List.of(band));
      byGroup.values().forEach(v -> row.add(Formats.percent(v)));
      shares.add(row);
    });
    page.section("Placement mix while in care", HtmlPage.table(null, List.of("age band", "foster in-house", "foster agency", "residential",
        "other"), shares));

    String pooled;
    if (pooling.decisions().isEmpty()) {
      pooled = "<p>No cell was pooled: every district and age band had enough cases.</p>";
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (Pooling.Decision d : pooling.decisions()) {
        rows.add(List.of(String.valueOf(d.component()), d.cell(), Formats.count(d.cases()), d.pooledInto(), d.reason()));
      }
      pooled = HtmlPage.table(null, List.of("component", "cell", "cases", "estimated with", "why"), rows);
    }
    page.section("Pooling", pooled + "<p class=\"note\">Made by sib calibrate. Tables: entry_coefficients, entry_rates, entry_fit,"
        + " time_in_care_*, reentry_*, placement_mix, calibration_pooling (Parquet and CSV beside this page); parameters for the"
        + " simulation: params.json.</p>");
    return page.render();
  }

  private static String survivalSection(List<SurvivalGroups.Group> groups, String event, boolean synthetic) {
    StringBuilder h = new StringBuilder("<div class=\"grid\">");
    for (SurvivalGroups.Group g : groups) {
      h.append("<div>").append(img(survivalChart(g, event, synthetic))).append("</div>");
    }
    h.append("</div>");
    List<String> headers = new ArrayList<>(List.of("group", "n", "events", "model"));
    for (int m : SurvivalGroups.CHECK_MONTHS) {
      headers.add(event + " by " + m + " months: KM (95% CI) / fit");
    }
    List<List<String>> rows = new ArrayList<>();
    for (SurvivalGroups.Group g : groups) {
      List<String> row = new ArrayList<>(List.of(g.name() + (g.bands().size() > 1 || !g.bands().get(0).equals(g.name())
          ? " (" + String.join(", ", g.bands()) + ")" : ""), Formats.count(g.n()), Formats.count(g.events()),
          g.parametric() == null ? "not fitted: " + g.note() : g.parametric().model().replace('_', ' ')));
      for (int m : SurvivalGroups.CHECK_MONTHS) {
        double t = m * SurvivalGroups.DAYS_PER_MONTH;
        double[] ci = g.km().probabilityByInterval(t);
        row.add(Formats.percent(g.km().probabilityBy(t)) + " (" + Formats.percent(ci[0]) + "–" + Formats.percent(ci[1]) + ") / "
            + (g.parametric() == null ? Formats.NONE : Formats.percent(g.parametric().probabilityBy(t))));
      }
      rows.add(row);
    }
    return h.append(HtmlPage.table(null, headers, rows)).toString();
  }

  private static XYChart entryChart(EntryModel.Fit fit, boolean synthetic) {
    XYChart chart = Charts.xy(900, 360, "Entries to care per month: the fit follows the observed level and trend", synthetic, null,
        "entries a month");
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
    XYChart chart = Charts.xy(520, 340, g.name() + ": share who " + event + " (n = " + Formats.count(g.n()) + ")", synthetic,
        "months", null);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(48.0);
    Charts.percentOnY(chart.getStyler());
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
