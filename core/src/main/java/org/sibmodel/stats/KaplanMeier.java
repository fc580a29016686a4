package org.sibmodel.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Kaplan–Meier (product-limit) estimate of a survival function S(t) = P(T > t) from
 * right-censored durations in days, with Greenwood standard errors and 95% pointwise confidence
 * intervals on the log(-log) scale.
 *
 * <p>Conventions, all standard (Klein &amp; Moeschberger, <i>Survival Analysis</i>, 2nd ed., 2003,
 * sections 4.2–4.5; Kalbfleisch &amp; Prentice, <i>The Statistical Analysis of Failure Time Data</i>,
 * 2nd ed., 2002, chapter 1):
 *
 * <ul>
 *   <li>S is right-continuous: S(t) includes the events at t. An observation censored at t is still
 *       at risk for the events at t (events come before censoring at tied times).
 *   <li>S(t) = Π over event times t<sub>j</sub> ≤ t of (1 − d<sub>j</sub>/n<sub>j</sub>), with
 *       n<sub>j</sub> at risk (time ≥ t<sub>j</sub>) and d<sub>j</sub> events at t<sub>j</sub>.
 *   <li>Greenwood: Var S(t) = S(t)² Σ d<sub>j</sub> / (n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>)).
 *       Where S = 0 (everyone left at risk had the event) the standard error is 0, the limit of
 *       Greenwood's formula, and the interval is [0, 0]; before the first event S = 1 with
 *       standard error 0 and interval [1, 1].
 *   <li>Log(-log) interval: with θ = log(−log S) and se(θ) = √(Σ d/(n(n−d))) / |log S|, the bounds
 *       are S<sup>exp(±1.96 se(θ))</sup>; they always lie in [0, 1].
 *   <li>After the last observed time S is held at its last value (no further events are known);
 *       {@link #lastTime()} says where the data end.
 * </ul>
 *
 * <p>One {@link Step} per distinct event time. A step's {@code censored} counts the observations
 * censored in [t<sub>j</sub>, t<sub>j+1</sub>) (the table layout of Kleinbaum &amp; Klein,
 * <i>Survival Analysis: A Self-Learning Text</i>, chapter 2), so censored-only times are folded
 * into the step before them; those censored before the first event time are in no step and number
 * {@code n() - steps().get(0).atRisk()}.
 */
public final class KaplanMeier {
  /** Level of the pointwise intervals. */
  public static final double CONFIDENCE = 0.95;

  /** Φ⁻¹(0.975). */
  static final double Z95 = 1.959963984540054;

  /** Tolerance when comparing S with a target probability in {@link #quantile(double)}. */
  private static final double QUANTILE_TOLERANCE = 1e-12;

  /**
   * One distinct event time of the product-limit table.
   *
   * @param time the event time, days
   * @param atRisk observations with time ≥ {@code time}
   * @param events events at {@code time}
   * @param censored observations censored at or after {@code time} and before the next event time
   * @param survival S at {@code time}, events at {@code time} included
   * @param stdError Greenwood standard error of {@code survival}
   * @param lower lower 95% log(-log) bound
   * @param upper upper 95% log(-log) bound
   */
  public record Step(
      double time, int atRisk, int events, int censored, double survival, double stdError, double lower,
      double upper) {
    public Step {
      if (!(time >= 0) || Double.isInfinite(time)) {
        throw new IllegalArgumentException("time = " + time + ": must be finite and non-negative days");
      }
      if (events < 1 || events > atRisk) {
        throw new IllegalArgumentException("events = " + events + " with atRisk = " + atRisk
            + ": a step has between 1 and atRisk events");
      }
      if (censored < 0 || events + censored > atRisk) {
        throw new IllegalArgumentException("censored = " + censored + " with events = " + events + " and atRisk = "
            + atRisk + ": events and censored together cannot exceed those at risk");
      }
      if (!(survival >= 0 && survival <= 1)) {
        throw new IllegalArgumentException("survival = " + survival + ": must be between 0 and 1");
      }
      if (!(stdError >= 0) || Double.isInfinite(stdError)) {
        throw new IllegalArgumentException("stdError = " + stdError + ": must be finite and non-negative");
      }
      if (!(0 <= lower && lower <= survival && survival <= upper && upper <= 1)) {
        throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] around survival = " + survival
            + ": must satisfy 0 <= lower <= survival <= upper <= 1");
      }
    }
  }

  private final int n;
  private final int events;
  private final double lastTime;
  private final List<Step> steps;
  private final double[] stepTimes;
  /** ∫ S from 0 to each step time. */
  private final double[] areaTo;

  private KaplanMeier(int n, int events, double lastTime, List<Step> steps) {
    this.n = n;
    this.events = events;
    this.lastTime = lastTime;
    this.steps = steps;
    this.stepTimes = new double[steps.size()];
    this.areaTo = new double[steps.size()];
    double area = 0;
    double previousTime = 0;
    double previousS = 1;
    for (int j = 0; j < steps.size(); j++) {
      Step s = steps.get(j);
      area += previousS * (s.time() - previousTime);
      stepTimes[j] = s.time();
      areaTo[j] = area;
      previousTime = s.time();
      previousS = s.survival();
    }
  }

  /**
   * The product-limit estimate of a sample.
   *
   * @param times days from the start of follow-up to the event or to censoring, finite, ≥ 0
   * @param events {@code events[i]} true if the event was observed at {@code times[i]}, false if
   *     the observation was right-censored there
   * @throws IllegalArgumentException if the lengths differ or a time is negative, infinite or NaN
   */
  public static KaplanMeier fit(double[] times, boolean[] events) {
    Samples.check("times", times, "events", events);
    int n = times.length;
    int r = Samples.count(events);
    double[] ev = new double[r];
    double[] ce = new double[n - r];
    double last = 0;
    for (int i = 0, a = 0, b = 0; i < n; i++) {
      double t = times[i] + 0.0; // -0.0 becomes 0.0
      last = Math.max(last, t);
      if (events[i]) {
        ev[a++] = t;
      } else {
        ce[b++] = t;
      }
    }
    Arrays.sort(ev);
    Arrays.sort(ce);

    List<double[]> table = new ArrayList<>(); // {time, atRisk, events, censored}
    int atRisk = n;
    int i = 0;
    int j = 0;
    while (i < ev.length || j < ce.length) {
      double t = Math.min(i < ev.length ? ev[i] : Double.POSITIVE_INFINITY, j < ce.length ? ce[j] : Double.POSITIVE_INFINITY);
      int d = 0;
      while (i < ev.length && ev[i] == t) {
        d++;
        i++;
      }
      int c = 0;
      while (j < ce.length && ce[j] == t) {
        c++;
        j++;
      }
      if (d > 0) {
        table.add(new double[] {t, atRisk, d, c});
      } else if (!table.isEmpty()) {
        table.get(table.size() - 1)[3] += c;
      }
      atRisk -= d + c;
    }

    List<Step> steps = new ArrayList<>(table.size());
    double s = 1;
    double greenwoodSum = 0;
    for (double[] row : table) {
      int y = (int) row[1];
      int d = (int) row[2];
      s = y == d ? 0 : s * ((double) (y - d) / y);
      if (y > d) {
        greenwoodSum += (double) d / ((double) y * (y - d));
      }
      double[] ci = logLogInterval(s, greenwoodSum);
      double se = s == 0 ? 0 : s * Math.sqrt(greenwoodSum);
      steps.add(new Step(row[0], y, d, (int) row[3], s, se, ci[0], ci[1]));
    }
    return new KaplanMeier(n, r, last, Collections.unmodifiableList(steps));
  }

  /** 95% log(-log) interval for S given Greenwood's sum Σ d/(n(n−d)); exact at S = 0 and S = 1. */
  static double[] logLogInterval(double s, double greenwoodSum) {
    if (s <= 0) {
      return new double[] {0, 0};
    }
    if (s >= 1) {
      return new double[] {1, 1};
    }
    double seTheta = Math.sqrt(greenwoodSum) / -Math.log(s);
    double lower = Math.pow(s, Math.exp(Z95 * seTheta));
    double upper = Math.pow(s, Math.exp(-Z95 * seTheta));
    return new double[] {Math.max(0, Math.min(lower, s)), Math.min(1, Math.max(upper, s))};
  }

  /** The product-limit table, one step per distinct event time, in time order. */
  public List<Step> steps() {
    return steps;
  }

  /** Number of observations. */
  public int n() {
    return n;
  }

  /** Number of observed events. */
  public int events() {
    return events;
  }

  /** The largest observed time (event or censoring), days; 0 for an empty sample. */
  public double lastTime() {
    return lastTime;
  }

  /** Index of the last step at or before {@code t}, or -1 before the first event. */
  private int stepAt(double t) {
    int k = Arrays.binarySearch(stepTimes, t);
    return k >= 0 ? k : -k - 2;
  }

  /** S(t), events at t included; 1 before the first event. */
  public double survival(double t) {
    Samples.checkQueryTime("t", t);
    int k = stepAt(t);
    return k < 0 ? 1 : steps.get(k).survival();
  }

  /** 95% pointwise interval {lower, upper} for S(t), log(-log) scale. */
  public double[] survivalInterval(double t) {
    Samples.checkQueryTime("t", t);
    int k = stepAt(t);
    return k < 0 ? new double[] {1, 1} : new double[] {steps.get(k).lower(), steps.get(k).upper()};
  }

  /** 1 − S(t): the estimated probability that the event has happened by day t. */
  public double probabilityBy(double t) {
    return 1 - survival(t);
  }

  /** 95% interval {lower, upper} for 1 − S(t): one minus the bounds for S, swapped. */
  public double[] probabilityByInterval(double t) {
    double[] s = survivalInterval(t);
    return new double[] {1 - s[1], 1 - s[0]};
  }

  /** The median time: the smallest t with S(t) ≤ 0.5; empty if S never falls to 0.5. */
  public OptionalDouble median() {
    return quantile(0.5);
  }

  /**
   * The p-quantile of the time to event: the smallest event time t with S(t) ≤ 1 − p, so that
   * {@code quantile(0.5)} is the median; empty if S never falls that far. Where S equals 1 − p over
   * an interval this gives its start (some programs, e.g. R's survfit, give its midpoint). S within
   * 1e-12 of 1 − p counts as reaching it, so rounding in products such as 3/4 · 2/3 does not miss
   * an exact 1/2.
   *
   * @param p probability strictly between 0 and 1
   */
  public OptionalDouble quantile(double p) {
    Samples.checkOpenProbability("p", p);
    double target = 1 - p;
    for (Step s : steps) {
      if (s.survival() <= target + QUANTILE_TOLERANCE) {
        return OptionalDouble.of(s.time());
      }
    }
    return OptionalDouble.empty();
  }

  /** ∫ S from 0 to t, days. */
  private double areaTo(double t) {
    int k = stepAt(t);
    return k < 0 ? t : areaTo[k] + steps.get(k).survival() * (t - stepTimes[k]);
  }

  /**
   * The restricted mean time to event up to {@code tau}: the area under S from 0 to tau, in days
   * (Klein &amp; Moeschberger 2003, section 4.5). Beyond {@link #lastTime()} S is held at its last
   * value, so a tau past the end of follow-up assumes no further events; check {@code lastTime()}
   * when that matters.
   *
   * @param tau days, finite and non-negative
   */
  public double restrictedMean(double tau) {
    checkTau(tau);
    return areaTo(tau);
  }

  /**
   * Standard error of {@link #restrictedMean(double)}, days: the square root of Σ over event times
   * t<sub>j</sub> ≤ tau of A<sub>j</sub>² d<sub>j</sub> / (n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>)),
   * with A<sub>j</sub> = ∫ S from t<sub>j</sub> to tau (Klein &amp; Moeschberger 2003, section 4.5).
   * A step with n<sub>j</sub> = d<sub>j</sub> adds nothing (S is 0 after it, so A<sub>j</sub> = 0).
   * Without censoring this is the sample standard deviation with divisor n, over √n.
   */
  public double restrictedMeanStdError(double tau) {
    checkTau(tau);
    double total = areaTo(tau);
    double variance = 0;
    for (int j = 0; j < steps.size() && stepTimes[j] <= tau; j++) {
      Step s = steps.get(j);
      if (s.atRisk() > s.events()) {
        double a = total - areaTo[j];
        variance += a * a * s.events() / ((double) s.atRisk() * (s.atRisk() - s.events()));
      }
    }
    return Math.sqrt(variance);
  }

  private static void checkTau(double tau) {
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau = " + tau + ": the restriction time must be finite and non-negative days");
    }
  }

  @Override
  public String toString() {
    return "KaplanMeier[n=" + n + ", events=" + events + ", steps=" + steps.size() + ", lastTime=" + lastTime + "]";
  }
}
