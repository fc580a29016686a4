package org.sibmodel.payments;

import java.time.LocalDate;

/**
 * One amount earned by one child.
 *
 * @param kind what it pays for
 * @param earnedDay epoch day it was earned (for a month's daily line, its last payable day)
 * @param paymentMonth month number ({@link CalendarDays}) in which it is paid
 * @param pence the amount
 */
public record PaymentLine(PaymentKind kind, int earnedDay, int paymentMonth, long pence) implements java.io.Serializable {

  public LocalDate earned() {
    return CalendarDays.date(earnedDay);
  }

  /** yyyymm of the payment month. */
  public int paymentYyyymm() {
    return CalendarDays.yyyymm(paymentMonth);
  }
}
