package org.sibmodel.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib generate}.
 *
 * @param out output folder (replaced atomically)
 * @param firstYear first collection year, named by the year it ends (2012 = April 2011 to March 2012)
 * @param lastYear last collection year
 * @param seed master seed: the same seed gives byte-identical files
 * @param authorities how many authorities: 1 writes the Lancashire-like county alone, as the
 *     demo reads it (no LA column); more writes a national-like set ({@link SyntheticAuthority})
 */
public record GenerateOptions(String out, int firstYear, int lastYear, long seed, int authorities) implements RunOptions {
  public static final long DEFAULT_SEED = 20190901L;

  public GenerateOptions {
    RunOptions.required("--out", out);
    if (authorities < 1 || authorities > SyntheticAuthority.MAX_AUTHORITIES) {
      throw new IllegalArgumentException(
          "--authorities " + authorities + ": expected 1 to " + SyntheticAuthority.MAX_AUTHORITIES);
    }
    if (firstYear < 2000 || lastYear > 2100 || firstYear > lastYear) {
      throw new IllegalArgumentException(
          "--years " + firstYear + "-" + lastYear + ": expected FIRST-LAST collection years between 2000 and 2100, FIRST <= LAST");
    }
  }

  /** One authority: the Lancashire-like county, as before {@code --authorities} existed. */
  public GenerateOptions(String out, int firstYear, int lastYear, long seed) {
    this(out, firstYear, lastYear, seed, 1);
  }

  /** As run.json records them: the years as {@code --years} takes them, FIRST-LAST. */
  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("out", out);
    m.put("years", firstYear + "-" + lastYear);
    m.put("seed", seed);
    if (authorities > 1) {
      m.put("authorities", authorities);
    }
    return m;
  }

  /** Parses {@code 2012-2019} or {@code 2019}. */
  public static int[] parseYears(String text) {
    String[] parts = text.trim().split("-");
    try {
      if (parts.length == 1) {
        int year = Integer.parseInt(parts[0].trim());
        return new int[] {year, year};
      }
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("--years '" + text + "': expected FIRST-LAST, for example 2012-2019");
  }
}
