package org.sibmodel.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The log-rank test that two groups have the same survival function, from right-censored durations
 * in days (Mantel 1966; Klein &amp; Moeschberger, <i>Survival Analysis</i>, 2nd ed., 2003, section
 * 7.3; Kleinbaum &amp; Klein, <i>Survival Analysis: A Self-Learning Text</i>, chapter 2).
 *
 * <p>At each distinct event time t<sub>j</sub> of the pooled sample, with n<sub>gj</sub> at risk
 * in group g, n<sub>j</sub> in all, and d<sub>j</sub> events in all: E<sub>1</sub> = Σ
 * n<sub>1j</sub> d<sub>j</sub> / n<sub>j</sub> and the hypergeometric variance V = Σ n<sub>1j</sub>
 * n<sub>2j</sub> d<sub>j</sub> (n<sub>j</sub> − d<sub>j</sub>) / (n<sub>j</sub>² (n<sub>j</sub> − 1)).
 * The statistic (O<sub>1</sub> − E<sub>1</sub>)² / V is referred to a chi-square distribution with
 * 1 degree of freedom. An observation censored at t<sub>j</sub> is at risk at t<sub>j</sub>.
 */
public final class LogRank {
  private LogRank() {}

  /**
   * The test's figures. {@code variance} is V, the variance of O<sub>1</sub> − E<sub>1</sub>
   * (equal to that of O<sub>2</sub> − E<sub>2</sub>). When V = 0 (no events, or no time at which
   * both groups are at risk with someone left over) O<sub>1</sub> = E<sub>1</sub> necessarily, and
   * the test reports chi-square 0 and p-value 1: the data say nothing against equality.
   */
  public record Result(
      double observed1, double expected1, double observed2, double expected2, double variance, double chiSquare,
      double pValue) {
    public Result {
      nonNegative("observed1", observed1);
      nonNegative("expected1", expected1);
      nonNegative("observed2", observed2);
      nonNegative("expected2", expected2);
      nonNegative("variance", variance);
      nonNegative("chiSquare", chiSquare);
      if (!(pValue >= 0 && pValue <= 1)) {
        throw new IllegalArgumentException("pValue = " + pValue + ": must be between 0 and 1");
      }
    }

    private static void nonNegative(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " = " + value + ": must be finite and non-negative");
      }
    }
  }

  /**
   * Log-rank test of group 1 against group 2. Either group may be empty.
   *
   * @throws IllegalArgumentException if a group's arrays differ in length or hold a negative,
   *     infinite or NaN time
   */
  public static Result test(double[] times1, boolean[] events1, double[] times2, boolean[] events2) {
    Samples.check("times1", times1, "events1", events1);
    Samples.check("times2", times2, "events2", events2);
    Sorted g1 = Sorted.of(times1, events1);
    Sorted g2 = Sorted.of(times2, events2);
    double[] eventTimes = distinctEventTimes(g1, g2);

    int a1 = 0;
    int a2 = 0;
    int b1 = 0;
    int b2 = 0;
    double observed1 = 0;
    double observed2 = 0;
    double expected1 = 0;
    double variance = 0;
    for (double t : eventTimes) {
      // Drop what ended before t: events and censorings strictly earlier.
      while (a1 < g1.events.length && g1.events[a1] < t) {
        a1++;
      }
      while (b1 < g1.censored.length && g1.censored[b1] < t) {
        b1++;
      }
      while (a2 < g2.events.length && g2.events[a2] < t) {
        a2++;
      }
      while (b2 < g2.censored.length && g2.censored[b2] < t) {
        b2++;
      }
      int n1 = g1.events.length - a1 + g1.censored.length - b1;
      int n2 = g2.events.length - a2 + g2.censored.length - b2;
      int d1 = 0;
      while (a1 + d1 < g1.events.length && g1.events[a1 + d1] == t) {
        d1++;
      }
      int d2 = 0;
      while (a2 + d2 < g2.events.length && g2.events[a2 + d2] == t) {
        d2++;
      }
      double nj = n1 + n2;
      int d = d1 + d2;
      observed1 += d1;
      observed2 += d2;
      expected1 += n1 * (double) d / nj;
      if (nj > 1) {
        variance += (double) n1 * n2 * d * (nj - d) / (nj * nj * (nj - 1));
      }
    }
    double expected2 = observed1 + observed2 - expected1;
    double chiSquare = variance > 0 ? (observed1 - expected1) * (observed1 - expected1) / variance : 0;
    return new Result(observed1, expected1, observed2, Math.max(0, expected2), variance, chiSquare, upperTail1df(chiSquare));
  }

  /**
   * P(X ≥ x) for X chi-square with 1 degree of freedom, i.e. the upper regularized gamma Q(1/2,
   * x/2). This is the distribution of commons-math3's {@code ChiSquaredDistribution(1)}, whose
   * {@code 1 - cumulativeProbability(x)} loses relative accuracy for large x.
   */
  static double upperTail1df(double x) {
    return x <= 0 ? 1 : Gamma.regularizedGammaQ(0.5, x / 2);
  }

  private static double[] distinctEventTimes(Sorted g1, Sorted g2) {
    double[] all = new double[g1.events.length + g2.events.length];
    System.arraycopy(g1.events, 0, all, 0, g1.events.length);
    System.arraycopy(g2.events, 0, all, g1.events.length, g2.events.length);
    Arrays.sort(all);
    int m = 0;
    for (int i = 0; i < all.length; i++) {
      if (m == 0 || all[i] != all[m - 1]) {
        all[m++] = all[i];
      }
    }
    return Arrays.copyOf(all, m);
  }

  /** A group's event and censoring times, each sorted. */
  private record Sorted(double[] events, double[] censored) {
    static Sorted of(double[] times, boolean[] flags) {
      int r = Samples.count(flags);
      double[] ev = new double[r];
      double[] ce = new double[times.length - r];
      for (int i = 0, a = 0, b = 0; i < times.length; i++) {
        if (flags[i]) {
          ev[a++] = times[i] + 0.0;
        } else {
          ce[b++] = times[i] + 0.0;
        }
      }
      Arrays.sort(ev);
      Arrays.sort(ce);
      return new Sorted(ev, ce);
    }
  }
}
