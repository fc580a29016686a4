package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closed forms and invariants of the business case (deadweight, real terms, the savings horizon,
 * the outcomes fund's end, optimism bias). Each check is paired with a case where it does not hold,
 * so the test can fail.
 */
class Kernel_BusinessCaseTest {
  private static final double PENNY = 0.005;
  private static final int N = 25;

  private static Kernel kernel(String yaml) {
    return new Kernel(ScenarioFile.fromYaml(yaml, "test.yaml"), TestParameters.simple());
  }

  @Test
  void withNoEffectNothingIsAvoidedAndEveryPaymentIsDeadweight() {
    Kernel none = kernel("effect: {hazard_ratio: {distribution: fixed, mean: 1.0}}\n");
    for (int i = 0; i < N; i++) {
      IterationResult r = none.run(i);
      assertEquals(0, r.careDaysAvoided(), "iteration " + i);
      assertEquals(r.outcomePayments(), r.paymentsWithoutEffect(), 0.0, "iteration " + i);
      assertEquals(r.milestones(), r.milestonesWithoutEffect());
      assertEquals(1.0, r.deadweightShare(), 0.0);
      assertNull(r.costPerCareDayAvoided(), "no care avoided: no cost per day avoided, not a division by zero");
    }
    // With an effect, care is avoided and the contract pays more than it would have anyway.
    IterationResult effect = kernel("effect: {hazard_ratio: {distribution: fixed, mean: 0.6}}\n").run(0);
    assertTrue(effect.careDaysAvoided() > 0);
    assertTrue(effect.paymentsWithoutEffect() < effect.outcomePayments());
    assertEquals((effect.councilCost() + effect.councilSideCosts()) / effect.careDaysAvoided(), effect.costPerCareDayAvoided(), 1e-9);
  }

  @Test
  void withoutInflationTheRealNpvIsTheDiscountedNominalNet() {
    for (String inflation : List.of("0", "0.04")) {
      Kernel k = kernel("economics: {inflation: {distribution: fixed, mean: " + inflation + "}}\n");
      for (int i = 0; i < 5; i++) {
        IterationResult r = k.run(i);
        double discounted = 0;
        for (int y = 0; y < r.years().size(); y++) {
          discounted += r.years().get(y).netPosition() / Math.pow(1.035, y);
        }
        if (inflation.equals("0")) {
          assertEquals(discounted, r.npvReal(), PENNY, "iteration " + i);
        } else {
          assertTrue(Math.abs(discounted - r.npvReal()) > 1, "with inflation the real NPV differs: " + discounted + " vs " + r.npvReal());
        }
      }
    }
  }

  @Test
  void theOutcomesFundTopsUpNothingInvoicedAfterItsLastPaymentDate() {
    // The fund stops after March 2022: nothing in 2022-23 or later, while the years before are topped up.
    Kernel k = kernel("funding: {outcomes_fund: {share: 0.25, award: null, last_payment_date: 2022-03-31}}\n");
    for (int i = 0; i < N; i++) {
      IterationResult r = k.run(i);
      double before = 0;
      for (IterationResult.Year y : r.years()) {
        int start = Integer.parseInt(y.financialYear().substring(0, 4));
        if (start >= 2022) {
          assertEquals(0.0, y.outcomesFund(), 0.0, y.financialYear());
          assertEquals(y.outcomePayments(), y.councilCost(), PENNY, "the council pays it all from " + y.financialYear());
        } else {
          before += y.outcomesFund();
        }
      }
      assertTrue(before > 0, "the fund paid before its end");
    }
  }

  @Test
  // Care days counted can only grow with the horizon. Gross savings grew in every iteration here, but that is not
  // guaranteed: a child whose entry the service only delays may be in care late in a long horizon when its
  // counterfactual self has gone home, and those days count against savings.
  void aLongerSavingsHorizonCountsMoreCareAndNeverLessCareAvoidedWithoutTheService() {
    Kernel shorter = kernel("costs: {savings_horizon_months: 24}\n");
    Kernel longer = kernel("costs: {savings_horizon_months: 60}\n");
    for (int i = 0; i < N; i++) {
      IterationResult a = shorter.run(i);
      IterationResult b = longer.run(i);
      assertTrue(b.careDaysWithout() >= a.careDaysWithout(), "iteration " + i);
      assertTrue(b.careDaysWith() >= a.careDaysWith(), "iteration " + i);
      assertTrue(b.grossSavings() >= a.grossSavings(), "iteration " + i + ": " + a.grossSavings() + " -> " + b.grossSavings());
      assertEquals(a.outcomePayments(), b.outcomePayments(), 0.0, "payments do not depend on how long savings are counted");
      assertTrue(b.savingsAfterTerm() > 0 && a.savingsAfterTerm() < b.savingsAfterTerm(), "60 months run past the term");
    }
  }

  @Test
  void savingsInAndAfterTheTermAddUpToTheCashableSavings() {
    IterationResult r = kernel("costs: {savings_horizon_months: 48}\n").run(3);
    assertEquals(r.cashableSavings(), r.savingsInTerm() + r.savingsAfterTerm(), 1e-6);
    IterationResult term = kernel("").run(3);
    assertEquals(0.0, term.savingsAfterTerm(), 0.0, "to the end of the term (the default): nothing after it");
  }

  @Test
  void optimismBiasOfNothingChangesNothingAndOtherwiseLowersSavingsAndRaisesCosts() {
    IterationResult off = kernel("economics: {optimism_bias: {apply: false}}\n").run(2);
    IterationResult zero = kernel("economics: {optimism_bias: {apply: true, costs: 0, benefits: 0}}\n").run(2);
    assertEquals(off, withoutArrays(off, zero), "optimism bias 0 is the same as none");
    IterationResult on = kernel("economics: {optimism_bias: {apply: true, costs: 0.4, benefits: 0.2}}\n").run(2);
    assertEquals(off.grossSavings() * 0.8, on.grossSavings(), 1e-6);
    assertEquals(off.cashableSavings() * 0.8, on.cashableSavings(), 1e-6);
    assertEquals(off.councilSideCosts() * 1.4, on.councilSideCosts(), 1e-6);
    assertEquals(off.outcomePayments(), on.outcomePayments(), 0.0, "outcome payments follow the outcomes, not the bias");
  }

  @Test
  void cashabilityFollowsThePlacementGroupsAndTheContractYears() {
    IterationResult all = kernel("costs: {cashable_share: 1.0, cashable_profile: []}\neconomics: {optimism_bias: {apply: false}}\n").run(1);
    assertEquals(all.grossSavings(), all.cashableSavings(), 1e-6, "everything cashable");
    IterationResult none = kernel("costs: {cashable_share: {foster_in_house: 0, foster_agency: 0, residential: 0, other: 0}}\n").run(1);
    assertEquals(0.0, none.cashableSavings(), 0.0);
    IterationResult firstYearOff = kernel("costs: {cashable_share: 1.0, cashable_profile: [0, 1]}\n"
        + "economics: {optimism_bias: {apply: false}}\n").run(1);
    assertTrue(firstYearOff.cashableSavings() < all.cashableSavings(), "a profile of 0 in year 1 cashes less");
    assertEquals(0.0, firstYearOff.years().get(0).cashableSavings(), 1e-9, "the contract's first months (2019-20) cash nothing");
  }

  /** {@code b} with {@code a}'s arrays, so records compare by value (arrays compare by identity). */
  private static IterationResult withoutArrays(IterationResult a, IterationResult b) {
    assertEquals(java.util.Arrays.toString(a.cumulativeNetPosition()), java.util.Arrays.toString(b.cumulativeNetPosition()));
    return new IterationResult(b.iteration(), b.volume(), b.hazardRatio(), b.counterfactualEntry(), b.inflation(), b.referrals(),
        b.diversionReferrals(), b.reunificationReferrals(), b.engaged(), b.enteredWithout(), b.enteredWith(), b.milestones(), b.milestonesWithoutEffect(), b.payableDays(),
        b.careDaysWithout(), b.careDaysWith(), b.outcomePayments(), b.paymentsWithoutEffect(), b.capped(), b.outcomesFund(),
        b.councilCost(), b.councilSideCosts(), b.grossSavings(), b.cashableSavings(), b.savingsInTerm(), b.savingsAfterTerm(),
        b.netPosition(), b.npvReal(), b.deliveryCosts(), b.investorNetReturn(), b.investorPeakCapital(), b.investorIrr(),
        b.capHit(), b.budgetExceeded(), b.years(), a.cumulativePayments(), a.cumulativeNetPosition());
  }
}
