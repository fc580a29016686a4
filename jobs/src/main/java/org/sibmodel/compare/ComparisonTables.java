package org.sibmodel.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.TDistribution;
import org.sibmodel.format.Formats;
import org.sibmodel.stats.KaplanMeier;
import org.sibmodel.stats.LogRank;
import org.sibmodel.stats.WilsonInterval;

/**
 * The published tables of a comparison run, each row a map of field to value (null where
 * suppressed, with the field named in {@code suppressed}), in the order of the dataset schemas.
 * Counts go through {@link Disclosure} across every cohort together, so no count of 1 to 4 can
 * be recovered from any combination of rows.
 */
final class ComparisonTables {
  static final double DAYS_PER_MONTH = 365.25 / 12;
  /** The KM table's grid, in months. */
  static final int KM_MONTHS = 36;
  static final String MATCHED_DAYS = "matched: mean days in care per child in the 24 months after entry";

  final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
  private final Map<String, List<Unit>> members;
  private final Set<String> hidden;

  /** The name under which the total of entries is published. */
  static final String ALL = "all entries";

  /** Counts of each cohort's periods after its size, children and children followed 24 months, in order of importance. */
  private enum Count {
    RETURNS("returns_home", Unit::followed12),
    LEFT("left_care", Unit::ended),
    REENTRIES("reentries", Unit::reentered12);

    final String field;
    final Predicate<Unit> counts;

    Count(String field, Predicate<Unit> counts) {
      this.field = field;
      this.counts = counts;
    }
  }

  ComparisonTables(List<Unit> everything, Map<String, List<Unit>> members) {
    this.members = members;
    this.hidden = suppressedCounts(everything, members);
    for (String t : List.of("compare_cohorts", "compare_time_in_care", "compare_km", "compare_reentry", "compare_days_in_care",
        "compare_differences", "compare_balance")) {
      tables.put(t, new ArrayList<>());
    }
  }

  /** Whether a cohort's count is suppressed. */
  boolean hidden(String cohort, String field) {
    return hidden.contains(cohort + "/" + field);
  }

  int suppressedCells() {
    int n = 0;
    for (List<Map<String, Object>> rows : tables.values()) {
      for (Map<String, Object> row : rows) {
        Object s = row.get("suppressed");
        n += s == null ? 0 : s.toString().split(", ").length;
      }
    }
    return n;
  }

  /**
   * Primary and secondary suppression over all cohorts at once. Every count is a set of care
   * periods, a cohort's children counted by their first period in it; the total of entries is
   * published too. Children are also checked as sets of children, across cohorts.
   */
  private static Set<String> suppressedCounts(List<Unit> everything, Map<String, List<Unit>> members) {
    Map<String, Set<String>> published = new LinkedHashMap<>();
    published.put(ALL + "/periods", ids(everything, u -> true));
    members.forEach((cohort, units) -> published.put(cohort + "/periods", ids(units, u -> true)));
    members.forEach((cohort, units) -> published.put(cohort + "/children", ids(firstEntries(units), u -> true)));
    members.forEach((cohort, units) -> published.put(cohort + "/followed24", ids(followed24(units), u -> true)));
    for (Count c : Count.values()) {
      members.forEach((cohort, units) -> published.put(cohort + "/" + c.field, ids(units, c.counts)));
    }
    Map<String, Set<String>> derived = new LinkedHashMap<>();
    members.forEach((cohort, units) -> {
      derived.put(cohort + "/still in care", ids(units, u -> !u.ended()));
      derived.put(cohort + "/not back within 12 months", ids(units, u -> u.followed12() && !u.reentered12()));
      derived.put(cohort + "/not a return home followed 12 months", ids(units, u -> !u.followed12()));
      Set<String> first = ids(firstEntries(units), u -> true);
      Set<String> followed = ids(followed24(units), u -> true);
      derived.put(cohort + "/later entries of its children", ids(units, u -> !first.contains(u.id())));
      derived.put(cohort + "/children not followed 24 months", ids(units, u -> first.contains(u.id()) && !followed.contains(u.id())));
    });
    Set<String> hidden = new LinkedHashSet<>(Disclosure.suppressed(published, derived));
    Map<String, Set<String>> children = new LinkedHashMap<>();
    children.put(ALL + "/children", everything.stream().map(Unit::childKey).collect(Collectors.toCollection(LinkedHashSet::new)));
    members.forEach((cohort, units) -> children.put(cohort + "/children",
        units.stream().map(Unit::childKey).collect(Collectors.toCollection(LinkedHashSet::new))));
    hidden.addAll(Disclosure.suppressed(children, Map.of()));
    return hidden;
  }

