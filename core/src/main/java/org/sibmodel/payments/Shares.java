package org.sibmodel.payments;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * How the maximum payment per child, P, splits between outcomes (spec/payment-mechanism.md,
 * "Prices"; seed 000, 9.2): stability 0.85 of P, of which the milestone is 0.40 and the daily
 * tariff 0.60; Family Star Plus and My Star 0.025 each; attendance and reading 0.05 each. The
 * shares must be non-negative and sum to exactly 1.
 */
public record Shares(
    BigDecimal stability,
    BigDecimal milestoneFraction,
    BigDecimal familyStar,
    BigDecimal myStar,
    BigDecimal attendance,
    BigDecimal reading)
    implements java.io.Serializable {

  public Shares {
    nonNegative("shares.stability", stability);
    nonNegative("shares.milestone_fraction", milestoneFraction);
    nonNegative("shares.family_star", familyStar);
    nonNegative("shares.my_star", myStar);
    nonNegative("shares.attendance", attendance);
    nonNegative("shares.reading", reading);
    if (milestoneFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "shares.milestone_fraction = " + milestoneFraction.toPlainString() + ": the milestone's part of the stability share must be between 0 and 1");
    }
    BigDecimal sum = stability.add(familyStar).add(myStar).add(attendance).add(reading);
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      throw new IllegalArgumentException(
          "shares: stability " + stability.toPlainString() + " + family_star " + familyStar.toPlainString()
              + " + my_star " + myStar.toPlainString() + " + attendance " + attendance.toPlainString()
              + " + reading " + reading.toPlainString() + " = " + sum.toPlainString() + "; the shares of P must sum to 1");
    }
  }

  private static void nonNegative(String field, BigDecimal value) {
    Objects.requireNonNull(value, () -> field + " is missing");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " = " + value.toPlainString() + ": a share must not be negative");
    }
  }

  /** Share of P paid at the milestone (0.34 by default). */
  public BigDecimal milestone() {
    return stability.multiply(milestoneFraction);
  }

  /** Share of P paid over the tracking days (0.51 by default). */
  public BigDecimal daily() {
    return stability.subtract(milestone());
  }

  public BigDecimal of(SecondaryOutcome outcome) {
    return switch (outcome) {
      case FAMILY_STAR -> familyStar;
      case MY_STAR -> myStar;
      case ATTENDANCE -> attendance;
      case READING -> reading;
    };
  }

  /** The secondary shares by outcome. */
  public Map<SecondaryOutcome, BigDecimal> secondary() {
    return Map.of(SecondaryOutcome.FAMILY_STAR, familyStar, SecondaryOutcome.MY_STAR, myStar,
        SecondaryOutcome.ATTENDANCE, attendance, SecondaryOutcome.READING, reading);
  }
}
