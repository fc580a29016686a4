package org.sibmodel.payments;

/** What a payment line pays for. */
public enum PaymentKind {
  MILESTONE,
  DAILY,
  FAMILY_STAR,
  MY_STAR,
  ATTENDANCE,
  READING;

  static PaymentKind of(SecondaryOutcome outcome) {
    return switch (outcome) {
      case FAMILY_STAR -> FAMILY_STAR;
      case MY_STAR -> MY_STAR;
      case ATTENDANCE -> ATTENDANCE;
      case READING -> READING;
    };
  }

  /** Whether this is one of the secondary outcomes. */
  public boolean secondary() {
    return this != MILESTONE && this != DAILY;
  }
}
