package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sibmodel.vocabulary.AgeGroup;
import org.sibmodel.vocabulary.Pathway;

class PaymentLedger_CapsTest {
  private static final SubCohort COHORT = new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_5_9);

  private static int month(int yyyymm) {
    return CalendarDays.fromYyyymm(yyyymm);
  }

  private static PaymentLine line(PaymentKind kind, int earnedYyyymmdd, int paidYyyymm, long pence) {
    int day = CalendarDays.epochDay(java.time.LocalDate.of(earnedYyyymmdd / 10000, earnedYyyymmdd / 100 % 100, earnedYyyymmdd % 100));
    return new PaymentLine(kind, day, month(paidYyyymm), pence);
  }

  private static ChildPayments child(String id, PaymentLine... lines) {
    return new ChildPayments(id, COHORT, 10_000_00, null, List.of(lines));
  }

  // Two children, lines in March and April 2020 (financial years 2019-20 and 2020-21):
  //   b: milestone 3,400.00 earned 15 Feb, paid March;   a: daily 200.00 earned 29 Feb, paid March
  //   a: milestone 3,400.00 earned 1 Mar, paid April;    b: family star 750.00 earned 2 Mar, paid April
  private static final List<ChildPayments> CHILDREN = List.of(
      child("a", line(PaymentKind.DAILY, 20200229, 202003, 200_00), line(PaymentKind.MILESTONE, 20200301, 202004, 3_400_00)),
      child("b", line(PaymentKind.MILESTONE, 20200215, 202003, 3_400_00), line(PaymentKind.FAMILY_STAR, 20200302, 202004, 750_00)));

  @Test
  void withoutCapsEveryLineIsPaidAndRolledUpByMonthAndYear() {
    PaymentLedger ledger = PaymentLedger.of(CHILDREN, new CapAllocator(null, null));
    // Payment order: month paid, then day earned: b's milestone (15 Feb) before a's daily (29 Feb).
    assertEquals(List.of("b", "a", "a", "b"), ledger.lines().stream().map(PaymentLedger.Line::childId).toList());
    assertEquals(new PaymentLedger.Totals(3_400_00, 200_00, 0, 3_600_00, 0), ledger.byMonth().get(month(202003)));
    assertEquals(new PaymentLedger.Totals(3_400_00, 0, 750_00, 4_150_00, 0), ledger.byYear().get(2020));
    assertEquals(7_750_00, ledger.total().paid());
    assertEquals(Map.of("a", 0L, "b", 0L), ledger.cappedByChild());
  }

  @Test
  void theTotalCapCutsTheLineThatCrossesItInPaymentOrder() {
    // £5,000 in all: March pays 3,600.00; April's first line (a's milestone, earned 1 Mar) gets 1,400.00, b's star nothing.
    PaymentLedger ledger = PaymentLedger.of(CHILDREN, new CapAllocator(5_000_00L, null));
    assertEquals(List.of(0L, 0L, 2_000_00L, 750_00L), ledger.lines().stream().map(PaymentLedger.Line::capped).toList());
    assertEquals(2_000_00L, ledger.cappedByChild().get("a"));
    assertEquals(750_00L, ledger.cappedByChild().get("b"));
    assertEquals(2_750_00, ledger.byYear().get(2020).capped());
    assertEquals(5_000_00, ledger.total().paid());
    assertEquals(7_750_00, ledger.total().total(), "what was due is kept beside what was paid");
  }

  @Test
  void theYearCapStartsAgainInApril() {
    // £3,500 a financial year: March's second line loses 100.00; April's lines lose 650.00.
    PaymentLedger ledger = PaymentLedger.of(CHILDREN, new CapAllocator(null, 3_500_00L));
    assertEquals(100_00, ledger.byYear().get(2019).capped());
    assertEquals(650_00, ledger.byYear().get(2020).capped());
    assertEquals(7_000_00, ledger.total().paid());
  }

  @Test
  void theOrderChildrenComeInDoesNotMatter() {
    PaymentLedger forward = PaymentLedger.of(CHILDREN, new CapAllocator(5_000_00L, null));
    PaymentLedger backward = PaymentLedger.of(List.of(CHILDREN.get(1), CHILDREN.get(0)), new CapAllocator(5_000_00L, null));
    assertEquals(forward.lines(), backward.lines());
    assertEquals(forward.byMonth(), backward.byMonth());
  }
}
