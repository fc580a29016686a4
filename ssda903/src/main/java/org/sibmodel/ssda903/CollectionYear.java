package org.sibmodel.ssda903;

import java.time.LocalDate;

/**
 * An SSDA903 collection year, named by the year in which it ends: collection year 2019 runs from
 * 1 April 2018 to 31 March 2019 (the DfE "2018 to 2019" return).
 */
public final class CollectionYear {
  private CollectionYear() {}

  public static LocalDate start(int year) {
    return LocalDate.of(year - 1, 4, 1);
  }

  public static LocalDate end(int year) {
    return LocalDate.of(year, 3, 31);
  }

  /** The collection year a date falls in. */
  public static int of(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear();
  }

  /** "2018-19" for 2019. */
  public static String label(int year) {
    return (year - 1) + "-" + String.format("%02d", year % 100);
  }
}
