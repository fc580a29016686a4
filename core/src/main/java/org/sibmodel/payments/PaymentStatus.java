package org.sibmodel.payments;

/** How a child's stability payments ended (spec/payment-mechanism.md, "Stability rules"). */
public enum PaymentStatus {
  /** Tracked to the end without failing or stopping. */
  COMPLETED,
  /** A care spell started before the 6-month milestone: no stability payment at all. */
  FAILED_BEFORE_MILESTONE,
  /** A spell longer than 8 weeks, or with no exit, started in tracking: payments stop at its entry. */
  STOPPED_LONG_SPELL,
  /** A third entry to care in tracking: payments stop at its entry (seed 000 9.2.1). */
  FAILED_REPEAT_ENTRY,
  /**
   * Assessed at an as-of date before the outcome is known: tracking not finished, or a spell
   * open at that date not yet longer than 8 weeks (payment paused, pending its length).
   */
  IN_PROGRESS,
  /**
   * A spell in tracking ended other than by a return to the family home (adoption, special
   * guardianship, a residence order, independent living): payments stop at its entry, as they
   * restart only when the child "returns to their family home" (seed 000 9.2.1).
   */
  STOPPED_NOT_HOME
}
