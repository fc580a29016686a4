package org.sibmodel.random;

import java.util.SplittableRandom;

/**
 * Draws by inversion of uniforms, shared by the simulation kernel and the synthetic-data
 * generator. Every method takes its uniform (or its generator) explicitly; arguments are checked
 * before anything is drawn, with messages that name the argument and its value. Inversion of one
 * uniform keeps draws aligned across scenarios that differ only in a rate (common random numbers).
 */
public final class Sampling {
  /** Largest Poisson mean drawn by inversion: above it e^-mean underflows. */
  public static final double MAX_POISSON_MEAN = 700;

  private Sampling() {}

  /** A uniform strictly inside (0, 1): zero is redrawn, so logarithms of it are finite. */
  public static double uniform(SplittableRandom rng) {
    double u;
    do {
      u = rng.nextDouble();
    } while (u == 0.0);
    return u;
  }

  /**
   * The Poisson count whose distribution function first reaches {@code u} (exact inversion).
   *
   * @param u a uniform in [0, 1)
   * @param mean the Poisson mean, 0 to {@link #MAX_POISSON_MEAN}
   */
  public static int poisson(double u, double mean) {
    return poisson(u, mean, Math.exp(-mean));
  }

  /**
   * {@link #poisson(double, double)} with the chance of no event, {@code Math.exp(-mean)}, worked out
   * by the caller: for a mean drawn from again and again (a referral cell's, month after month).
   *
   * @param none {@code Math.exp(-mean)}, not checked
   */
  public static int poisson(double u, double mean, double none) {
    if (!(mean >= 0) || mean > MAX_POISSON_MEAN) {
      throw new IllegalArgumentException("Poisson mean must be in 0 to " + MAX_POISSON_MEAN + ", was " + mean);
    }
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("uniform u must be in [0, 1), was " + u);
    }
    double p = none;
    double cumulative = p;
    int k = 0;
    while (u > cumulative && p > 0) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  /** A Poisson count from the generator's next uniform. */
  public static int poisson(SplittableRandom rng, double mean) {
    return poisson(rng.nextDouble(), mean);
  }

  /**
   * The Weibull time by inversion of the survival function S(t) = exp(-(t / scale)^shape):
   * {@code scale x (-log u)^(1 / shape)}, in the units of {@code scale}.
   *
   * @param u a uniform in (0, 1]
   */
  public static double weibull(double u, double shape, double scale) {
    if (!(u > 0 && u <= 1)) {
      throw new IllegalArgumentException("uniform u must be in (0, 1], was " + u);
    }
    if (!(shape > 0) || !(scale > 0) || Double.isInfinite(shape) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("Weibull shape and scale must be positive and finite, were " + shape + " and " + scale);
    }
    return scale * Math.pow(-Math.log(u), 1 / shape);
  }

  /**
   * Whether an event of a mixture cure model happens at all: it does with chance {@code everShare}
   * (the uncured share), decided by its own uniform so that scenarios with a smaller share see a
   * subset of the same events.
   */
  public static boolean happens(double u, double everShare) {
    return u < everShare;
  }
}
