package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sibmodel.testing.ConsoleCapture;
import org.sibmodel.testing.TestSpark;

/**
 * A synthetic population with a known selection effect: older children and children in two
 * districts are both more likely to be referred and spend longer in care, and referral itself
 * takes {@value #TRUE_EFFECT} days off the 24 months. The naive difference is far from the truth;
 * after matching the covariates balance and the estimate's interval holds the truth.
 */
class PropensityMatching_SelectionTest {
  static final double TRUE_EFFECT = -60;
  private static final List<String> DISTRICTS = List.of("Burnley", "Pendle", "Fylde", "Wyre");
  private static final List<String> BANDS = List.of("5-7", "8-9", "10-12", "13-15");
  private static final List<Unit> treated = new ArrayList<>();
  private static final List<Unit> controls = new ArrayList<>();
  private static PropensityMatching.Result result;

  @BeforeAll
  static void matchSyntheticCohorts() {
    SplittableRandom rng = new SplittableRandom(20261122);
    for (int i = 0; i < 6000; i++) {
      String district = DISTRICTS.get(rng.nextInt(DISTRICTS.size()));
      String band = BANDS.get(rng.nextInt(BANDS.size()));
      String legal = rng.nextDouble() < 0.6 ? "C2" : "V2";
      int prior = rng.nextDouble() < 0.25 ? 1 : 0;
      boolean target = district.equals("Burnley") || district.equals("Pendle");
      boolean older = band.startsWith("1");
      double logit = -3.2 + 1.4 * (target ? 1 : 0) + 1.1 * (older ? 1 : 0) + 0.6 * prior;
      boolean referred = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
      double days = 250 + 120 * (target ? 1 : 0) + 90 * (older ? 1 : 0) + 70 * prior + 40 * (legal.equals("C2") ? 1 : 0)
          + 80 * gaussian(rng) + (referred ? TRUE_EFFECT : 0);
      Unit u = new Unit(String.format("u%05d", i), "c" + i, district, band, legal, "N1", prior > 0, LocalDate.of(2015, 1, 1)
          .plusDays(rng.nextInt(700)), 100, true, true, true, false, true, (int) Math.round(Math.max(0, days)), prior,
          referred ? Unit.Referral.REFERRED : Unit.Referral.NOT_REFERRED);
      (referred ? treated : controls).add(u);
    }
    result = PropensityMatching.match(TestSpark.session(), treated, controls, Unit::daysInCare24);
  }

  @Test
  void theNaiveDifferenceIsBiasedByTheSelection() {
    assertTrue(result.naive() > TRUE_EFFECT + 40, "naive " + result.naive() + " should be well above the truth " + TRUE_EFFECT);
  }

  @Test
  void matchingRecoversTheTrueEffectWithinItsInterval() {
    assertTrue(result.lower() <= TRUE_EFFECT && TRUE_EFFECT <= result.upper(),
        "estimate " + result.estimate() + " [" + result.lower() + ", " + result.upper() + "] should hold " + TRUE_EFFECT);
    assertTrue(result.upper() - result.lower() < 30, "the interval should be informative");
    assertTrue(result.pairs().size() > 0.9 * result.treated(), "most referred children find a match: " + result.pairs().size());
  }

  @Test
  void balanceImprovesOnEveryCovariate() {
    assertTrue(result.maxAbsSmdBefore() > 0.3, "the selection shows before matching: " + result.maxAbsSmdBefore());
    assertTrue(result.maxAbsSmdAfter() < 0.1, "balanced after matching: " + result.balance());
    for (PropensityMatching.Balance b : result.balance()) {
      if (Math.abs(b.smdBefore()) > 0.1) {
        assertTrue(Math.abs(b.smdAfter()) < Math.abs(b.smdBefore()), b.covariate() + " " + b.level() + " got worse");
      }
    }
  }

  @Test
  void eachControlIsUsedOnceAndPairsAreWithinTheCaliper() {
    assertEquals(result.pairs().size(), result.pairs().stream().map(p -> p.control().id()).distinct().count());
    assertTrue(result.pairs().stream().allMatch(p -> p.distance() <= result.caliper()));
    assertEquals(result.treated(), result.pairs().size() + result.unmatched());
  }

  @Test
  void theSameDataGiveTheSamePairs() {
    PropensityMatching.Result again = PropensityMatching.match(TestSpark.session(), treated, controls, Unit::daysInCare24);
    assertEquals(result.pairs().stream().map(p -> p.treated().id() + p.control().id()).toList(),
        again.pairs().stream().map(p -> p.treated().id() + p.control().id()).toList());
    assertEquals(result.estimate(), again.estimate());
  }

  @Test
  void thePropensityModelConvergesWithoutWarnings() {
    assertTrue(result.fit().converged(), "converged in " + result.fit().iterations() + " iterations");
    assertTrue(result.fit().iterations() < PropensityMatching.MAX_ITERATIONS);
  }

  @Test
  void aLevelOnlyTheReferredHaveStillConvergesQuietly() {
    // Quasi-separation: every child of one district is referred. Unpenalised, the likelihood has no
    // maximum and L-BFGS's line search failed ("ERROR LBFGS: Failure! ...") on the demo's data.
    List<Unit> referred = new ArrayList<>(treated.subList(0, 200));
    for (int i = 0; i < 12; i++) {
      Unit u = treated.get(i);
      referred.add(new Unit("s" + i, "cs" + i, "Lancaster", u.ageBand(), u.legalStatus(), u.categoryOfNeed(), false, u.start(), 100, true,
          true, true, false, true, u.daysInCare24(), 0, Unit.Referral.REFERRED));
    }
    try (ConsoleCapture capture = ConsoleCapture.start()) {
      PropensityMatching.Result separated = PropensityMatching.match(TestSpark.session(), referred, controls.subList(0, 3000),
          Unit::daysInCare24);
      assertTrue(separated.fit().converged(), "converged in " + separated.fit().iterations() + " iterations");
      assertEquals(List.of(), capture.warnings(), "nothing logged at WARN or ERROR");
    }
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
