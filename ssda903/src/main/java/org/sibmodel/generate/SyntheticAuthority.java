package org.sibmodel.generate;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One authority of a national-like synthetic set ({@code sib generate --authorities N}): a copy of
 * the Lancashire-like county model with its population and entry rates scaled by {@code sizeScale},
 * simulated from its own seed. The same 12 district names and postcode areas recur in every
 * authority, so a district is known only by (authority, district), as a real national extract
 * would need; the bundled postcode lookup maps each authority's postcodes to its districts.
 *
 * <p>Authority {@code k}'s seed and size are functions of the master seed and {@code k} only, so
 * the first five authorities of {@code --authorities 150} are {@code --authorities 5}, and the
 * files are the same on any number of cores.
 *
 * @param number 1 to N, the order authorities are written in
 * @param code the LA column's value: {@code Z} and three digits, which no real authority has
 *     (English LA codes are three-digit numbers, 201 to 938), so the data cannot pass for real
 * @param seed the master seed of this authority's county
 * @param sizeScale this authority's size relative to the Lancashire-like county
 */
public record SyntheticAuthority(int number, String code, long seed, double sizeScale) {
  /** Codes have three digits. */
  public static final int MAX_AUTHORITIES = 999;

  /**
   * The mean size of an authority relative to the Lancashire-like county. ASSUMPTION, chosen so
   * that 150 authorities give about the national volume issue 14 names (all English councils
   * together return about 3.7 M episode rows over eight collection years): the county writes
   * 36,749 episode rows over 2012-2019 (seed 20190901), and 150 x 0.67 x 36,749 = 3.69 M.
   */
  public static final double MEAN_SIZE = 0.67;

  /**
   * Sizes spread evenly over MEAN_SIZE x [1 - SIZE_SPREAD, 1 + SIZE_SPREAD]: from a quarter of the
   * mean to 1.75 times it, a sevenfold range. ASSUMPTION: real authorities range more widely (from
   * a few dozen children looked after to a few thousand); this keeps every synthetic authority
   * large enough to calibrate while their sizes still differ.
   */
  public static final double SIZE_SPREAD = 0.75;

  /**
   * Authority k's place in the size range is (u + k x this) mod 1, u drawn from the seed: a Weyl
   * sequence (the golden ratio's fractional part), which covers the range evenly for any N, so the
   * first N authorities' mean size is within about 1/N of the range of MEAN_SIZE. Independent
   * uniform draws would leave 150 authorities' total rows a few per cent off by chance (the first
   * version, with draws, wrote 3.53 M for the default seed).
   */
  private static final double WEYL_STEP = 0.6180339887498949;

  public SyntheticAuthority {
    if (number < 1 || number > MAX_AUTHORITIES) {
      throw new IllegalArgumentException("number must be 1 to " + MAX_AUTHORITIES + ", was " + number);
    }
    if (!(sizeScale > 0)) {
      throw new IllegalArgumentException("sizeScale must be positive, was " + sizeScale);
    }
  }

  /** The first {@code count} authorities of the set drawn from {@code seed}. */
  public static List<SyntheticAuthority> of(long seed, int count) {
    if (count < 1 || count > MAX_AUTHORITIES) {
      throw new IllegalArgumentException("count must be 1 to " + MAX_AUTHORITIES + ", was " + count);
    }
    double start = Streams.of(seed, Streams.AUTHORITY_SIZE).nextDouble();
    return IntStream.rangeClosed(1, count).mapToObj(k -> {
      double place = (start + k * WEYL_STEP) % 1.0;
      double scale = MEAN_SIZE * (1 - SIZE_SPREAD + 2 * SIZE_SPREAD * place);
      return new SyntheticAuthority(k, String.format(Locale.ROOT, "Z%03d", k), Streams.key(seed, Streams.AUTHORITY, k), scale);
    }).toList();
  }

  /** This authority's county model: the base model scaled to its size. */
  public SyntheticCountyModel model(SyntheticCountyModel base) {
    return base.scaled(sizeScale);
  }
}
