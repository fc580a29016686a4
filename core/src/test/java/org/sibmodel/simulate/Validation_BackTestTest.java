package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sibmodel.payments.SubCohort;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;

/**
 * The back-test scenarios of published SIBs (examples/validation): each file reads and runs, and its
 * contract arithmetic gives the published figures exactly: the cohort, the maximum payment per child
 * times the cohort, the caps and the outcomes fund's award.
 */
class Validation_BackTestTest {
  private static final Path DIR = Path.of("..", "examples", "validation");

  /** Children referred over the referral window at full volume: the table's yearly numbers times the years. */
  private static BigDecimal cohort(Scenario s) {
    double perYear = 0;
    for (Pathway p : Pathway.values()) {
      for (AgeBand b : AgeBand.REFERRAL_BANDS) {
        perYear += s.referrals().perYear(p, b);
      }
    }
    return BigDecimal.valueOf(perYear).multiply(BigDecimal.valueOf(s.contract().referralMonths())).divide(BigDecimal.valueOf(12));
  }

  private static BigDecimal maximum(Scenario s) {
    BigDecimal perChild = s.contract().price(SubCohort.all().get(0));
    for (SubCohort c : SubCohort.all()) {
      assertEquals(0, perChild.compareTo(s.contract().price(c)), "one price for every sub-cohort");
    }
    BigDecimal uncapped = perChild.multiply(cohort(s));
    return s.contract().totalCap() == null ? uncapped : uncapped.min(s.contract().totalCap());
  }

  private static void runs(Scenario s) {
    Kernel k = new Kernel(s, TestParameters.simple());
    for (int i = 0; i < 3; i++) {
      IterationResult r = k.run(i);
      assertTrue(r.referrals() > 0, s.name());
      assertTrue(r.outcomePayments() <= s.contract().totalCap().doubleValue() + 0.005, "never above the published cap");
    }
  }

  @Test
  void dn2PaysAtMostItsPublishedMaximum() {
    Scenario s = ScenarioFile.read(DIR.resolve("dn2.yaml"));
    assertEquals(0, new BigDecimal("304").compareTo(cohort(s)), "304 service users");
    assertEquals(0, new BigDecimal("9120000").compareTo(s.contract().price(SubCohort.all().get(0)).multiply(cohort(s))),
        "£30,000 x 304 = £9.12m");
    assertEquals(0, new BigDecimal("9120000").compareTo(maximum(s)));
    assertEquals(3_000_000, s.funding().outcomesFund().award());
    assertEquals(0.25, s.funding().outcomesFund().share());
    runs(s);
  }

  @Test
  void essexMstIsCappedAtItsPublishedMaximum() {
    Scenario s = ScenarioFile.read(DIR.resolve("essex-mst.yaml"));
    assertEquals(0, new BigDecimal("388").compareTo(cohort(s)), "388 young people");
    assertEquals(0, new BigDecimal("7100000").compareTo(maximum(s)), "the cap of £7.1m binds");
    assertEquals(0.0, s.funding().outcomesFund().share(), "no outcomes fund");
    runs(s);
  }
}
