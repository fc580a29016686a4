package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Money is conserved, seeds reproduce, nobody is paid more than P, years add up to totals. */
class Kernel_InvariantsTest {
  private static final double PENNY = 0.005;

  @Test
  void moneyIsConservedEveryIterationAndYear() {
    Scenario scenario = ScenarioFile.fromYaml("funding:\n  outcomes_fund: {award: 600000, last_payment_date: null}\ncosts: {cashable_share: 0.6, cashable_profile: []}\neconomics: {optimism_bias: {apply: false}}\n", "capped-fund.yaml");
    Kernel kernel = new Kernel(scenario, TestParameters.simple());
    for (int i = 0; i < 60; i++) {
      IterationResult r = kernel.run(i);
      assertEquals(r.outcomePayments(), r.outcomesFund() + r.councilCost(), PENNY, "payments = fund + council");
      assertTrue(r.outcomesFund() <= 600_000 + PENNY, "the outcomes fund stops at its cap");
      assertTrue(r.outcomePayments() <= r.referrals() * 10_000 + PENNY, "no child earns more than P");
      double years = 0;
      for (IterationResult.Year y : r.years()) {
        assertEquals(y.outcomePayments(), y.outcomesFund() + y.councilCost(), PENNY, y.financialYear());
        assertEquals(y.netPosition(), y.cashableSavings() - y.councilCost() - y.councilSideCosts(), PENNY, y.financialYear());
        years += y.outcomePayments();
      }
      assertEquals(r.outcomePayments(), years, 1e-6);
      assertEquals(r.outcomePayments(), r.cumulativePayments()[r.cumulativePayments().length - 1], 1e-6);
      assertEquals(r.netPosition(), r.cumulativeNetPosition()[r.cumulativeNetPosition().length - 1], 1e-6);
      assertEquals(r.cashableSavings(), r.grossSavings() * 0.6, 1e-6);
      assertEquals(r.investorNetReturn(), r.outcomePayments() - r.deliveryCosts(), 1e-6);
      assertTrue(r.careDaysWith() <= r.careDaysWithout(), "the service never adds care days here (hazard ratio below 1)");
    }
  }

  @Test
  void theSameSeedAndIterationGiveTheSameNumbersAndOthersDoNot() {
    Kernel a = new Kernel(ScenarioFile.defaults(), TestParameters.simple());
    Kernel b = new Kernel(ScenarioFile.defaults(), TestParameters.simple());
    IterationResult first = a.run(17);
    IterationResult again = b.run(17);
    assertEquals(first.outcomePayments(), again.outcomePayments());
    assertEquals(first.grossSavings(), again.grossSavings());
    assertArrayEquals(first.cumulativeNetPosition(), again.cumulativeNetPosition());
    assertTrue(first.outcomePayments() != a.run(18).outcomePayments());
    Kernel otherSeed = new Kernel(ScenarioFile.fromYaml("simulation:\n  seed: 1\n", "seed.yaml"), TestParameters.simple());
    assertTrue(first.outcomePayments() != otherSeed.run(17).outcomePayments());
  }

  @Test
  void aTotalCapIsReportedWhenItBinds() {
    Kernel kernel = new Kernel(ScenarioFile.fromYaml("contract:\n  caps:\n    total: 1000000\n", "cap.yaml"), TestParameters.simple());
    IterationResult r = kernel.run(3);
    assertTrue(r.capHit());
    assertEquals(1_000_000, r.outcomePayments(), PENNY);
    assertTrue(r.capped() > 0);
  }

  @Test
  void commonRandomNumbersMakeABetterServiceNeverWorse() {
    Kernel base = new Kernel(ScenarioFile.fromYaml("effect:\n  hazard_ratio: {distribution: fixed, mean: 0.7}\n", "a"), TestParameters.simple());
    Kernel better = new Kernel(ScenarioFile.fromYaml("effect:\n  hazard_ratio: {distribution: fixed, mean: 0.5}\n", "b"), TestParameters.simple());
    for (int i = 0; i < 20; i++) {
      IterationResult x = base.run(i);
      IterationResult y = better.run(i);
      assertEquals(x.referrals(), y.referrals(), "the same children");
      assertTrue(y.careDaysWith() <= x.careDaysWith(), "iteration " + i);
    }
  }
}
