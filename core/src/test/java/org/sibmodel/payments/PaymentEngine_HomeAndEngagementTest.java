package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sibmodel.vocabulary.AgeGroup;
import org.sibmodel.vocabulary.Pathway;

/**
 * Two rules of seed 000 section 9 as written, with vectors worked by hand (P = £10,000, lag one
 * month, the specification's terms): payment restarts only on a return to the family home
 * (9.2.1), and the secondary outcomes are assessed from the start of engagement (9.2.2, 9.2.3).
 */
class PaymentEngine_HomeAndEngagementTest {
  private static final PaymentEngine ENGINE = new PaymentEngine(TermsFile.defaults().withPrice(new BigDecimal("10000")));
  private static final SubCohort DIVERSION = new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_10_15);
  private static final SubCohort REUNIFICATION = new SubCohort(Pathway.REUNIFICATION, AgeGroup.AGE_5_9);

  private static int day(String date) {
    return CalendarDays.epochDay(LocalDate.parse(date));
  }

  /** Day 0 2020-01-15, one three-week spell 2021-01-10 to 2021-01-31, ending as {@code endsHome} says (null: not given). */
  private static Assessment shortSpell(boolean[] endsHome) {
    ChildHistory child = new ChildHistory("a", DIVERSION, day("2020-01-15"), new int[] {day("2021-01-10")},
        new int[] {day("2021-01-31")}, 0, day("2020-01-15"), endsHome);
    return ENGINE.assess(child, PaymentEngine.NO_AS_OF, PaymentSink.NONE);
  }

  @Test
  void aShortSpellEndingInAReturnHomePausesPayment() {
    // M = 2020-07-15, tracking to 2022-01-13. The 21 days in care are not paid: 548 - 21 = 527 days.
    // Daily: 527 x 5,100 / 548 = 4,904.5620 -> £4,904.56; milestone £3,400.00.
    for (boolean[] home : new boolean[][] {null, {true}}) {
      Assessment a = shortSpell(home);
      assertEquals(PaymentStatus.COMPLETED, a.status());
      assertEquals(527, a.payableDays());
      assertEquals(340_000, a.milestone());
      assertEquals(490_456, a.daily());
    }
  }

  @Test
  void aShortSpellEndingOtherwiseStopsPaymentAtItsEntry() {
    // The same spell ending in adoption (E11): payment stops on 2021-01-10. Paid days 2020-07-15 to 2021-01-09:
    // 17 (July) + 31 + 30 + 31 + 30 + 31 + 9 (January) = 179. Daily: 179 x 5,100 / 548 = 1,665.8759 -> £1,665.88.
    Assessment a = shortSpell(new boolean[] {false});
    assertEquals(PaymentStatus.STOPPED_NOT_HOME, a.status());
    assertEquals(179, a.payableDays());
    assertEquals(340_000, a.milestone());
    assertEquals(166_588, a.daily());
    assertEquals(506_588, a.total());
  }

  @Test
  void secondaryOutcomesAreAssessedFromTheStartOfEngagement() {
    // Reunification: engaged 2020-01-15, home (day 0) 2020-03-01, Family Star achieved. Assessed 6 months after
    // engagement: earned 2020-07-15, paid in August 2020 (not 2020-09-01 from day 0, paid in October). 0.025 x P = £250.
    List<int[]> lines = new ArrayList<>();
    PaymentSink sink = (kind, earned, month, pence) -> {
      if (kind == PaymentKind.FAMILY_STAR) {
        lines.add(new int[] {earned, CalendarDays.yyyymm(month), (int) pence});
      }
    };
    ChildHistory child = new ChildHistory("b", REUNIFICATION, day("2020-03-01"), new int[0], new int[0],
        SecondaryOutcome.FAMILY_STAR.bit(), day("2020-01-15"), null);
    ENGINE.assess(child, PaymentEngine.NO_AS_OF, sink);
    assertEquals(1, lines.size());
    assertEquals(day("2020-07-15"), lines.get(0)[0]);
    assertEquals(202008, lines.get(0)[1]);
    assertEquals(25_000, lines.get(0)[2]);
  }

  @Test
  void engagementAfterDayZeroIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChildHistory("c", DIVERSION, day("2020-01-15"),
        new int[0], new int[0], 0, day("2020-02-01"), null));
    assertEquals("child c: engagement starts 2020-02-01, after day 0 2020-01-15", e.getMessage());
  }
}
