package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Weibull maximum-likelihood fit: against an independent optimizer on the 6-MP data, against
 * the exponential closed form, and on seeded simulated samples (false-failure rates stated per
 * test; with the fixed seeds the outcome is reproducible).
 */
class WeibullFit_MaximumLikelihoodTest {

  @Test
  void sixMpMatchesScipy() {
    // known-answers.py: the score's root to 40 digits with mpmath (started by scipy.optimize), and
    // the inverse of mpmath's numerical Hessian in (log shape, log scale).
    WeibullFit fit = WeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertEquals(1.35373452382622, fit.shape(), 1e-13);
    assertEquals(33.765150967635, fit.scale(), 1e-11);
    assertEquals(-41.6586784768815, fit.logLikelihood(), 1e-12);
    double[][] cov = fit.covarianceLog();
    assertEquals(0.0775053818044934, cov[0][0], 1e-14);
    assertEquals(-0.0330581057685428, cov[0][1], 1e-14);
    assertEquals(cov[0][1], cov[1][0]);
    assertEquals(0.074730567595693, cov[1][1], 1e-14);
    assertEquals(fit.shape() * Math.sqrt(cov[0][0]), fit.shapeStdError(), 1e-15);
    assertEquals(fit.scale() * Math.sqrt(cov[1][1]), fit.scaleStdError(), 1e-13);
    assertEquals(21, fit.n());
    assertEquals(9, fit.events());
  }

