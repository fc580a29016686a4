package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Restricted means, medians and edge cases on samples small enough to work by hand (worked in the comments). */
class KaplanMeier_SmallSamplesTest {

  private static KaplanMeier fit(String sample) {
    TestSamples s = TestSamples.parse(sample);
    return KaplanMeier.fit(s.times(), s.events());
  }

  @Test
  void restrictedMeanAndItsErrorOnACensoredSample() {
    // 1, 2+, 3, 4: S = 1 on [0,1), 3/4 on [1,3), 3/8 on [3,4), 0 from 4.
    KaplanMeier km = fit("1 2+ 3 4");
    assertEquals(1 + 2 * 0.75 + 0.375, km.restrictedMean(5), 1e-15); // 2.875
    assertEquals(1 + 2 * 0.75 + 0.5 * 0.375, km.restrictedMean(3.5), 1e-15); // 2.6875
    assertEquals(0.5, km.restrictedMean(0.5), 1e-15);
    assertEquals(0, km.restrictedMean(0));
    // The variance of Klein & Moeschberger (2003), section 4.5, at tau = 3.5:
    //   t=1: A = 2(3/4) + 0.5(3/8) = 1.6875, d/(n(n-d)) = 1/(4*3): 1.6875^2/12 = 0.2373046875
    //   t=3: A = 0.5(3/8) = 0.1875,          d/(n(n-d)) = 1/(2*1): 0.1875^2/2  = 0.017578125
    assertEquals(Math.sqrt(0.2373046875 + 0.017578125), km.restrictedMeanStdError(3.5), 1e-15);
    // At tau = 5 the step at 4 (n = d = 1) adds nothing: A = 0 after it.
    double a1 = 2 * 0.75 + 0.375;
    double a3 = 0.375;
    assertEquals(Math.sqrt(a1 * a1 / 12 + a3 * a3 / 2), km.restrictedMeanStdError(5), 1e-15);
    assertEquals(3, km.median().getAsDouble());
  }

