package org.sibmodel.stats;

import java.util.Arrays;

/**
 * A Weibull mixture cure model of time to an event that some never have, e.g. re-entry to care
 * after a child goes home, when most children never come back: S(t) = (1 − p) + p
 * exp(−(t/scale)<sup>shape</sup>), with p the share who ever have the event and t, scale in days.
 * Fitted by maximum likelihood to right-censored durations (Farewell, "The use of mixture models
 * for the analysis of survival data with long-term survivors", <i>Biometrics</i> 38:1041–1046,
 * 1982; Maller &amp; Zhou, <i>Survival Analysis with Long-Term Survivors</i>, 1996).
 *
 * <p>Log-likelihood, densities per day: ℓ = Σ<sub>events</sub> [log p + log f<sub>W</sub>(t)] +
 * Σ<sub>censored</sub> log[(1 − p) + p S<sub>W</sub>(t)], with f<sub>W</sub>, S<sub>W</sub> the
 * Weibull density and survival of {@link WeibullFit}. Durations of 0 days are read as {@link
 * WeibullFit#ZERO_TIME_DAYS}, as there.
 *
 * <p>Fitting: Newton–Raphson on θ = (logit p, log shape, log scale) with the analytic gradient and
 * Hessian, damped à la Levenberg–Marquardt (a multiple of the identity is added to the negative
 * Hessian until the step is an ascent step and raises ℓ; steps are capped at 3 in each
 * coordinate), starting from p = 1 − the Kaplan–Meier estimate at the last time (kept in [0.05,
 * 0.95]) and the Weibull fit of the event times alone (shape 1 and their mean if they are too close
 * together for that fit). It stops when a Newton step is below 1e-10 in
 * every coordinate; it is deterministic. The covariance of θ is the inverse observed information,
 * carried to p, shape and scale by the delta method.
 *
 * <p>The model is identified only when follow-up is long enough to see the curve level off. When
 * the likelihood keeps rising as p → 1 (no plateau; in particular when nothing is censored) the fit
 * fails with a message saying so: fit {@link WeibullFit} instead.
 */
public final class CureWeibullFit {
  private static final double TOLERANCE = 1e-10;
  private static final int MAX_ITERATIONS = 1000;
  private static final double MAX_STEP = 3;
  /** logit p beyond this is p = 1 to within 1.4e-11: no cured fraction. */
  private static final double MAX_LOGIT = 25;
  /** |log shape| beyond this: shape outside [4.5e-5, 22026]. */
  private static final double MAX_LOG_SHAPE = 10;

  private final int n;
  private final int events;
  private final double everShare;
  private final double shape;
  private final double scale;
  private final double[][] covariance;
  private final double logLikelihood;

  private CureWeibullFit(int n, int events, double everShare, double shape, double scale, double[][] covariance,
      double logLikelihood) {
    this.n = n;
    this.events = events;
    this.everShare = everShare;
    this.shape = shape;
    this.scale = scale;
    this.covariance = covariance;
    this.logLikelihood = logLikelihood;
  }

  /**
   * The maximum-likelihood mixture cure fit.
   *
   * @param times days to the event or to censoring, finite, ≥ 0 (0 read as 0.5 day)
   * @param events true for an observed event, false for right-censored
   * @throws IllegalArgumentException if the input is invalid, all observations are censored, none
   *     is censored, the events fall on fewer than 2 distinct times, or the likelihood has no
   *     maximum inside the parameter space
   */
  public static CureWeibullFit fit(double[] times, boolean[] events) {
    double[] t = WeibullFit.prepare(times, events);
    if (t.length == 0) {
      throw new IllegalArgumentException("no observations: the cure model MLE does not exist");
    }
    int r = Samples.count(events);
    if (r == 0) {
      throw new IllegalArgumentException("all " + t.length + " observations are censored: the cure model MLE does not exist");
    }
    if (r == t.length) {
      throw new IllegalArgumentException("none of the " + t.length + " observations is censored: everyone had the event, "
          + "the share who ever have it is estimated as 1 and the cure model reduces to WeibullFit");
    }
    if (WeibullFit.distinctEventTimes(t, events) < 2) {
      throw new IllegalArgumentException("all " + r + " events are at " + WeibullFit.firstEventTime(t, events)
          + " days: with fewer than 2 distinct event times the Weibull shape cannot be estimated");
    }
    double c = 0;
    for (double ti : t) {
      c = Math.max(c, ti);
    }
    double[] logU = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      logU[i] = Math.log(t[i] / c);
    }

