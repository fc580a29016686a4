package org.sibmodel.generate;

import java.util.SplittableRandom;

/** A whole number of days drawn uniformly from {@code minDays} to {@code maxDays} inclusive. */
public record DayRange(int minDays, int maxDays) {
  public DayRange {
    if (minDays < 0 || maxDays < minDays) {
      throw new IllegalArgumentException(
          "day range " + minDays + " to " + maxDays + ": expected 0 <= minDays <= maxDays");
    }
  }

  int draw(SplittableRandom rng) {
    return Streams.uniformDays(rng, minDays, maxDays);
  }
}
