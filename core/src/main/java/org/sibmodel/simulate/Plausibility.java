package org.sibmodel.simulate;

import java.util.Locale;

/**
 * Whether the children a scenario refers are plausible against the care data: the entries to care
 * that its diversion referrals would make within a year without the service, a year of referrals,
 * as a share of all the calibrated entries at ages 5 to 15 in the same districts. A service that
 * must see a large share of every entry to care, before it happens, is unlikely to be referred
 * them; above {@code threshold} the check says so.
 *
 * @param cohortEntriesPerYear entries to care a year the engaged diversion referrals would make without the service
 * @param calibratedEntriesPerYear calibrated entries a year at ages 5 to 15 in the scenario's districts (null: not known)
 * @param share the first over the second (null: not known)
 * @param threshold the largest plausible share ({@code referrals.plausible_share_of_entries})
 */
public record Plausibility(double cohortEntriesPerYear, Double calibratedEntriesPerYear, Double share, double threshold) {

  /** The check of a simulated scenario, from the mean number of its diverted children entering care within a year without it. */
  public static Plausibility of(Scenario scenario, Double calibratedEntriesPerYear, double meanEnteredWithoutPerRun) {
    double years = scenario.contract().referralMonths() / 12.0;
    double cohort = meanEnteredWithoutPerRun / years;
    Double share = calibratedEntriesPerYear == null || calibratedEntriesPerYear <= 0 ? null : cohort / calibratedEntriesPerYear;
    return new Plausibility(cohort, calibratedEntriesPerYear, share, scenario.referrals().plausibleShareOfEntries());
  }

  /** The share is known and above the threshold. */
  public boolean implausible() {
    return share != null && share > threshold;
  }

  /** One sentence for people. */
  public String message() {
    if (share == null) {
      return String.format(Locale.ROOT, "Plausibility of the referrals not checked: the parameter set has no entry rates for the"
          + " scenario's districts at ages 5 to 15 (the referrals would make about %,.0f entries to care a year without the service).",
          cohortEntriesPerYear);
    }
    return String.format(Locale.ROOT, "The diversion referrals would make about %,.0f entries to care a year without the service:"
            + " %.0f%% of the %,.0f calibrated entries a year at ages 5 to 15 in the same districts%s",
        cohortEntriesPerYear, 100 * share, calibratedEntriesPerYear, implausible()
            ? String.format(Locale.ROOT, ", above the %.0f%% a service can plausibly see before care: check the referral volumes and"
                + " the counterfactual entry chance.", 100 * threshold)
            : String.format(Locale.ROOT, " (within the %.0f%% a service can plausibly see).", 100 * threshold));
  }
}
