package org.sibmodel.generate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code sib generate} wrote, for the console and {@code summary.json}: the size of each
 * return and the calibration figures measured on the simulated children (not the targets, which
 * are in {@code generator_truth.json}). Deterministic for a seed: no timings.
 *
 * @param out where the run wrote; not in summary.json, so the file depends only on seed and years
 * @param childrenInReturns distinct children in any written return
 * @param childrenSimulated children simulated from the burn-in start, including those who left
 *     care before the first return
 * @param entrantAgeMix share of entries (first entries and re-entries) in the written years by
 *     contract age group at entry (0-4, 5-9, 10-15, 16-17)
 * @param entrantAgeMixByBand the same by the six model age bands
 * @param firstEntrantAgeMixByBand first entries only
 * @param leftWithin12Months by contract age group at entry: of the entries in the written years
 *     with 12 months observed before the last 31 March, the share who left care within 12 months
 * @param reEntryWithin12Months of the returns home (E4A, E4B, E13) before the 17th birthday with
 *     12 months observed, the share back in care within 12 months
 * @param placementMixAtYearEnd share of children looked after at 31 March by placement type (the
 *     2024 FOI survey's categories), pooled over the written years
 * @param placementGroupsAtYearEnd the same by the cost groups of {@link
 *     org.sibmodel.vocabulary.PlacementGroup}
 */
public record GenerateSummary(
    boolean synthetic,
    @JsonIgnore String out,
    int firstYear,
    int lastYear,
    long seed,
    int childrenInReturns,
    int childrenSimulated,
    List<Year> years,
    Map<String, Double> entrantAgeMix,
    Map<String, Double> entrantAgeMixByBand,
    Map<String, Double> firstEntrantAgeMixByBand,
    Map<String, Share> leftWithin12Months,
    Share reEntryWithin12Months,
    Map<String, Double> placementMixAtYearEnd,
    Map<String, Double> placementGroupsAtYearEnd) {

  public GenerateSummary {
    years = List.copyOf(years);
  }

  /**
   * One collection year.
   *
   * @param entries periods of care that started in the year (re-entries included)
   * @param reEntries entries of children who had an earlier period
   * @param leavers periods that ended in the year
   * @param lookedAfterAtYearEnd children in care at the end of 31 March (entered on or before it,
   *     not left on or before it)
   * @param byDistrictAtYearEnd by the district each child was simulated in (the truth)
   * @param byHomePostcodeAtYearEnd by what the bundled lookup makes of the home postcode: a district,
   *     "unmapped" or "missing" (what an ingest job will see)
   */
  public record Year(
      int year,
      String label,
      int headerRows,
      int episodeRows,
      int uascRows,
      int entries,
      int reEntries,
      int leavers,
      int lookedAfterAtYearEnd,
      double ratePerTenThousandAtYearEnd,
      Map<String, DistrictCount> byDistrictAtYearEnd,
      Map<String, Integer> byHomePostcodeAtYearEnd) {}

  /** Children looked after in a district at 31 March and the rate per 10,000 under-18s. */
  public record DistrictCount(int lookedAfter, double ratePerTenThousand, double targetRatePerTenThousand) {}

  /** {@code count} of {@code of} cases, and the share: null when there are no cases to count. */
  public record Share(int of, int count, Double share) {
    public static Share of(int count, int of) {
      return new Share(of, count, of == 0 ? null : (double) count / of);
    }

    String percent() {
      return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
  }

  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "wrote SYNTHETIC SSDA903 returns %d to %d (seed %d) to %s: %d children, no real child%n",
            firstYear, lastYear, seed, out, childrenInReturns));
    for (Year y : years) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %s: %5d episodes, %5d children, %3d UASC; %4d entries; looked after at 31 March %4d (%.1f per 10,000)%n",
              y.label(), y.episodeRows(), y.headerRows(), y.uascRows(), y.entries(), y.lookedAfterAtYearEnd(),
              y.ratePerTenThousandAtYearEnd()));
    }
    s.append("  entrant age mix: ").append(percentages(entrantAgeMix)).append('\n');
    s.append("  left within 12 months:");
    leftWithin12Months.forEach((group, share) -> s.append(' ').append(group).append(' ').append(share.percent()));
    s.append("\n  back in care within 12 months of going home: ").append(reEntryWithin12Months.percent()).append('\n');
    s.append("  placements at 31 March: ").append(percentages(placementMixAtYearEnd)).append('\n');
    return s.toString();
  }

  private static String percentages(Map<String, Double> shares) {
    StringBuilder s = new StringBuilder();
    shares.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", k, 100 * v)));
    return s.toString();
  }
}