  /** Each child's first entry among the units. */
  static List<Unit> firstEntries(List<Unit> units) {
    Map<String, Unit> first = new LinkedHashMap<>();
    for (Unit u : units) {
      first.merge(u.childKey(), u, (a, b) -> b.start().isBefore(a.start()) ? b : a);
    }
    return List.copyOf(first.values());
  }

  private static Set<String> ids(List<Unit> units, Predicate<Unit> p) {
    return units.stream().filter(p).map(Unit::id).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  void cohort(Cohorts.Definition d, List<Unit> units, Double entriesPer10000) {
    Disclosure.Cells row = new Disclosure.Cells().put("cohort", d.name()).put("definition", d.describe())
        .count("periods", units.size(), hidden(d.name(), "periods"))
        .count("children", units.stream().map(Unit::childKey).distinct().count(), hidden(d.name(), "children"));
    if (row.isSuppressed("periods") && entriesPer10000 != null) {
      row.suppress("entries_per_10000");
    } else {
      row.put("entries_per_10000", entriesPer10000);
    }
    tables.get("compare_cohorts").add(row.row());
  }

  /** Time in care, KM curve, re-entry and days in care of both cohorts, and their differences. */
  void compare(Cohorts.Comparison c, long seed) {
    List<Unit> a = members.get(c.first());
    List<Unit> b = members.get(c.second());
    KaplanMeier kmA = null;
    KaplanMeier kmB = null;
    for (String cohort : List.of(c.first(), c.second())) {
      List<Unit> units = members.get(cohort);
      KaplanMeier km = timeInCare(c.name(), cohort, units);
      if (cohort.equals(c.first())) {
        kmA = km;
      } else {
        kmB = km;
      }
      reentry(c.name(), cohort, units);
      daysInCare(c.name(), cohort, units);
    }
    differences(c, a, b, kmA, kmB, seed);
  }

  private KaplanMeier timeInCare(String comparison, String cohort, List<Unit> units) {
    Disclosure.Cells row = new Disclosure.Cells().put("comparison", comparison).put("cohort", cohort)
        .count("periods", units.size(), hidden(cohort, "periods"))
        .count("left_care", units.stream().filter(Unit::ended).count(), hidden(cohort, "left_care"));
    if (row.isSuppressed("periods")) {
      // Survival curves and their intervals would give back the number of periods.
      row.suppress("median_days", "median_lower", "median_upper", "rmst12_days", "rmst12_se", "rmst24_days", "rmst24_se");
      tables.get("compare_time_in_care").add(row.row());
      return null;
    }
    KaplanMeier km = Statistics.km(units);
    Double[] ci = Statistics.medianInterval(km);
    row.put("median_days", km.median().isPresent() ? km.median().getAsDouble() : null)
        .put("median_lower", ci[0]).put("median_upper", ci[1])
        .put("rmst12_days", rmst(km, CompareData.YEAR)).put("rmst12_se", rmstSe(km, CompareData.YEAR))
        .put("rmst24_days", rmst(km, CompareData.TWO_YEARS)).put("rmst24_se", rmstSe(km, CompareData.TWO_YEARS));
    tables.get("compare_time_in_care").add(row.row());
    kmRows(comparison, cohort, units, km);
    return km;
  }

  /** Restricted mean over tau days, or null where follow-up ends before tau (it would be extrapolated). */
  private static Double rmst(KaplanMeier km, int tau) {
    return km.lastTime() < tau ? null : km.restrictedMean(tau);
  }

  private static Double rmstSe(KaplanMeier km, int tau) {
    return km.lastTime() < tau ? null : km.restrictedMeanStdError(tau);
  }

  /**
   * The curve on a monthly grid, a point published only while 5 or more are at risk and once 5 or
   * more have left care since the last point published; numbers at risk rounded to the nearest 5.
   */
  private void kmRows(String comparison, String cohort, List<Unit> units, KaplanMeier km) {
    List<Map<String, Object>> rows = tables.get("compare_km");
    rows.add(kmRow(comparison, cohort, 0, 1, 1, 1, units.size()));
    double last = 0;
    for (int m = 1; m <= KM_MONTHS; m++) {
      double t = m * DAYS_PER_MONTH;
      double from = last;
      long atRisk = units.stream().filter(u -> u.durationDays() > t).count();
      long left = units.stream().filter(u -> u.ended() && u.durationDays() > from && u.durationDays() <= t).count();
      if (atRisk < Disclosure.MINIMUM) {
        break;
      }
      if (left < Disclosure.MINIMUM) {
        continue;
      }
      double[] band = km.survivalInterval(t);
      rows.add(kmRow(comparison, cohort, t, km.survival(t), band[0], band[1], atRisk));
      last = t;
    }
  }

  private static Map<String, Object> kmRow(String comparison, String cohort, double t, double s, double lower, double upper, long atRisk) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("comparison", comparison);
    row.put("cohort", cohort);
    row.put("time_days", t);
    row.put("survival", s);
    row.put("lower", lower);
    row.put("upper", upper);
    row.put("at_risk", Math.max(Disclosure.MINIMUM, 5 * Math.round(atRisk / 5.0)));
    return row;
  }

