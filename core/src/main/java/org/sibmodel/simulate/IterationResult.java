package org.sibmodel.simulate;

import java.util.List;

/**
 * What one Monte Carlo iteration of a scenario came to. Money in pounds (nominal), days in days.
 * Financial-year arrays run from the contract's first financial year (April to March); monthly
 * arrays from the contract's first month.
 */
public record IterationResult(
    long iteration,
    // Drawn parameters (parameter uncertainty), kept for sensitivity analysis.
    double volume,
    double hazardRatio,
    double counterfactualEntry,
    // Children and days.
    int referrals,
    int diversionReferrals,
    int reunificationReferrals,
    int milestones,
    long payableDays,
    long careDaysWithout,
    long careDaysWith,
    // Money.
    double outcomePayments,
    double capped,
    double outcomesFund,
    double councilCost,
    double grossSavings,
    double cashableSavings,
    double netPosition,
    double netPresentValue,
    double deliveryCosts,
    double investorNetReturn,
    double investorPeakCapital,
    Double investorIrr,
    boolean capHit,
    boolean budgetExceeded,
    // By financial year.
    List<Year> years,
    // Cumulative by month, for fan charts.
    double[] cumulativePayments,
    double[] cumulativeNetPosition) {

  /** One financial year of one iteration. */
  public record Year(String financialYear, double outcomePayments, double outcomesFund, double councilCost, double grossSavings,
      double cashableSavings, double netPosition, double deliveryCosts, double investorCash) {}

  public long careDaysAvoided() {
    return careDaysWithout - careDaysWith;
  }
}
