package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Weibull mixture cure fit: against an independent 40-digit solution on the 6-MP data, and
 * recovery of known parameters from seeded simulated samples (false-failure rates stated per test;
 * with the fixed seeds the outcome is reproducible).
 */
class CureWeibullFit_MaximumLikelihoodTest {

  @Test
  void sixMpMatchesMpmath() {
    // known-answers.py: the score's root to 40 digits with mpmath (started by scipy.optimize), and
    // the inverse of mpmath's numerical Hessian in (logit p, log shape, log scale). This also checks
    // the analytic Hessian, whose inverse is the covariance.
    CureWeibullFit fit = CureWeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertEquals(0.558569862802921, fit.everShare(), 1e-12);
    assertEquals(2.05133779043779, fit.shape(), 1e-11);
    assertEquals(15.655913341219, fit.scale(), 1e-10);
    assertEquals(-40.5297807081841, fit.logLikelihood(), 1e-12);
    double[][] expected = {
      {0.319548208277855, -0.0162709010631537, 0.0385895467804824},
      {-0.0162709010631537, 0.0819210093119243, -0.00622361724396977},
      {0.0385895467804824, -0.00622361724396977, 0.0429766723220429}
    };
    double[][] cov = fit.covariance();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], cov[i][j], 1e-10, "covariance[" + i + "][" + j + "]");
      }
    }
    double p = fit.everShare();
    assertEquals(p * (1 - p) * Math.sqrt(cov[0][0]), fit.everShareStdError(), 1e-15);
    assertEquals(fit.shape() * Math.sqrt(cov[1][1]), fit.shapeStdError(), 1e-14);
    assertEquals(fit.scale() * Math.sqrt(cov[2][2]), fit.scaleStdError(), 1e-13);
    // The cure model nests the Weibull (p -> 1), so its maximum is at least as high.
    WeibullFit weibull = WeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertTrue(fit.logLikelihood() > weibull.logLikelihood());
  }

  @Test
  void recoversTheShareShapeAndScaleFromALargeSimulatedSample() {
    // 20,000 children, 30% susceptible with Weibull(1.3, 200 days) times, follow-up U(0, 2000) days.
    // Tolerance 4 standard errors per parameter: for another seed it fails with probability about
    // 3 × 6.3e-5 if the estimator is consistent and its errors right.
    TestSamples s = TestSamples.simulate(new SplittableRandom(20240612L), 20_000, 0.3, 1.3, 200, 2000);
    CureWeibullFit fit = CureWeibullFit.fit(s.times(), s.events());
    assertEquals(0.3, fit.everShare(), 4 * fit.everShareStdError(), fit.toString());
    assertEquals(1.3, fit.shape(), 4 * fit.shapeStdError(), fit.toString());
    assertEquals(200, fit.scale(), 4 * fit.scaleStdError(), fit.toString());
    assertTrue(fit.everShareStdError() < 0.01 && fit.shapeStdError() < 0.03, fit.toString());
    assertEquals(20_000, fit.n());
  }

  @Test
  void recoversARareReEntryPatternWithDecreasingHazard() {
    // Re-entry to care: 15% ever return, Weibull(0.9, 120 days), follow-up U(0, 3 years).
    // Same 4-standard-error tolerance and false-failure rate as above.
    TestSamples s = TestSamples.simulate(new SplittableRandom(903L), 20_000, 0.15, 0.9, 120, 1095);
    CureWeibullFit fit = CureWeibullFit.fit(s.times(), s.events());
    assertEquals(0.15, fit.everShare(), 4 * fit.everShareStdError(), fit.toString());
    assertEquals(0.9, fit.shape(), 4 * fit.shapeStdError(), fit.toString());
    assertEquals(120, fit.scale(), 4 * fit.scaleStdError(), fit.toString());
  }

  @Test
  void theCurveLevelsOffAtOneMinusTheEverShare() {
    CureWeibullFit fit = CureWeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    double p = fit.everShare();
    assertEquals(1, fit.survival(0));
    assertEquals(1 - p, fit.survival(Double.POSITIVE_INFINITY), 1e-15);
    assertEquals(p, fit.probabilityBy(Double.POSITIVE_INFINITY), 1e-15);
    assertEquals(1 - p + p / Math.E, fit.survival(fit.scale()), 1e-15);
    for (double t : new double[] {0.5, 5, 20, 100}) {
      assertEquals(1, fit.survival(t) + fit.probabilityBy(t), 1e-15);
    }
  }

  @Test
  void samplesThatCannotBeFittedSaySo() {
    IllegalArgumentException censored = assertThrows(IllegalArgumentException.class,
        () -> CureWeibullFit.fit(new double[] {3, 4, 5}, new boolean[3]));
    assertEquals("all 3 observations are censored: the cure model MLE does not exist", censored.getMessage());
    IllegalArgumentException uncensored = assertThrows(IllegalArgumentException.class,
        () -> CureWeibullFit.fit(new double[] {3, 4, 5}, new boolean[] {true, true, true}));
    assertTrue(uncensored.getMessage().startsWith("none of the 3 observations is censored"), uncensored.getMessage());
    IllegalArgumentException oneTime = assertThrows(IllegalArgumentException.class,
        () -> CureWeibullFit.fit(new double[] {3, 3, 9}, new boolean[] {true, true, false}));
    assertTrue(oneTime.getMessage().startsWith("all 2 events are at 3.0 days"), oneTime.getMessage());
    // Censoring only before the events: nothing suggests anyone is immune, and the likelihood
    // rises all the way to p = 1.
    IllegalArgumentException noPlateau = assertThrows(IllegalArgumentException.class,
        () -> CureWeibullFit.fit(new double[] {1, 2, 5, 6, 7, 8}, new boolean[] {false, false, true, true, true, true}));
    assertTrue(noPlateau.getMessage().startsWith("the likelihood keeps rising as the share who ever have the event goes "
        + "to 1"), noPlateau.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CureWeibullFit.fit(new double[0], new boolean[0]));
  }

  @Test
  void smallAwkwardSamplesGiveFiniteNumbers() {
    TestSamples[] samples = {
      TestSamples.parse("1 2 30+"),
      TestSamples.parse("0 0 1 2+ 30+ 30+"), // same-day events read as half a day
      // two nearly tied events far before the censoring: a very large shape, and exp(-z) underflows
      TestSamples.parse("163.2+ 6.406 6.511 292.9+ 290.3+ 275.9+"),
    };
    for (TestSamples s : samples) {
      CureWeibullFit f = CureWeibullFit.fit(s.times(), s.events());
      for (double x : new double[] {f.everShare(), f.shape(), f.scale(), f.everShareStdError(), f.shapeStdError(),
          f.scaleStdError(), f.logLikelihood(), f.survival(10)}) {
        assertTrue(Double.isFinite(x), f.toString());
      }
    }
  }
}
