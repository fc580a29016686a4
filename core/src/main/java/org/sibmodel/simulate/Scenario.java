package org.sibmodel.simulate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sibmodel.payments.ContractTerms;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * Everything one affordability scenario assumes (spec/model.md, "Simulation"), read from a scenario
 * file over {@code default-scenario.yaml}, where every default cites its source. Money is in pounds
 * at the price year of the costs; shares and probabilities are between 0 and 1.
 *
 * @param name short name, used in outputs
 * @param description one line for reports
 * @param contract the payment mechanism's terms (prices, caps, contract dates)
 * @param referrals how many children are referred, when and where
 * @param effect the service's effect on the hazard of entering care
 * @param counterfactual what would happen to a referred child without the service
 * @param secondary chances of the secondary outcomes
 * @param costs unit costs of care, inflation and the cashable share
 * @param delivery what the service costs to run (funded by the social investor)
 * @param funding who pays the outcome payments
 * @param simulation iterations and seed
 */
public record Scenario(
    String name,
    String description,
    ContractTerms contract,
    Referrals referrals,
    Effect effect,
    Counterfactual counterfactual,
    Secondary secondary,
    Costs costs,
    Delivery delivery,
    Funding funding,
    Settings simulation)
    implements java.io.Serializable {

  public Scenario {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(referrals, "referrals");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(counterfactual, "counterfactual");
    Objects.requireNonNull(secondary, "secondary");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(simulation, "simulation");
  }

  /** The same scenario with other simulation settings (command-line overrides). */
  public Scenario withSettings(Settings settings) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, settings);
  }

  /** The same scenario under another name (a variant). */
  public Scenario withName(String name) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withContract(ContractTerms contract) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withReferrals(Referrals referrals) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withEffect(Effect effect) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withCounterfactual(Counterfactual counterfactual) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withCosts(Costs costs) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  public Scenario withFunding(Funding funding) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, simulation);
  }

  /**
   * Referral volumes.
   *
   * @param source {@code table}: the per-year numbers below; {@code calibrated}: calibrated entries
   *     to care of ages 5 to 15 in the districts below, times {@code referralsPerEntry}, split by
   *     pathway as the table is
   * @param perYear referrals a year by pathway and fine age band (seed 000 table 2.2)
   * @param referralsPerEntry referrals per calibrated entry to care ({@code calibrated} only)
   * @param districts share of referrals by district (sums to 1)
   * @param rampUpMonths months over which referrals rise linearly to full volume
   * @param rampUpStart share of full volume in the first month
   * @param volume multiplier of all volumes, drawn per iteration
   */
  public record Referrals(
      String source, Map<Pathway, Map<AgeBand, Double>> perYear, double referralsPerEntry, Map<String, Double> districts,
      int rampUpMonths, double rampUpStart, Distribution volume) implements java.io.Serializable {
    public Referrals {
      if (!source.equals("table") && !source.equals("calibrated")) {
        throw new IllegalArgumentException("referrals.source = " + source + ": expected table or calibrated");
      }
      Objects.requireNonNull(source, "referrals.source is missing");
      Objects.requireNonNull(volume, "referrals.volume is missing").requirePositive("referrals.volume");
      Map<Pathway, Map<AgeBand, Double>> checked = new EnumMap<>(Pathway.class);
      for (Pathway p : Pathway.values()) {
        Map<AgeBand, Double> bands = perYear.get(p);
        if (bands == null) {
          throw new IllegalArgumentException("referrals.per_year." + p.name().toLowerCase() + " is missing");
        }
        Map<AgeBand, Double> copy = new EnumMap<>(AgeBand.class);
        for (Map.Entry<AgeBand, Double> e : bands.entrySet()) {
          if (!AgeBand.REFERRAL_BANDS.contains(e.getKey())) {
            throw new IllegalArgumentException("referrals.per_year." + p.name().toLowerCase() + "." + e.getKey().label()
                + ": unknown age band; expected " + referralBandLabels());
          }
          if (!(e.getValue() >= 0) || e.getValue().isInfinite()) {
            throw new IllegalArgumentException("referrals.per_year." + p.name().toLowerCase() + "." + e.getKey().label() + " = " + e.getValue() + ": must not be negative");
          }
          copy.put(e.getKey(), e.getValue());
        }
        checked.put(p, Collections.unmodifiableMap(copy));
      }
      if (referralsPerEntry < 0) {
        throw new IllegalArgumentException("referrals.referrals_per_entry = " + referralsPerEntry + ": must not be negative");
      }
      if (districts.isEmpty()) {
        throw new IllegalArgumentException("referrals.districts: at least one district is needed");
      }
      double sum = districts.values().stream().mapToDouble(Double::doubleValue).sum();
      districts.forEach((d, share) -> {
        if (share < 0) {
          throw new IllegalArgumentException("referrals.districts." + d + " = " + share + ": must not be negative");
        }
      });
      if (Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("referrals.districts: the shares sum to " + String.format(java.util.Locale.ROOT, "%.4f", sum)
            + "; they must sum to 1");
      }
      if (rampUpMonths < 0) {
        throw new IllegalArgumentException("referrals.ramp_up_months = " + rampUpMonths + ": must not be negative");
      }
      if (rampUpStart < 0 || rampUpStart > 1) {
        throw new IllegalArgumentException("referrals.ramp_up_start = " + rampUpStart + ": must be between 0 and 1");
      }
      perYear = Collections.unmodifiableMap(checked);
      districts = Collections.unmodifiableMap(new LinkedHashMap<>(districts));
    }

    /** Referrals a year of a pathway in a band (0 where the table has none). */
    public double perYear(Pathway pathway, AgeBand band) {
      return perYear.get(pathway).getOrDefault(band, 0.0);
    }

    public Referrals withVolume(Distribution volume) {
      return new Referrals(source, perYear, referralsPerEntry, districts, rampUpMonths, rampUpStart, volume);
    }
  }

  /** "5-7, 8-9, 10-12, 13-15". */
  static String referralBandLabels() {
    return String.join(", ", AgeBand.REFERRAL_BANDS.stream().map(AgeBand::label).toList());
  }

  /** The service's effect: a hazard ratio on entering (and re-entering) care, below 1 if it works. */
  public record Effect(Distribution hazardRatio) implements java.io.Serializable {
    public Effect {
      Objects.requireNonNull(hazardRatio, "effect.hazard_ratio is missing").requirePositive("effect.hazard_ratio");
    }
  }

  /**
   * Without the service (a stated prior where the care data cannot say).
   *
   * @param diversionEntryWithin12Months chance a diverted child would enter care within 12 months of
   *     day 0 without the service (constant hazard)
   * @param reunificationExtraDays days a reunified child would have stayed in care without the
   *     service (0: savings come from re-entries avoided only)
   */
  public record Counterfactual(Distribution diversionEntryWithin12Months, Distribution reunificationExtraDays) implements java.io.Serializable {
    public Counterfactual {
      Objects.requireNonNull(diversionEntryWithin12Months, "counterfactual.diversion_entry_within_12_months is missing")
          .requireProbability("counterfactual.diversion_entry_within_12_months");
      Objects.requireNonNull(reunificationExtraDays, "counterfactual.reunification_extra_days is missing");
    }

    public Counterfactual withDiversionEntryWithin12Months(Distribution entry) {
      return new Counterfactual(entry, reunificationExtraDays);
    }
  }

  /** Chances that each secondary outcome is achieved. */
  public record Secondary(Distribution familyStar, Distribution myStar, Distribution attendance, Distribution reading) implements java.io.Serializable {
    public Secondary {
      Objects.requireNonNull(familyStar, "secondary.family_star is missing").requireProbability("secondary.family_star");
      Objects.requireNonNull(myStar, "secondary.my_star is missing").requireProbability("secondary.my_star");
      Objects.requireNonNull(attendance, "secondary.attendance is missing").requireProbability("secondary.attendance");
      Objects.requireNonNull(reading, "secondary.reading is missing").requireProbability("secondary.reading");
    }
  }

  /**
   * Costs of care.
   *
   * @param weekly pounds a week per placement group at the price year, each with its source
   * @param priceYear the year the weekly costs are priced in
   * @param inflation yearly inflation of care costs
   * @param cashableShare share of costs avoided that the budget actually saves
   */
  public record Costs(Map<PlacementGroup, UnitCost> weekly, int priceYear, double inflation, double cashableShare) implements java.io.Serializable {
    public Costs {
      for (PlacementGroup g : PlacementGroup.values()) {
        if (weekly == null || !weekly.containsKey(g)) {
          throw new IllegalArgumentException("costs.weekly." + g.label() + " is missing");
        }
      }
      if (cashableShare < 0 || cashableShare > 1) {
        throw new IllegalArgumentException("costs.cashable_share = " + cashableShare + ": must be between 0 and 1");
      }
      if (inflation <= -1) {
        throw new IllegalArgumentException("costs.inflation = " + inflation + ": must be above -1");
      }
      weekly = Collections.unmodifiableMap(new EnumMap<>(weekly));
    }

    /** The same costs with one placement group's weekly cost replaced. */
    public Costs withWeekly(PlacementGroup group, UnitCost cost) {
      Map<PlacementGroup, UnitCost> changed = new EnumMap<>(weekly);
      changed.put(group, cost);
      return new Costs(changed, priceYear, inflation, cashableShare);
    }

    public Costs withCashableShare(double share) {
      return new Costs(weekly, priceYear, inflation, share);
    }
  }

  /** A weekly cost with its uncertainty and source. */
  public record UnitCost(Distribution pounds, String source) implements java.io.Serializable {
    public UnitCost {
      Objects.requireNonNull(pounds, "pounds is missing");
      if (pounds.mean() < 0) {
        throw new IllegalArgumentException("pounds: mean " + pounds.mean() + " must not be negative");
      }
      Objects.requireNonNull(source, "source is missing: every cost says where it comes from");
    }

    /** The same cost with another value, keeping its source. */
    public UnitCost withPounds(Distribution pounds) {
      return new UnitCost(pounds, source);
    }
  }

  /** Delivery costs the social investor funds: per referral (at referral) and fixed per contract year. */
  public record Delivery(double perReferral, double fixedPerYear) implements java.io.Serializable {
    public Delivery {
      if (perReferral < 0 || fixedPerYear < 0) {
        throw new IllegalArgumentException("delivery costs must not be negative: per_referral " + perReferral + ", fixed_per_year " + fixedPerYear);
      }
    }
  }

  /**
   * Funding of outcome payments.
   *
   * @param outcomesFundShare share of each outcome payment the outcomes fund (Life Chances Fund) pays
   * @param outcomesFundCap most the outcomes fund pays in all, pounds (null: no cap)
   * @param budgetPerFinancialYear the council's budget line for outcome payments a year (null: none)
   */
  public record Funding(double outcomesFundShare, Double outcomesFundCap, Double budgetPerFinancialYear) implements java.io.Serializable {
    public Funding {
      if (outcomesFundShare < 0 || outcomesFundShare > 1) {
        throw new IllegalArgumentException("funding.outcomes_fund_share = " + outcomesFundShare + ": must be between 0 and 1");
      }
      if (outcomesFundCap != null && outcomesFundCap < 0) {
        throw new IllegalArgumentException("funding.outcomes_fund_cap = " + outcomesFundCap + ": must not be negative");
      }
      if (budgetPerFinancialYear != null && budgetPerFinancialYear < 0) {
        throw new IllegalArgumentException("funding.budget_per_financial_year = " + budgetPerFinancialYear + ": must not be negative");
      }
    }

    public Funding withOutcomesFundShare(double share) {
      return new Funding(share, outcomesFundCap, budgetPerFinancialYear);
    }
  }

  /** Simulation settings. */
  public record Settings(int iterations, long seed) implements java.io.Serializable {
    public Settings {
      if (iterations < 1) {
        throw new IllegalArgumentException("simulation.iterations = " + iterations + ": must be at least 1");
      }
    }
  }
}
