package org.sibmodel.payments;

/**
 * Receives what the engine works out for a child, as it goes: the same engine fills a list of
 * lines for an invoice check and a month-by-month ledger for a simulation, without allocating.
 */
public interface PaymentSink {
  /** An amount earned and payable in {@code paymentMonth}. */
  void paid(PaymentKind kind, int earnedDay, int paymentMonth, long pence);

  /** An amount that would have been earned on or after the contract end: not payable. */
  default void truncated(PaymentKind kind, int earnedDay, long pence) {}

  /** A sink that keeps nothing. */
  PaymentSink NONE = (kind, earnedDay, paymentMonth, pence) -> {};
}
