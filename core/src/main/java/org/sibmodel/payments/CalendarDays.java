package org.sibmodel.payments;

import java.time.LocalDate;

/**
 * Calendar arithmetic on epoch days (days since 1970-01-01) and month numbers, without
 * allocating: the engine assesses millions of simulated children and must not create a LocalDate
 * per child-month. A month number is {@code year * 12 + (month - 1)}.
 *
 * <p>The conversions are the proleptic Gregorian "days from civil" algorithms (H. Hinnant,
 * chrono-compatible low-level date algorithms), checked against java.time in the tests.
 */
public final class CalendarDays {
  /** First days of the months of 1900 to 2199, looked up rather than computed on hot paths. */
  private static final int FIRST_TABLED_MONTH = 1900 * 12;
  private static final int[] MONTH_STARTS = new int[300 * 12 + 1];

  static {
    for (int i = 0; i < MONTH_STARTS.length; i++) {
      int m = FIRST_TABLED_MONTH + i;
      MONTH_STARTS[i] = epochDay(Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1, 1);
    }
  }

  private CalendarDays() {}

  /** The epoch day of a calendar date. */
  public static int epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  public static int epochDay(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  /** The month number ({@code year * 12 + month - 1}) of an epoch day. */
  public static int monthOf(int epochDay) {
    int z = epochDay + 719468;
    int era = Math.floorDiv(z, 146097);
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return year * 12 + month - 1;
  }

  /** The first day of a month number, as an epoch day. */
  public static int monthStart(int monthNumber) {
    int i = monthNumber - FIRST_TABLED_MONTH;
    if (i >= 0 && i < MONTH_STARTS.length) {
      return MONTH_STARTS[i];
    }
    return epochDay(Math.floorDiv(monthNumber, 12), Math.floorMod(monthNumber, 12) + 1, 1);
  }

  /**
   * The same day of the month {@code months} later, clamped to the month's last day, as
   * {@link LocalDate#plusMonths} does (31 August + 6 months = 28 or 29 February).
   */
  public static int plusMonths(int epochDay, int months) {
    int month = monthOf(epochDay);
    int dayOfMonth = epochDay - monthStart(month);
    int target = month + months;
    int targetStart = monthStart(target);
    int length = monthStart(target + 1) - targetStart;
    return targetStart + Math.min(dayOfMonth, length - 1);
  }

  /** yyyymm of a month number, as reports show months (202008). */
  public static int yyyymm(int monthNumber) {
    return Math.floorDiv(monthNumber, 12) * 100 + Math.floorMod(monthNumber, 12) + 1;
  }

  /** The month number of a yyyymm value. */
  public static int fromYyyymm(int yyyymm) {
    return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
  }

  /** The year in which the council's financial year (1 April to 31 March) of a month starts. */
  public static int financialYearOf(int monthNumber) {
    int year = Math.floorDiv(monthNumber, 12);
    return Math.floorMod(monthNumber, 12) >= 3 ? year : year - 1;
  }

  /** "2020-21" for the financial year starting in April 2020. */
  public static String financialYearLabel(int startYear) {
    return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
  }
}
