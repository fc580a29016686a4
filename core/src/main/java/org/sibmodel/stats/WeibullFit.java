package org.sibmodel.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * A Weibull model of time to event, S(t) = exp(−(t/scale)<sup>shape</sup>) with t and scale in
 * days, fitted by maximum likelihood to right-censored durations.
 *
 * <p>Log-likelihood (Klein &amp; Moeschberger, <i>Survival Analysis</i>, 2nd ed., 2003, section
 * 12.2; Lawless, <i>Statistical Models and Methods for Lifetime Data</i>, 2nd ed., 2003, chapter
 * 5): ℓ = Σ<sub>events</sub> log f(t<sub>i</sub>) + Σ<sub>censored</sub> log S(t<sub>i</sub>)
 * = r log k − r k log λ + (k − 1) Σ<sub>events</sub> log t<sub>i</sub> − Σ<sub>all</sub>
 * (t<sub>i</sub>/λ)<sup>k</sup>, with k the shape, λ the scale, r the number of events, and the
 * density f per day (in units of c days ℓ would be larger by r log c).
 *
 * <p>Fitting: for fixed k the scale that maximizes ℓ is λ<sub>k</sub> = (Σ t<sup>k</sup> /
 * r)<sup>1/k</sup>; the profile score in x = log k, 1/k + mean<sub>events</sub>(log t) − Σ
 * t<sup>k</sup> log t / Σ t<sup>k</sup>, is strictly decreasing in x, so it has at most one root.
 * The root is found by Newton–Raphson in log k with its analytic derivative, safeguarded by
 * bisection inside a bracket (the fallback: each step stays in a bracket that shrinks), to a step
 * below 1e-10 in log k. The root exists unless every event is at the latest observed time;
 * requiring two distinct event times rules that out. The standard
 * errors come from the inverse of the analytic observed information in (log shape, log scale),
 * carried to shape and scale by the delta method. The fit is deterministic.
 *
 * <p>Durations of 0 days (same-day events, which do occur in the data) are replaced by {@link
 * #ZERO_TIME_DAYS} = 0.5 day, the middle of the first day, because log 0 is −∞ and a density at
 * t = 0 is 0 or ∞ for shape ≠ 1. Censored zeros are replaced too, so that a record is treated the
 * same whether or not it has the event; a censored observation at 0.5 day adds (0.5/λ)<sup>k</sup>,
 * close to nothing.
 */
public final class WeibullFit {
  /** What a duration of 0 days is taken to be, in days. */
  public static final double ZERO_TIME_DAYS = 0.5;

  private static final double TOLERANCE = 1e-10;
  private static final int MAX_ITERATIONS = 500;
  /** The search for log shape gives up beyond ±30 (shape outside [1e-13, 1e13]). */
  private static final double MAX_LOG_SHAPE = 30;

  private final int n;
  private final int events;
  private final double shape;
  private final double scale;
  private final double[][] covarianceLog;
  private final double logLikelihood;

  private WeibullFit(int n, int events, double shape, double scale, double[][] covarianceLog, double logLikelihood) {
    this.n = n;
    this.events = events;
    this.shape = shape;
    this.scale = scale;
    this.covarianceLog = covarianceLog;
    this.logLikelihood = logLikelihood;
  }

  /**
   * The maximum-likelihood Weibull fit.
   *
   * @param times days to the event or to censoring, finite, ≥ 0 (0 is read as {@link #ZERO_TIME_DAYS})
   * @param events true for an observed event, false for right-censored
   * @throws IllegalArgumentException if the input is invalid, all observations are censored, or the
   *     events fall on fewer than 2 distinct times
   */
  public static WeibullFit fit(double[] times, boolean[] events) {
    double[] t = prepare(times, events);
    int r = requireEvents(t, events);
    if (distinctEventTimes(t, events) < 2) {
      throw new IllegalArgumentException("all " + r + " events are at " + firstEventTime(t, events)
          + " days: with fewer than 2 distinct event times the Weibull shape cannot be estimated");
    }
    // Work in units of the longest time, so that (t/c)^k <= 1 never overflows.
    double c = 0;
    for (double ti : t) {
      c = Math.max(c, ti);
    }
    double[] logU = new double[t.length];
    double meanEventLogU = 0;
    for (int i = 0; i < t.length; i++) {
      logU[i] = Math.log(t[i] / c);
      if (events[i]) {
        meanEventLogU += logU[i];
      }
    }
    meanEventLogU /= r;

    double x = solveProfileScore(logU, meanEventLogU);
    double k = Math.exp(x);
    double sumW = 0;
    for (double lu : logU) {
      sumW += Math.exp(k * lu);
    }
    // lambda = c (sumW / r)^(1/k), kept in logs.
    double logScale = Math.log(c) + (Math.log(sumW) - Math.log(r)) / k;
    double lambda = Math.exp(logScale);
    double[][] cov = invert(observedInformation(t, events, k, logScale), "Weibull");
    return new WeibullFit(t.length, r, k, lambda, cov, logLikelihood(t, events, k, lambda));
  }

  /**
   * The maximum-likelihood scale with the shape held fixed: scale = (Σ t<sup>shape</sup> /
   * r)<sup>1/shape</sup>, in closed form. With shape 1 this is the exponential model, scale = total
   * time / events. The shape's standard error is 0 and {@link #covarianceLog()} has var(log scale)
   * = 1/(shape² r).
   *
   * @param shape the fixed shape, finite and &gt; 0
   * @throws IllegalArgumentException if the input is invalid or all observations are censored
   */
  public static WeibullFit fitFixedShape(double[] times, boolean[] events, double shape) {
    if (!(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("shape = " + shape + ": must be finite and positive");
    }
    double[] t = prepare(times, events);
    int r = requireEvents(t, events);
    double c = 0;
    for (double ti : t) {
      c = Math.max(c, ti);
    }
    double sumW = 0;
    for (double ti : t) {
      sumW += Math.pow(ti / c, shape);
    }
    double lambda = c * Math.pow(sumW / r, 1 / shape);
    double[][] cov = {{0, 0}, {0, 1 / (shape * shape * r)}};
    return new WeibullFit(t.length, r, shape, lambda, cov, logLikelihood(t, events, shape, lambda));
  }

  /** Validated copy of the times with zeros replaced by {@link #ZERO_TIME_DAYS}. */
  static double[] prepare(double[] times, boolean[] events) {
    Samples.check("times", times, "events", events);
    double[] t = times.clone();
    for (int i = 0; i < t.length; i++) {
      if (t[i] == 0) {
        t[i] = ZERO_TIME_DAYS;
      }
    }
    return t;
  }

  static int requireEvents(double[] times, boolean[] events) {
    if (times.length == 0) {
      throw new IllegalArgumentException("no observations: the Weibull MLE does not exist");
    }
    int r = Samples.count(events);
    if (r == 0) {
      throw new IllegalArgumentException("all " + times.length + " observations are censored: the Weibull MLE does not exist");
    }
    return r;
  }

  static int distinctEventTimes(double[] t, boolean[] events) {
    double first = firstEventTime(t, events);
    for (int i = 0; i < t.length; i++) {
      if (events[i] && t[i] != first) {
        return 2;
      }
    }
    return 1;
  }

  static double firstEventTime(double[] t, boolean[] events) {
    for (int i = 0; i < t.length; i++) {
      if (events[i]) {
        return t[i];
      }
    }
    return Double.NaN;
  }

  /**
   * The root in x = log k of the profile score h(x) = Σ w log u / Σ w − 1/k − mean<sub>events</sub>
   * log u, w = u<sup>k</sup>, which increases strictly from −∞; h'(x) = k Var<sub>w</sub>(log u) +
   * 1/k.
   */
  private static double solveProfileScore(double[] logU, double meanEventLogU) {
    // Bracket the root: h(lo) < 0 < h(hi).
    double lo = 0;
    double hi = 0;
    double step = 1;
    double h0 = profileScore(logU, meanEventLogU, 0)[0];
    if (h0 < 0) {
      do {
        if (hi >= MAX_LOG_SHAPE) {
          throw new IllegalArgumentException("the Weibull shape estimate is beyond 1e13: the event times are too close "
              + "to each other and to the latest time to be fitted");
        }
        lo = hi;
        hi = Math.min(MAX_LOG_SHAPE, hi + step);
        step *= 2;
      } while (profileScore(logU, meanEventLogU, hi)[0] < 0);
    } else if (h0 > 0) {
      do {
        if (lo <= -MAX_LOG_SHAPE) {
          throw new IllegalArgumentException("the Weibull shape estimate is below 1e-13: the data cannot be fitted");
        }
        hi = lo;
        lo = Math.max(-MAX_LOG_SHAPE, lo - step);
        step *= 2;
      } while (profileScore(logU, meanEventLogU, lo)[0] > 0);
    } else {
      return 0;
    }

    double x = (lo + hi) / 2;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] h = profileScore(logU, meanEventLogU, x);
      if (h[0] == 0) {
        return x;
      }
      if (h[0] < 0) {
        lo = x;
      } else {
        hi = x;
      }
      double next = x - h[0] / h[1];
      if (!(next > lo && next < hi)) {
        next = (lo + hi) / 2; // Newton left the bracket: bisect instead
      }
      if (Math.abs(next - x) < TOLERANCE || hi - lo < TOLERANCE) {
        return next;
      }
      x = next;
    }
    throw new IllegalArgumentException("the Weibull fit did not converge in " + MAX_ITERATIONS + " iterations");
  }

  /** {h(x), h'(x)} of the profile score. */
  private static double[] profileScore(double[] logU, double meanEventLogU, double x) {
    double k = Math.exp(x);
    double sw = 0;
    double swl = 0;
    double swll = 0;
    for (double lu : logU) {
      double w = Math.exp(k * lu);
      sw += w;
      swl += w * lu;
      swll += w * lu * lu;
    }
    double mean = swl / sw;
    double variance = Math.max(0, swll / sw - mean * mean);
    return new double[] {mean - 1 / k - meanEventLogU, k * variance + 1 / k};
  }

  /**
   * Minus the Hessian of ℓ in (a, b) = (log shape, log scale). With w = log t − b and z =
   * e<sup>k w</sup>: ∂²ℓ/∂a² = k Σ<sub>events</sub> w − k Σ z w − k² Σ z w², ∂²ℓ/∂b² = −k² Σ z,
   * ∂²ℓ/∂a∂b = −k r + k² Σ z w + k Σ z.
   */
  static double[][] observedInformation(double[] t, boolean[] events, double k, double logScale) {
    double sumEventW = 0;
    double sumZ = 0;
    double sumZW = 0;
    double sumZWW = 0;
    int r = 0;
    for (int i = 0; i < t.length; i++) {
      double w = Math.log(t[i]) - logScale;
      double z = Math.exp(k * w);
      sumZ += z;
      sumZW += z * w;
      sumZWW += z * w * w;
      if (events[i]) {
        sumEventW += w;
        r++;
      }
    }
    double haa = k * sumEventW - k * sumZW - k * k * sumZWW;
    double hbb = -k * k * sumZ;
    double hab = -k * r + k * k * sumZW + k * sumZ;
    return new double[][] {{-haa, -hab}, {-hab, -hbb}};
  }

  /** Inverse of a symmetric 2×2 information matrix; it must be positive definite. */
  private static double[][] invert(double[][] info, String model) {
    double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
    if (!(info[0][0] > 0 && det > 0) || Double.isInfinite(det)) {
      throw new IllegalArgumentException("the " + model + " information matrix is not positive definite at the estimate "
          + "(determinant " + det + "): the standard errors cannot be computed");
    }
    return new double[][] {{info[1][1] / det, -info[0][1] / det}, {-info[1][0] / det, info[0][0] / det}};
  }

  /** ℓ of the sample at (shape, scale), densities per day, for times already passed through {@link #prepare}. */
  static double logLikelihood(double[] t, boolean[] events, double shape, double scale) {
    double logK = Math.log(shape);
    double logScale = Math.log(scale);
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      double logT = Math.log(t[i]);
      double w = logT - logScale;
      if (events[i]) {
        sum += logK + shape * w - logT;
      }
      sum -= Math.exp(shape * w);
    }
    return sum;
  }

  public double shape() {
    return shape;
  }

  /** Days. */
  public double scale() {
    return scale;
  }

  /** Delta method: shape × √var(log shape). 0 for {@link #fitFixedShape}. */
  public double shapeStdError() {
    return shape * Math.sqrt(covarianceLog[0][0]);
  }

  /** Days. Delta method: scale × √var(log scale). */
  public double scaleStdError() {
    return scale * Math.sqrt(covarianceLog[1][1]);
  }

  /** Covariance of (log shape, log scale): the inverse observed information. A fresh copy. */
  public double[][] covarianceLog() {
    return new double[][] {covarianceLog[0].clone(), covarianceLog[1].clone()};
  }

  /** The maximized log-likelihood (natural log, densities per day, zero times read as 0.5 day). */
  public double logLikelihood() {
    return logLikelihood;
  }

  public int n() {
    return n;
  }

  public int events() {
    return events;
  }

  /** exp(−(t/scale)<sup>shape</sup>); t in days. */
  public double survival(double t) {
    Samples.checkQueryTime("t", t);
    return Math.exp(-Math.pow(t / scale, shape));
  }

  /** 1 − S(t): the probability that the event has happened by day t. */
  public double probabilityBy(double t) {
    Samples.checkQueryTime("t", t);
    return -Math.expm1(-Math.pow(t / scale, shape));
  }

  /** scale × (−log(1 − p))<sup>1/shape</sup>, days: the time by which a share p have had the event. */
  public double quantile(double p) {
    Samples.checkOpenProbability("p", p);
    return scale * Math.pow(-Math.log1p(-p), 1 / shape);
  }

  /** scale × (log 2)<sup>1/shape</sup>, days. */
  public double median() {
    return quantile(0.5);
  }

  /** scale × Γ(1 + 1/shape), days. */
  public double mean() {
    return scale * Math.exp(Gamma.logGamma(1 + 1 / shape));
  }

  @Override
  public String toString() {
    return String.format("WeibullFit[n=%d, events=%d, shape=%.6g (se %.3g), scale=%.6g days (se %.3g), logLik=%.6g]",
        n, events, shape, shapeStdError(), scale, scaleStdError(), logLikelihood);
  }
}
