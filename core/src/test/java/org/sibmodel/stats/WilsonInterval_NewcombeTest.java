package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * Known answers from Newcombe's two 1998 papers in <i>Statistics in Medicine</i> (17:857–872, the
 * single proportion, method 3; 17:873–890, the difference, method 10), printed to 4 decimals; and
 * 12-digit figures from {@code known-answers.py}.
 */
class WilsonInterval_NewcombeTest {

  @Test
  void wilsonIntervalsMatchNewcombesExamples() {
    assertArrayEquals(new double[] {0.2553, 0.3662}, WilsonInterval.of(81, 263, 0.95), 0.00005);
    assertArrayEquals(new double[] {0.0624, 0.1605}, WilsonInterval.of(15, 148, 0.95), 0.00005);
    assertArrayEquals(new double[] {0, 0.1611}, WilsonInterval.of(0, 20, 0.95), 0.00005);
    assertArrayEquals(new double[] {0.0061, 0.1718}, WilsonInterval.of(1, 29, 0.95), 0.00005);

    assertArrayEquals(new double[] {0.255288519878, 0.366209576983}, WilsonInterval.of(81, 263, 0.95), 1e-12);
    assertArrayEquals(new double[] {0.062386399531, 0.160487241723}, WilsonInterval.of(15, 148, 0.95), 1e-12);
  }

  @Test
  void theBoundsAreExactAtZeroAndAllSuccessesAndWithNoTrials() {
    assertEquals(0, WilsonInterval.of(0, 20, 0.95)[0]);
    assertEquals(1, WilsonInterval.of(20, 20, 0.95)[1]);
    // Symmetry: the interval for n - s is the mirror image.
    double[] a = WilsonInterval.of(3, 20, 0.9);
    double[] b = WilsonInterval.of(17, 20, 0.9);
    assertEquals(1 - a[1], b[0], 1e-15);
    assertEquals(1 - a[0], b[1], 1e-15);
    assertArrayEquals(new double[] {0, 1}, WilsonInterval.of(0, 0, 0.95));
    // The defining property: the bounds p solve (s/n - p)^2 = z^2 p(1 - p)/n.
    double z = 1.6448536269514722; // 90%
    for (double p : a) {
      assertEquals(Math.pow(3 / 20.0 - p, 2), z * z * p * (1 - p) / 20, 1e-15);
    }
  }

  @Test
  void theDifferenceMatchesNewcombesWorkedExample() {
    WilsonInterval.ProportionDifference d = WilsonInterval.difference(56, 70, 48, 80);
    assertEquals(0.8, d.p1(), 1e-15);
    assertEquals(0.6, d.p2(), 1e-15);
    assertEquals(0.2000, d.difference(), 1e-15);
    assertEquals(0.0524, d.lower(), 0.00005);
    assertEquals(0.3339, d.upper(), 0.00005);
    assertEquals(0.052431472402, d.lower(), 1e-12);
    assertEquals(0.333872654037, d.upper(), 1e-12);
  }

  @Test
  void theZTestIsPearsonsChiSquareForTheTwoByTwoTable() {
    WilsonInterval.ProportionDifference d = WilsonInterval.difference(56, 70, 48, 80);
    // Pearson without continuity correction: N(ad - bc)^2 / (row and column totals) = 7.0235...
    double pearson = 150.0 * Math.pow(56 * 32 - 14 * 48, 2) / (70.0 * 80 * 104 * 46);
    assertEquals(pearson, d.z() * d.z(), 1e-12);
    assertTrue(d.z() > 0);
    double pChi = new ChiSquareTest().chiSquareTest(new long[][] {{56, 14}, {48, 32}});
    assertEquals(pChi, d.pValue(), 1e-12);
  }

  @Test
  void degenerateComparisonsGiveNumbersNotNaN() {
    WilsonInterval.ProportionDifference none = WilsonInterval.difference(0, 10, 0, 30);
    assertEquals(0, none.difference());
    assertEquals(0, none.z());
    assertEquals(1, none.pValue());
    assertTrue(none.lower() < 0 && none.upper() > 0);
    WilsonInterval.ProportionDifference all = WilsonInterval.difference(1, 1, 1, 1);
    assertEquals(1, all.pValue());
    WilsonInterval.ProportionDifference extreme = WilsonInterval.difference(50, 50, 0, 50);
    assertEquals(1, extreme.difference());
    assertEquals(1, extreme.upper(), 1e-15);
    assertTrue(extreme.lower() > 0.8 && extreme.pValue() < 1e-20);
  }

  @Test
  void badCountsAreRejectedWithTheirNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(5, 4, 0.95));
    assertEquals("successes = 5, trials = 4: successes must be between 0 and the number of trials", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 4, 0.95));
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 4, 1.0));
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 4, 95));
    IllegalArgumentException noTrials = assertThrows(IllegalArgumentException.class,
        () -> WilsonInterval.difference(0, 0, 1, 2));
    assertEquals("n1 = 0, n2 = 2: each proportion needs at least one trial", noTrials.getMessage());
  }
}
