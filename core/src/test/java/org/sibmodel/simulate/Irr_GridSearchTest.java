package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The IRR works out each grid point's net present value once, and gives the bits of the plain
 * search that worked out both ends of every bracket (kept here as the reference): on random
 * investor cash flows (an outlay, then payments that may or may not repay it, and fixed costs that
 * run on), on a zero root and on flows with no root.
 */
class Irr_GridSearchTest {

  @Test
  void sameRateAsThePlainSearch() {
    SplittableRandom rng = new SplittableRandom(14);
    int rates = 0;
    for (int t = 0; t < 3_000; t++) {
      double[] cash = new double[24 + rng.nextInt(90)];
      int outlay = 1 + rng.nextInt(24);
      double repay = 0.3 + 1.5 * rng.nextDouble();
      for (int m = 0; m < cash.length; m++) {
        cash[m] = m < outlay ? -1000 * (1 + rng.nextDouble()) : repay * 1000 * rng.nextDouble() * 2 * outlay / (cash.length - outlay);
        if (rng.nextInt(5) == 0) {
          cash[m] -= 300;
        }
      }
      Double expected = plainSearch(cash);
      Double actual = Irr.annual(cash);
      assertEquals(expected == null ? null : Double.doubleToRawLongBits(expected), actual == null ? null : Double.doubleToRawLongBits(actual),
          "flow " + t);
      rates += expected == null ? 0 : 1;
    }
    assertTrue(rates > 1_000, "most random flows have a rate: " + rates);
  }

  @Test
  void zeroAndNone() {
    assertEquals(0.0, Irr.annual(new double[] {-100, 0, 100}));
    assertNull(Irr.annual(new double[] {100, 100, 100}));
    assertEquals(0.0, Irr.annual(new double[] {0, 0, 0}));
  }

  /**
   * The search as it was before each grid point's value was kept: both ends of every bracket
   * computed, and the value at the bracket's lower end computed again for the bisection.
   */
  private static Double plainSearch(double[] cash) {
    double step = 0.0005;
    double best = Double.NaN;
    for (int i = 0; i < 200 && Double.isNaN(best); i++) {
      for (int sign : new int[] {1, -1}) {
        double a = sign * i * step;
        double b = sign * (i + 1) * step;
        double fa = Irr.npv(cash, a);
        double fb = Irr.npv(cash, b);
        if (fa == 0) {
          best = a;
          break;
        }
        if (Math.signum(fa) != Math.signum(fb)) {
          double lo = Math.min(a, b);
          best = Irr.bisect(cash, lo, Irr.npv(cash, lo), Math.max(a, b));
          break;
        }
      }
    }
    return Double.isNaN(best) ? null : Math.pow(1 + best, 12) - 1;
  }
}
