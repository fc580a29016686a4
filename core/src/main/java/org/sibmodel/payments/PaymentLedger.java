package org.sibmodel.payments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every payment line of a set of children in payment order, with the contract's caps applied and
 * the roll-ups by month and financial year (spec/payment-mechanism.md: caps "applied in
 * payment-date order; what the cap removes is reported"). Amounts in pence.
 *
 * @param lines every line in payment order with the part the caps removed
 * @param cappedByChild pence removed by the caps, by child (children with nothing removed absent)
 * @param byMonth totals by payment month ({@link CalendarDays} month number), see {@link Totals}
 * @param byYear totals by financial year (the year April starts in)
 * @param childrenByMonth the children paid something in each payment month
 * @param childrenByYear the children paid something in each financial year
 */
public record PaymentLedger(
    List<Line> lines,
    Map<String, Long> cappedByChild,
    Map<Integer, Totals> byMonth,
    Map<Integer, Totals> byYear,
    Map<Integer, Set<String>> childrenByMonth,
    Map<Integer, Set<String>> childrenByYear) {

  public PaymentLedger {
    lines = List.copyOf(lines);
    cappedByChild = Collections.unmodifiableMap(cappedByChild);
    byMonth = Collections.unmodifiableMap(byMonth);
    byYear = Collections.unmodifiableMap(byYear);
    childrenByMonth = Collections.unmodifiableMap(childrenByMonth);
    childrenByYear = Collections.unmodifiableMap(childrenByYear);
  }

  /** One line of one child and what the caps removed from it. */
  public record Line(String childId, SubCohort subCohort, PaymentLine line, long capped) {
    public long paid() {
      return line.pence() - capped;
    }
  }

  /** Pence due by kind of outcome, in all, and removed by the caps. */
  public record Totals(long milestone, long daily, long secondary, long total, long capped) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    public long paid() {
      return total - capped;
    }

    Totals plus(PaymentKind kind, long pence, long cappedPence) {
      return new Totals(
          milestone + (kind == PaymentKind.MILESTONE ? pence : 0),
          daily + (kind == PaymentKind.DAILY ? pence : 0),
          secondary + (kind != PaymentKind.MILESTONE && kind != PaymentKind.DAILY ? pence : 0),
          total + pence,
          capped + cappedPence);
    }

    public Totals plus(Totals other) {
      return new Totals(milestone + other.milestone, daily + other.daily, secondary + other.secondary, total + other.total,
          capped + other.capped);
    }
  }

  /**
   * The ledger of these children's lines under these caps. Lines are put in payment order (month
   * paid, then day earned, child and kind), so the same children give the same ledger whatever
   * order they come in.
   */
  public static PaymentLedger of(List<ChildPayments> children, CapAllocator caps) {
    List<Line> ordered = new ArrayList<>();
    for (ChildPayments child : children) {
      for (PaymentLine line : child.lines()) {
        ordered.add(new Line(child.childId(), child.subCohort(), line, 0));
      }
    }
    ordered.sort(Comparator.<Line>comparingInt(l -> l.line().paymentMonth()).thenComparingInt(l -> l.line().earnedDay())
        .thenComparing(Line::childId).thenComparing(l -> l.line().kind()));
    List<Line> lines = new ArrayList<>(ordered.size());
    Map<String, Long> cappedByChild = new HashMap<>();
    Map<Integer, Totals> byMonth = new TreeMap<>();
    Map<Integer, Totals> byYear = new TreeMap<>();
    Map<Integer, Set<String>> childrenByMonth = new TreeMap<>();
    Map<Integer, Set<String>> childrenByYear = new TreeMap<>();
    for (Line l : ordered) {
      PaymentLine line = l.line();
      long capped = line.pence() - caps.pay(line.paymentMonth(), line.pence());
      lines.add(new Line(l.childId(), l.subCohort(), line, capped));
      cappedByChild.merge(l.childId(), capped, Long::sum);
      int month = line.paymentMonth();
      int year = CalendarDays.financialYearOf(month);
      byMonth.merge(month, Totals.ZERO.plus(line.kind(), line.pence(), capped), Totals::plus);
      byYear.merge(year, Totals.ZERO.plus(line.kind(), line.pence(), capped), Totals::plus);
      childrenByMonth.computeIfAbsent(month, k -> new HashSet<>()).add(l.childId());
      childrenByYear.computeIfAbsent(year, k -> new HashSet<>()).add(l.childId());
    }
    return new PaymentLedger(lines, cappedByChild, byMonth, byYear, childrenByMonth, childrenByYear);
  }

  /** The totals of every year. */
  public Totals total() {
    return byYear.values().stream().reduce(Totals.ZERO, Totals::plus);
  }
}
