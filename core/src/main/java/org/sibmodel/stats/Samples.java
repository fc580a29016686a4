package org.sibmodel.stats;

import java.util.Objects;

/** Checks shared by the estimators: a sample is times in days with an event flag for each. */
final class Samples {
  private Samples() {}

  /**
   * Equal lengths, and every time finite and non-negative.
   *
   * @throws IllegalArgumentException naming the array and the index of the first bad value
   */
  static void check(String timesName, double[] times, String eventsName, boolean[] events) {
    Objects.requireNonNull(times, () -> timesName + " is missing");
    Objects.requireNonNull(events, () -> eventsName + " is missing");
    if (times.length != events.length) {
      throw new IllegalArgumentException(timesName + " has " + times.length + " values but " + eventsName + " has "
          + events.length + ": each observation needs a time and an event flag");
    }
    for (int i = 0; i < times.length; i++) {
      double t = times[i];
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException(timesName + "[" + i + "] = " + t
            + ": a time is days from the start of follow-up and must be finite and non-negative");
      }
    }
  }

  /** A time at which a fitted curve is read: non-negative; +infinity is allowed. */
  static void checkQueryTime(String name, double t) {
    if (!(t >= 0)) {
      throw new IllegalArgumentException(name + " = " + t + ": times are days from the start and must be non-negative");
    }
  }

  /** A probability strictly between 0 and 1. */
  static void checkOpenProbability(String name, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(name + " = " + p + ": must be strictly between 0 and 1");
    }
  }

  static int count(boolean[] events) {
    int r = 0;
    for (boolean e : events) {
      if (e) {
        r++;
      }
    }
    return r;
  }
}
