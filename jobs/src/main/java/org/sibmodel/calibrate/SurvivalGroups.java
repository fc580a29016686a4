package org.sibmodel.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.sibmodel.ssda903.AgeBand;
import org.sibmodel.stats.CureWeibullFit;
import org.sibmodel.stats.KaplanMeier;
import org.sibmodel.stats.WeibullFit;

/**
 * Survival by age band, for time in care (entry to leaving care) and for time to re-entry (return
 * home to the next entry): a Kaplan-Meier curve with 95% bands and a parametric fit for the
 * simulation (Weibull for time in care; a Weibull mixture cure model for re-entry, since most
 * children who go home never come back). A fine age band with fewer cases than the minimum, or too
 * few events to fit, is pooled into the contract's 5-9 or 10-15 group, then into all ages.
 */
final class SurvivalGroups {
  /** Days in a month, for the checks at 3, 6, 12 and 24 months (365.25 / 12). */
  static final double DAYS_PER_MONTH = 30.4375;
  static final int[] CHECK_MONTHS = {3, 6, 12, 24};
  static final String ALL_AGES = "all ages";

  /** One observation: the age band it belongs to, its time in days, and whether the event was seen. */
  record Observation(String band, double days, boolean event) {}

  /** The parametric fit of a group: Weibull, or Weibull mixture cure. */
  record Parametric(String model, double shape, double scale, double everShare, double shapeSe, double scaleSe,
      double everShareSe, double[][] covariance, double logLikelihood) {
    double probabilityBy(double days) {
      double s = Math.exp(-Math.pow(days / scale, shape));
      return everShare * (1 - s);
    }
  }

  /** A group's estimates. {@code bands}: the fine bands it covers; {@code parametric} null when it could not be fitted. */
  record Group(String name, List<String> bands, int n, int events, KaplanMeier km, Parametric parametric, String note) {}

  private SurvivalGroups() {}

  /**
   * Estimates each fine age band, pooling where needed.
   *
   * @param component name used in the pooling record (time_in_care, reentry)
   * @param cure whether the parametric model is the cure mixture
   */
  static List<Group> estimate(String component, List<Observation> observations, int minimumCases, boolean cure, Pooling pooling) {
    Map<String, List<Observation>> byBand = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      byBand.put(band.label(), new ArrayList<>());
    }
    // Maximum likelihood adds up over observations: a fixed order makes fits the same to the last digit whatever order Spark collected them in.
    observations.stream().sorted(java.util.Comparator.comparing(Observation::band).thenComparingDouble(Observation::days)
            .thenComparing(Observation::event))
        .forEach(o -> byBand.computeIfAbsent(o.band(), k -> new ArrayList<>()).add(o));
    List<Group> groups = new ArrayList<>();
    Map<String, List<String>> pooled = new LinkedHashMap<>();
    for (Map.Entry<String, List<Observation>> e : byBand.entrySet()) {
      String band = e.getKey();
      List<Observation> obs = e.getValue();
      Group own = fit(band, List.of(band), obs, cure);
      String problem = problem(own, minimumCases);
      if (problem == null) {
        groups.add(own);
        continue;
      }
      String into = AgeBand.ofLabel(band).contractGroup().orElse(ALL_AGES);
      pooling.add(component, band, obs.size(), into, problem + ": estimated with " + into);
      pooled.computeIfAbsent(into, k -> new ArrayList<>()).add(band);
    }
    for (Map.Entry<String, List<String>> e : pooled.entrySet()) {
      if (e.getKey().equals(ALL_AGES)) {
        continue;
      }
      List<String> members = memberBands(e.getKey());
      List<Observation> obs = observations.stream().filter(o -> members.contains(o.band())).toList();
      Group group = fit(e.getKey(), e.getValue(), obs, cure);
      String problem = problem(group, minimumCases);
      if (problem == null) {
        groups.add(group);
      } else {
        pooling.add(component, e.getKey(), obs.size(), ALL_AGES, problem + " even as the " + e.getKey() + " group: estimated with all ages");
        pooled.computeIfAbsent(ALL_AGES, k -> new ArrayList<>()).addAll(e.getValue());
      }
    }
    if (pooled.containsKey(ALL_AGES)) {
      Group all = fit(ALL_AGES, pooled.get(ALL_AGES), observations, cure);
      String problem = problem(all, 1);
      groups.add(problem == null ? all : new Group(all.name(), all.bands(), all.n(), all.events(), all.km(), null,
          problem + " even for all ages together: no parametric fit; the simulation must take a stated prior"));
      if (problem != null) {
        pooling.add(component, ALL_AGES, observations.size(), "not estimated", problem + " even for all ages together");
      }
    }
    return groups;
  }

  private static List<String> memberBands(String group) {
    List<String> members = new ArrayList<>();
    members.add(group);
    for (AgeBand band : AgeBand.values()) {
      if (band.contractGroup().map(group::equals).orElse(false)) {
        members.add(band.label());
      }
    }
    return members;
  }

  /** Why a group cannot stand alone, or null. */
  private static String problem(Group g, int minimumCases) {
    if (g.n() == 0) {
      return "no cases";
    }
    if (g.n() < minimumCases) {
      return g.n() + " cases, fewer than " + minimumCases;
    }
    if (g.parametric() == null) {
      return g.note();
    }
    return null;
  }

  private static Group fit(String name, List<String> bands, List<Observation> obs, boolean cure) {
    double[] times = new double[obs.size()];
    boolean[] events = new boolean[obs.size()];
    int n = 0;
    int e = 0;
    for (Observation o : obs) {
      times[n] = o.days();
      events[n] = o.event();
      e += o.event() ? 1 : 0;
      n++;
    }
    KaplanMeier km = KaplanMeier.fit(times, events);
    try {
      Parametric p;
      if (cure) {
        CureWeibullFit f = CureWeibullFit.fit(times, events);
        p = new Parametric("weibull_cure", f.shape(), f.scale(), f.everShare(), f.shapeStdError(), f.scaleStdError(),
            f.everShareStdError(), f.covariance(), f.logLikelihood());
      } else {
        WeibullFit f = WeibullFit.fit(times, events);
        p = new Parametric("weibull", f.shape(), f.scale(), 1.0, f.shapeStdError(), f.scaleStdError(), 0.0,
            f.covarianceLog(), f.logLikelihood());
      }
      return new Group(name, bands, n, e, km, p, null);
    } catch (IllegalArgumentException | IllegalStateException cannot) {
      return new Group(name, bands, n, e, km, null, cannot.getMessage());
    }
  }

  /** Kaplan-Meier and parametric estimates at a number of months, for the fit check. */
  record Check(String group, int months, double km, double kmLower, double kmUpper, double fitted) {}

  static List<Check> checks(List<Group> groups) {
    List<Check> checks = new ArrayList<>();
    for (Group g : groups) {
      for (int m : CHECK_MONTHS) {
        double t = m * DAYS_PER_MONTH;
        double[] ci = g.km().probabilityByInterval(t);
        checks.add(new Check(g.name(), m, g.km().probabilityBy(t), ci[0], ci[1],
            g.parametric() == null ? Double.NaN : g.parametric().probabilityBy(t)));
      }
    }
    return checks;
  }

  static OptionalDouble median(Group g) {
    return g.km().median();
  }
}
