package org.sibmodel.simulate;

/**
 * What care costs in one iteration, pounds in cash: days in a month of the accounts, at an age
 * band's placement mix, the iteration's weekly cost of a placement group and the growth of costs
 * from the price year to that month.
 *
 * <p>Every child's every spell is costed month by month, and most of those months are whole: the
 * cost of a whole month is the same for every child in the same band, so it is worked out once an
 * iteration, by the same formula (and so to the same bits) as a part month.
 */
final class CareCosts {
  private final double[][] mix;
  private final double[] weekly;
  private final double[] growth;
  private final Calendar calendar;
  private final int groups;
  /** For each age band, the cost of each whole month by placement group, at [m x groups + g]. */
  private final double[][] wholeMonths;

  /**
   * @param mix placement mix by age band (ordinal) and placement group (ordinal), shares
   * @param weekly the iteration's weekly cost of each placement group, pounds at the price year
   * @param growth each month's growth of placement costs from the price year ({@link Calendar#growth})
   */
  CareCosts(double[][] mix, double[] weekly, double[] growth, Calendar calendar) {
    this.mix = mix;
    this.weekly = weekly;
    this.growth = growth;
    this.calendar = calendar;
    this.groups = weekly.length;
    this.wholeMonths = new double[mix.length][calendar.months() * groups];
    for (int b = 0; b < mix.length; b++) {
      for (int m = 0; m < calendar.months(); m++) {
        for (int g = 0; g < groups; g++) {
          wholeMonths[b][m * groups + g] = cost(b, m, g, calendar.monthLength(m));
        }
      }
    }
  }

  /** Pounds of {@code days} days in month {@code m} (no more than the month has) in band {@code b} and group {@code g}. */
  double of(int b, int m, int g, int days) {
    return days == calendar.monthLength(m) ? wholeMonths[b][m * groups + g] : cost(b, m, g, days);
  }

  /** The cost of every whole month in band {@code b}, month by month and group by group: [m x groups + g]. */
  double[] wholeMonths(int b) {
    return wholeMonths[b];
  }

  /** The formula itself; the order of its operations fixes the bits of every saving reported. */
  double cost(int b, int m, int g, int days) {
    return days * mix[b][g] * weekly[g] / 7.0 * growth[m];
  }
}
