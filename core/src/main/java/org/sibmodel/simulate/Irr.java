package org.sibmodel.simulate;

/** The internal rate of return of monthly cash flows, as an annual rate. */
final class Irr {
  private Irr() {}

  /**
   * The annual rate r with sum(cash[m] / (1 + r)^(m/12)) = 0. Cash flows that change sign more than
   * once (the investor's fixed costs run on after the last payment) can have several roots; the one
   * taken is the monthly rate nearest 0 at which the net present value changes sign, found on a
   * grid from -10% to +10% a month and refined by bisection. Null when there is none (no
   * investment, or the flows never turn).
   */
  static Double annual(double[] cash) {
    double step = 0.0005;
    int steps = 200;
    // The value at the near end of the next bracket up (0) and down (1): the far end of the last one, worked out once.
    double zero = npv(cash, 0);
    double[] near = {zero, zero};
    for (int i = 0; i < steps; i++) {
      // Search outward from 0: the brackets [i, i+1] and [-(i+1), -i] steps, the nearer first.
      for (int side = 0; side < 2; side++) {
        int sign = side == 0 ? 1 : -1;
        double a = sign * i * step;
        double b = sign * (i + 1) * step;
        double fa = near[side];
        double fb = npv(cash, b);
        if (fa == 0) {
          return annual(a);
        }
        if (Math.signum(fa) != Math.signum(fb)) {
          return annual(sign > 0 ? bisect(cash, a, fa, b) : bisect(cash, b, fb, a));
        }
        near[side] = fb;
      }
    }
    return null;
  }

  private static double annual(double monthly) {
    return Math.pow(1 + monthly, 12) - 1;
  }

  /** The root in [lo, hi] by bisection, the value at lo known. */
  static double bisect(double[] cash, double lo, double fLo, double hi) {
    for (int i = 0; i < 100 && hi - lo > 1e-13; i++) {
      double mid = (lo + hi) / 2;
      double f = npv(cash, mid);
      if (Math.signum(f) == Math.signum(fLo)) {
        lo = mid;
        fLo = f;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The net present value of the flows at a monthly rate. */
  static double npv(double[] cash, double monthly) {
    double v = 0;
    double factor = 1;
    for (double c : cash) {
      v += c / factor;
      factor *= 1 + monthly;
    }
    return v;
  }
}
