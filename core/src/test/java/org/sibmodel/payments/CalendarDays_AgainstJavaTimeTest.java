package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The allocation-free calendar agrees with java.time on every day from 1990 to 2100. */
class CalendarDays_AgainstJavaTimeTest {

  @Test
  void everyDayAgrees() {
    for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2100, 1, 1)); d = d.plusDays(1)) {
      int day = CalendarDays.epochDay(d);
      assertEquals(d.toEpochDay(), day);
      assertEquals(d.toEpochDay(), CalendarDays.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
      int month = CalendarDays.monthOf(day);
      assertEquals(d.getYear() * 12 + d.getMonthValue() - 1, month, d.toString());
      for (int months : new int[] {1, 6, 12, 84}) {
        assertEquals(d.plusMonths(months).toEpochDay(), CalendarDays.plusMonths(day, months), d + " + " + months);
      }
    }
  }

  @Test
  void monthsStartOnTheFirst() {
    for (YearMonth m = YearMonth.of(1999, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
      int number = m.getYear() * 12 + m.getMonthValue() - 1;
      assertEquals(m.atDay(1).toEpochDay(), CalendarDays.monthStart(number));
      assertEquals(m.getYear() * 100 + m.getMonthValue(), CalendarDays.yyyymm(number));
      assertEquals(number, CalendarDays.fromYyyymm(CalendarDays.yyyymm(number)));
    }
  }

  @Test
  void financialYearsRunAprilToMarch() {
    assertEquals(2019, CalendarDays.financialYearOf(CalendarDays.fromYyyymm(202003)));
    assertEquals(2020, CalendarDays.financialYearOf(CalendarDays.fromYyyymm(202004)));
    assertEquals("2019-20", CalendarDays.financialYearLabel(2019));
    assertEquals("2099-00", CalendarDays.financialYearLabel(2099));
  }
}
