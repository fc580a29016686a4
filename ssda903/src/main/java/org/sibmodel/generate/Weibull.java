package org.sibmodel.generate;

import java.util.SplittableRandom;
import org.sibmodel.random.Sampling;

/**
 * Length of a care period: Weibull with shape {@code k} and scale {@code lambda} in days,
 * S(t) = exp(-(t/lambda)^k). A shape below 1 gives the falling exit hazard typical of care
 * (many short stays, a long tail).
 *
 * @param shape Weibull shape k, dimensionless
 * @param scaleDays Weibull scale lambda, days
 * @param shareWithin12Months P(T <= 365.25 days), the calibration target the scale was solved from
 */
public record Weibull(double shape, double scaleDays, double shareWithin12Months) {
  public static final double YEAR_DAYS = 365.25;

  public Weibull {
    if (!(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("Weibull shape must be positive, was " + shape);
    }
    if (!(scaleDays > 0) || Double.isInfinite(scaleDays)) {
      throw new IllegalArgumentException("Weibull scaleDays must be positive, was " + scaleDays);
    }
  }

  /** The Weibull of this shape with P(T <= 12 months) = share. */
  static Weibull withShareWithin12Months(double shape, double share) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("share leaving within 12 months must be in (0, 1), was " + share);
    }
    double scale = YEAR_DAYS / Math.pow(-Math.log(1 - share), 1 / shape);
    return new Weibull(shape, scale, share);
  }

  public double survival(double days) {
    return days <= 0 ? 1 : Math.exp(-Math.pow(days / scaleDays, shape));
  }

  /** A draw in days (continuous), by inversion. */
  double sampleDays(SplittableRandom rng) {
    return Sampling.weibull(1 - rng.nextDouble(), shape, scaleDays);
  }
}
