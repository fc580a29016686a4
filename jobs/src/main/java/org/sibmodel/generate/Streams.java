package org.sibmodel.generate;

import java.util.SplittableRandom;

/**
 * Independent random streams, each a pure function of the run's master seed and a key (a stream
 * name and integers such as a child's index). A child's life therefore depends only on (seed,
 * child index), never on the order in which children are simulated or how many came before it in
 * a loop (STYLE.md 3). Keys are mixed with the SplitMix64 finaliser (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), the same mixer
 * {@link SplittableRandom} uses, so neighbouring keys give unrelated seeds.
 */
final class Streams {
  /** Stream names: one per kind of draw, so adding a kind never shifts another's numbers. */
  static final long ARRIVALS = 0x4152524956414C53L;
  static final long CHILD = 0x4348494C44000000L;
  static final long PROVIDERS = 0x50524F5649444552L;
  static final long CHILD_IDS = 0x4348494C44494453L;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Streams() {}

  /** The stream for {@code (seed, name, keys...)}. */
  static SplittableRandom of(long seed, long name, long... keys) {
    return new SplittableRandom(key(seed, name, keys));
  }

  static long key(long seed, long name, long... keys) {
    long h = mix64(seed + GOLDEN_GAMMA);
    h = mix64(h ^ name);
    for (long k : keys) {
      h = mix64(h + GOLDEN_GAMMA * (k + 1));
    }
    return h;
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A Poisson count by inversion (exact; fine for the small monthly means used here). */
  static int poisson(SplittableRandom rng, double mean) {
    if (!(mean >= 0) || mean > 700) {
      throw new IllegalArgumentException("Poisson mean must be in 0 to 700, was " + mean);
    }
    double u = rng.nextDouble();
    double p = Math.exp(-mean);
    double cumulative = p;
    int k = 0;
    while (u > cumulative && p > 0) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  /** A whole number of days drawn uniformly from {@code [low, high]}. */
  static int uniformDays(SplittableRandom rng, int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }
}
