package org.sibmodel.payments;

import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.AgeGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules beyond the vectors: as-of dates, truncation, secondary outcomes that require home, input checks. */
class PaymentEngine_RulesTest {
  private static final ContractTerms TERMS = TermsFile.defaults().withPrice(new BigDecimal("10000"));
  private static final PaymentEngine ENGINE = new PaymentEngine(TERMS);
  private static final SubCohort COHORT = SubCohort.all().get(1);
  private static final LocalDate DAY0 = LocalDate.of(2020, 1, 15);

  private static ChildHistory child(List<ChildHistory.Spell> spells, SecondaryOutcome... outcomes) {
    return ChildHistory.of("x", COHORT, DAY0, spells, outcomes);
  }

  private static ChildHistory.Spell spell(String entry, String exit) {
    return new ChildHistory.Spell(LocalDate.parse(entry), exit == null ? null : LocalDate.parse(exit));
  }

  @Test
  void beforeTheMilestoneNothingIsKnownYet() {
    Assessment a = ENGINE.assess(child(List.of()), LocalDate.of(2020, 7, 14)).assessment();
    assertEquals(PaymentStatus.IN_PROGRESS, a.status());
    assertEquals(0, a.total());
  }

  @Test
  void midTrackingTheDaysSoFarAreEarned() {
    // Milestone 2020-07-15; as of 2020-08-31 the days 15 July to 31 August (48) are earned.
    ChildPayments paid = ENGINE.assess(child(List.of()), LocalDate.of(2020, 8, 31));
    assertEquals(PaymentStatus.IN_PROGRESS, paid.assessment().status());
    assertEquals(48, paid.assessment().payableDays());
    assertEquals(340_000, paid.assessment().milestone());
    assertEquals(Math.round(48 * 1_000_000 * 0.51 / 548), paid.assessment().daily());
  }

  @Test
  void aSpellOpenAtTheAsOfDateIsPendingUntilItIsLongerThanEightWeeks() {
    ChildHistory inCare = child(List.of(spell("2021-01-10", null)));
    assertEquals(PaymentStatus.IN_PROGRESS, ENGINE.assess(inCare, LocalDate.of(2021, 3, 6)).assessment().status());
    assertEquals(PaymentStatus.STOPPED_LONG_SPELL, ENGINE.assess(inCare, LocalDate.of(2021, 3, 7)).assessment().status());
    // Either way the days from entry are not paid.
    assertEquals(179, ENGINE.assess(inCare, LocalDate.of(2021, 3, 6)).assessment().payableDays());
  }

  @Test
  void aReferralNearTheEndHasItsLateOutcomesTruncated() {
    ChildHistory late = ChildHistory.of("late", COHORT, LocalDate.of(2026, 5, 1), List.of(), SecondaryOutcome.ATTENDANCE,
        SecondaryOutcome.READING);
    Assessment a = ENGINE.assess(late).assessment();
    // Milestone 2026-11-01 is after the end (2026-09-01): everything but nothing payable.
    assertEquals(0, a.total());
    assertEquals(340_000 + 510_000 + 50_000 + 50_000, a.truncated());
  }

  @Test
  void secondaryOutcomesCanBeMadeToRequireHome() {
    ContractTerms strict = TermsFile.fromYaml("secondary:\n  requires_home: true\n", "strict").withPrice(new BigDecimal("10000"));
    ChildHistory failed = child(List.of(spell("2020-03-01", null)), SecondaryOutcome.values());
    assertEquals(1500_00, ENGINE.assess(failed).assessment().secondary());
    assertEquals(0, new PaymentEngine(strict).assess(failed).assessment().secondary());
    ChildHistory home = child(List.of(), SecondaryOutcome.values());
    assertEquals(1500_00, new PaymentEngine(strict).assess(home).assessment().secondary());
  }

  @Test
  void pricesDifferBySubCohort() {
    ContractTerms t = TermsFile.fromYaml("tariff:\n  reunification_10_15: 20000\n", "t");
    PaymentEngine engine = new PaymentEngine(t);
    SubCohort reunification = new SubCohort(Pathway.REUNIFICATION, AgeGroup.AGE_10_15);
    assertEquals(1_700_000, engine.assess(ChildHistory.of("r", reunification, DAY0, List.of())).assessment().total());
    assertEquals(850_000, engine.assess(ChildHistory.of("d", COHORT, DAY0, List.of())).assessment().total());
  }

  @Test
  void impossibleHistoriesAreRefused() {
    IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
        () -> child(List.of(spell("2020-01-01", "2020-02-01"))));
    assertTrue(before.getMessage().contains("before day 0"), before.getMessage());
    assertThrows(IllegalArgumentException.class, () -> child(List.of(spell("2020-03-01", "2020-03-01"))));
    IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
        () -> child(List.of(spell("2020-03-01", "2020-04-01"), spell("2020-03-15", "2020-05-01"))));
    assertTrue(overlap.getMessage().contains("overlaps"), overlap.getMessage());
  }
}
