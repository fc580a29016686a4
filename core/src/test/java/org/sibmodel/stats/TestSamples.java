package org.sibmodel.stats;

import java.util.SplittableRandom;

/** Inline samples for the tests: "6 6 6 6+ 7" is three events at 6 days, one censored at 6, one event at 7. */
record TestSamples(double[] times, boolean[] events) {
  static TestSamples parse(String text) {
    String[] tokens = text.trim().split("[\\s,]+");
    double[] times = new double[tokens.length];
    boolean[] events = new boolean[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      boolean censored = tokens[i].endsWith("+");
      times[i] = Double.parseDouble(censored ? tokens[i].substring(0, tokens[i].length() - 1) : tokens[i]);
      events[i] = !censored;
    }
    return new TestSamples(times, events);
  }

  /** Freireich et al. (1963), 6-MP arm, weeks of remission; "+" censored. */
  static final TestSamples SIX_MP =
      parse("6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+");

  /** Freireich et al. (1963), placebo arm: all relapsed. */
  static final TestSamples PLACEBO = parse("1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23");

  /**
   * Weibull (or Weibull mixture cure) durations with uniform staggered follow-up: child i has the
   * event with probability {@code everShare}, at a Weibull(shape, scale) time, and is followed for
   * U(0, maxFollowUp) days. Draws come from {@code rng} in a fixed order.
   */
  static TestSamples simulate(SplittableRandom rng, int n, double everShare, double shape, double scale,
      double maxFollowUp) {
    double[] times = new double[n];
    boolean[] events = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean susceptible = rng.nextDouble() < everShare;
      double eventTime = scale * Math.pow(-Math.log(1 - rng.nextDouble()), 1 / shape);
      double followUp = maxFollowUp * rng.nextDouble();
      events[i] = susceptible && eventTime <= followUp;
      times[i] = events[i] ? eventTime : followUp;
    }
    return new TestSamples(times, events);
  }
}
