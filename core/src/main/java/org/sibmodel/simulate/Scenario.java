package org.sibmodel.simulate;

import java.util.Collections;
import java.util.List;
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
 * @param costs unit costs of care, their growth, what share of costs avoided is cashable, and for how long
 *     savings are counted
 * @param delivery what the service costs to run (funded by the social investor)
 * @param funding who pays the outcome payments
 * @param councilCosts what the contract costs the council to run besides the outcome payments
 * @param economics the price year, general inflation, the discount rate and optimism bias (Green Book)
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
    CouncilCosts councilCosts,
    Economics economics,
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
    Objects.requireNonNull(councilCosts, "council_costs");
    Objects.requireNonNull(economics, "economics");
    Objects.requireNonNull(simulation, "simulation");
  }

  /** The same scenario with other simulation settings (command-line overrides). */
  public Scenario withSettings(Settings settings) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, settings);
  }

  /** The same scenario under another name (a variant). */
  public Scenario withName(String name) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withContract(ContractTerms contract) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withReferrals(Referrals referrals) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withEffect(Effect effect) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withCounterfactual(Counterfactual counterfactual) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withCosts(Costs costs) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withFunding(Funding funding) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
  }

  public Scenario withEconomics(Economics economics) {
    return new Scenario(name, description, contract, referrals, effect, counterfactual, secondary, costs, delivery, funding, councilCosts, economics, simulation);
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
   * @param acceptance share of referred children who engage with the service; the rest get no
   *     service and no payment, and count as referrals (seed 000 8.3.2 tracks it)
   * @param daysToStart days from referral to day 0 (engagement), drawn per child
   * @param reunification for reunification referrals: who goes home with the service, and when
   * @param plausibleShareOfEntries the share of the calibrated entries to care (same districts, ages
   *     5 to 15) above which the children the service sees would be implausibly many: a warning
   */
  public record Referrals(
      String source, Map<Pathway, Map<AgeBand, Double>> perYear, double referralsPerEntry, Map<String, Double> districts,
      int rampUpMonths, double rampUpStart, Distribution volume, double acceptance, Distribution daysToStart,
      Reunification reunification, double plausibleShareOfEntries) implements java.io.Serializable {
    public Referrals {
      if (!(acceptance >= 0 && acceptance <= 1)) {
        throw new IllegalArgumentException("referrals.acceptance = " + acceptance + ": must be between 0 and 1");
      }
      Objects.requireNonNull(daysToStart, "referrals.days_to_start is missing");
      if (daysToStart.mean() < 0 || (daysToStart.kind().equals("normal") && daysToStart.sd() > 0)) {
        throw new IllegalArgumentException("referrals.days_to_start: days from referral to day 0 need a fixed value or a lognormal"
            + " distribution, not below 0 (mean " + daysToStart.mean() + ")");
      }
      Objects.requireNonNull(reunification, "referrals.reunification is missing");
      if (!(plausibleShareOfEntries > 0)) {
        throw new IllegalArgumentException("referrals.plausible_share_of_entries = " + plausibleShareOfEntries + ": must be above 0");
      }
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
      return new Referrals(source, perYear, referralsPerEntry, districts, rampUpMonths, rampUpStart, volume, acceptance, daysToStart,
          reunification, plausibleShareOfEntries);
    }

    public Referrals withAcceptance(double acceptance) {
      return new Referrals(source, perYear, referralsPerEntry, districts, rampUpMonths, rampUpStart, volume, acceptance, daysToStart,
          reunification, plausibleShareOfEntries);
    }
  }

  /**
   * A reunification referral is a child in care: with the service, {@code homeShare} of them go home,
   * {@code daysToHome} after the referral (day 0 is that return home, spec/payment-mechanism.md); the
   * rest stay in care, earn nothing and save nothing.
   */
  public record Reunification(double homeShare, Distribution daysToHome) implements java.io.Serializable {
    public Reunification {
      if (!(homeShare >= 0 && homeShare <= 1)) {
        throw new IllegalArgumentException("referrals.reunification.home_share = " + homeShare + ": must be between 0 and 1");
      }
      Objects.requireNonNull(daysToHome, "referrals.reunification.days_to_home is missing");
      if (daysToHome.mean() < 0 || (daysToHome.kind().equals("normal") && daysToHome.sd() > 0)) {
        throw new IllegalArgumentException("referrals.reunification.days_to_home: days need a fixed value or a lognormal distribution,"
            + " not below 0 (mean " + daysToHome.mean() + ")");
      }
    }
  }

  /** "5-7, 8-9, 10-12, 13-15". */
  static String referralBandLabels() {
    return String.join(", ", AgeBand.REFERRAL_BANDS.stream().map(AgeBand::label).toList());
  }

  /**
   * The service's effect, as proportional hazards (the hazard with the service is the hazard without
   * it times a ratio, so survival with it is survival without it raised to that power).
   *
   * @param hazardRatio on the hazard of entering care and of going back into care after a return
   *     home (below 1 if the service works)
   * @param exitHazardRatio on the hazard of leaving care, for children who enter care despite the
   *     service (above 1: shorter stays; 1: none)
   * @param waningMonths months after day 0 over which the effect fades linearly to none (null: it lasts)
   */
  public record Effect(Distribution hazardRatio, Distribution exitHazardRatio, Integer waningMonths) implements java.io.Serializable {
    public Effect {
      Objects.requireNonNull(hazardRatio, "effect.hazard_ratio is missing").requirePositive("effect.hazard_ratio");
      Objects.requireNonNull(exitHazardRatio, "effect.exit_hazard_ratio is missing").requirePositive("effect.exit_hazard_ratio");
      if (waningMonths != null && waningMonths < 1) {
        throw new IllegalArgumentException("effect.waning_months = " + waningMonths + ": must be at least 1 (or null: no waning)");
      }
    }

    public Effect withHazardRatio(Distribution ratio) {
      return new Effect(ratio, exitHazardRatio, waningMonths);
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
   * Costs of care and the savings they make.
   *
   * @param weekly pounds a week per placement group at the price year, each with its source
   * @param inflation yearly growth of placement costs in cash terms from the price year
   * @param cashableShare share of costs avoided that the budget actually saves, by placement group
   * @param cashableProfile multiplier of the cashable shares in each contract year (year 1 first; the
   *     last value holds for later years); empty for 1 throughout
   * @param savingsHorizon how long after each child's day 0 care avoided is counted
   */
  public record Costs(
      Map<PlacementGroup, UnitCost> weekly, double inflation, Map<PlacementGroup, Double> cashableShare,
      List<Double> cashableProfile, SavingsHorizon savingsHorizon) implements java.io.Serializable {
    public Costs {
      for (PlacementGroup g : PlacementGroup.values()) {
        if (weekly == null || !weekly.containsKey(g)) {
          throw new IllegalArgumentException("costs.weekly." + g.label() + " is missing");
        }
        Double share = cashableShare == null ? null : cashableShare.get(g);
        if (share == null) {
          throw new IllegalArgumentException("costs.cashable_share." + g.label() + " is missing");
        }
        if (!(share >= 0 && share <= 1)) {
          throw new IllegalArgumentException("costs.cashable_share." + g.label() + " = " + share + ": must be between 0 and 1");
        }
      }
      if (!(inflation > -1) || Double.isInfinite(inflation)) {
        throw new IllegalArgumentException("costs.inflation = " + inflation + ": must be above -1");
      }
      cashableProfile = cashableProfile == null ? List.of() : List.copyOf(cashableProfile);
      for (int y = 0; y < cashableProfile.size(); y++) {
        double f = cashableProfile.get(y);
        if (!(f >= 0 && f <= 1)) {
          throw new IllegalArgumentException("costs.cashable_profile[" + y + "] = " + f + ": must be between 0 and 1");
        }
      }
      Objects.requireNonNull(savingsHorizon, "costs.savings_horizon_months is missing");
      weekly = Collections.unmodifiableMap(new EnumMap<>(weekly));
      cashableShare = Collections.unmodifiableMap(new EnumMap<>(cashableShare));
    }

    /** The same cashable share for every placement group. */
    public static Map<PlacementGroup, Double> everyGroup(double share) {
      Map<PlacementGroup, Double> shares = new EnumMap<>(PlacementGroup.class);
      for (PlacementGroup g : PlacementGroup.values()) {
        shares.put(g, share);
      }
      return shares;
    }

    /** The cashable share of a placement group in a contract year (0 = the first). */
    public double cashable(PlacementGroup group, int contractYear) {
      double profile = cashableProfile.isEmpty() ? 1.0 : cashableProfile.get(Math.min(contractYear, cashableProfile.size() - 1));
      return cashableShare.get(group) * profile;
    }

    /** The same costs with one placement group's weekly cost replaced. */
    public Costs withWeekly(PlacementGroup group, UnitCost cost) {
      Map<PlacementGroup, UnitCost> changed = new EnumMap<>(weekly);
      changed.put(group, cost);
      return new Costs(changed, inflation, cashableShare, cashableProfile, savingsHorizon);
    }

    /** The same costs with one cashable share for every placement group. */
    public Costs withCashableShare(double share) {
      return new Costs(weekly, inflation, everyGroup(share), cashableProfile, savingsHorizon);
    }

    public Costs withSavingsHorizon(SavingsHorizon horizon) {
      return new Costs(weekly, inflation, cashableShare, cashableProfile, horizon);
    }
  }

  /**
   * How long after each child's day 0 care avoided is counted as saving: to the end of the
   * contract term; while the contract tracks the child for payment (the milestone and the tracking
   * days, inside the term); or a number of months, inside the term or after it.
   */
  public record SavingsHorizon(Kind kind, int months) implements java.io.Serializable {
    /** The three ways a horizon is set. */
    public enum Kind { CONTRACT_TERM, TRACKING, MONTHS }

    public SavingsHorizon {
      Objects.requireNonNull(kind, "kind");
      if (kind == Kind.MONTHS && months < 1) {
        throw new IllegalArgumentException("costs.savings_horizon_months = " + months + ": must be at least 1");
      }
      if (kind != Kind.MONTHS) {
        months = 0;
      }
    }

    public static SavingsHorizon contractTerm() {
      return new SavingsHorizon(Kind.CONTRACT_TERM, 0);
    }

    public static SavingsHorizon tracking() {
      return new SavingsHorizon(Kind.TRACKING, 0);
    }

    public static SavingsHorizon months(int months) {
      return new SavingsHorizon(Kind.MONTHS, months);
    }

    /** The value a scenario file holds: null, "tracking" or the months. */
    @Override
    public String toString() {
      return switch (kind) {
        case CONTRACT_TERM -> "to the end of the contract term";
        case TRACKING -> "while the contract tracks the child";
        case MONTHS -> months + " months from day 0";
      };
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
   * @param outcomesFund the outcomes fund's top-up (the Life Chances Fund)
   * @param budgetPerFinancialYear the council's budget line for outcome payments a year (null: none)
   */
  public record Funding(OutcomesFund outcomesFund, Double budgetPerFinancialYear) implements java.io.Serializable {
    public Funding {
      Objects.requireNonNull(outcomesFund, "funding.outcomes_fund is missing");
      if (budgetPerFinancialYear != null && !(budgetPerFinancialYear >= 0)) {
        throw new IllegalArgumentException("funding.budget_per_financial_year = " + budgetPerFinancialYear + ": must not be negative");
      }
    }

    public Funding withOutcomesFund(OutcomesFund fund) {
      return new Funding(fund, budgetPerFinancialYear);
    }
  }

  /**
   * An outcomes fund's award: it pays {@code share} of each outcome payment, up to {@code award} in
   * all, for payments invoiced on or before {@code lastPaymentDate}.
   *
   * @param share share of each outcome payment the fund pays
   * @param award most the fund pays in all, pounds (null: no limit)
   * @param lastPaymentDate the last day an invoice is topped up (null: to the end of the contract)
   */
  public record OutcomesFund(double share, Double award, java.time.LocalDate lastPaymentDate) implements java.io.Serializable {
    public OutcomesFund {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("funding.outcomes_fund.share = " + share + ": must be between 0 and 1");
      }
      if (award != null && !(award >= 0)) {
        throw new IllegalArgumentException("funding.outcomes_fund.award = " + award + ": must not be negative");
      }
    }

    public OutcomesFund withShare(double share) {
      return new OutcomesFund(share, award, lastPaymentDate);
    }
  }

  /**
   * What running the contract costs the council besides the outcome payments (seed 000 section 8:
   * contract management meetings, the steering group, the annual review, evaluation), pounds a year
   * at the price year, over the contract term.
   */
  public record CouncilCosts(Map<String, UnitCost> perYear) implements java.io.Serializable {
    public CouncilCosts {
      perYear = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(perYear, "council_costs")));
      perYear.forEach((name, cost) -> {
        if (cost.pounds().kind().equals("normal") && cost.pounds().sd() > 0) {
          throw new IllegalArgumentException("council_costs." + name + ".pounds: a cost needs a fixed value or a lognormal distribution, not a normal (it could draw below 0)");
        }
      });
    }
  }

  /**
   * Prices and discounting the Green Book way: every input price is in pounds of {@code priceYear}
   * (a financial year, named by the calendar year it starts in); cash flows are nominal, real
   * values divide by general inflation since the price year, and the net present value discounts
   * real values at {@code discountRate} from the contract's first financial year.
   *
   * @param priceYear the financial year all input prices are in (2021 = 2021-22)
   * @param inflation general inflation (GDP deflator) a year, drawn per iteration
   * @param discountRate the Green Book social time preference rate
   * @param optimismBias the Green Book's adjustment of estimated costs and benefits
   */
  public record Economics(int priceYear, Distribution inflation, double discountRate, OptimismBias optimismBias)
      implements java.io.Serializable {
    public Economics {
      if (priceYear < 1990 || priceYear > 2100) {
        throw new IllegalArgumentException("economics.price_year = " + priceYear + ": expected a financial year such as 2021 (for 2021-22)");
      }
      Objects.requireNonNull(inflation, "economics.inflation is missing");
      if (inflation.mean() <= -1) {
        throw new IllegalArgumentException("economics.inflation: mean " + inflation.mean() + " must be above -1");
      }
      if (!(discountRate > -1) || Double.isInfinite(discountRate)) {
        throw new IllegalArgumentException("economics.discount_rate = " + discountRate + ": must be above -1");
      }
      Objects.requireNonNull(optimismBias, "economics.optimism_bias is missing");
    }

    public Economics withOptimismBias(OptimismBias bias) {
      return new Economics(priceYear, inflation, discountRate, bias);
    }

    public Economics withInflation(Distribution inflation) {
      return new Economics(priceYear, inflation, discountRate, optimismBias);
    }
  }

  /**
   * Optimism bias (HM Treasury Green Book supplementary guidance): estimated costs are raised by
   * {@code costs} and estimated benefits lowered by {@code benefits}, when {@code apply}.
   */
  public record OptimismBias(boolean apply, double costs, double benefits) implements java.io.Serializable {
    public OptimismBias {
      if (!(costs >= 0) || Double.isInfinite(costs)) {
        throw new IllegalArgumentException("economics.optimism_bias.costs = " + costs + ": must not be negative");
      }
      if (!(benefits >= 0 && benefits <= 1)) {
        throw new IllegalArgumentException("economics.optimism_bias.benefits = " + benefits + ": must be between 0 and 1");
      }
    }

    /** The multiplier of an estimated cost: 1 + the uplift when applied. */
    public double costFactor() {
      return apply ? 1 + costs : 1;
    }

    /** The multiplier of an estimated benefit: 1 - the reduction when applied. */
    public double benefitFactor() {
      return apply ? 1 - benefits : 1;
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
