package org.sibmodel.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.config.ConfigTree;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.PlacementGroup;
import org.sibmodel.payments.TermsFile;

/**
 * Reads a scenario file (YAML) laid over {@code default-scenario.yaml}: every field validated,
 * errors naming the file, the field and the value.
 */
public final class ScenarioFile {
  private static final String DEFAULTS = "default-scenario.yaml";
  /** Sections whose keys are names the user chooses. */
  static final List<String> OPEN = List.of("contract", "referrals.districts", "referrals.per_year.diversion",
      "referrals.per_year.reunification", "variants", "sensitivity.inputs", "council_costs");

  private ScenarioFile() {}

  public static Scenario defaults() {
    return parse(ConfigTree.defaults(ScenarioFile.class, DEFAULTS, "default scenario"));
  }

  public static Scenario read(Path file) {
    try {
      return fromYaml(java.nio.file.Files.readString(file), file.toString());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static Scenario fromYaml(String yaml, String source) {
    return fromTree(ConfigTree.parse(yaml, source), source);
  }

  /** A scenario from a parsed tree over the defaults (a base with a variant's changes laid on it). */
  public static Scenario fromTree(com.fasterxml.jackson.databind.JsonNode tree, String source) {
    return parse(tree(tree, source));
  }

  /** The merged tree of a file over the defaults, for reading its variants and sensitivity ranges. */
  static ConfigTree tree(com.fasterxml.jackson.databind.JsonNode tree, String source) {
    return ConfigTree.over(everyGroup(tree), source, ScenarioFile.class, DEFAULTS, OPEN);
  }

  /** A single {@code costs.cashable_share} means the same share for every placement group. */
  private static JsonNode everyGroup(JsonNode tree) {
    JsonNode share = tree == null ? null : tree.path("costs").get("cashable_share");
    if (share == null || !share.isNumber()) {
      return tree;
    }
    ObjectNode copy = tree.deepCopy();
    ObjectNode groups = ((ObjectNode) copy.get("costs")).putObject("cashable_share");
    for (PlacementGroup g : PlacementGroup.values()) {
      groups.set(g.label(), share);
    }
    return copy;
  }

  /**
   * Every value of a scenario as a scenario file's tree (no variants or sensitivity): reading it
   * back gives the same scenario. What a run records as the scenario it actually ran.
   */
  public static ObjectNode toTree(Scenario s) {
    ObjectNode tree = ConfigTree.section();
    tree.put("name", s.name());
    tree.put("description", s.description());
    tree.set("contract", TermsFile.toTree(s.contract()));
    Scenario.Referrals r = s.referrals();
    ObjectNode referrals = tree.putObject("referrals");
    referrals.put("source", r.source());
    ObjectNode perYear = referrals.putObject("per_year");
    r.perYear().forEach((pathway, bands) -> {
      ObjectNode byBand = perYear.putObject(pathway.name().toLowerCase(java.util.Locale.ROOT));
      bands.forEach((band, n) -> byBand.put(band.label(), number(n)));
    });
    referrals.put("referrals_per_entry", number(r.referralsPerEntry()));
    ObjectNode districts = referrals.putObject("districts");
    r.districts().forEach((d, share) -> districts.put(d, number(share)));
    referrals.put("ramp_up_months", r.rampUpMonths());
    referrals.put("ramp_up_start", number(r.rampUpStart()));
    referrals.set("volume", distribution(r.volume()));
    referrals.put("acceptance", number(r.acceptance()));
    referrals.set("days_to_start", distribution(r.daysToStart()));
    ObjectNode reunification = referrals.putObject("reunification");
    reunification.put("home_share", number(r.reunification().homeShare()));
    reunification.set("days_to_home", distribution(r.reunification().daysToHome()));
    referrals.put("plausible_share_of_entries", number(r.plausibleShareOfEntries()));
    ObjectNode effect = tree.putObject("effect");
    effect.set("hazard_ratio", distribution(s.effect().hazardRatio()));
    effect.set("exit_hazard_ratio", distribution(s.effect().exitHazardRatio()));
    if (s.effect().waningMonths() == null) {
      effect.putNull("waning_months");
    } else {
      effect.put("waning_months", s.effect().waningMonths());
    }
    ObjectNode counterfactual = tree.putObject("counterfactual");
    counterfactual.set("diversion_entry_within_12_months", distribution(s.counterfactual().diversionEntryWithin12Months()));
    counterfactual.set("reunification_extra_days", distribution(s.counterfactual().reunificationExtraDays()));
    ObjectNode secondary = tree.putObject("secondary");
    secondary.set("family_star", distribution(s.secondary().familyStar()));
    secondary.set("my_star", distribution(s.secondary().myStar()));
    secondary.set("attendance", distribution(s.secondary().attendance()));
    secondary.set("reading", distribution(s.secondary().reading()));
    ObjectNode costs = tree.putObject("costs");
    ObjectNode weekly = costs.putObject("weekly");
    s.costs().weekly().forEach((group, cost) -> {
      ObjectNode g = weekly.putObject(group.label());
      g.set("pounds", distribution(cost.pounds()));
      g.put("source", cost.source());
    });
    costs.put("inflation", number(s.costs().inflation()));
    ObjectNode cashable = costs.putObject("cashable_share");
    s.costs().cashableShare().forEach((group, share) -> cashable.put(group.label(), number(share)));
    com.fasterxml.jackson.databind.node.ArrayNode profile = costs.putArray("cashable_profile");
    s.costs().cashableProfile().forEach(f -> profile.add(number(f)));
    switch (s.costs().savingsHorizon().kind()) {
      case CONTRACT_TERM -> costs.putNull("savings_horizon_months");
      case TRACKING -> costs.put("savings_horizon_months", "tracking");
      case MONTHS -> costs.put("savings_horizon_months", s.costs().savingsHorizon().months());
    }
    ObjectNode delivery = tree.putObject("delivery");
    delivery.put("per_referral", number(s.delivery().perReferral()));
    delivery.put("fixed_per_year", number(s.delivery().fixedPerYear()));
    ObjectNode funding = tree.putObject("funding");
    Scenario.OutcomesFund fund = s.funding().outcomesFund();
    ObjectNode fundNode = funding.putObject("outcomes_fund");
    fundNode.put("share", number(fund.share()));
    fundNode.put("award", fund.award() == null ? null : number(fund.award()));
    fundNode.put("last_payment_date", fund.lastPaymentDate() == null ? null : fund.lastPaymentDate().toString());
    funding.put("budget_per_financial_year",
        s.funding().budgetPerFinancialYear() == null ? null : number(s.funding().budgetPerFinancialYear()));
    ObjectNode council = tree.putObject("council_costs");
    s.councilCosts().perYear().forEach((name, cost) -> {
      ObjectNode item = council.putObject(name);
      item.set("pounds", distribution(cost.pounds()));
      item.put("source", cost.source());
    });
    Scenario.Economics e = s.economics();
    ObjectNode economics = tree.putObject("economics");
    economics.put("price_year", e.priceYear());
    economics.set("inflation", distribution(e.inflation()));
    economics.put("discount_rate", number(e.discountRate()));
    ObjectNode bias = economics.putObject("optimism_bias");
    bias.put("apply", e.optimismBias().apply());
    bias.put("costs", number(e.optimismBias().costs()));
    bias.put("benefits", number(e.optimismBias().benefits()));
    ObjectNode simulation = tree.putObject("simulation");
    simulation.put("iterations", s.simulation().iterations());
    simulation.put("seed", s.simulation().seed());
    return tree;
  }

  /** The scenario as the text of a complete scenario file. */
  public static String toYaml(Scenario s) {
    return ConfigTree.yaml(toTree(s), EFFECTIVE);
  }

  /** What heads a written scenario. */
  static final String EFFECTIVE = "The scenario this run used: every value, after the command line's overrides"
      + " (--seed, --iterations).\nRun it again with --scenario this-file.";

  private static ObjectNode distribution(Distribution d) {
    ObjectNode node = ConfigTree.section();
    node.put("distribution", d.kind());
    node.put("mean", number(d.mean()));
    node.put("sd", number(d.sd()));
    return node;
  }

  /** A double as the shortest decimal that reads back as the same double. */
  private static java.math.BigDecimal number(double value) {
    java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
    return exact.scale() < 0 ? exact.setScale(0) : exact;
  }

  private static Scenario parse(ConfigTree c) {
    return c.build(() -> {
      Map<Pathway, Map<AgeBand, Double>> perYear = new EnumMap<>(Pathway.class);
      for (Pathway p : Pathway.values()) {
        String path = "referrals.per_year." + p.name().toLowerCase();
        Map<AgeBand, Double> bands = new EnumMap<>(AgeBand.class);
        for (String band : c.keys(path)) {
          bands.put(referralBand(path, band), c.number(path + "." + band));
        }
        perYear.put(p, bands);
      }
      Map<String, Double> districts = new LinkedHashMap<>();
      for (String d : c.keys("referrals.districts")) {
        districts.put(d, c.number("referrals.districts." + d));
      }
      Map<PlacementGroup, Scenario.UnitCost> weekly = new EnumMap<>(PlacementGroup.class);
      for (String g : c.keys("costs.weekly")) {
        String path = "costs.weekly." + g;
        weekly.put(PlacementGroup.ofLabel(g), named(c, path, () -> new Scenario.UnitCost(distribution(c, path + ".pounds"), c.text(path + ".source"))));
      }
      Map<PlacementGroup, Double> cashable = new EnumMap<>(PlacementGroup.class);
      for (String g : c.keys("costs.cashable_share")) {
        cashable.put(named(c, "costs.cashable_share." + g, () -> PlacementGroup.ofLabel(g)), c.number("costs.cashable_share." + g));
      }
      List<Double> profile = new java.util.ArrayList<>();
      JsonNode profileNode = c.node("costs.cashable_profile");
      if (profileNode != null && !profileNode.isNull()) {
        if (!profileNode.isArray()) {
          throw c.wrong("costs.cashable_profile", "a list of shares by contract year, such as [0.5, 0.75, 1.0]");
        }
        for (int y = 0; y < profileNode.size(); y++) {
          profile.add(c.number("costs.cashable_profile." + y));
        }
      }
      Map<String, Scenario.UnitCost> councilCosts = new LinkedHashMap<>();
      for (String name : c.keys("council_costs")) {
        String path = "council_costs." + name;
        councilCosts.put(name, named(c, path, () -> new Scenario.UnitCost(distribution(c, path + ".pounds"), c.text(path + ".source"))));
      }
      JsonNode contract = c.section("contract");
      return new Scenario(
          c.text("name"),
          c.text("description"),
          TermsFile.fromTree(contract, c.source() + " (contract)"),
          new Scenario.Referrals(c.text("referrals.source"), perYear, c.number("referrals.referrals_per_entry"), districts,
              c.integer("referrals.ramp_up_months"), c.number("referrals.ramp_up_start"), distribution(c, "referrals.volume"),
              c.number("referrals.acceptance"), distribution(c, "referrals.days_to_start"),
              new Scenario.Reunification(c.number("referrals.reunification.home_share"),
                  distribution(c, "referrals.reunification.days_to_home")),
              c.number("referrals.plausible_share_of_entries")),
          new Scenario.Effect(distribution(c, "effect.hazard_ratio"), distribution(c, "effect.exit_hazard_ratio"),
              c.optionalInteger("effect.waning_months")),
          new Scenario.Counterfactual(distribution(c, "counterfactual.diversion_entry_within_12_months"),
              distribution(c, "counterfactual.reunification_extra_days")),
          new Scenario.Secondary(distribution(c, "secondary.family_star"), distribution(c, "secondary.my_star"),
              distribution(c, "secondary.attendance"), distribution(c, "secondary.reading")),
          new Scenario.Costs(weekly, c.number("costs.inflation"), cashable, profile, savingsHorizon(c)),
          new Scenario.Delivery(c.number("delivery.per_referral"), c.number("delivery.fixed_per_year")),
          new Scenario.Funding(new Scenario.OutcomesFund(c.number("funding.outcomes_fund.share"),
              c.optionalNumber("funding.outcomes_fund.award"), c.optionalDate("funding.outcomes_fund.last_payment_date")),
              c.optionalNumber("funding.budget_per_financial_year")),
          new Scenario.CouncilCosts(councilCosts),
          new Scenario.Economics(c.integer("economics.price_year"), distribution(c, "economics.inflation"),
              c.number("economics.discount_rate"), new Scenario.OptimismBias(c.bool("economics.optimism_bias.apply"),
                  c.number("economics.optimism_bias.costs"), c.number("economics.optimism_bias.benefits"))),
          new Scenario.Settings(c.integer("simulation.iterations"), c.longValue("simulation.seed")));
    });
  }

  private static Distribution distribution(ConfigTree c, String path) {
    try {
      return new Distribution(c.text(path + ".distribution"), c.number(path + ".mean"),
          c.node(path + ".sd") == null ? 0 : c.number(path + ".sd"));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(c.source()) ? e : new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** {@code costs.savings_horizon_months}: null (to the end of the term), "tracking" or whole months. */
  private static Scenario.SavingsHorizon savingsHorizon(ConfigTree c) {
    JsonNode v = c.node("costs.savings_horizon_months");
    if (v == null || v.isNull()) {
      return Scenario.SavingsHorizon.contractTerm();
    }
    if (v.isTextual() && v.asText().equals("tracking")) {
      return Scenario.SavingsHorizon.tracking();
    }
    if (!v.isIntegralNumber()) {
      throw c.wrong("costs.savings_horizon_months", "null (to the end of the contract term), tracking, or a whole number of months");
    }
    return Scenario.SavingsHorizon.months(c.integer("costs.savings_horizon_months"));
  }

  /** A fine band of referral, by its label in a per-year table. */
  private static AgeBand referralBand(String path, String label) {
    return AgeBand.REFERRAL_BANDS.stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow(() ->
        new IllegalArgumentException(path + "." + label + ": unknown age band; expected " + Scenario.referralBandLabels()));
  }

  /** Runs a record's constructor, naming the field it was read from in a message that does not already. */
  private static <T> T named(ConfigTree c, String path, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw message.startsWith(path) || message.startsWith(c.source()) ? e : new IllegalArgumentException(path + "." + message, e);
    }
  }

}
