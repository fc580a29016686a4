package org.sibmodel.generate;

import java.util.Map;
import org.sibmodel.vocabulary.AgeBand;

/**
 * Expected time in care and expected re-entries per first entry to care, computed numerically
 * (deterministic, no sampling) on an age grid of half-months from birth to the 18th birthday.
 *
 * <p>A period starting at grid age k lasts a Weibull time of its age band, cut at 18. Each exit
 * before 18 is a return home with the exit rules' probability for that age and duration; a return
 * home is followed by a re-entry with the cure model's gap distribution, which starts a new period
 * at an older age. Entries are processed in age order, so the renewal equation is solved forwards
 * in one pass: O(n^2) for n = 432 grid steps. Within a step, a period that starts there is counted
 * for half the step; elsewhere survival is taken at the step's midpoint.
 *
 * <p>With a constant (stationary) Poisson rate of first entries, Little's law gives the expected
 * number in care at any date, 31 March included: rate x expected years in care per first entry.
 */
final class ExpectedStay {
  static final int STEPS_PER_YEAR = 24;
  static final int STEPS = 18 * STEPS_PER_YEAR;
  private static final double STEP_DAYS = Weibull.YEAR_DAYS / STEPS_PER_YEAR;

  /**
   * Per first entry in one age band (age uniform within the band).
   *
   * @param yearsInCare expected years in care over all periods until the 18th birthday
   * @param entriesByBand expected entries (this one and any re-entries) by age band at entry
   */
  record PerFirstEntry(double yearsInCare, double[] entriesByBand) {
    PerFirstEntry mix(PerFirstEntry other, double otherShare) {
      double[] entries = new double[entriesByBand.length];
      for (int b = 0; b < entries.length; b++) {
        entries[b] = (1 - otherShare) * entriesByBand[b] + otherShare * other.entriesByBand[b];
      }
      return new PerFirstEntry((1 - otherShare) * yearsInCare + otherShare * other.yearsInCare, entries);
    }
  }

  private ExpectedStay() {}

  /**
   * Expected stay of a first entrant of this band.
   *
   * @param reEnter whether children who go home may re-enter (false for unaccompanied children)
   */
  static PerFirstEntry of(
      AgeBand firstBand,
      Map<String, Weibull> durations,
      SyntheticCountyModel.Exits exits,
      SyntheticCountyModel.ReEntry reEntry,
      boolean reEnter) {
    AgeBand[] bands = AgeBand.values();
    // survival[b][j]: the Weibull survival of band b at j half-steps.
    double[][] survival = new double[bands.length][2 * STEPS + 2];
    for (AgeBand band : bands) {
      Weibull w = durations.get(band.label());
      for (int j = 0; j < survival[band.ordinal()].length; j++) {
        survival[band.ordinal()][j] = w.survival(j * STEP_DAYS / 2);
      }
    }
    int[] bandOfStep = new int[STEPS];
    for (int k = 0; k < STEPS; k++) {
      bandOfStep[k] = AgeBand.ofAge(k / STEPS_PER_YEAR).ordinal();
    }
    // returnHome[a][l]: P(return home) for an exit at age a (years) after l steps in care.
    double[][] returnHome = new double[18][STEPS];
    for (int a = 0; a < 18; a++) {
      for (int l = 0; l < STEPS; l++) {
        returnHome[a][l] = exits.returnHomeShare(a, Math.round(Math.max(l, 0.25) * STEP_DAYS));
      }
    }
    double[] gap = gapDistribution(reEntry);

    double[] entries = new double[STEPS];
    int first = firstBand.low() * STEPS_PER_YEAR;
    int last = (firstBand.high() + 1) * STEPS_PER_YEAR;
    for (int k = first; k < last; k++) {
      entries[k] = 1.0 / (last - first);
    }
    double[] returnsHome = new double[STEPS];
    double[] entriesByBand = new double[bands.length];
    double stepsInCare = 0;
    for (int k = 0; k < STEPS; k++) {
      if (reEnter) {
        for (int e = 0; e < k; e++) {
          entries[k] += returnsHome[e] * gap[k - e];
        }
      }
      if (entries[k] == 0) {
        continue;
      }
      entriesByBand[bandOfStep[k]] += entries[k];
      double[] s = survival[bandOfStep[k]];
      // The first half-step, [0, h/2], at its midpoint h/4.
      stepsInCare += entries[k] * 0.5 * durations.get(bands[bandOfStep[k]].label()).survival(0.25 * STEP_DAYS);
      double survivedBefore = 1;
      for (int m = k; m < STEPS; m++) {
        int l = m - k;
        if (l > 0) {
          stepsInCare += entries[k] * s[2 * l];
        }
        double survivedAfter = s[2 * l + 1];
        returnsHome[m] += entries[k] * (survivedBefore - survivedAfter) * returnHome[m / STEPS_PER_YEAR][l];
        survivedBefore = survivedAfter;
      }
      // Whoever is still in care at 18 leaves then, and cannot come back.
    }
    return new PerFirstEntry(stepsInCare / STEPS_PER_YEAR, entriesByBand);
  }

  /** P(re-entry l grid steps after going home), with the first half-step's mass moved to l = 1. */
  private static double[] gapDistribution(SyntheticCountyModel.ReEntry reEntry) {
    double perStep = reEntry.ratePerYear() / STEPS_PER_YEAR;
    double[] gap = new double[STEPS];
    for (int l = 1; l < STEPS; l++) {
      gap[l] = reEntry.everShare() * (Math.exp(-perStep * (l - 0.5)) - Math.exp(-perStep * (l + 0.5)));
    }
    gap[1] += reEntry.everShare() * (1 - Math.exp(-perStep * 0.5));
    return gap;
  }
}
