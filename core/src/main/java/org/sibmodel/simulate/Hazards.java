package org.sibmodel.simulate;

/**
 * Times to events by inversion of survival functions, with the service's effect as proportional
 * hazards: the survival with the service is the survival without it raised to the hazard ratio,
 * S1(t) = S0(t)^HR, so the same uniform u gives both times (common random numbers) and a ratio
 * below 1 makes the event later or, for a cure model, never. Times in days.
 */
final class Hazards {
  private Hazards() {}

  /**
   * The ratio {@code t} days after day 0 when the effect fades linearly from {@code ratio} to none
   * (1) over {@code waningDays}; {@code waningDays} of 0 means it lasts.
   */
  static double ratioAt(double ratio, double t, double waningDays) {
    if (waningDays <= 0 || ratio == 1) {
      return ratio;
    }
    double left = Math.max(0, 1 - t / waningDays);
    return 1 - (1 - ratio) * left;
  }

  /**
   * Time to entering care under a constant hazard {@code hazard} a day, multiplied by {@code ratio}
   * fading over {@code waningDays} (0: lasting): the t with cumulative hazard -ln u. With the ratio
   * fading linearly, the cumulative hazard is quadratic up to the waning's end and linear after.
   */
  static double entry(double u, double hazard, double ratio, double waningDays) {
    double target = -Math.log(u) / hazard;
    if (waningDays <= 0 || ratio == 1) {
      return target / ratio;
    }
    // Integral of the ratio over [0, t], t <= W: ratio x t + (1 - ratio) t^2 / (2W).
    double a = (1 - ratio) / (2 * waningDays);
    double b = ratio;
    double t = (-b + Math.sqrt(b * b + 4 * a * target)) / (2 * a);
    return t <= waningDays ? t : target + (1 - ratio) * waningDays / 2;
  }

  /** Weibull time by inversion of S(t) = exp(-(t/scale)^shape), the hazard multiplied by {@code ratio}. */
  static double weibull(double u, double shape, double scale, double ratio) {
    return scale * Math.pow(-Math.log(u) / ratio, 1 / shape);
  }

  /**
   * Time to the event of a mixture cure model S(t) = (1 - p) + p exp(-(t/scale)^shape), the hazard
   * multiplied by {@code ratio}; {@link Double#POSITIVE_INFINITY} when it never happens (S1 never
   * falls to u: with chance (1 - p)^ratio).
   */
  static double cure(double u, double p, double shape, double scale, double ratio) {
    double s = ratio == 1 ? u : Math.pow(u, 1 / ratio);
    if (s <= 1 - p) {
      return Double.POSITIVE_INFINITY;
    }
    return scale * Math.pow(-Math.log((s - (1 - p)) / p), 1 / shape);
  }
}
