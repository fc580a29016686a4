package org.sibmodel.generate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sib generate --authorities N} (N > 1) wrote, for the console and {@code summary.json}:
 * the size of each year's files over all authorities and of each authority. Deterministic for a
 * seed: no timings.
 *
 * @param out where the run wrote; not in summary.json
 * @param years rows over all authorities, by collection year
 * @param authorities each authority in the order written
 */
public record NationalSummary(
    boolean synthetic,
    @JsonIgnore String out,
    int firstYear,
    int lastYear,
    long seed,
    long episodeRows,
    long childrenInReturns,
    List<Year> years,
    List<Authority> authorities) {

  public NationalSummary {
    years = List.copyOf(years);
    authorities = List.copyOf(authorities);
  }

  /** One collection year's rows over all authorities. */
  public record Year(int year, String label, long headerRows, long episodeRows, long uascRows) {}

  /**
   * One authority.
   *
   * @param la its LA code
   * @param sizeScale its size relative to the Lancashire-like county
   * @param childrenSimulated children simulated from the burn-in start
   * @param childrenInReturns distinct children in any written return
   * @param episodeRows episode rows over all written returns
   */
  public record Authority(String la, double sizeScale, int childrenSimulated, int childrenInReturns, long episodeRows) {}

  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "wrote SYNTHETIC SSDA903 returns %d to %d (seed %d) of %d authorities (%s to %s) to %s: %,d episode rows,"
            + " %,d children, no real child%n",
        firstYear, lastYear, seed, authorities.size(), authorities.get(0).la(), authorities.get(authorities.size() - 1).la(),
        out, episodeRows, childrenInReturns));
    for (Year y : years) {
      s.append(String.format(Locale.ROOT, "  %s: %,9d episodes, %,8d header rows, %,6d UASC%n",
          y.label(), y.episodeRows(), y.headerRows(), y.uascRows()));
    }
    Authority smallest = authorities.stream().min(java.util.Comparator.comparingLong(Authority::episodeRows)).orElseThrow();
    Authority largest = authorities.stream().max(java.util.Comparator.comparingLong(Authority::episodeRows)).orElseThrow();
    s.append(String.format(Locale.ROOT, "  episode rows per authority: %,d (%s) to %,d (%s)%n",
        smallest.episodeRows(), smallest.la(), largest.episodeRows(), largest.la()));
    return s.toString();
  }

  NationalSummary withOut(String where) {
    return new NationalSummary(synthetic, where, firstYear, lastYear, seed, episodeRows, childrenInReturns, years, authorities);
  }
}
