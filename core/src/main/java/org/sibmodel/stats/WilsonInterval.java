package org.sibmodel.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Confidence intervals for a proportion (successes out of trials, e.g. children who stay out of
 * care) and for the difference between two independent proportions.
 *
 * <ul>
 *   <li>{@link #of}: the Wilson score interval without continuity correction (Wilson 1927; method 3
 *       of Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
 *       methods", <i>Statistics in Medicine</i> 17:857–872, 1998).
 *   <li>{@link #difference}: Newcombe's hybrid score interval for p<sub>1</sub> − p<sub>2</sub>,
 *       method 10 of Newcombe, "Interval estimation for the difference between independent
 *       proportions: comparison of eleven methods", <i>Statistics in Medicine</i> 17:873–890, 1998;
 *       with the two-sided z-test of p<sub>1</sub> = p<sub>2</sub> using the pooled proportion
 *       (whose square is Pearson's chi-square for the 2×2 table, without continuity correction).
 * </ul>
 */
public final class WilsonInterval {
  private WilsonInterval() {}

  /** Level of {@link #difference(long, long, long, long)}. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * A comparison of two proportions.
   *
   * @param p1 s1 / n1
   * @param p2 s2 / n2
   * @param difference p1 − p2
   * @param lower lower bound for p1 − p2 (Newcombe's method 10)
   * @param upper upper bound for p1 − p2
   * @param z (p1 − p2) / √(p̄(1 − p̄)(1/n1 + 1/n2)), p̄ the pooled proportion; 0 when p̄ is 0 or 1
   * @param pValue two-sided p-value of z against the standard normal
   */
  public record ProportionDifference(
      double p1, double p2, double difference, double lower, double upper, double z, double pValue) {
    public ProportionDifference {
      probability("p1", p1);
      probability("p2", p2);
      probability("pValue", pValue);
      if (!(-1 <= lower && lower <= difference && difference <= upper && upper <= 1)) {
        throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] around difference = " + difference
            + ": must satisfy -1 <= lower <= difference <= upper <= 1");
      }
      if (Double.isNaN(z) || Double.isInfinite(z)) {
        throw new IllegalArgumentException("z = " + z + ": must be finite");
      }
    }

    private static void probability(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " = " + value + ": must be between 0 and 1");
      }
    }
  }

  /**
   * The Wilson score interval {lower, upper} for successes / trials: the p for which
   * |successes/trials − p| ≤ z √(p(1 − p)/trials). Its bounds are exactly 0 when successes = 0 and
   * exactly 1 when successes = trials. With no trials it is {0, 1}: nothing is known, and that is
   * also the limit of the formula as trials → 0.
   *
   * @param confidence two-sided level strictly between 0 and 1, e.g. 0.95
   * @throws IllegalArgumentException if successes &lt; 0, trials &lt; successes, or the level is
   *     outside (0, 1)
   */
  public static double[] of(long successes, long trials, double confidence) {
    checkCounts("successes", successes, "trials", trials);
    double z = z(confidence);
    if (trials == 0) {
      return new double[] {0, 1};
    }
    double n = trials;
    double s = successes;
    double z2 = z * z;
    double centre = (s + z2 / 2) / (n + z2);
    double half = z / (n + z2) * Math.sqrt(s * (n - s) / n + z2 / 4);
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new double[] {lower, upper};
  }

  /** {@link #difference(long, long, long, long, double)} at 95%. */
  public static ProportionDifference difference(long s1, long n1, long s2, long n2) {
    return difference(s1, n1, s2, n2, DEFAULT_CONFIDENCE);
  }

  /**
   * Newcombe's hybrid score interval for p1 − p2 from the Wilson intervals [l<sub>i</sub>,
   * u<sub>i</sub>] of each proportion: from D − √((p1 − l1)² + (u2 − p2)²) to D + √((u1 − p1)² +
   * (p2 − l2)²), D = p1 − p2 (Newcombe 1998, method 10); and the pooled two-sided z-test.
   *
   * @throws IllegalArgumentException if a group has no trials, or counts are inconsistent
   */
  public static ProportionDifference difference(long s1, long n1, long s2, long n2, double confidence) {
    checkCounts("s1", s1, "n1", n1);
    checkCounts("s2", s2, "n2", n2);
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("n1 = " + n1 + ", n2 = " + n2 + ": each proportion needs at least one trial");
    }
    double p1 = (double) s1 / n1;
    double p2 = (double) s2 / n2;
    double d = p1 - p2;
    double[] w1 = of(s1, n1, confidence);
    double[] w2 = of(s2, n2, confidence);
    double lower = d - Math.hypot(p1 - w1[0], w2[1] - p2);
    double upper = d + Math.hypot(w1[1] - p1, p2 - w2[0]);

    double pooled = (double) (s1 + s2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = se > 0 ? d / se : 0;
    double pValue = Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2)));
    return new ProportionDifference(p1, p2, d, Math.max(-1, Math.min(lower, d)), Math.min(1, Math.max(upper, d)), z, pValue);
  }

  private static void checkCounts(String sName, long s, String nName, long n) {
    if (s < 0 || n < s) {
      throw new IllegalArgumentException(sName + " = " + s + ", " + nName + " = " + n
          + ": successes must be between 0 and the number of trials");
    }
  }

  /** Φ⁻¹(1 − (1 − confidence)/2). */
  private static double z(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence = " + confidence + ": must be strictly between 0 and 1, e.g. 0.95");
    }
    return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }
}