    double[] theta = start(t, events, c);
    Evaluation e = evaluate(logU, events, theta);
    double mu = 0;
    boolean converged = false;
    for (int iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
      double[][] info = negate(e.hessian);
      while (true) {
        if (mu > 1e20) {
          throw new IllegalArgumentException("the cure model fit found no ascent direction: the likelihood cannot be maximized");
        }
        double[] step = solveSpd(plusIdentity(info, mu), e.gradient);
        if (step == null) {
          mu = Math.max(1e-6, mu * 10);
          continue;
        }
        double largest = maxAbs(step);
        if (largest > MAX_STEP) {
          for (int j = 0; j < 3; j++) {
            step[j] *= MAX_STEP / largest;
          }
        }
        double[] next = {theta[0] + step[0], theta[1] + step[1], theta[2] + step[2]};
        Evaluation candidate = evaluate(logU, events, next);
        if (candidate.logLikelihood >= e.logLikelihood - 1e-12 * Math.abs(e.logLikelihood)) {
          theta = next;
          e = candidate;
          mu = mu < 1e-9 ? 0 : mu / 10;
          converged = largest < TOLERANCE;
          break;
        }
        if (largest < TOLERANCE) { // no representable ascent left: at the maximum
          converged = true;
          break;
        }
        mu = Math.max(1e-4, mu * 10);
      }
      checkInside(theta);
    }
    if (!converged) {
      throw new IllegalArgumentException("the cure model fit did not converge in " + MAX_ITERATIONS + " iterations");
    }
    double[][] cov = inverseSpd(negate(e.hessian));
    if (cov == null) {
      throw new IllegalArgumentException("the cure model information matrix is not positive definite at the estimate: "
          + "these data do not identify the share who ever have the event (follow-up too short to see a plateau?)");
    }
    double p = 1 / (1 + Math.exp(-theta[0]));
    double logLik = e.logLikelihood - r * Math.log(c); // densities per unit c to densities per day
    return new CureWeibullFit(t.length, r, p, Math.exp(theta[1]), c * Math.exp(theta[2]), cov, logLik);
  }

  /** θ in units of c: logit of 1 − KM at the last time, and the Weibull fit to the event times alone. */
  private static double[] start(double[] t, boolean[] events, double c) {
    double plateau = KaplanMeier.fit(t, events).survival(c);
    double p0 = Math.min(0.95, Math.max(0.05, 1 - plateau));
    int r = Samples.count(events);
    double[] eventTimes = new double[r];
    for (int i = 0, j = 0; i < t.length; i++) {
      if (events[i]) {
        eventTimes[j++] = t[i];
      }
    }
    boolean[] all = new boolean[r];
    Arrays.fill(all, true);
    double logit = Math.log(p0 / (1 - p0));
    try {
      WeibullFit w = WeibullFit.fit(eventTimes, all);
      return new double[] {logit, Math.log(w.shape()), Math.log(w.scale() / c)};
    } catch (IllegalArgumentException e) { // event times too close for a Weibull of their own: start exponential
      return new double[] {logit, 0, Math.log(Arrays.stream(eventTimes).average().orElseThrow() / c)};
    }
  }

  private static void checkInside(double[] theta) {
    if (theta[0] > MAX_LOGIT) {
      throw new IllegalArgumentException("the likelihood keeps rising as the share who ever have the event goes to 1: "
          + "these data show no plateau (no cured fraction), fit WeibullFit instead");
    }
    if (Math.abs(theta[1]) > MAX_LOG_SHAPE || !Double.isFinite(theta[2]) || Math.abs(theta[2]) > 50) {
      throw new IllegalArgumentException(String.format(
          "the cure model estimates diverge (shape %.3g, scale %.3g x the longest time): the data cannot be fitted",
          Math.exp(theta[1]), Math.exp(theta[2])));
    }
  }

  /** ℓ, its gradient and Hessian in θ = (logit p, log shape, log scale), times in units of c. */
  private record Evaluation(double logLikelihood, double[] gradient, double[][] hessian) {}

  /**
   * With w = log u − b, z = e<sup>k w</sup>: an event adds log p + a + k w − log u − z; a censored
   * observation adds log g, g = (1 − p) + p e<sup>−z</sup>, whose derivatives follow from those of
   * z: z<sub>a</sub> = k w z, z<sub>b</sub> = −k z, z<sub>aa</sub> = k w z + k² w² z,
   * z<sub>ab</sub> = −k z − k² w z, z<sub>bb</sub> = k² z.
   */
  private static Evaluation evaluate(double[] logU, boolean[] events, double[] theta) {
    double eta = theta[0];
    double k = Math.exp(theta[1]);
    double b = theta[2];
    double p = 1 / (1 + Math.exp(-eta));
    double q = 1 / (1 + Math.exp(eta));
    double logP = eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
    double pq = p * q;
    double ll = 0;
    double[] g = new double[3];
    double[][] h = new double[3][3];
    for (int i = 0; i < logU.length; i++) {
      double w = logU[i] - b;
      double kw = k * w;
      double z = Math.exp(kw);
      double za = kw * z;
      double zb = -k * z;
      double zaa = kw * z + kw * kw * z;
      double zab = -k * z - k * kw * z;
      double zbb = k * k * z;
      if (events[i]) {
        ll += logP + theta[1] + kw - logU[i] - z;
        g[0] += q;
        g[1] += 1 + kw - za;
        g[2] += -k - zb;
        h[0][0] += -pq;
        h[1][1] += kw - zaa;
        h[1][2] += -k - zab;
        h[2][2] += -zbb;
      } else {
        double u = Math.exp(-z);
        double s = q + p * u;
        double[] d;
        double[][] dd;
        if (u == 0) { // exp(-z) underflows: log g = log q, flat in shape and scale (and z² might overflow)
          d = new double[] {-pq, 0, 0};
          dd = new double[][] {{-pq * (q - p), 0, 0}, {0, 0, 0}, {0, 0, 0}};
        } else {
          d = new double[] {pq * (u - 1), -p * u * za, -p * u * zb};
          dd = new double[][] {
            {pq * (q - p) * (u - 1), -pq * u * za, -pq * u * zb},
            {0, p * u * (za * za - zaa), p * u * (za * zb - zab)},
            {0, 0, p * u * (zb * zb - zbb)}
          };
        }
        ll += Math.log(s);
        for (int x = 0; x < 3; x++) {
          g[x] += d[x] / s;
          for (int y = x; y < 3; y++) {
            h[x][y] += dd[x][y] / s - d[x] * d[y] / (s * s);
          }
        }
      }
    }
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < x; y++) {
        h[x][y] = h[y][x];
      }
    }
    if (!Double.isFinite(ll) || !finite(g) || !finite(h[0]) || !finite(h[1]) || !finite(h[2])) {
      ll = Double.NEGATIVE_INFINITY; // never accepted as a step
    }
    return new Evaluation(ll, g, h);
  }

  private static boolean finite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** ℓ at (p, shape, scale) for times already passed through {@link WeibullFit#prepare}, densities per day. */
  static double logLikelihood(double[] t, boolean[] events, double p, double shape, double scale) {
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      double logT = Math.log(t[i]);
      double kw = shape * (logT - Math.log(scale));
      double z = Math.exp(kw);
      sum += events[i] ? Math.log(p) + Math.log(shape) + kw - logT - z : Math.log(1 - p + p * Math.exp(-z));
    }
    return sum;
  }

  private static double[][] negate(double[][] m) {
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        r[i][j] = -m[i][j];
      }
    }
    return r;
  }

  private static double[][] plusIdentity(double[][] m, double mu) {
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = m[i].clone();
      r[i][i] += mu;
    }
    return r;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
  }

  /** Cholesky factor of a symmetric matrix, or null if it is not (numerically) positive definite. */
  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 1e-14 * Math.abs(a[i][i])) || !(s > 0)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[] solveSpd(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    if (l == null) {
      return null;
    }
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  private static double[][] inverseSpd(double[][] a) {
    int n = a.length;
    double[][] inv = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      double[] col = solveSpd(a, e);
      if (col == null) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        inv[i][j] = col[i];
      }
    }
    for (int i = 0; i < n; i++) { // symmetrize rounding
      for (int j = 0; j < i; j++) {
        double m = (inv[i][j] + inv[j][i]) / 2;
        inv[i][j] = m;
        inv[j][i] = m;
      }
    }
    return inv;
  }

  /** p: the share who ever have the event. */
  public double everShare() {
    return everShare;
  }

  public double shape() {
    return shape;
  }

  /** Days. */
  public double scale() {
    return scale;
  }

  /** Delta method: p(1 − p) √var(logit p). */
  public double everShareStdError() {
    return everShare * (1 - everShare) * Math.sqrt(covariance[0][0]);
  }

  /** Delta method: shape √var(log shape). */
  public double shapeStdError() {
    return shape * Math.sqrt(covariance[1][1]);
  }

  /** Days. Delta method: scale √var(log scale). */
  public double scaleStdError() {
    return scale * Math.sqrt(covariance[2][2]);
  }

  /** Covariance of (logit p, log shape, log scale): the inverse observed information. A fresh copy. */
  public double[][] covariance() {
    return new double[][] {covariance[0].clone(), covariance[1].clone(), covariance[2].clone()};
  }

  /** The maximized log-likelihood (natural log, densities per day). */
  public double logLikelihood() {
    return logLikelihood;
  }

  public int n() {
    return n;
  }

  public int events() {
    return events;
  }

  /** (1 − p) + p exp(−(t/scale)<sup>shape</sup>); t in days. Tends to 1 − p. */
  public double survival(double t) {
    Samples.checkQueryTime("t", t);
    return (1 - everShare) + everShare * Math.exp(-Math.pow(t / scale, shape));
  }

  /** p (1 − exp(−(t/scale)<sup>shape</sup>)): the probability that the event has happened by day t. */
  public double probabilityBy(double t) {
    Samples.checkQueryTime("t", t);
    return -everShare * Math.expm1(-Math.pow(t / scale, shape));
  }

  @Override
  public String toString() {
    return String.format("CureWeibullFit[n=%d, events=%d, everShare=%.6g (se %.3g), shape=%.6g (se %.3g), "
        + "scale=%.6g days (se %.3g), logLik=%.6g]", n, events, everShare, everShareStdError(), shape, shapeStdError(),
        scale, scaleStdError(), logLikelihood);
  }
}
