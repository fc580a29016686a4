package org.sibmodel.random;

import java.util.SplittableRandom;

/**
 * Random streams that are pure functions of a run's master seed and a key naming where they are
 * used (STYLE.md, "Randomness is explicit"): the numbers never depend on how Spark partitions the
 * work, how many cores run it, or what was drawn before in a loop. Keys are mixed with the
 * SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), the mixer {@link SplittableRandom} itself uses, so neighbouring keys give
 * unrelated streams.
 *
 * <p>Two key schedules share that finaliser. {@link #named} folds a stream name and any number of
 * integers, one finaliser round each (the synthetic-data generator: a child's life is a function
 * of the seed and the child's index). {@link #of(long, long, long)} folds exactly three values in
 * one round with the third added between its two halves (the simulation kernel, which derives a
 * stream for every referred child of every iteration). Existing seeds keep their numbers under
 * both, so results stay reproducible across versions.
 */
public final class RandomStreams {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long MIX_1 = 0xBF58476D1CE4E5B9L;
  private static final long MIX_2 = 0x94D049BB133111EBL;

  private RandomStreams() {}

  /** The stream {@code (seed, name, keys...)}. */
  public static SplittableRandom named(long seed, long name, long... keys) {
    return new SplittableRandom(namedKey(seed, name, keys));
  }

  /** The seed of the stream {@code (seed, name, keys...)}. */
  public static long namedKey(long seed, long name, long... keys) {
    long h = mix64(seed + GOLDEN_GAMMA);
    h = mix64(h ^ name);
    for (long k : keys) {
      h = mix64(h + GOLDEN_GAMMA * (k + 1));
    }
    return h;
  }

  /** The stream of the three values {@code (a, b, c)}: see {@link #key(long, long, long)}. */
  public static SplittableRandom of(long a, long b, long c) {
    return new SplittableRandom(key(a, b, c));
  }

  /** One finaliser round over {@code a x golden gamma + b}, with {@code c} added between its halves. */
  public static long key(long a, long b, long c) {
    return secondHalf(firstHalf(a * GOLDEN_GAMMA + b) + c);
  }

  /** The SplitMix64 finaliser: a bijection of 64-bit values that spreads every input bit over the output. */
  public static long mix64(long z) {
    return secondHalf(firstHalf(z));
  }

  private static long firstHalf(long z) {
    return (z ^ (z >>> 30)) * MIX_1;
  }

  private static long secondHalf(long z) {
    z = (z ^ (z >>> 27)) * MIX_2;
    return z ^ (z >>> 31);
  }
}
