package org.sibmodel.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held as whole pence in a {@code long}; pounds appear only at the edges. */
public final class Money {
  private Money() {}

  /** Pounds with at most two decimal places, to pence; more places are an error, not rounded away. */
  public static long pence(BigDecimal pounds) {
    try {
      return pounds.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(pounds.toPlainString() + " is not a sum of money in pounds and pence", e);
    }
  }

  /** Pence as pounds with two decimal places. */
  public static BigDecimal pounds(long pence) {
    return BigDecimal.valueOf(pence, 2);
  }

  /** {@code amount x share}, rounded half up to the penny. */
  public static long share(long pence, BigDecimal share) {
    return BigDecimal.valueOf(pence).multiply(share).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** "£1,234.56" for messages. */
  public static String format(long pence) {
    return String.format("£%,.2f", pounds(pence));
  }
}
