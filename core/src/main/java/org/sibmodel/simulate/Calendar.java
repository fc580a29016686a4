package org.sibmodel.simulate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sibmodel.payments.CalendarDays;
import org.sibmodel.payments.ContractTerms;

/**
 * The months and financial years a scenario's accounts run over: from the contract's first month
 * to the last month anything is paid (the contract, plus the payment lag) or saved (a savings
 * horizon may run past the contract's end). Month indexes count from the contract's first month.
 */
final class Calendar implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int firstMonth;
  private final int[] monthStart;
  private final int[] yearOfMonth;
  private final List<String> years;
  private final int firstYear;
  private final int contractMonths;

  private Calendar(int firstMonth, int months, int contractMonths) {
    this.firstMonth = firstMonth;
    this.contractMonths = contractMonths;
    this.monthStart = new int[months + 1];
    this.yearOfMonth = new int[months];
    this.years = new ArrayList<>();
    this.firstYear = CalendarDays.financialYearOf(firstMonth);
    for (int m = 0; m <= months; m++) {
      monthStart[m] = CalendarDays.monthStart(firstMonth + m);
      if (m < months) {
        int fy = CalendarDays.financialYearOf(firstMonth + m);
        yearOfMonth[m] = fy - firstYear;
        if (yearOfMonth[m] == years.size()) {
          years.add(CalendarDays.financialYearLabel(fy));
        }
      }
    }
  }

  /** The calendar of a scenario's contract and savings horizon. */
  static Calendar of(Scenario scenario) {
    ContractTerms terms = scenario.contract();
    int contractStart = CalendarDays.epochDay(terms.contractStart());
    int contractEnd = CalendarDays.epochDay(terms.contractEnd());
    int first = CalendarDays.monthOf(contractStart);
    int contractMonths = CalendarDays.monthOf(contractEnd - 1) - first + 1;
    int months = contractMonths + terms.paymentLagMonths();
    Scenario.SavingsHorizon horizon = scenario.costs().savingsHorizon();
    if (horizon.kind() == Scenario.SavingsHorizon.Kind.MONTHS) {
      // The last child is referred in the last referral month and starts some weeks later; its savings run the
      // horizon's months on from its start (a year's margin; later days are not counted, see Kernel).
      months = Math.max(months, terms.referralMonths() + horizon.months() + 12);
    }
    return new Calendar(first, months, contractMonths);
  }

  int months() {
    return yearOfMonth.length;
  }

  /** Epoch day of the first day of month index {@code m} (m may be {@link #months()}, the day after the last). */
  int monthStart(int m) {
    return monthStart[m];
  }

  /** Days in month index {@code m}. */
  int monthLength(int m) {
    return monthStart[m + 1] - monthStart[m];
  }

  /** The month index of an epoch day. */
  int monthIndex(int epochDay) {
    return CalendarDays.monthOf(epochDay) - firstMonth;
  }

  /** The month number ({@link CalendarDays}) of month index {@code m}. */
  int monthNumber(int m) {
    return firstMonth + m;
  }

  /** The financial year index (0 = the contract's first) of month index {@code m}. */
  int yearIndex(int m) {
    return yearOfMonth[m];
  }

  /** The financial year (the calendar year it starts in) of financial year index {@code y}. */
  int financialYear(int y) {
    return firstYear + y;
  }

  List<String> years() {
    return List.copyOf(years);
  }

  /** Months of the contract term (referral and outcome months); later months are after the term. */
  int contractMonths() {
    return contractMonths;
  }

  /** The contract year (0 = the first twelve months) of month index {@code m}. */
  int contractYear(int m) {
    return m / 12;
  }

  /**
   * For each month, {@code (1 + rate)} raised to the years from the middle of financial year
   * {@code priceYear} (1 October) to the month's start: what a price of that year costs then.
   */
  double[] growth(double rate, int priceYear) {
    double[] factor = new double[months()];
    for (int m = 0; m < factor.length; m++) {
      factor[m] = Math.pow(1 + rate, (firstMonth + m) / 12.0 - (priceYear + 0.75));
    }
    return factor;
  }
}