  @Test
  void theEstimateIsALocalMaximumOfTheLikelihood() {
    WeibullFit fit = WeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    double[] t = WeibullFit.prepare(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    boolean[] e = TestSamples.SIX_MP.events();
    double best = WeibullFit.logLikelihood(t, e, fit.shape(), fit.scale());
    assertEquals(fit.logLikelihood(), best, 1e-12);
    for (double da : new double[] {-1e-4, 1e-4}) {
      for (double db : new double[] {-1e-4, 0, 1e-4}) {
        double nearby = WeibullFit.logLikelihood(t, e, fit.shape() * Math.exp(da), fit.scale() * Math.exp(db));
        assertTrue(nearby < best, "ℓ is lower at (" + da + ", " + db + ") from the estimate");
      }
    }
  }

  @Test
  void withTheShapeFixedAtOneTheScaleIsTotalTimeOverEvents() {
    double[] t = TestSamples.SIX_MP.times();
    boolean[] e = TestSamples.SIX_MP.events();
    double total = 0;
    for (double x : t) {
      total += x;
    }
    assertEquals(359, total); // the 6-MP arm's total weeks of follow-up
    WeibullFit exponential = WeibullFit.fitFixedShape(t, e, 1);
    assertEquals(359.0 / 9, exponential.scale(), 1e-12);
    // Exponential closed forms: ℓ = r log(r/T) − r, se(scale) = scale / √r.
    assertEquals(9 * Math.log(9 / 359.0) - 9, exponential.logLikelihood(), 1e-12);
    assertEquals(359.0 / 9 / 3, exponential.scaleStdError(), 1e-12);
    assertEquals(0, exponential.shapeStdError());
    assertEquals(359.0 / 9, exponential.mean(), 1e-12);
    // The free fit nests the exponential, so its likelihood is at least as high.
    assertTrue(WeibullFit.fit(t, e).logLikelihood() > exponential.logLikelihood());
  }

  @Test
  void recoversShapeAndScaleFromALargeSimulatedCensoredSample() {
    // 10,000 Weibull(1.4, 300 days) durations, follow-up U(0, 900) days (about 70% events).
    // Tolerance 4 standard errors per parameter: for another seed it fails with probability about
    // 2 × 6.3e-5 if the estimator is consistent and its errors right.
    TestSamples s = TestSamples.simulate(new SplittableRandom(20240611L), 10_000, 1, 1.4, 300, 900);
    WeibullFit fit = WeibullFit.fit(s.times(), s.events());
    assertEquals(1.4, fit.shape(), 4 * fit.shapeStdError(), fit.toString());
    assertEquals(300, fit.scale(), 4 * fit.scaleStdError(), fit.toString());
    assertTrue(fit.shapeStdError() < 0.03 && fit.scaleStdError() < 6, fit.toString());
  }

  @Test
  void ninetyFivePercentIntervalsCoverTheTruthAboutNinetyFivePercentOfTheTime() {
    // 1,000 samples of 200 Weibull(0.8, 200 days) durations, follow-up U(0, 600) days; Wald
    // intervals on the log scale. If coverage is 0.95 the count is Binomial(1000, 0.95): mean 950,
    // sd 6.9; the test allows 4 sd either side (false-failure rate about 1e-4). Errors 20% too
    // small or too large would give about 89% or 98%.
    SplittableRandom rng = new SplittableRandom(42L);
    int shapeCovered = 0;
    int scaleCovered = 0;
    for (int rep = 0; rep < 1000; rep++) {
      TestSamples s = TestSamples.simulate(rng.split(), 200, 1, 0.8, 200, 600);
      WeibullFit fit = WeibullFit.fit(s.times(), s.events());
      double[][] cov = fit.covarianceLog();
      if (Math.abs(Math.log(fit.shape() / 0.8)) <= KaplanMeier.Z95 * Math.sqrt(cov[0][0])) {
        shapeCovered++;
      }
      if (Math.abs(Math.log(fit.scale() / 200)) <= KaplanMeier.Z95 * Math.sqrt(cov[1][1])) {
        scaleCovered++;
      }
    }
    assertTrue(shapeCovered >= 922 && shapeCovered <= 978, "shape coverage " + shapeCovered + "/1000");
    assertTrue(scaleCovered >= 922 && scaleCovered <= 978, "scale coverage " + scaleCovered + "/1000");
  }

  @Test
  void summariesFollowFromShapeAndScale() {
    WeibullFit fit = WeibullFit.fit(TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertEquals(0.5, fit.survival(fit.median()), 1e-15);
    assertEquals(0.9, fit.probabilityBy(fit.quantile(0.9)), 1e-15);
    assertEquals(1, fit.survival(0));
    assertEquals(0, fit.survival(Double.POSITIVE_INFINITY));
    assertEquals(1, fit.survival(fit.scale()) * Math.E, 1e-15);
    // The mean is the area under S: Simpson's rule on [0, 40 × scale] with 400,000 panels.
    double h = 40 * fit.scale() / 400_000;
    double area = fit.survival(0) + fit.survival(40 * fit.scale());
    for (int i = 1; i < 400_000; i++) {
      area += (i % 2 == 1 ? 4 : 2) * fit.survival(i * h);
    }
    assertEquals(area * h / 3, fit.mean(), 1e-6);
  }

  @Test
  void zeroDayDurationsAreReadAsHalfADay() {
    TestSamples withZeros = TestSamples.parse("0 0 0+ 1 2 2 3+ 5 8 13+");
    TestSamples halves = TestSamples.parse("0.5 0.5 0.5+ 1 2 2 3+ 5 8 13+");
    WeibullFit a = WeibullFit.fit(withZeros.times(), withZeros.events());
    WeibullFit b = WeibullFit.fit(halves.times(), halves.events());
    assertEquals(b.shape(), a.shape(), 0);
    assertEquals(b.scale(), a.scale(), 0);
    assertEquals(b.logLikelihood(), a.logLikelihood(), 0);
    assertTrue(Double.isFinite(a.shapeStdError()) && Double.isFinite(a.scaleStdError()));
  }

  @Test
  void theOrderOfTheObservationsDoesNotMatter() {
    TestSamples s = TestSamples.simulate(new SplittableRandom(5), 500, 1, 2.0, 50, 120);
    int n = s.times().length;
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    for (int i = 0; i < n; i++) {
      t[i] = s.times()[n - 1 - i];
      e[i] = s.events()[n - 1 - i];
    }
    WeibullFit forward = WeibullFit.fit(s.times(), s.events());
    WeibullFit backward = WeibullFit.fit(t, e);
    assertEquals(forward.shape(), backward.shape(), 1e-10 * forward.shape());
    assertEquals(forward.scale(), backward.scale(), 1e-10 * forward.scale());
  }

  @Test
  void samplesThatCannotBeFittedSaySo() {
    IllegalArgumentException censored = assertThrows(IllegalArgumentException.class,
        () -> WeibullFit.fit(new double[] {3, 4, 5, 6, 7}, new boolean[5]));
    assertEquals("all 5 observations are censored: the Weibull MLE does not exist", censored.getMessage());
    IllegalArgumentException oneTime = assertThrows(IllegalArgumentException.class,
        () -> WeibullFit.fit(new double[] {3, 3, 3, 9}, new boolean[] {true, true, true, false}));
    assertEquals("all 3 events are at 3.0 days: with fewer than 2 distinct event times the Weibull shape cannot be "
        + "estimated", oneTime.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> WeibullFit.fit(new double[] {3}, new boolean[] {true}));
    assertTrue(one.getMessage().startsWith("all 1 events are at 3.0 days"), one.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> WeibullFit.fit(new double[0], new boolean[0]));
    assertEquals("no observations: the Weibull MLE does not exist", empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WeibullFit.fitFixedShape(new double[] {1}, new boolean[] {true}, 0));
    assertThrows(IllegalArgumentException.class, () -> WeibullFit.fit(new double[] {1, -2}, new boolean[] {true, true}));
  }

  @Test
  void theSmallestFittableSamplesGiveFiniteNumbers() {
    WeibullFit two = WeibullFit.fit(new double[] {1, 2}, new boolean[] {true, true});
    WeibullFit mostlyCensored = WeibullFit.fit(new double[] {1, 2, 30, 30, 30}, new boolean[] {true, true, false, false, false});
    // Two events 0.1% apart: the shape is in the thousands (log shape about 8), and is still found.
    WeibullFit nearlyTied = WeibullFit.fit(new double[] {127.14, 127.27}, new boolean[] {true, true});
    assertTrue(nearlyTied.shape() > 1000, nearlyTied.toString());
    for (WeibullFit f : new WeibullFit[] {two, mostlyCensored, nearlyTied}) {
      for (double x : new double[] {f.shape(), f.scale(), f.shapeStdError(), f.scaleStdError(), f.logLikelihood(),
          f.median(), f.mean(), f.survival(1.5)}) {
        assertTrue(Double.isFinite(x), f.toString());
      }
    }
  }
}