  @Test
  void withoutCensoringTheRestrictedMeanIsTheSampleMeanAndItsErrorSigmaOverRootN() {
    // For tau >= the largest time, the area under the empirical survival function is the sample
    // mean, and the variance of Klein & Moeschberger (2003), section 4.5, reduces to the variance with divisor n, over n.
    SplittableRandom rng = new SplittableRandom(7);
    int n = 57;
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = rng.nextInt(400); // whole days, with ties and zeros
      e[i] = true;
      sum += t[i];
    }
    double mean = sum / n;
    double ss = 0;
    for (double x : t) {
      ss += (x - mean) * (x - mean);
    }
    KaplanMeier km = KaplanMeier.fit(t, e);
    assertEquals(mean, km.restrictedMean(500), 1e-9);
    assertEquals(Math.sqrt(ss / n / n), km.restrictedMeanStdError(500), 1e-9);
  }

  @Test
  void theMedianIsTheFirstTimeSReachesOneHalfEvenWhenRoundingMissesItByAnUlp() {
    // S(2) = 3/4 * 2/3 = 1/2 exactly; this gives 2 (R's survfit gives the midpoint 2.5).
    KaplanMeier km = fit("1 2 3 4");
    assertEquals(2, km.median().getAsDouble());
    // 24 events at 1..24 days: S(12) = 23/24 * 22/23 * ... * 12/13 = 1/2, which the product of
    // doubles rounds to 0.5000000000000001.
    double[] t = new double[24];
    boolean[] e = new boolean[24];
    for (int i = 0; i < 24; i++) {
      t[i] = i + 1;
      e[i] = true;
    }
    KaplanMeier km24 = KaplanMeier.fit(t, e);
    assertTrue(km24.survival(12) > 0.5, "the rounding this test is about");
    assertEquals(12, km24.median().getAsDouble());
    assertEquals(6, km24.quantile(0.25).getAsDouble());
    assertThrows(IllegalArgumentException.class, () -> km.quantile(0));
    assertThrows(IllegalArgumentException.class, () -> km.quantile(1));
  }

  @Test
  void censoredTimesAfterTheFirstEventAreFoldedIntoTheStepBefore() {
    KaplanMeier km = fit("1+ 2 2+ 3+ 3+ 5 6+");
    assertEquals(2, km.steps().size());
    assertEquals(6, km.steps().get(0).atRisk()); // the one censored at 1 is in no step
    assertEquals(3, km.steps().get(0).censored()); // 2+, 3+, 3+
    assertEquals(1, km.steps().get(1).censored()); // 6+
    assertEquals(7 - km.steps().get(0).atRisk(), 1);
  }

  @Test
  void edgeCasesGiveNumbersNotNaN() {
    KaplanMeier empty = KaplanMeier.fit(new double[0], new boolean[0]);
    assertEquals(0, empty.n());
    assertTrue(empty.steps().isEmpty());
    assertEquals(1, empty.survival(10));
    assertArrayEquals(new double[] {1, 1}, empty.survivalInterval(10));
    assertEquals(10, empty.restrictedMean(10));
    assertEquals(0, empty.restrictedMeanStdError(10));
    assertFalse(empty.median().isPresent());

    KaplanMeier oneEvent = fit("4");
    KaplanMeier.Step only = oneEvent.steps().get(0);
    assertEquals(new KaplanMeier.Step(4, 1, 1, 0, 0, 0, 0, 0), only);
    assertArrayEquals(new double[] {1, 1}, oneEvent.probabilityByInterval(4));
    assertEquals(4, oneEvent.restrictedMean(9));
    assertEquals(0, oneEvent.restrictedMeanStdError(9));
    assertEquals(4, oneEvent.median().getAsDouble());

    KaplanMeier oneCensored = fit("4+");
    assertTrue(oneCensored.steps().isEmpty());
    assertEquals(1, oneCensored.survival(5));
    assertEquals(0, oneCensored.probabilityBy(5));

    KaplanMeier allCensored = fit("0+ 3+ 3+ 8+");
    assertTrue(allCensored.steps().isEmpty());
    assertEquals(0, allCensored.events());
    assertEquals(8, allCensored.restrictedMean(8));

    KaplanMeier allAtOnce = fit("3 3 3 3 3");
    assertEquals(new KaplanMeier.Step(3, 5, 5, 0, 0, 0, 0, 0), allAtOnce.steps().get(0));
    assertEquals(3, allAtOnce.restrictedMean(10));
    assertEquals(0, allAtOnce.restrictedMeanStdError(10)); // no spread: every time is 3

    KaplanMeier tiedWithCensoring = fit("0 0 0 0+ 0+");
    KaplanMeier.Step s = tiedWithCensoring.steps().get(0);
    assertEquals(0.4, s.survival(), 1e-15);
    assertEquals(Math.sqrt(0.4 * 0.6 / 5), s.stdError(), 1e-15); // Greenwood at a single step is binomial
    assertTrue(s.lower() > 0 && s.lower() < 0.4 && s.upper() > 0.4 && s.upper() < 1);
    assertEquals(0, tiedWithCensoring.restrictedMean(0));
  }

  @Test
  void badInputIsRejectedWithItsIndexAndValue() {
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}));
    assertEquals("times has 2 values but events has 1: each observation needs a time and an event flag",
        lengths.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {1, -2}, new boolean[] {true, false}));
    assertTrue(negative.getMessage().startsWith("times[1] = -2.0: "), negative.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {true}));
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.fit(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {false}));
    KaplanMeier km = fit("1 2");
    assertThrows(IllegalArgumentException.class, () -> km.survival(-1));
    assertThrows(IllegalArgumentException.class, () -> km.survival(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> km.restrictedMean(Double.POSITIVE_INFINITY));
    IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
        () -> new KaplanMeier.Step(1, 3, 4, 0, 0, 0, 0, 0));
    assertEquals("events = 4 with atRisk = 3: a step has between 1 and atRisk events", step.getMessage());
  }
}
