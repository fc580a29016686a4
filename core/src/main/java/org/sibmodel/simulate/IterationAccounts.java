package org.sibmodel.simulate;

import java.util.ArrayList;
import java.util.List;
import org.sibmodel.payments.CalendarDays;
import org.sibmodel.payments.CapAllocator;
import org.sibmodel.payments.PaymentKind;
import org.sibmodel.payments.PaymentSink;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * The accounts of one iteration, month by month, and the result they come to.
 *
 * <p>Contractual cash (outcome payments, what the caps remove, the outcomes fund's top-up, the
 * council's cost of payments) is kept in whole pence from the payment engine to the totals, each
 * month's top-up rounded to the penny as an invoice would be. Savings and the council's own costs
 * are estimates and stay real numbers of pounds, adjusted for optimism bias where the scenario
 * applies it. Net position = cashable savings - the council's cost of payments - its own costs.
 */
final class IterationAccounts {
  private static final int GROUPS = PlacementGroup.values().length;

  private final Scenario scenario;
  private final Calendar calendar;
  private final double inflation;
  private final double councilCostPerYear;
  private final long[] due;
  private final long[] dueWithoutEffect;
  /** The cost of care avoided by month and placement group, at [m x groups + g]. */
  private final double[] careCost;
  private final double[] delivery;
  private final PaymentSink withEffect;
  private final PaymentSink withoutEffect;
  private final PaymentSink bothLives;
  private int diversion;
  private int reunification;
  private int engaged;
  private int enteredWithout;
  private int enteredWith;
  private int milestones;
  private int milestonesWithoutEffect;
  private long payableDays;
  private long careDaysWithout;
  private long careDaysWith;

  /**
   * @param inflation the iteration's general inflation a year
   * @param councilCostPerYear the iteration's council-side costs a year, pounds at the price year
   */
  IterationAccounts(Scenario scenario, Calendar calendar, double inflation, double councilCostPerYear) {
    this.scenario = scenario;
    this.calendar = calendar;
    this.inflation = inflation;
    this.councilCostPerYear = councilCostPerYear;
    int months = calendar.months();
    this.due = new long[months];
    this.dueWithoutEffect = new long[months];
    this.careCost = new double[months * GROUPS];
    this.delivery = new double[months];
    // Made once, not per child: every referred child is assessed twice.
    int firstMonth = calendar.monthNumber(0);
    this.withEffect = new DueByMonth(firstMonth, due, null);
    this.withoutEffect = new DueByMonth(firstMonth, dueWithoutEffect, null);
    this.bothLives = new DueByMonth(firstMonth, due, dueWithoutEffect);
  }

  /**
   * Adds what the payment engine hands over to the pence due by month, and to a second such array
   * where one is given. One class for the three sinks, not a lambda each: the engine's calls to its
   * sink, for every month of every child, are then calls to one known method, which the JIT inlines.
   */
  private record DueByMonth(int firstMonth, long[] due, long[] alsoDue) implements PaymentSink {
    @Override
    public void paid(PaymentKind kind, int earnedDay, int paymentMonth, long pence) {
      due[paymentMonth - firstMonth] += pence;
      if (alsoDue != null) {
        alsoDue[paymentMonth - firstMonth] += pence;
      }
    }
  }

  /** Where the payment engine puts what the contract pays for the life with the service. */
  PaymentSink withEffect() {
    return withEffect;
  }

  /** Where the payment engine puts what the contract would pay for the life without the service. */
  PaymentSink withoutEffect() {
    return withoutEffect;
  }

  /**
   * Where the payment engine puts what the contract pays for a child whose two lives earn the same:
   * into both. Pence are whole numbers, so their sums do not depend on the order they come in.
   */
  PaymentSink bothLives() {
    return bothLives;
  }

  /** A referral, engaged or not. */
  void referred(Pathway pathway) {
    if (pathway == Pathway.DIVERSION) {
      diversion++;
    } else {
      reunification++;
    }
  }

  /** A referral that engaged with the service. */
  void engaged() {
    engaged++;
  }

  /** A diverted child: whether it enters care within a year of day 0 without and with the service. */
  void enteredWithinAYear(boolean without, boolean with) {
    enteredWithout += without ? 1 : 0;
    enteredWith += with ? 1 : 0;
  }

  /** A child through the payment engine: its payable days, and whether each life reached the milestone. */
  void assessed(long payable, boolean milestone, boolean milestoneWithoutEffect) {
    payableDays += payable;
    milestones += milestone ? 1 : 0;
    milestonesWithoutEffect += milestoneWithoutEffect ? 1 : 0;
  }

  /** Days in care of a life within its savings horizon. */
  void careDays(long days, boolean without) {
    if (without) {
      careDaysWithout += days;
    } else {
      careDaysWith += days;
    }
  }

  /** The cost of care avoided in month {@code m} in a placement group, pounds in cash (negative: care added). */
  void careCost(int m, int group, double pounds) {
    careCost[m * GROUPS + group] += pounds;
  }

  /**
   * The cost of care in the whole months {@code [fromMonth, toMonth)}, from {@code costs} laid out as
   * {@link CareCosts#wholeMonths} lays them: avoided (the life without the service) or added (with it).
   * Subtracting is the same to the bit as adding the negated cost, as {@link #careCost} is given it.
   */
  void careCostOfWholeMonths(int fromMonth, int toMonth, double[] costs, boolean avoided) {
    int end = toMonth * GROUPS;
    if (avoided) {
      for (int i = fromMonth * GROUPS; i < end; i++) {
        careCost[i] += costs[i];
      }
    } else {
      for (int i = fromMonth * GROUPS; i < end; i++) {
        careCost[i] -= costs[i];
      }
    }
  }

  /** The provider's delivery costs in month {@code m} (funded by the social investor). */
  void delivery(int m, double pounds) {
    delivery[m] += pounds;
  }

  IterationResult result(long iteration, double volume, double hazardRatio, double counterfactualEntry) {
    Scenario.Funding funding = scenario.funding();
    Scenario.OutcomesFund fund = funding.outcomesFund();
    Scenario.OptimismBias bias = scenario.economics().optimismBias();
    double benefit = bias.benefitFactor();
    double councilMonthly = councilCostPerYear / 12 * bias.costFactor();
    double[] generalGrowth = calendar.growth(inflation, scenario.economics().priceYear());
    CapAllocator caps = CapAllocator.of(scenario.contract());
    CapAllocator capsWithoutEffect = CapAllocator.of(scenario.contract());
    long awardLeft = fund.award() == null ? Long.MAX_VALUE : Math.round(fund.award() * 100);
    int lastTopUp = fund.lastPaymentDate() == null ? Integer.MAX_VALUE : CalendarDays.epochDay(fund.lastPaymentDate());
    PlacementGroup[] groups = PlacementGroup.values();

    int months = calendar.months();
    int nYears = calendar.years().size();
    long[] yPay = new long[nYears];
    long[] yFund = new long[nYears];
    double[] yCouncilSide = new double[nYears];
    double[] yGross = new double[nYears];
    double[] yCash = new double[nYears];
    double[] yNet = new double[nYears];
    double[] yDelivery = new double[nYears];
    long paidTotal = 0;
    long paidWithoutEffect = 0;
    long fundTotal = 0;
    double councilSideTotal = 0;
    double grossTotal = 0;
    double cashableTotal = 0;
    double inTerm = 0;
    double afterTerm = 0;
    double deliveryTotal = 0;
    double[] cumPay = new double[months];
    double[] cumNet = new double[months];
    double[] investorCash = new double[months];
    double runningNet = 0;
    for (int m = 0; m < months; m++) {
      long paid = caps.pay(calendar.monthNumber(m), due[m]);
      paidWithoutEffect += capsWithoutEffect.pay(calendar.monthNumber(m), dueWithoutEffect[m]);
      long topUp = calendar.monthStart(m) <= lastTopUp ? Math.min(Math.round(paid * fund.share()), awardLeft) : 0;
      awardLeft -= topUp;
      double gross = 0;
      double cashable = 0;
      for (int g = 0; g < GROUPS; g++) {
        gross += careCost[m * GROUPS + g] * benefit;
        cashable += careCost[m * GROUPS + g] * scenario.costs().cashable(groups[g], calendar.contractYear(m)) * benefit;
      }
      double councilSide = m < calendar.contractMonths() ? councilMonthly * generalGrowth[m] : 0;
      double net = cashable - pounds(paid - topUp) - councilSide;
      int y = calendar.yearIndex(m);
      yPay[y] += paid;
      yFund[y] += topUp;
      yCouncilSide[y] += councilSide;
      yGross[y] += gross;
      yCash[y] += cashable;
      yNet[y] += net;
      yDelivery[y] += delivery[m];
      paidTotal += paid;
      fundTotal += topUp;
      councilSideTotal += councilSide;
      grossTotal += gross;
      cashableTotal += cashable;
      if (m < calendar.contractMonths()) {
        inTerm += cashable;
      } else {
        afterTerm += cashable;
      }
      deliveryTotal += delivery[m];
      investorCash[m] = pounds(paid) - delivery[m];
      runningNet += net;
      cumPay[m] = pounds(paidTotal);
      cumNet[m] = runningNet;
    }

    int priceYear = scenario.economics().priceYear();
    List<IterationResult.Year> yearRows = new ArrayList<>(nYears);
    boolean overBudget = false;
    for (int y = 0; y < nYears; y++) {
      if (funding.budgetPerFinancialYear() != null && pounds(yPay[y]) > funding.budgetPerFinancialYear() + 1e-6) {
        overBudget = true;
      }
      yearRows.add(new IterationResult.Year(calendar.years().get(y), pounds(yPay[y]), pounds(yFund[y]), pounds(yPay[y] - yFund[y]),
          yCouncilSide[y], yGross[y], yCash[y], yNet[y], GreenBook.real(yNet[y], calendar.financialYear(y), priceYear, inflation),
          yDelivery[y], pounds(yPay[y]) - yDelivery[y]));
    }
    double npvReal = GreenBook.npvReal(yNet, calendar.financialYear(0), priceYear, inflation, scenario.economics().discountRate());
    double peak = 0;
    double cumulative = 0;
    for (double cash : investorCash) {
      cumulative += cash;
      peak = Math.max(peak, -cumulative);
    }
    double council = pounds(paidTotal - fundTotal);
    return new IterationResult(iteration, volume, hazardRatio, counterfactualEntry, inflation, diversion + reunification,
        diversion, reunification, engaged, enteredWithout, enteredWith, milestones, milestonesWithoutEffect, payableDays, careDaysWithout, careDaysWith,
        pounds(paidTotal), pounds(paidWithoutEffect), pounds(caps.removed()), pounds(fundTotal), council, councilSideTotal,
        grossTotal, cashableTotal, inTerm, afterTerm, cashableTotal - council - councilSideTotal, npvReal, deliveryTotal,
        pounds(paidTotal) - deliveryTotal, peak, Irr.annual(investorCash), caps.removed() > 0, overBudget, yearRows, cumPay, cumNet);
  }

  private static double pounds(long pence) {
    return pence / 100.0;
  }
}
