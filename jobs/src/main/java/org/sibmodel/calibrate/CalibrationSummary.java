package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code sib calibrate} estimated, for summary.json, the console and the report's header. */
public record CalibrationSummary(
    String out,
    boolean syntheticData,
    String curated,
    LocalDate from,
    LocalDate to,
    List<String> districts,
    int minimumCases,
    EntrySummary entries,
    List<SurvivalSummary> timeInCare,
    List<SurvivalSummary> reentry,
    Map<String, Map<String, Double>> placementMix,
    List<Pooling.Decision> pooling) {

  /** The entry model in figures. */
  public record EntrySummary(long entries, long observations, int terms, String reference, double dispersion, boolean quasiPoisson,
      double deviance, double nullDeviance, long residualDf, double aic, Map<String, Double> ratesPerMonthByBand) {}

  /** A survival group in figures: shares by 3, 6, 12 and 24 months, Kaplan-Meier and fitted. */
  public record SurvivalSummary(String group, List<String> bands, int n, int events, String model, Double shape, Double scaleDays,
      Double everShare, Map<String, Double> km, Map<String, Double> fitted, String note) {}

  static CalibrationSummary of(CalibrateOptions options, CalibrationData data, EntryModel.Fit entries,
      List<SurvivalGroups.Group> durations, List<SurvivalGroups.Group> reentry, PlacementMix mix, Pooling pooling, boolean synthetic) {
    Map<String, Double> byBand = new LinkedHashMap<>();
    for (org.sibmodel.vocabulary.AgeBand band : org.sibmodel.vocabulary.AgeBand.values()) {
      entries.rates().stream().filter(r -> r.band().equals(band.label()))
          .forEach(r -> byBand.merge(r.band(), r.perMonth(), Double::sum));
    }
    EntrySummary e = new EntrySummary(entries.entries(), entries.observations(), entries.terms().size(), entries.reference(),
        entries.dispersion(), entries.quasi(), entries.deviance(), entries.nullDeviance(), entries.residualDf(), entries.aic(), byBand);
    return new CalibrationSummary(null, synthetic, options.curated(), data.from(), data.to(), data.districts(), options.minimumCases(),
        e, survival(durations), survival(reentry), mix.shares(), pooling.decisions());
  }

  private static List<SurvivalSummary> survival(List<SurvivalGroups.Group> groups) {
    List<SurvivalSummary> list = new ArrayList<>();
    for (SurvivalGroups.Group g : groups) {
      Map<String, Double> km = new LinkedHashMap<>();
      Map<String, Double> fitted = new LinkedHashMap<>();
      for (int m : SurvivalGroups.CHECK_MONTHS) {
        double t = m * SurvivalGroups.DAYS_PER_MONTH;
        km.put(m + "_months", g.km().probabilityBy(t));
        if (g.parametric() != null) {
          fitted.put(m + "_months", g.parametric().probabilityBy(t));
        }
      }
      SurvivalGroups.Parametric p = g.parametric();
      list.add(new SurvivalSummary(g.name(), g.bands(), g.n(), g.events(), p == null ? null : p.model(), p == null ? null : p.shape(),
          p == null ? null : p.scale(), p == null ? null : p.everShare(), km, fitted, g.note()));
    }
    return list;
  }

  CalibrationSummary withOut(String target) {
    return new CalibrationSummary(target, syntheticData, curated, from, to, districts, minimumCases, entries, timeInCare, reentry,
        placementMix, pooling);
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (syntheticData) {
      s.append("SYNTHETIC DATA (from sib generate): these figures describe the model, not a real council.\n");
    }
    s.append("Window ").append(from).append(" to ").append(to).append(", ").append(districts.size()).append(" districts, pooling below ")
        .append(minimumCases).append(" cases.\n");
    s.append(String.format("Entries: %d in %d cells x months; Poisson GLM, Pearson dispersion %.2f%s.%n", entries.entries(),
        entries.observations(), entries.dispersion(), entries.quasiPoisson() ? " (over-dispersed: quasi-Poisson standard errors)" : ""));
    List<String> bands = new ArrayList<>();
    entries.ratesPerMonthByBand().forEach((b, r) -> bands.add(b + " " + String.format("%.1f", r)));
    s.append("  expected entries per month at the window's end: ").append(String.join(", ", bands)).append('\n');
    s.append("Time in care, share left within 12 months (Kaplan-Meier / Weibull):\n");
    timeInCare.forEach(g -> s.append(line(g, "12_months")));
    s.append("Re-entry after a return home, share back within 12 months (Kaplan-Meier / cure Weibull):\n");
    reentry.forEach(g -> s.append(line(g, "12_months")));
    s.append("Pooling decisions: ").append(pooling.size()).append(pooling.isEmpty() ? "" : " (see calibration_pooling.csv and the report)").append('\n');
    s.append("\nOutputs in ").append(out).append(":\n")
        .append("  params.json report.html summary.json run.json and, as Parquet and CSV: entry_coefficients entry_rates entry_fit\n")
        .append("  time_in_care_km time_in_care_fit time_in_care_check reentry_km reentry_fit reentry_check placement_mix calibration_pooling\n");
    return s.toString();
  }

  private static String line(SurvivalSummary g, String key) {
    Double fitted = g.fitted().get(key);
    return String.format("  %-8s n=%-6d events=%-6d %5.1f%% / %s%n", g.group(), g.n(), g.events(), 100 * g.km().get(key),
        fitted == null ? "not fitted" : String.format("%.1f%%", 100 * fitted));
  }
}
