package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the mechanism on 20,000 random children (seeded: a failure reproduces). Each
 * property is exact, so the test has no false-failure rate.
 */
class PaymentEngine_PropertiesTest {
  private static final long SEED = 20191101L;
  private static final int CHILDREN = 20_000;
  private static final ContractTerms TERMS = TermsFile.defaults().withPrice(new BigDecimal("10000"));
  private static final PaymentEngine ENGINE = new PaymentEngine(TERMS);
  private static final int START = CalendarDays.epochDay(TERMS.contractStart());
  private static final int END = CalendarDays.epochDay(TERMS.contractEnd());

  /** A random child referred in the referral window, with up to five spells and random outcomes. */
  private static ChildHistory randomChild(SplittableRandom rng, int i) {
    int day0 = START + rng.nextInt(60 * 30);
    int spells = rng.nextInt(6);
    int[] entries = new int[spells];
    int[] exits = new int[spells];
    int cursor = day0;
    for (int s = 0; s < spells; s++) {
      entries[s] = cursor + rng.nextInt(300);
      boolean open = s == spells - 1 && rng.nextInt(4) == 0;
      // Lengths around the 56-day boundary are the interesting ones.
      exits[s] = open ? ChildHistory.OPEN : entries[s] + 1 + (rng.nextBoolean() ? 50 + rng.nextInt(12) : rng.nextInt(200));
      cursor = open ? cursor : exits[s];
    }
    SubCohort cohort = SubCohort.all().get(rng.nextInt(4));
    return new ChildHistory("c" + i, cohort, day0, entries, exits, rng.nextInt(16));
  }

  @Test
  void aChildNeverEarnsMoreThanP() {
    SplittableRandom rng = new SplittableRandom(SEED);
    for (int i = 0; i < CHILDREN; i++) {
      ChildHistory child = randomChild(rng, i);
      ChildPayments paid = ENGINE.assess(child);
      long price = ENGINE.pricePence(child.subCohort());
      assertTrue(paid.assessment().total() + paid.assessment().truncated() <= price, child.childId());
      assertEquals(paid.assessment().total(), paid.lines().stream().mapToLong(PaymentLine::pence).sum());
      assertTrue(paid.lines().stream().allMatch(l -> l.pence() > 0), "no empty lines");
    }
  }

  @Test
  void theSimulationsEntryPointAssessesAsTheHistoryDoes() {
    SplittableRandom rng = new SplittableRandom(SEED + 2);
    for (int i = 0; i < CHILDREN; i++) {
      ChildHistory child = randomChild(rng, i);
      // The kernel hands over longer arrays and a count of the spells that count.
      int[] entries = java.util.Arrays.copyOf(child.entries(), child.entries().length + 2);
      int[] exits = java.util.Arrays.copyOf(child.exits(), child.exits().length + 2);
      java.util.List<PaymentLine> expected = new java.util.ArrayList<>();
      java.util.List<PaymentLine> actual = new java.util.ArrayList<>();
      Assessment a = ENGINE.assess(child, PaymentEngine.NO_AS_OF, (kind, earned, month, pence) -> expected.add(new PaymentLine(kind, earned, month, pence)));
      Assessment b = ENGINE.assessSimulated(child.subCohort(), child.day0(), child.engagementStart(), entries, exits,
          child.entries().length, child.outcomes(), (kind, earned, month, pence) -> actual.add(new PaymentLine(kind, earned, month, pence)));
      assertEquals(a, b, child.childId());
      assertEquals(expected, actual, child.childId());
    }
  }

  @Test
  void aChildAtHomeThroughoutEarnsExactlyTheStabilityShare() {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    for (int i = 0; i < CHILDREN; i++) {
      int day0 = START + rng.nextInt(36 * 30);
      ChildHistory child = new ChildHistory("h" + i, SubCohort.all().get(rng.nextInt(4)), day0, new int[0], new int[0], 0);
      Assessment a = ENGINE.assess(child).assessment();
      assertEquals(PaymentStatus.COMPLETED, a.status());
      assertEquals(548, a.payableDays());
      assertEquals(Money.share(ENGINE.pricePence(child.subCohort()), new BigDecimal("0.85")), a.total(), child.childId());
    }
  }

  /** Inside the contract: payable + unpaid days in care + days after a stop = tracking days. */
  @Test
  void trackingDaysAreConserved() {
    SplittableRandom rng = new SplittableRandom(SEED + 2);
    int checked = 0;
    for (int i = 0; i < CHILDREN; i++) {
      ChildHistory child = randomChild(rng, i);
      Assessment a = ENGINE.assess(child).assessment();
      int milestone = CalendarDays.plusMonths(child.day0(), 6);
      int trackEnd = milestone + 548;
      if (a.status() == PaymentStatus.FAILED_BEFORE_MILESTONE || trackEnd > END) {
        continue;
      }
      int stop = trackEnd;
      int count = 0;
      for (int s = 0; s < child.entries().length && child.entries()[s] < trackEnd; s++) {
        count++;
        int length = child.exits()[s] == ChildHistory.OPEN ? Integer.MAX_VALUE : child.exits()[s] - child.entries()[s];
        if (count > 2 || length > 56) {
          stop = child.entries()[s];
          break;
        }
      }
      int inCareBeforeStop = 0;
      for (int s = 0; s < child.entries().length; s++) {
        int from = Math.max(child.entries()[s], milestone);
        int to = Math.min(child.exits()[s], stop);
        inCareBeforeStop += Math.max(0, to - from);
      }
      assertEquals(548, a.payableDays() + inCareBeforeStop + (trackEnd - stop), child.childId() + " " + a);
      checked++;
    }
    assertTrue(checked > CHILDREN / 3, "enough children tracked inside the contract: " + checked);
  }

  @Test
  void anAsOfDateNeverPaysMoreThanTheFullHistoryAndConvergesToIt() {
    SplittableRandom rng = new SplittableRandom(SEED + 3);
    for (int i = 0; i < 2_000; i++) {
      ChildHistory child = randomChild(rng, i);
      long full = ENGINE.assess(child).assessment().total();
      long previous = 0;
      for (LocalDate asOf = TERMS.contractStart(); asOf.isBefore(TERMS.contractEnd().plusMonths(1)); asOf = asOf.plusMonths(3)) {
        long soFar = ENGINE.assess(child, asOf).assessment().total();
        assertTrue(soFar >= previous, child.childId() + " at " + asOf + ": payments never go down");
        assertTrue(soFar <= full, child.childId() + " at " + asOf);
        previous = soFar;
      }
      assertEquals(full, ENGINE.assess(child, TERMS.contractEnd()).assessment().total(), child.childId());
    }
  }
}
