package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers on the 6-MP arm of the Freireich et al. (1963) leukaemia trial (n = 21, remission
 * in weeks; the estimator does not care about the unit).
 *
 * <p>Sources: the survival column is the product written out below, by hand, as exact fractions;
 * the same figures to 3 decimals, with Greenwood standard errors 0.076, 0.087, 0.096, 0.107, 0.114,
 * 0.128, 0.135, are the ones tabulated for this example in Klein &amp; Moeschberger, <i>Survival
 * Analysis</i> (2nd ed., 2003), section 4.2, and in Kleinbaum &amp; Klein, <i>Survival Analysis: A
 * Self-Learning Text</i>, chapter 2.
 * The 12-digit Greenwood errors and log(-log) bounds come from {@code known-answers.py} in the test
 * resources (exact fractions in Python, no code shared with this library).
 */
class KaplanMeier_FreireichTest {
  private static final KaplanMeier KM = KaplanMeier.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());

  @Test
  void theProductLimitTableMatchesTheHandComputation() {
    double s6 = 18.0 / 21;
    double s7 = s6 * 16 / 17;
    double s10 = s7 * 14 / 15;
    double s13 = s10 * 11 / 12;
    double s16 = s13 * 10 / 11;
    double s22 = s16 * 6 / 7;
    double s23 = s22 * 5 / 6;
    // time, at risk, events, censored in [t, next event time), S
    double[][] expected = {
      {6, 21, 3, 1, s6}, {7, 17, 1, 1, s7}, {10, 15, 1, 2, s10}, {13, 12, 1, 0, s13},
      {16, 11, 1, 3, s16}, {22, 7, 1, 0, s22}, {23, 6, 1, 5, s23}
    };
    List<KaplanMeier.Step> steps = KM.steps();
    assertEquals(expected.length, steps.size());
    for (int j = 0; j < expected.length; j++) {
      KaplanMeier.Step s = steps.get(j);
      assertEquals(expected[j][0], s.time(), "time of step " + j);
      assertEquals((int) expected[j][1], s.atRisk(), "at risk at " + s.time());
      assertEquals((int) expected[j][2], s.events(), "events at " + s.time());
      assertEquals((int) expected[j][3], s.censored(), "censored after " + s.time());
      assertEquals(expected[j][4], s.survival(), 1e-14, "S at " + s.time());
    }
    assertEquals(160.0 / 357, s23, 1e-15); // the exact fraction, as a check on the products above
    assertEquals(21, KM.n());
    assertEquals(9, KM.events());
    assertEquals(35, KM.lastTime());
  }

  @Test
  void greenwoodErrorsMatchThePublishedTable() {
    double[] published = {0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135};
    double[] precise = {0.076360354832, 0.086935285180, 0.096349652994, 0.106814707775, 0.114053865257,
        0.128233751693, 0.134591456756};
    for (int j = 0; j < published.length; j++) {
      double se = KM.steps().get(j).stdError();
      assertEquals(published[j], se, 0.0005, "published 3-decimal SE at step " + j);
      assertEquals(precise[j], se, 1e-11, "12-digit SE at step " + j);
    }
  }

  @Test
  void logLogIntervalsMatchTheIndependentComputation() {
    double[][] bounds = {
      {0.619717955266, 0.951551747647}, {0.563146564622, 0.922809019203}, {0.503199510800, 0.889361835169},
      {0.431610222486, 0.849065963349}, {0.367510855988, 0.804912189472}, {0.267778936767, 0.746790717635},
      {0.188052005959, 0.680142628495}
    };
    for (int j = 0; j < bounds.length; j++) {
      KaplanMeier.Step s = KM.steps().get(j);
      assertArrayEquals(bounds[j], new double[] {s.lower(), s.upper()}, 1e-11, "interval at " + s.time());
      assertArrayEquals(bounds[j], KM.survivalInterval(s.time()), 1e-11);
    }
  }

  @Test
  void survivalIsARightContinuousStepFunction() {
    assertEquals(1, KM.survival(0));
    assertEquals(1, KM.survival(5.999));
    assertEquals(18.0 / 21, KM.survival(6), 1e-15); // the events at 6 count at 6
    assertEquals(18.0 / 21, KM.survival(6.999), 1e-15);
    assertEquals(160.0 / 357, KM.survival(23), 1e-15);
    assertEquals(160.0 / 357, KM.survival(1000), 1e-15); // held after the last time
    assertArrayEquals(new double[] {1, 1}, KM.survivalInterval(3));
    assertEquals(1 - 160.0 / 357, KM.probabilityBy(30), 1e-15);
    assertArrayEquals(new double[] {1 - 0.680142628495, 1 - 0.188052005959}, KM.probabilityByInterval(30), 1e-11);
  }

  @Test
  void mediansAre23WeeksOn6MpAnd8OnPlacebo() {
    // Kleinbaum & Klein, chapter 2: median remission 23 weeks (6-MP) and 8 weeks (placebo); by hand
    // from the table above, S(22) = 0.538 > 0.5 >= S(23) = 0.448.
    assertEquals(23, KM.median().getAsDouble());
    KaplanMeier placebo = KaplanMeier.fit(TestSamples.PLACEBO.times(), TestSamples.PLACEBO.events());
    assertEquals(8, placebo.median().getAsDouble());
    // Placebo has no censoring, so S(10) = 8/21 and Greenwood reduces to the binomial
    // sqrt(S(1 - S)/n) = sqrt(8 * 13) / 21^1.5 = 0.106.
    assertEquals(8.0 / 21, placebo.survival(10), 1e-15);
    KaplanMeier.Step at8 = placebo.steps().get(5);
    assertEquals(8, at8.time());
    assertEquals(Math.sqrt(8 * 13) / Math.pow(21, 1.5), at8.stdError(), 1e-15);
    // 6-MP never falls to 1/4, so its 75th percentile is not estimable.
    assertEquals(true, KM.quantile(0.75).isEmpty());
    assertEquals(13, KM.quantile(0.25).getAsDouble()); // S(10) = 0.753 > 0.75, S(13) = 0.690
  }
}