  private void reentry(String comparison, String cohort, List<Unit> units) {
    long returns = units.stream().filter(Unit::followed12).count();
    long back = units.stream().filter(Unit::reentered12).count();
    Disclosure.Cells row = new Disclosure.Cells().put("comparison", comparison).put("cohort", cohort)
        .count("returns_home", returns, hidden(cohort, "returns_home"))
        .count("reentries", back, hidden(cohort, "reentries"));
    // The proportion and its interval would give back a suppressed count from the other one.
    if (row.isSuppressed("reentries") || row.isSuppressed("returns_home") || !Disclosure.publishable(returns - back)) {
      row.suppress("proportion", "lower", "upper");
    } else {
      double[] w = WilsonInterval.of(back, returns, WilsonInterval.DEFAULT_CONFIDENCE);
      row.put("proportion", (double) back / returns).put("lower", w[0]).put("upper", w[1]);
    }
    tables.get("compare_reentry").add(row.row());
  }

  private void daysInCare(String comparison, String cohort, List<Unit> units) {
    double[] days = days24(units);
    Disclosure.Cells row = new Disclosure.Cells().put("comparison", comparison).put("cohort", cohort)
        .count("children", days.length, hidden(cohort, "followed24"));
    if (row.isSuppressed("children")) {
      row.suppress("mean_days", "median_days");
    } else {
      row.put("mean_days", Statistics.mean(days)).put("median_days", Statistics.median(days));
    }
    tables.get("compare_days_in_care").add(row.row());
  }

  /** Days in care in the 24 months from each child's reference date (its first entry in the cohort), where followed that long. */
  static double[] days24(List<Unit> units) {
    return followed24(units).stream().mapToDouble(Unit::daysInCare24).toArray();
  }

  /** Each child's first entry in the cohort, where it began at least 24 months before the data end. */
  static List<Unit> followed24(List<Unit> units) {
    return firstEntries(units).stream().filter(Unit::followed24).toList();
  }

  private void differences(Cohorts.Comparison c, List<Unit> a, List<Unit> b, KaplanMeier kmA, KaplanMeier kmB, long seed) {
    boolean survival = kmA != null && kmB != null;
    for (int tau : List.of(CompareData.YEAR, CompareData.TWO_YEARS)) {
      String measure = "restricted mean time in care over " + (tau == CompareData.YEAR ? 12 : 24) + " months";
      if (survival) {
        rmstDifference(c.name(), measure, kmA, kmB, tau, null);
      } else {
        difference(c.name(), measure, "days", null, null, null, null, null, null, "suppressed: a cohort's number of periods is suppressed");
      }
    }
    if (survival) {
      LogRank.Result lr = LogRank.test(Statistics.times(a), Statistics.events(a), Statistics.times(b), Statistics.events(b));
      difference(c.name(), "time in care (whole curve)", "days", null, null, null, "log-rank", lr.chiSquare(), lr.pValue(), null);
    } else {
      difference(c.name(), "time in care (whole curve)", "days", null, null, null, null, null, null,
          "suppressed: a cohort's number of periods is suppressed");
    }

    String reentry = "back in care within 12 months of a return home";
    long s1 = a.stream().filter(Unit::reentered12).count();
    long n1 = a.stream().filter(Unit::followed12).count();
    long s2 = b.stream().filter(Unit::reentered12).count();
    long n2 = b.stream().filter(Unit::followed12).count();
    if (published("compare_reentry", c.first(), "proportion") && published("compare_reentry", c.second(), "proportion")) {
      WilsonInterval.ProportionDifference pd = WilsonInterval.difference(s1, n1, s2, n2);
      difference(c.name(), reentry, "proportion", pd.difference(), pd.lower(), pd.upper(), "two-proportion z test", pd.z(), pd.pValue(),
          null);
    } else {
      difference(c.name(), reentry, "proportion", null, null, null, null, null, null,
          "suppressed: a cohort's re-entries, or those not back, are fewer than 5");
    }

    String days = "mean days in care per child in the 24 months after entry";
    double[] da = days24(a);
    double[] db = days24(b);
    if (published("compare_days_in_care", c.first(), "mean_days") && published("compare_days_in_care", c.second(), "mean_days")) {
      double[] ci = Statistics.bootstrapDifference(da, db, seed);
      double[] mw = Statistics.mannWhitney(da, db);
      difference(c.name(), days, "days", Statistics.mean(da) - Statistics.mean(db), ci[0], ci[1], "Mann-Whitney U", mw[0], mw[1],
          "bootstrap 95% interval, " + Statistics.BOOTSTRAP + " resamples");
    } else {
      difference(c.name(), days, "days", null, null, null, null, null, null,
          "suppressed: a cohort's number of children followed for 24 months is suppressed");
    }
  }

