package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/** The Mann-Whitney test with ties, as days in care have them. */
class Statistics_MannWhitneyTest {
  @Test
  void tiesShrinkTheVariance() {
    // By hand: U = pairs where a > b plus half the ties = 22; tie groups 2 (x3), 3 (x3), 730 (x5)
    // give sum(t^3 - t) = 24 + 24 + 120; z = (22 - 31.5) / sqrt(7 * 9 / 12 * (17 - 168 / 240)).
    double[] a = {1, 2, 2, 3, 5, 730, 730};
    double[] b = {2, 3, 3, 4, 6, 7, 730, 730, 730};
    double[] mw = Statistics.mannWhitney(a, b);
    assertEquals(22.0, mw[0]);
    assertEquals(0.30444305972371294, mw[1], 1e-12);
  }

  @Test
  void withoutTiesItAgreesWithCommonsMath() {
    double[] a = {12, 15, 18, 21, 40, 41, 55};
    double[] b = {3, 9, 11, 14, 16, 19, 23, 30};
    double[] mw = Statistics.mannWhitney(a, b);
    MannWhitneyUTest reference = new MannWhitneyUTest();
    assertEquals(reference.mannWhitneyUTest(a, b), mw[1], 1e-12);
    assertEquals(Math.max(mw[0], a.length * b.length - mw[0]), reference.mannWhitneyU(a, b), 1e-12);
  }

  @Test
  void identicalSamplesGiveNoEvidence() {
    double[] mw = Statistics.mannWhitney(new double[] {730, 730, 730}, new double[] {730, 730});
    assertEquals(3.0, mw[0]);
    assertEquals(1.0, mw[1]);
  }
}
