package org.sibmodel.payments;

import java.io.Serializable;

/** One rule a monitoring row broke (a row of {@code payment_rejects}). */
public record PaymentReject(
    String sourceFile, long line, String dataset, String childId, String field, String value, Rule rule, String message)
    implements Serializable {

  /** The rules; names as in the payment_rejects schema. */
  public enum Rule {
    MALFORMED_ROW,
    MISSING_VALUE,
    BAD_DATE,
    BAD_VALUE,
    DUPLICATE_CHILD,
    UNKNOWN_CHILD,
    EXIT_BEFORE_ENTRY,
    OVERLAPPING_SPELL,
    SPELL_BEFORE_DAY0,
    CHILD_HAS_REJECTED_SPELLS,
    CHILD_REJECTED
  }
}
