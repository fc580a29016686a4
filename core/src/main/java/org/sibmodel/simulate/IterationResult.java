package org.sibmodel.simulate;

import java.util.List;

/**
 * What one Monte Carlo iteration of a scenario came to. Money in nominal pounds (cash as it is
 * paid) unless named real; days in days. Financial-year arrays run from the contract's first
 * financial year (April to March) to the last year any money moves; monthly arrays from the
 * contract's first month.
 *
 * <p>Savings and the council-side costs are after optimism bias where the scenario applies it;
 * outcome payments follow the simulated outcomes and the contract's caps and are never adjusted.
 */
public record IterationResult(
    long iteration,
    // Drawn parameters (parameter uncertainty), kept for sensitivity analysis.
    double volume,
    double hazardRatio,
    double counterfactualEntry,
    double inflation,
    // Children and days.
    int referrals,
    int diversionReferrals,
    int reunificationReferrals,
    // Referrals who engaged with the service (the rest got none), and diverted children who entered care within a
    // year of day 0 without and with it.
    int engaged,
    int enteredWithout,
    int enteredWith,
    int milestones,
    int milestonesWithoutEffect,
    long payableDays,
    long careDaysWithout,
    long careDaysWith,
    // Money.
    double outcomePayments,
    double paymentsWithoutEffect,
    double capped,
    double outcomesFund,
    double councilCost,
    double councilSideCosts,
    double grossSavings,
    double cashableSavings,
    double savingsInTerm,
    double savingsAfterTerm,
    double netPosition,
    double npvReal,
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

  /**
   * One financial year of one iteration: nominal cash, and the council's net position in real
   * terms (pounds of the price year, undiscounted).
   */
  public record Year(String financialYear, double outcomePayments, double outcomesFund, double councilCost,
      double councilSideCosts, double grossSavings, double cashableSavings, double netPosition, double netPositionReal,
      double deliveryCosts, double investorCash) {}

  public long careDaysAvoided() {
    return careDaysWithout - careDaysWith;
  }

  /**
   * The share of outcome payments the contract would have made had the service changed nothing:
   * payments without the effect over payments with it. Null where nothing was paid.
   */
  public Double deadweightShare() {
    return outcomePayments > 0 ? paymentsWithoutEffect / outcomePayments : null;
  }

  /**
   * What the council pays (outcome payments net of the fund's top-up, and its own costs of running
   * the contract) for each day of care avoided. Null where no care is avoided: there is no such cost.
   */
  public Double costPerCareDayAvoided() {
    long avoided = careDaysAvoided();
    return avoided > 0 ? (councilCost + councilSideCosts) / avoided : null;
  }
}
