package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;

/**
 * A scenario where no child enters care has a closed form: every referred child earns the whole
 * stability share (0.85 P) and each secondary outcome's share with its chance, so expected payments
 * = expected referrals x (0.85 + sum of chance x share) x P. The simulated mean must lie within 3
 * Monte Carlo standard errors of it (a two-sided false-failure rate of 0.27%).
 */
class Kernel_ClosedFormTest {
  private static final String NO_CARE = """
      contract:
        contract:
          outcome_months: 30        # every child's tracking ends inside the contract
      referrals:
        volume: {distribution: fixed, mean: 1.0}
        acceptance: 1.0             # every referral engages, on the day it is referred
        days_to_start: {distribution: fixed, mean: 0}
        reunification: {home_share: 1.0, days_to_home: {distribution: fixed, mean: 0}}
      effect:
        hazard_ratio: {distribution: fixed, mean: 1.0e-12}   # the service prevents every entry to care
      secondary:
        family_star: {distribution: fixed, mean: 0.5}
        my_star: {distribution: fixed, mean: 0.3}
        attendance: {distribution: fixed, mean: 0.7}
        reading: {distribution: fixed, mean: 0.2}
      """;

  @Test
  void theMeanOutcomePaymentMatchesTheClosedForm() {
    Scenario scenario = ScenarioFile.fromYaml(NO_CARE, "no-care.yaml");
    Kernel kernel = new Kernel(scenario, TestParameters.simple());
    int n = 400;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      IterationResult r = kernel.run(i);
      assertEquals(0, r.careDaysWith(), "nobody enters care with the service");
      sum += r.outcomePayments();
      squares += r.outcomePayments() * r.outcomePayments();
    }
    double mean = sum / n;
    double se = Math.sqrt((squares / n - mean * mean) * n / (n - 1) / n);

    Scenario.Referrals referrals = scenario.referrals();
    double rampSum = 0;
    for (int m = 0; m < 60; m++) {
      rampSum += m >= referrals.rampUpMonths() ? 1.0 : referrals.rampUpStart() + (1 - referrals.rampUpStart()) * m / referrals.rampUpMonths();
    }
    double perYear = 0;
    for (Pathway p : Pathway.values()) {
      for (double v : referrals.perYear().get(p).values()) {
        perYear += v;
      }
    }
    double expectedReferrals = perYear / 12.0 * rampSum;
    double perChild = (0.85 + 0.5 * 0.025 + 0.3 * 0.025 + 0.7 * 0.05 + 0.2 * 0.05) * 10_000;
    double expected = expectedReferrals * perChild;
    assertTrue(Math.abs(mean - expected) <= 3 * se, "simulated mean " + mean + ", closed form " + expected + ", MC s.e. " + se);
  }

  @Test
  void theClosedFormDiffersFromAScenarioWithCare() {
    // The test can fail: with the default effect, children enter care and payments fall well below it.
    Kernel kernel = new Kernel(ScenarioFile.fromYaml("contract:\n  contract:\n    outcome_months: 30\n", "care.yaml"), TestParameters.simple());
    double mean = 0;
    for (int i = 0; i < 50; i++) {
      mean += kernel.run(i).outcomePayments() / 50;
    }
    Scenario s = ScenarioFile.fromYaml(NO_CARE, "no-care.yaml");
    assertTrue(mean < 0.95 * 680 * 0.85 * 10_000, "payments with care " + mean);
    assertTrue(s.referrals().perYear().get(Pathway.DIVERSION).equals(Map.of(AgeBand.A5_7, 44.0, AgeBand.A8_9, 25.0, AgeBand.A10_12, 23.0, AgeBand.A13_15, 35.0)));
  }
}
