package org.sibmodel.payments;

import java.util.HashMap;
import java.util.Map;

/**
 * The contract's optional caps on outcome payments, total and per financial year (spec: "applied
 * in payment-date order; what the cap removes is reported"). Feed it the lines in payment order;
 * it says how much of each is paid. A line that crosses a cap is paid in part.
 */
public final class CapAllocator {
  private static final long NONE = Long.MAX_VALUE;
  private final long totalCap;
  private final long yearCap;
  private long paidTotal;
  private long removed;
  private final Map<Integer, Long> paidByYear = new HashMap<>();
  private int lastMonth = Integer.MIN_VALUE;

  /** Caps in pence; null for none. */
  public CapAllocator(Long totalCapPence, Long financialYearCapPence) {
    this.totalCap = totalCapPence == null ? NONE : totalCapPence;
    this.yearCap = financialYearCapPence == null ? NONE : financialYearCapPence;
  }

  /** The caps of a contract's terms. */
  public static CapAllocator of(ContractTerms terms) {
    return new CapAllocator(
        terms.totalCap() == null ? null : Money.pence(terms.totalCap()),
        terms.financialYearCap() == null ? null : Money.pence(terms.financialYearCap()));
  }

  public boolean capped() {
    return totalCap != NONE || yearCap != NONE;
  }

  /**
   * The part of an amount due in {@code paymentMonth} that the caps let through.
   *
   * @throws IllegalStateException if lines come out of payment order
   */
  public long pay(int paymentMonth, long pence) {
    if (paymentMonth < lastMonth) {
      throw new IllegalStateException("lines must come in payment order: month " + CalendarDays.yyyymm(paymentMonth)
          + " after " + CalendarDays.yyyymm(lastMonth));
    }
    lastMonth = paymentMonth;
    int year = CalendarDays.financialYearOf(paymentMonth);
    long inYear = paidByYear.getOrDefault(year, 0L);
    long room = Math.min(totalCap - paidTotal, yearCap - inYear);
    long paid = Math.max(0, Math.min(pence, room));
    paidTotal += paid;
    paidByYear.put(year, inYear + paid);
    removed += pence - paid;
    return paid;
  }

  /** Everything the caps have removed so far, in pence. */
  public long removed() {
    return removed;
  }

  /** Everything paid so far, in pence. */
  public long paid() {
    return paidTotal;
  }
}
