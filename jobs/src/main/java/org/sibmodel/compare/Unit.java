package org.sibmodel.compare;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One care period (an entry to care) with what the comparisons measure of it.
 *
 * @param followed12 the period ended with a return home at least 12 months before the data's end
 * @param reentered12 ...and the child was back in care within 12 months
 * @param followed24 the period began at least 24 months before the data's end
 * @param daysInCare24 the child's days in care in the 24 months from the period's start (all periods)
 * @param referral whether the entry is a referred child's, on or after the referral
 */
record Unit(
    String id, String childKey, String district, String ageBand, String legalStatus, String categoryOfNeed, boolean reentry,
    LocalDate start, int durationDays, boolean ended, boolean returnedHome, boolean followed12, boolean reentered12,
    boolean followed24, int daysInCare24, int priorPeriods, Referral referral)
    implements Serializable {

  /** An entry's place in the referral list. */
  enum Referral {
    /** The child is not on the referral list. */
    NOT_REFERRED,
    /** The child is on the list, but this entry began before the referral: in neither referred nor not referred. */
    BEFORE_REFERRAL,
    /** The child is on the list and this entry began on or after the referral (or the list gives no date). */
    REFERRED
  }

  Unit withReferral(Referral r) {
    return new Unit(id, childKey, district, ageBand, legalStatus, categoryOfNeed, reentry, start, durationDays, ended, returnedHome,
        followed12, reentered12, followed24, daysInCare24, priorPeriods, r);
  }
}
