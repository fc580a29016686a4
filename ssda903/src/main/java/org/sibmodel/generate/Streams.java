package org.sibmodel.generate;

import java.util.SplittableRandom;
import org.sibmodel.random.RandomStreams;

/**
 * The generator's stream names: one per kind of draw, so adding a kind never shifts another's
 * numbers. Each stream is {@link RandomStreams#named} of the run's seed, the name and integers
 * such as a child's index, so a child's life depends only on (seed, child index).
 */
final class Streams {
  static final long ARRIVALS = 0x4152524956414C53L;
  static final long CHILD = 0x4348494C44000000L;
  static final long PROVIDERS = 0x50524F5649444552L;
  static final long CHILD_IDS = 0x4348494C44494453L;
  static final long AUTHORITY = 0x415554484F524954L;
  static final long AUTHORITY_SIZE = 0x4155544853495A45L;

  private Streams() {}

  /** The stream for {@code (seed, name, keys...)}. */
  static SplittableRandom of(long seed, long name, long... keys) {
    return RandomStreams.named(seed, name, keys);
  }

  static long key(long seed, long name, long... keys) {
    return RandomStreams.namedKey(seed, name, keys);
  }

  /** A whole number of days drawn uniformly from {@code [low, high]}. */
  static int uniformDays(SplittableRandom rng, int low, int high) {
    return low + rng.nextInt(high - low + 1);
  }
}
