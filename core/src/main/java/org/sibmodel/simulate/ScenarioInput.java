package org.sibmodel.simulate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sibmodel.format.Quantity;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * The inputs a one-way sensitivity range, a switching value or the break-even search can change,
 * each with how to read it from a scenario and set it on one, the values it may take, and the
 * accuracy its solver works to. Setting an input fixes it (parameter uncertainty off) and leaves
 * everything else as it was. Adding an input is one constant here and one line in the scenario
 * file's JSON Schema ({@code sensitivity.inputs}).
 *
 * <p>A value is set as it would be written down: money to the penny, anything else to ten
 * significant figures, so the value a table records reproduces the evaluation exactly.
 */
public enum ScenarioInput {
  /** The service's hazard ratio on entering care. */
  HAZARD_RATIO("hazard_ratio", Quantity.RATIO, 0.05, 2.0, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.effect().hazardRatio().mean();
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withEffect(s.effect().withHazardRatio(Distribution.fixed(value)));
    }
  },
  /** The multiplier of every referral volume. */
  REFERRAL_VOLUME("referral_volume", Quantity.MULTIPLIER, 0.05, 3.0, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.referrals().volume().mean();
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withReferrals(s.referrals().withVolume(Distribution.fixed(value)));
    }
  },
  /** P, the maximum payment per child, set for every sub-cohort (the base value is their average). */
  TARIFF("tariff", Quantity.POUNDS, 0, 100_000, 5.0) {
    @Override
    public double get(Scenario s) {
      return s.contract().tariff().values().stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withContract(s.contract().withPrice(pence(value)));
    }

    @Override
    double written(double value) {
      return pence(value).doubleValue();
    }
  },
  /** The weekly cost of a residential placement, pounds at the price year. */
  RESIDENTIAL_WEEKLY("residential_weekly", Quantity.POUNDS_A_WEEK, 0, 20_000, 5.0) {
    @Override
    public double get(Scenario s) {
      return s.costs().weekly().get(PlacementGroup.RESIDENTIAL).pounds().mean();
    }

    @Override
    Scenario set(Scenario s, double value) {
      Scenario.UnitCost cost = s.costs().weekly().get(PlacementGroup.RESIDENTIAL);
      return s.withCosts(s.costs().withWeekly(PlacementGroup.RESIDENTIAL, cost.withPounds(Distribution.fixed(value))));
    }
  },
  /**
   * The share of care costs avoided that comes out of the budget, set for every placement group;
   * the base value is the average of the groups' shares.
   */
  CASHABLE_SHARE("cashable_share", Quantity.SHARE, 0, 1, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.costs().cashableShare().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withCosts(s.costs().withCashableShare(value));
    }
  },
  /** The chance a diverted child would enter care within 12 months without the service. */
  COUNTERFACTUAL_ENTRY("counterfactual_entry", Quantity.SHARE, 0.01, 0.99, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.counterfactual().diversionEntryWithin12Months().mean();
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withCounterfactual(s.counterfactual().withDiversionEntryWithin12Months(Distribution.fixed(value)));
    }
  },
  /** The share of referred children who engage with the service. */
  ACCEPTANCE("acceptance", Quantity.SHARE, 0.05, 1, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.referrals().acceptance();
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withReferrals(s.referrals().withAcceptance(value));
    }
  },
  /** The share of each outcome payment the outcomes fund pays. */
  OUTCOMES_FUND_SHARE("outcomes_fund_share", Quantity.SHARE, 0, 1, 0.002) {
    @Override
    public double get(Scenario s) {
      return s.funding().outcomesFund().share();
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withFunding(s.funding().withOutcomesFund(s.funding().outcomesFund().withShare(value)));
    }
  },
  /**
   * Months from each child's day 0 over which care avoided is counted, whole months. Where the
   * scenario counts to the end of the contract term, the base value is that term's average over
   * the referral window (half the referral months plus the outcome months); while the contract
   * tracks the child, the milestone months and the tracking days.
   */
  SAVINGS_HORIZON_MONTHS("savings_horizon_months", Quantity.MONTHS, 1, 240, 0.5) {
    @Override
    public double get(Scenario s) {
      Scenario.SavingsHorizon h = s.costs().savingsHorizon();
      return switch (h.kind()) {
        case MONTHS -> h.months();
        case CONTRACT_TERM -> s.contract().referralMonths() / 2.0 + s.contract().outcomeMonths();
        case TRACKING -> s.contract().milestoneMonths() + s.contract().trackingDays() / (365.25 / 12);
      };
    }

    @Override
    Scenario set(Scenario s, double value) {
      return s.withCosts(s.costs().withSavingsHorizon(Scenario.SavingsHorizon.months((int) Math.round(value))));
    }

    @Override
    double written(double value) {
      return Math.round(value);
    }
  };

  private final String key;
  private final Quantity quantity;
  private final double domainLow;
  private final double domainHigh;
  private final double accuracy;

  ScenarioInput(String key, Quantity quantity, double domainLow, double domainHigh, double accuracy) {
    this.key = key;
    this.quantity = quantity;
    this.domainLow = domainLow;
    this.domainHigh = domainHigh;
    this.accuracy = accuracy;
  }

  /** The name in scenario files ({@code sensitivity.inputs.hazard_ratio}) and tables. */
  public String key() {
    return key;
  }

  /** What the input's number measures (its unit), for tables and the workbook. */
  public Quantity quantity() {
    return quantity;
  }

  /** The lowest value a switching-value or break-even search tries. */
  public double domainLow() {
    return domainLow;
  }

  /** The highest value a switching-value or break-even search tries. */
  public double domainHigh() {
    return domainHigh;
  }

  /** How close to the root a solver must get, in the input's own unit. */
  public double accuracy() {
    return accuracy;
  }

  /** The input's central value in a scenario (the mean of its distribution). */
  public abstract double get(Scenario s);

  /** The scenario with this input fixed at {@code value}, as written down (see {@link #written}). */
  public Scenario with(Scenario s, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(key + " = " + value + ": must be a finite number");
    }
    return set(s, written(value));
  }

  abstract Scenario set(Scenario s, double value);

  /** The value as a scenario file would hold it: ten significant figures (money: pence). */
  double written(double value) {
    return new BigDecimal(String.format(Locale.ROOT, "%.10g", value)).doubleValue();
  }

  /** The input named {@code key} in scenario files, or an error listing the known ones. */
  public static ScenarioInput of(String key) {
    return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown input '" + key + "'; known: " + keys()));
  }

  /** The known inputs' names, comma-separated. */
  public static String keys() {
    return Arrays.stream(values()).map(ScenarioInput::key).collect(Collectors.joining(", "));
  }

  private static BigDecimal pence(double pounds) {
    return new BigDecimal(String.format(Locale.ROOT, "%.2f", pounds));
  }
}
