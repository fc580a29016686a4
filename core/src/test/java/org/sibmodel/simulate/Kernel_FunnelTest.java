package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who the service reaches (acceptance, the return home), when it starts, and the effect as a hazard ratio in the kernel. */
class Kernel_FunnelTest {
  private static final String DIVERSION_ONLY = diversionOnly("acceptance: 1.0");

  /** Diversion referrals only, every one engaging unless {@code referrals} says otherwise. */
  private static String diversionOnly(String referrals) {
    return """
        referrals:
          per_year:
            reunification: {"5-7": 0, "8-9": 0, "10-12": 0, "13-15": 0}
          volume: {distribution: fixed, mean: 1.0}
          %s
        counterfactual:
          diversion_entry_within_12_months: {distribution: fixed, mean: 0.5}
        """.formatted(referrals);
  }

  private static Kernel kernel(String yaml) {
    return new Kernel(ScenarioFile.fromYaml(yaml, "test.yaml"), TestParameters.simple());
  }

  @Test
  void withAConstantHazardTheShareEnteringWithinAYearIsOneMinusExpOfMinusHrTimesH() {
    double hr = 0.65;
    double h = -Math.log(1 - 0.5);
    Kernel k = kernel(DIVERSION_ONLY + "effect: {hazard_ratio: {distribution: fixed, mean: " + hr + "}}\n");
    long children = 0;
    long entered = 0;
    long enteredWithout = 0;
    for (int i = 0; i < 40; i++) {
      IterationResult r = k.run(i);
      children += r.engaged();
      entered += r.enteredWith();
      enteredWithout += r.enteredWithout();
    }
    double expected = 1 - Math.exp(-hr * h);
    double se = Math.sqrt(expected * (1 - expected) / children);
    assertEquals(expected, entered / (double) children, 3 * se, children + " children");
    assertEquals(0.5, enteredWithout / (double) children, 3 * Math.sqrt(0.25 / children), "without the service: the counterfactual's 50%");
  }

  @Test
  void referralsWhoDoNotEngageGetNothingAndSaveNothing() {
    IterationResult all = kernel(DIVERSION_ONLY).run(5);
    IterationResult half = kernel(diversionOnly("acceptance: 0.5")).run(5);
    assertEquals(all.referrals(), half.referrals(), "the same referrals: acceptance does not change who is referred");
    assertEquals(all.referrals(), all.engaged());
    assertEquals(0.5, half.engaged() / (double) half.referrals(), 0.06);
    assertTrue(half.outcomePayments() < 0.6 * all.outcomePayments(), "only those who engage are paid for");
    assertTrue(half.careDaysWithout() < 0.6 * all.careDaysWithout(), "only those who engage are followed");
    assertEquals(all.deliveryCosts(), half.deliveryCosts(), 0.0, "every referral costs the provider its assessment");
  }

  @Test
  void reunifiedChildrenWhoNeverGoHomeEarnNothing() {
    String reunificationOnly = """
        referrals:
          per_year:
            diversion: {"5-7": 0, "8-9": 0, "10-12": 0, "13-15": 0}
            reunification: {"5-7": 30, "8-9": 30, "10-12": 30, "13-15": 30}
          acceptance: 1.0
          reunification: {home_share: 0.0}
        """;
    IterationResult none = kernel(reunificationOnly).run(1);
    assertTrue(none.referrals() > 0);
    assertEquals(0.0, none.outcomePayments(), 0.0);
    assertEquals(0, none.careDaysWithout());
  }

  @Test
  void aLaterStartMovesPaymentsLater() {
    IterationResult prompt = kernel(diversionOnly("acceptance: 1.0\n  days_to_start: {distribution: fixed, mean: 0}")).run(2);
    IterationResult slow = kernel(diversionOnly("acceptance: 1.0\n  days_to_start: {distribution: fixed, mean: 200}")).run(2);
    assertEquals(prompt.referrals(), slow.referrals());
    double promptFirstYear = prompt.years().get(1).outcomePayments();
    double slowFirstYear = slow.years().get(1).outcomePayments();
    assertTrue(slowFirstYear < promptFirstYear, "2020-21: " + promptFirstYear + " -> " + slowFirstYear);
    assertTrue(slow.savingsInTerm() < prompt.savingsInTerm() * 1.2, "fewer days left in the term to save in");
  }
}