  /** Whether a cohort's value in a table was published. */
  private boolean published(String table, String cohort, String field) {
    return tables.get(table).stream().anyMatch(row -> row.get("cohort").equals(cohort) && row.get(field) != null);
  }

  void difference(String comparison, String measure, String unit, Double estimate, Double lower, Double upper, String test, Double statistic,
      Double p, String note) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("comparison", comparison);
    row.put("measure", measure);
    row.put("estimate", estimate);
    row.put("lower", lower);
    row.put("upper", upper);
    row.put("unit", unit);
    row.put("test", test);
    row.put("statistic", statistic);
    row.put("p_value", p);
    row.put("note", note);
    tables.get("compare_differences").add(row);
  }

  /** The matched comparison's balance rows and its estimates. */
  void matched(String comparison, PropensityMatching.Result m) {
    for (PropensityMatching.Balance b : m.balance()) {
      Disclosure.Cells row = new Disclosure.Cells().put("comparison", comparison).put("covariate", b.covariate()).put("level", b.level());
      boolean small = !Disclosure.publishable(b.treatedBefore()) || !Disclosure.publishable(b.controlBefore())
          || !Disclosure.publishable(b.treatedAfter()) || !Disclosure.publishable(b.controlAfter());
      if (small) {
        row.suppress("smd_before", "smd_after");
      } else {
        row.put("smd_before", smd(b.smdBefore())).put("smd_after", smd(b.smdAfter()));
      }
      tables.get("compare_balance").add(row.row());
    }
    int pairs = m.pairs().size();
    if (!Disclosure.publishable(pairs)) {
      difference(comparison, MATCHED_DAYS, "days", null, null, null, null, null, null, "fewer than 5 matched pairs");
      return;
    }
    // Pairs and the unmatched are rounded to 5: exact, they would give back a suppressed count by difference.
    String matchedPairs = "about " + roundTo5(pairs) + " pairs matched on the propensity score";
    String unmatched = m.unmatched() == 0 ? "every referred child matched"
        : "about " + roundTo5(m.unmatched()) + " referred children had no comparison within the caliper";
    KaplanMeier treated = Statistics.km(m.pairs().stream().map(PropensityMatching.Pair::treated).toList());
    KaplanMeier controls = Statistics.km(m.pairs().stream().map(PropensityMatching.Pair::control).toList());
    rmstDifference(comparison, "matched: restricted mean time in care over 24 months", treated, controls, CompareData.TWO_YEARS,
        matchedPairs + "; standard errors as if independent (conservative for matched pairs)");
    double se = (m.upper() - m.estimate()) / new TDistribution(pairs - 1).inverseCumulativeProbability(0.975);
    difference(comparison, MATCHED_DAYS, "days", m.estimate(), m.lower(), m.upper(), "paired t test",
        se > 0 ? m.estimate() / se : null, se > 0 ? m.pValue() : null,
        matchedPairs + " (caliper " + Formats.number(m.caliper(), 3) + " on the logit); " + unmatched + "; unmatched difference "
            + Formats.number(m.naive(), 3) + " days" + (m.fit().converged() ? ""
                : "; the propensity model did not converge in " + m.fit().iterations() + " iterations: treat the matching with caution"));
  }

  /**
   * The difference in restricted mean time in care with its z interval and test; empty where
   * follow-up is shorter than tau in a cohort (the curve would be extrapolated).
   */
  private void rmstDifference(String comparison, String measure, KaplanMeier a, KaplanMeier b, int tau, String note) {
    if (a.lastTime() < tau || b.lastTime() < tau) {
      difference(comparison, measure, "days", null, null, null, null, null, null, "follow-up in a cohort is shorter than " + tau + " days");
      return;
    }
    double d = a.restrictedMean(tau) - b.restrictedMean(tau);
    double se = Math.hypot(a.restrictedMeanStdError(tau), b.restrictedMeanStdError(tau));
    if (se == 0) {
      difference(comparison, measure, "days", d, d, d, null, null, null, "no variation in either cohort: no test");
      return;
    }
    double z = d / se;
    difference(comparison, measure, "days", d, d - Statistics.Z95 * se, d + Statistics.Z95 * se, "z test", z, Statistics.twoSidedP(z), note);
  }

  private static long roundTo5(long n) {
    return 5 * Math.round(n / 5.0);
  }

  /** Standardised mean differences to 2 decimals: enough to judge balance, too coarse to count children by. */
  private static Double smd(double d) {
    return Double.isNaN(d) ? null : Math.round(d * 100) / 100.0;
  }
}
