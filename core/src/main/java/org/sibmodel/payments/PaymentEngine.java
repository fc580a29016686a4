package org.sibmodel.payments;

import org.sibmodel.vocabulary.AgeGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome payment mechanism of spec/payment-mechanism.md, for one child at a time. Built once
 * from the contract terms; assessing a child allocates nothing per day or per month, so the same
 * engine serves invoice checks and Monte Carlo simulations of millions of children.
 *
 * <p>Money is exact: for each sub-cohort the milestone and secondary amounts, and the daily tariff
 * for every possible number of payable days ({@code round(P x daily share x days / tracking days)},
 * half up, the rate kept unrounded), are computed once in decimal arithmetic and kept in pence.
 * A calendar month's daily line is the rounded amount for the days payable up to the end of that
 * month less what earlier months invoiced, so a child's daily total is exactly the rounded amount
 * for all its payable days.
 */
public final class PaymentEngine implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** No as-of date: the whole history is known. */
  public static final int NO_AS_OF = Integer.MAX_VALUE - 1;
  /** The outcomes, copied once: {@code values()} copies its array on every call, and assess runs per child. */
  private static final SecondaryOutcome[] OUTCOMES = SecondaryOutcome.values();

  private final ContractTerms terms;
  private final int contractEnd;
  private final int lag;
  private final int trackingDays;
  private final int maxEntries;
  private final int maxPauseDays;
  private final int milestoneMonths;
  private final int[] assessmentMonths;
  private final boolean secondaryRequiresHome;
  private final Priced[] priced;

  /** Amounts of one sub-cohort, in pence. {@code daily[d]} is the daily total for d payable days. */
  private record Priced(long price, long milestone, long[] daily, long[] secondary) implements java.io.Serializable {}

  public PaymentEngine(ContractTerms terms) {
    this.terms = terms;
    this.contractEnd = CalendarDays.epochDay(terms.contractEnd());
    this.lag = terms.paymentLagMonths();
    this.trackingDays = terms.trackingDays();
    this.maxEntries = terms.maxEntries();
    this.maxPauseDays = terms.maxPauseDays();
    this.milestoneMonths = terms.milestoneMonths();
    this.secondaryRequiresHome = terms.secondaryRequiresHome();
    this.assessmentMonths = new int[SecondaryOutcome.values().length];
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      assessmentMonths[o.ordinal()] = terms.assessmentMonths().get(o);
    }
    this.priced = new Priced[SubCohort.all().size()];
    for (SubCohort cohort : SubCohort.all()) {
      priced[index(cohort)] = price(terms, Money.pence(terms.price(cohort)));
    }
  }

  private static Priced price(ContractTerms terms, long pricePence) {
    Shares shares = terms.shares();
    BigDecimal dailyPounds = BigDecimal.valueOf(pricePence).multiply(shares.daily());
    long[] daily = new long[terms.trackingDays() + 1];
    BigDecimal days = BigDecimal.valueOf(terms.trackingDays());
    for (int d = 0; d <= terms.trackingDays(); d++) {
      daily[d] = dailyPounds.multiply(BigDecimal.valueOf(d)).divide(days, 0, RoundingMode.HALF_UP).longValueExact();
    }
    long[] secondary = new long[SecondaryOutcome.values().length];
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      secondary[o.ordinal()] = Money.share(pricePence, shares.of(o));
    }
    return new Priced(pricePence, Money.share(pricePence, shares.milestone()), daily, secondary);
  }

  private static int index(SubCohort cohort) {
    return cohort.pathway().ordinal() * AgeGroup.values().length + cohort.ageGroup().ordinal();
  }

  public ContractTerms terms() {
    return terms;
  }

  /** P for a sub-cohort, in pence. */
  public long pricePence(SubCohort cohort) {
    return priced[index(cohort)].price();
  }

  /** The whole history known: lines and totals. */
  public ChildPayments assess(ChildHistory child) {
    return assess(child, (LocalDate) null);
  }

  /** What is payable so far at {@code asOf} (null: everything); days after it are not yet earned. */
  public ChildPayments assess(ChildHistory child, LocalDate asOf) {
    List<PaymentLine> lines = new ArrayList<>();
    Assessment a = assess(child, asOf == null ? NO_AS_OF : CalendarDays.epochDay(asOf),
        (kind, earned, month, pence) -> lines.add(new PaymentLine(kind, earned, month, pence)));
    return new ChildPayments(child.childId(), child.subCohort(), pricePence(child.subCohort()), a, lines);
  }

  /**
   * Assesses a child, handing each payable amount to {@code sink} in the order earned.
   *
   * @param asOf last day known (epoch day), or {@link #NO_AS_OF}
   */
  public Assessment assess(ChildHistory child, int asOf, PaymentSink sink) {
    return assess(child.subCohort(), child.day0(), child.engagementStart(), child.entries(), child.exits(), child.entries().length,
        child.endsHome(), child.outcomes(), asOf, sink);
  }

  /**
   * Assesses a simulated child, every exit from care a return home, with the whole history known:
   * the first {@code spells} spells of {@code entries} and {@code exits}, as a {@link ChildHistory}
   * of them would hold. For the simulation kernel, which assesses two lives of every referred child
   * and builds valid histories by construction: no history is checked, copied or made.
   */
  public Assessment assessSimulated(SubCohort cohort, int day0, int engagementStart, int[] entries, int[] exits, int spells,
      int outcomes, PaymentSink sink) {
    return assess(cohort, day0, engagementStart, entries, exits, spells, null, outcomes, NO_AS_OF, sink);
  }

  private Assessment assess(SubCohort cohort, int day0, int engagementStart, int[] entries, int[] exits, int spells,
      boolean[] endsHome, int outcomes, int asOf, PaymentSink sink) {
    Priced p = priced[index(cohort)];
    int known = 0;
    while (known < spells && entries[known] <= asOf) {
      known++;
    }
    int milestoneDay = CalendarDays.plusMonths(day0, milestoneMonths);
    int trackEnd = milestoneDay + trackingDays;
    Daily daily = new Daily(p.daily(), asOf, sink);

    PaymentStatus status;
    // The day stability payments ended (stop, failure or end of tracking), for secondaryRequiresHome.
    int stabilityEnd = trackEnd;
    long milestone = 0;
    long truncated = 0;
    if (known > 0 && entries[0] < milestoneDay) {
      // Spec rule 2: a spell starting before M (not on it) fails the milestone.
      status = PaymentStatus.FAILED_BEFORE_MILESTONE;
      stabilityEnd = entries[0];
    } else if (asOf < milestoneDay) {
      status = PaymentStatus.IN_PROGRESS;
    } else {
      if (milestoneDay >= contractEnd) {
        truncated += p.milestone();
        sink.truncated(PaymentKind.MILESTONE, milestoneDay, p.milestone());
      } else {
        milestone = p.milestone();
        sink.paid(PaymentKind.MILESTONE, milestoneDay, CalendarDays.monthOf(milestoneDay) + lag, milestone);
      }
      status = PaymentStatus.COMPLETED;
      int cursor = milestoneDay;
      int count = 0;
      for (int i = 0; i < known && entries[i] < trackEnd; i++) {
        int entry = entries[i];
        daily.payable(cursor, entry, trackEnd, contractEnd);
        count++;
        if (count > maxEntries) {
          status = PaymentStatus.FAILED_REPEAT_ENTRY;
          break;
        }
        boolean openAtAsOf = exits[i] == ChildHistory.OPEN || (asOf != NO_AS_OF && exits[i] > asOf + 1);
        if (openAtAsOf && asOf != NO_AS_OF) {
          // Still in care at the as-of date: stopped once it is longer than 8 weeks, else pending.
          status = asOf + 1 - entry > maxPauseDays ? PaymentStatus.STOPPED_LONG_SPELL : PaymentStatus.IN_PROGRESS;
          break;
        }
        if (openAtAsOf || exits[i] - entry > maxPauseDays) {
          status = PaymentStatus.STOPPED_LONG_SPELL;
          break;
        }
        if (endsHome != null && !endsHome[i]) {
          status = PaymentStatus.STOPPED_NOT_HOME;
          break;
        }
        cursor = exits[i];
      }
      if (status == PaymentStatus.COMPLETED) {
        daily.payable(cursor, trackEnd, trackEnd, contractEnd);
        if (asOf < trackEnd - 1) {
          status = PaymentStatus.IN_PROGRESS;
        }
      } else {
        stabilityEnd = daily.lastCursor;
      }
      daily.flush();
      truncated += daily.truncatedAmount();
      if (daily.truncatedAmount() > 0) {
        sink.truncated(PaymentKind.DAILY, contractEnd, daily.truncatedAmount());
      }
    }

    long secondary = 0;
    for (SecondaryOutcome o : OUTCOMES) {
      if ((outcomes & o.bit()) == 0) {
        continue;
      }
      int day = CalendarDays.plusMonths(engagementStart, assessmentMonths[o.ordinal()]);
      if (secondaryRequiresHome && (day >= stabilityEnd || inCare(entries, exits, known, day))) {
        continue;
      }
      long amount = p.secondary()[o.ordinal()];
      if (day >= contractEnd) {
        truncated += amount;
        sink.truncated(PaymentKind.of(o), day, amount);
      } else if (day <= asOf) {
        secondary += amount;
        sink.paid(PaymentKind.of(o), day, CalendarDays.monthOf(day) + lag, amount);
      }
    }
    return new Assessment(status, daily.payableDays, milestone, daily.invoiced, secondary, truncated);
  }

  private static boolean inCare(int[] entries, int[] exits, int known, int day) {
    for (int i = 0; i < known; i++) {
      if (entries[i] <= day && day < exits[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The daily tariff, month by month: payable days are added in date order, and a month's line
   * goes out once the days move past it.
   */
  private final class Daily {
    private final long[] table;
    private final int asOf;
    private final PaymentSink sink;
    int payableDays;
    int truncatedDays;
    long invoiced;
    int lastCursor;
    private int month = Integer.MIN_VALUE;
    private int lastDay;

    Daily(long[] table, int asOf, PaymentSink sink) {
      this.table = table;
      this.asOf = asOf;
      this.sink = sink;
    }

    /**
     * Days [from, to) at home, within tracking ([.., trackEnd)), split at the contract end. Each month
     * the days run past goes out as its line there and then; the month they end in stays open, as
     * the next stretch at home may begin in it.
     */
    void payable(int from, int to, int trackEnd, int contractEnd) {
      lastCursor = to;
      int end = Math.min(Math.min(to, trackEnd), asOf + 1);
      int payableEnd = Math.min(end, contractEnd);
      if (from < payableEnd) {
        int m = CalendarDays.monthOf(from);
        if (m != month) {
          flush();
          month = m;
        }
        int days = payableDays;
        int day = from;
        for (int next = CalendarDays.monthStart(m + 1); next < payableEnd; next = CalendarDays.monthStart(m + 1)) {
          days += next - day;
          long amount = table[days] - invoiced;
          if (amount > 0) {
            sink.paid(PaymentKind.DAILY, next - 1, m + lag, amount);
            invoiced += amount;
          }
          day = next;
          m++;
        }
        payableDays = days + payableEnd - day;
        month = m;
        lastDay = payableEnd - 1;
      }
      truncatedDays += Math.max(0, end - Math.max(from, contractEnd));
    }

    void flush() {
      if (month == Integer.MIN_VALUE) {
        return;
      }
      long amount = table[payableDays] - invoiced;
      if (amount > 0) {
        sink.paid(PaymentKind.DAILY, lastDay, month + lag, amount);
        invoiced += amount;
      }
      month = Integer.MIN_VALUE;
    }

    long truncatedAmount() {
      return table[payableDays + truncatedDays] - table[payableDays];
    }
  }
}
