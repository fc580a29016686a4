package org.sibmodel.simulate;

import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.sibmodel.random.Sampling;

/**
 * The uncertainty of one scenario input, drawn once per iteration (parameter uncertainty), given
 * by its mean and standard deviation:
 *
 * <ul>
 *   <li>{@code fixed}: always the mean;
 *   <li>{@code normal}: mean, sd;
 *   <li>{@code lognormal}: a positive quantity with that mean and sd (hazard ratios, volumes, costs);
 *   <li>{@code beta}: a probability with that mean and sd (sd^2 must be below mean x (1 - mean)).
 * </ul>
 *
 * Draws are by inversion of one uniform, so common random numbers line up across scenarios.
 */
public record Distribution(String kind, double mean, double sd) implements java.io.Serializable {

  public Distribution {
    kind = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
    if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
      throw new IllegalArgumentException("mean " + mean + ", sd " + sd + ": expected finite numbers, sd not negative");
    }
    switch (kind) {
      case "fixed", "normal" -> { }
      case "lognormal" -> {
        if (mean <= 0) {
          throw new IllegalArgumentException("lognormal mean " + mean + ": must be positive");
        }
      }
      case "beta" -> {
        if (mean <= 0 || mean >= 1) {
          throw new IllegalArgumentException("beta mean " + mean + ": must be between 0 and 1");
        }
        if (sd * sd >= mean * (1 - mean)) {
          throw new IllegalArgumentException("beta sd " + sd + ": too wide for mean " + mean + " (sd must be below "
              + String.format(Locale.ROOT, "%.4f", Math.sqrt(mean * (1 - mean))) + ")");
        }
      }
      default -> throw new IllegalArgumentException("distribution '" + kind + "': expected fixed, normal, lognormal or beta");
    }
  }

  public static Distribution fixed(double value) {
    return new Distribution("fixed", value, 0);
  }

  /**
   * This distribution, checked to describe a probability: a fixed value or a beta between 0 and 1.
   *
   * @param field the scenario field it is read for, named in the message
   */
  public Distribution requireProbability(String field) {
    java.util.Objects.requireNonNull(field);
    if (mean < 0 || mean > 1 || (kind.equals("normal") && sd > 0)) {
      throw new IllegalArgumentException(field + ": a probability needs a fixed value or a beta distribution between 0 and 1 (mean " + mean + ")");
    }
    return this;
  }

  /**
   * This distribution, checked to describe a positive quantity: a fixed positive value or a lognormal.
   *
   * @param field the scenario field it is read for, named in the message
   */
  public Distribution requirePositive(String field) {
    if (mean <= 0 || (kind.equals("normal") && sd > 0)) {
      throw new IllegalArgumentException(field + ": a positive quantity needs a fixed value or a lognormal distribution (mean " + mean + ")");
    }
    return this;
  }

  /** The value for a uniform u in (0, 1). */
  public double quantile(double u) {
    if (sd == 0 || kind.equals("fixed")) {
      return mean;
    }
    return switch (kind) {
      case "normal" -> mean + sd * STANDARD_NORMAL.inverseCumulativeProbability(u);
      case "lognormal" -> lognormal().quantile(u);
      case "beta" -> {
        double common = mean * (1 - mean) / (sd * sd) - 1;
        yield new BetaDistribution(null, mean * common, (1 - mean) * common).inverseCumulativeProbability(u);
      }
      default -> mean;
    };
  }

  /**
   * The quantile function, with what does not depend on u worked out once: for a distribution drawn
   * per child (the days from referral to day 0) rather than per iteration. The same value as
   * {@link #quantile} for every u, to the bit.
   */
  public Quantile quantileFunction() {
    if (sd == 0 || kind.equals("fixed")) {
      return u -> mean;
    }
    if (kind.equals("lognormal")) {
      return lognormal()::quantile;
    }
    return this::quantile;
  }

  /** A quantile function: the value for a uniform u in (0, 1). Serializable, as Spark ships the kernel that keeps one. */
  @FunctionalInterface
  public interface Quantile extends java.io.Serializable {
    double of(double u);
  }

  /** A lognormal's log-scale parameters: log X is normal with mean mu and standard deviation sigma. */
  private record LogNormal(double mu, double sigma) implements java.io.Serializable {
    double quantile(double u) {
      return Math.exp(mu + sigma * STANDARD_NORMAL.inverseCumulativeProbability(u));
    }
  }

  /** The log-scale parameters of this lognormal, from its mean and sd. */
  private LogNormal lognormal() {
    double sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    return new LogNormal(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
  }

  public double draw(SplittableRandom rng) {
    return quantile(Sampling.uniform(rng));
  }

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
}
