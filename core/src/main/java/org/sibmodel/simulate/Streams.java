package org.sibmodel.simulate;

import java.util.SplittableRandom;

/**
 * Random streams that are pure functions of the master seed and where they are used, so the
 * numbers do not depend on how Spark partitions the iterations or how many cores run them
 * (STYLE.md, "Randomness is explicit"). Scenarios with the same master seed share streams:
 * iteration i, and referred child k of a month and sub-cohort, see the same random numbers in
 * every scenario (common random numbers), so differences between scenarios are not noise.
 */
final class Streams {
  private Streams() {}

  /** The stream of an iteration's parameter draws. */
  static SplittableRandom iteration(long seed, long iteration) {
    return new SplittableRandom(mix(seed, 0x5EED_0001L, iteration));
  }

  /** The stream of an iteration's referral counts. */
  static SplittableRandom referrals(long seed, long iteration) {
    return new SplittableRandom(mix(seed, 0x5EED_0002L, iteration));
  }

  /** The stream of one referred child: iteration, month, cell (pathway x band x district), k-th child of the cell. */
  static SplittableRandom child(long seed, long iteration, int month, int cell, int k) {
    return new SplittableRandom(mix(mix(seed, 0x5EED_0003L, iteration), month * 1_000_003L + cell, k));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser over a combination of three values. */
  static long mix(long a, long b, long c) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + c;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
