package org.sibmodel.compare;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.sibmodel.stats.KaplanMeier;

/** The comparison statistics that are not in core's stats package: median intervals, bootstrap, Mann-Whitney. */
final class Statistics {
  static final double Z95 = 1.959963984540054;
  /** Bootstrap resamples for the interval of a difference in means. */
  static final int BOOTSTRAP = 2000;

  private Statistics() {}

  /** Time in care of the units, open periods censored. */
  static KaplanMeier km(List<Unit> units) {
    return KaplanMeier.fit(times(units), events(units));
  }

  /** Days in care of each unit, to the end of the period or of the data. */
  static double[] times(List<Unit> units) {
    return units.stream().mapToDouble(Unit::durationDays).toArray();
  }

  /** Whether each unit's period ended (false: censored). */
  static boolean[] events(List<Unit> units) {
    boolean[] e = new boolean[units.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = units.get(i).ended();
    }
    return e;
  }

  /**
   * The 95% interval of the median (Brookmeyer and Crowley 1982, with the log(-log) band): from the
   * first time the band's lower edge reaches 1/2 to the first time its upper edge does; a null end
   * where the band never gets there.
   */
  static Double[] medianInterval(KaplanMeier km) {
    Double lower = null;
    Double upper = null;
    for (KaplanMeier.Step s : km.steps()) {
      if (lower == null && s.lower() <= 0.5) {
        lower = s.time();
      }
      if (upper == null && s.upper() <= 0.5) {
        upper = s.time();
      }
    }
    return new Double[] {lower, upper};
  }

  /** Percentile bootstrap 95% interval of mean(a) - mean(b), resampling each group (seeded: reproducible). */
  static double[] bootstrapDifference(double[] a, double[] b, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] d = new double[BOOTSTRAP];
    for (int r = 0; r < BOOTSTRAP; r++) {
      d[r] = resampledMean(a, rng) - resampledMean(b, rng);
    }
    Arrays.sort(d);
    return new double[] {d[(int) Math.floor(0.025 * (BOOTSTRAP - 1))], d[(int) Math.ceil(0.975 * (BOOTSTRAP - 1))]};
  }

  private static double resampledMean(double[] x, SplittableRandom rng) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[rng.nextInt(x.length)];
    }
    return sum / x.length;
  }

  /**
   * Mann-Whitney U of the first sample over the second (pairs where it is larger, ties counting a
   * half) and the two-sided p-value of the normal approximation, its variance corrected for ties
   * (days in care tie heavily, at 730 above all); no continuity correction. As R's
   * {@code wilcox.test(a, b, exact = FALSE, correct = FALSE)}.
   */
  static double[] mannWhitney(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    int n = n1 + n2;
    double[][] pooled = new double[n][];
    for (int i = 0; i < n; i++) {
      pooled[i] = new double[] {i < n1 ? a[i] : b[i - n1], i < n1 ? 1 : 0};
    }
    Arrays.sort(pooled, (x, y) -> Double.compare(x[0], y[0]));
    double rankSumA = 0;
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && pooled[j][0] == pooled[i][0]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        rankSumA += pooled[k][1] * rank;
      }
      double t = j - i;
      ties += t * t * t - t;
      i = j;
    }
    double u = rankSumA - n1 * (n1 + 1) / 2.0;
    double variance = (double) n1 * n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
    double p = variance <= 0 ? 1 : twoSidedP((u - n1 * (double) n2 / 2) / Math.sqrt(variance));
    return new double[] {u, p};
  }

  static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(Double.NaN);
  }

  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static double twoSidedP(double z) {
    return 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
  }
}
