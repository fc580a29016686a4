package org.sibmodel.random;

/** Percentiles of a sample, interpolated between order statistics as Spark's {@code percentile} is. */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The value at p x (n - 1) of sorted values, linearly interpolated between its neighbours.
   *
   * @param sorted values in ascending order, at least one
   * @param p between 0 and 1
   */
  public static double of(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a percentile of no values is undefined");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("percentile p must be between 0 and 1, was " + p);
    }
    double position = p * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }
}
