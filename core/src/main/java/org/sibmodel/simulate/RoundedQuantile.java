package org.sibmodel.simulate;

import java.io.Serializable;

/**
 * A quantile function rounded to whole days, {@code Math.round(quantile.of(u))}, looked up rather
 * than computed: the days from referral to day 0 are drawn for every referred child, and the
 * lognormal's inverse normal behind them took a tenth of the kernel's time (issue 14's profile).
 *
 * <p>Rounded, the quantile is a step function of u. The table holds the least u of every step,
 * found once by bisection between neighbouring doubles on the quantile function itself, and a
 * lookup counts the steps at or below u. The quantile increases with u, but its floating-point
 * value may wobble by an ulp or so, and its rounding with it, right at a step's edge: within
 * {@link #GUARD} of an edge, in the tails outside the table and for a function with too many steps
 * to table, the value is computed as before. Every result is the bits of
 * {@code Math.round(quantile.of(u))}.
 */
final class RoundedQuantile implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The table covers u in [LOW, HIGH]; the tails, one draw in 500,000, are computed. */
  private static final double LOW = 1e-6;
  private static final double HIGH = 1 - 1e-6;
  /**
   * Distance from an edge below which the value is computed: a million times the width in u of
   * the few ulps a quantile's floating-point value may be out by, at the steepest tables here.
   */
  static final double GUARD = 1e-9;
  /** Beyond this many steps (a quantile spread over thousands of days) nothing is tabled. */
  private static final int MAX_STEPS = 8192;
  /** The table is indexed by the first bits of u: 1,024 equal slices of (0, 1). */
  private static final int SLICES = 1024;

  private final Distribution.Quantile quantile;
  /** The rounded value below the first edge: at u = LOW. */
  private final long first;
  /** {@code edges[i]}: the least u in [LOW, HIGH] whose rounded value is at least {@code first + i + 1}; null: nothing tabled. */
  private final double[] edges;
  /** {@code sliceStart[s]}: how many edges lie below {@code s / SLICES}. */
  private final int[] sliceStart;

  private RoundedQuantile(Distribution.Quantile quantile, long first, double[] edges, int[] sliceStart) {
    this.quantile = quantile;
    this.first = first;
    this.edges = edges;
    this.sliceStart = sliceStart;
  }

  /** The rounded quantile of {@code quantile}, its table worked out now. */
  static RoundedQuantile of(Distribution.Quantile quantile) {
    long first = Math.round(quantile.of(LOW));
    long last = Math.round(quantile.of(HIGH));
    if (last - first < 0 || last - first > MAX_STEPS) {
      return new RoundedQuantile(quantile, first, null, null);
    }
    double[] edges = new double[(int) (last - first)];
    for (int i = 0; i < edges.length; i++) {
      // Just below the last edge the rounded value is below that edge's, so below this one's too.
      double below = i == 0 ? LOW : Math.nextDown(edges[i - 1]);
      edges[i] = leastAtOrAbove(quantile, first + i + 1, below, HIGH);
    }
    int[] sliceStart = new int[SLICES + 1];
    int below = 0;
    for (int s = 0; s <= SLICES; s++) {
      while (below < edges.length && edges[below] < (double) s / SLICES) {
        below++;
      }
      sliceStart[s] = below;
    }
    return new RoundedQuantile(quantile, first, edges, sliceStart);
  }

  /**
   * The least u in (lo, hi] whose rounded value is at least {@code k}, given that lo's is below it
   * and hi's is not: bisection on the bits of positive doubles, which are ordered as the doubles are.
   */
  private static double leastAtOrAbove(Distribution.Quantile quantile, long k, double lo, double hi) {
    long below = Double.doubleToRawLongBits(lo);
    long atOrAbove = Double.doubleToRawLongBits(hi);
    while (atOrAbove - below > 1) {
      long mid = below + (atOrAbove - below) / 2;
      if (Math.round(quantile.of(Double.longBitsToDouble(mid))) >= k) {
        atOrAbove = mid;
      } else {
        below = mid;
      }
    }
    return Double.longBitsToDouble(atOrAbove);
  }

  /** {@code Math.round(quantile.of(u))} for a uniform u in (0, 1). */
  long of(double u) {
    if (edges == null || !(u >= LOW && u <= HIGH)) {
      return Math.round(quantile.of(u));
    }
    int slice = (int) (u * SLICES);
    int atOrBelow = sliceStart[slice];
    int end = sliceStart[slice + 1];
    while (atOrBelow < end && edges[atOrBelow] <= u) {
      atOrBelow++;
    }
    if ((atOrBelow > 0 && u - edges[atOrBelow - 1] < GUARD) || (atOrBelow < edges.length && edges[atOrBelow] - u < GUARD)) {
      return Math.round(quantile.of(u));
    }
    return first + atOrBelow;
  }
}
