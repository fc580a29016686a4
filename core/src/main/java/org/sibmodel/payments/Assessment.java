package org.sibmodel.payments;

/**
 * What one child earns, in pence.
 *
 * @param status how stability payments ended
 * @param payableDays tracking days paid: at home, before any stop, before the contract end and
 *     (with an as-of date) not after it
 * @param milestone milestone payment paid
 * @param daily daily tariff paid
 * @param secondary secondary outcome payments paid
 * @param truncated amounts that would have been earned on or after the contract end
 */
public record Assessment(PaymentStatus status, int payableDays, long milestone, long daily, long secondary, long truncated)
    implements java.io.Serializable {

  /** Everything paid for the child. */
  public long total() {
    return milestone + daily + secondary;
  }
}
