package org.sibmodel.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sibmodel.format.Formats;

/** What {@code sib compare} found, for summary.json, the console and the report's header. */
public record CompareSummary(
    String out,
    boolean syntheticData,
    String curated,
    String cohortsFile,
    LocalDate dataStart,
    LocalDate dataEnd,
    long carePeriods,
    Referred referred,
    String population,
    List<ComparisonSummary> comparisons,
    List<Skipped> skipped,
    int suppressedCells,
    List<String> tables) {

  /**
   * The referral list reconciled: rows = ids + duplicates; ids = in the care data + not in it.
   *
   * @param notInCareData referred children with no care period in the data (never looked after in its span)
   * @param entriesBeforeReferral referred children's entries before their referral date, in no referred or not-referred cohort
   */
  public record Referred(String file, long rows, long duplicates, long ids, long inCareData, long notInCareData,
      long entriesBeforeReferral) {}

  /** A comparison skipped, and why. */
  public record Skipped(String comparison, String reason) {}

  /** A comparison's headline figures as published (null where suppressed). */
  public record ComparisonSummary(String name, String first, String second, boolean matched, Map<String, Object> periods,
      Map<String, Map<String, Object>> differences) {}

  static CompareSummary of(CompareOptions options, Cohorts cohorts, CompareData data, boolean synthetic, Referred referred,
      Population population, List<Cohorts.Comparison> run, List<Skipped> skipped, ComparisonTables tables,
      Map<String, PropensityMatching.Result> matched) {
    List<ComparisonSummary> list = new ArrayList<>();
    for (Cohorts.Comparison c : run) {
      Map<String, Object> periods = new LinkedHashMap<>();
      for (Map<String, Object> row : tables.tables.get("compare_cohorts")) {
        if (row.get("cohort").equals(c.first()) || row.get("cohort").equals(c.second())) {
          periods.put((String) row.get("cohort"), row.get("periods"));
        }
      }
      Map<String, Map<String, Object>> differences = new LinkedHashMap<>();
      for (Map<String, Object> row : tables.tables.get("compare_differences")) {
        if (row.get("comparison").equals(c.name())) {
          Map<String, Object> d = new LinkedHashMap<>(row);
          d.remove("comparison");
          d.remove("measure");
          differences.put((String) row.get("measure"), d);
        }
      }
      list.add(new ComparisonSummary(c.name(), c.first(), c.second(), matched.containsKey(c.name()), periods, differences));
    }
    return new CompareSummary(null, synthetic, options.curated(), cohorts.source(), data.dataStart(), data.dataEnd(), data.units().size(),
        referred, population == null ? null : population.source(), list, skipped, tables.suppressedCells(),
        List.copyOf(tables.tables.keySet()));
  }

  CompareSummary withOut(String target) {
    return new CompareSummary(target, syntheticData, curated, cohortsFile, dataStart, dataEnd, carePeriods, referred, population,
        comparisons, skipped, suppressedCells, tables);
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (syntheticData) {
      s.append("SYNTHETIC DATA (from sib generate): these figures describe the model, not a real council.\n");
    }
    s.append(String.format(Locale.ROOT, "%d entries to care observed from %s to %s; cohorts from %s.%n", carePeriods, dataStart, dataEnd,
        cohortsFile));
    if (referred != null) {
      s.append(String.format(Locale.ROOT, "Referral list: %d rows = %d children + %d repeated rows; %d of them in the care data, %d not;"
          + " %d entries before a referral left out of referred and not referred.%n", referred.rows(), referred.ids(),
          referred.duplicates(), referred.inCareData(), referred.notInCareData(), referred.entriesBeforeReferral()));
    }
    for (ComparisonSummary c : comparisons) {
      s.append("  ").append(c.name()).append(" (periods: ");
      List<String> sizes = new ArrayList<>();
      c.periods().forEach((cohort, n) -> sizes.add(cohort + " " + (n == null ? "suppressed" : n)));
      s.append(String.join(", ", sizes)).append(")\n");
      c.differences().forEach((measure, d) -> {
        s.append("      ").append(measure).append(": ");
        if (d.get("estimate") != null) {
          s.append(difference((Double) d.get("estimate"), (Double) d.get("lower"), (Double) d.get("upper"), (String) d.get("unit")));
        }
        if (d.get("p_value") != null) {
          s.append(d.get("estimate") != null ? "; " : "").append(d.get("test")).append(' ').append(p((Double) d.get("p_value")));
        }
        if (d.get("estimate") == null && d.get("p_value") == null) {
          s.append(d.get("note"));
        }
        s.append('\n');
      });
    }
    skipped.forEach(k -> s.append("  skipped: ").append(k.comparison()).append(": ").append(k.reason()).append('\n'));
    s.append(suppressedCells).append(" cells suppressed (counts below 5 and what would reveal them).\n");
    s.append("\nOutputs in ").append(out).append(":\n  ").append(String.join("/ ", tables)).append("/ (Parquet, and CSV copies)\n")
        .append("  report.html summary.json run.json\n");
    return s.toString();
  }

  /**
   * A difference with its 95% interval as people read it: +6.25 days [−10.8, 22.4]; a difference
   * in proportions in percentage points: +3.2 percentage points [−0.4, 6.8].
   */
  static String difference(Double estimate, Double lower, Double upper, String unit) {
    if (estimate == null) {
      return Formats.NONE;
    }
    double k = "proportion".equals(unit) ? 100 : 1;
    String words = "proportion".equals(unit) ? "percentage points" : unit;
    return Formats.difference(k * estimate) + " " + words + (lower == null || upper == null ? ""
        : " [" + Formats.number(k * lower, 3) + ", " + Formats.number(k * upper, 3) + "]");
  }

  /** "p = 0.0248", "p < 0.001". */
  static String p(double pValue) {
    String p = Formats.pValue(pValue);
    return p.startsWith("<") ? "p " + p : "p = " + p;
  }
}
