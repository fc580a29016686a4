package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The table of whole months gives exactly the bits the formula gives (the kernel's outputs must not
 * change by a bit when a cost is looked up instead of worked out), and part months are worked out.
 */
class CareCosts_WholeMonthTableTest {
  /** Uneven shares, costs and growth, so that a different order of operations would show in the last bits. */
  private static final double[][] MIX = {
      {0.1, 0.2, 0.3, 0.4}, {0.37, 0.29, 0.13, 0.21}, {0.4, 0.3, 0.1, 0.2}, {1.0 / 3, 1.0 / 7, 0.11, 1 - 1.0 / 3 - 1.0 / 7 - 0.11}};
  private static final double[] WEEKLY = {411.37, 829.03, 3911.7, 587.13};

  private static Calendar calendar() {
    return Calendar.of(ScenarioFile.defaults());
  }

  @Test
  void wholeMonthsAreTheFormulaToTheBit() {
    Calendar calendar = calendar();
    double[] growth = calendar.growth(0.031, 2021);
    CareCosts costs = new CareCosts(MIX, WEEKLY, growth, calendar);
    for (int b = 0; b < MIX.length; b++) {
      for (int m = 0; m < calendar.months(); m++) {
        int days = calendar.monthLength(m);
        for (int g = 0; g < WEEKLY.length; g++) {
          // The kernel's formula as it was written before the table: left to right.
          double expected = days * MIX[b][g] * WEEKLY[g] / 7.0 * growth[m];
          assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(costs.of(b, m, g, days)),
              "band " + b + ", month " + m + ", group " + g);
        }
      }
    }
  }

  @Test
  void partMonthsAreWorkedOut() {
    Calendar calendar = calendar();
    double[] growth = calendar.growth(0.03, 2021);
    CareCosts costs = new CareCosts(MIX, WEEKLY, growth, calendar);
    int m = 7;
    for (int days = 1; days < calendar.monthLength(m); days++) {
      for (int g = 0; g < WEEKLY.length; g++) {
        double expected = days * MIX[2][g] * WEEKLY[g] / 7.0 * growth[m];
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(costs.of(2, m, g, days)), days + " days, group " + g);
      }
    }
  }
}
