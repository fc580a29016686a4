package org.sibmodel.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static final List<String> OPEN = List.of("contract", "referrals.districts", "referrals.per_year.diversion",
      "referrals.per_year.reunification", "variants", "sensitivity.inputs");

  private ScenarioFile() {}

  public static Scenario defaults() {
    return parse(ConfigTree.defaults(ScenarioFile.class, DEFAULTS, "default scenario"));
  }

  /** The text of a scenario file as given, or of the bundled defaults when none is: what a run records beside its outputs. */
  public static String text(Path file) {
    try {
      if (file != null) {
        return Files.readString(file);
      }
      try (InputStream in = ScenarioFile.class.getResourceAsStream(DEFAULTS)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Scenario read(Path file) {
    return parse(ConfigTree.read(file, ScenarioFile.class, DEFAULTS, OPEN));
  }

  public static Scenario fromYaml(String yaml, String source) {
    return parse(ConfigTree.fromYaml(yaml, source, ScenarioFile.class, DEFAULTS, OPEN));
  }

  /** A scenario from a parsed tree over the defaults (a base with a variant's changes laid on it). */
  public static Scenario fromTree(com.fasterxml.jackson.databind.JsonNode tree, String source) {
    return parse(ConfigTree.over(tree, source, ScenarioFile.class, DEFAULTS, OPEN));
  }

  /** The merged tree of a file over the defaults, for reading its variants and sensitivity ranges. */
  static ConfigTree tree(com.fasterxml.jackson.databind.JsonNode tree, String source) {
    return ConfigTree.over(tree, source, ScenarioFile.class, DEFAULTS, OPEN);
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
        weekly.put(PlacementGroup.ofLabel(g), named(path, () -> new Scenario.UnitCost(distribution(c, path + ".pounds"), c.text(path + ".source"))));
      }
      JsonNode contract = c.section("contract");
      return new Scenario(
          c.text("name"),
          c.text("description"),
          TermsFile.fromTree(contract, c.source() + " (contract)"),
          new Scenario.Referrals(c.text("referrals.source"), perYear, c.number("referrals.referrals_per_entry"), districts,
              c.integer("referrals.ramp_up_months"), c.number("referrals.ramp_up_start"), distribution(c, "referrals.volume")),
          new Scenario.Effect(distribution(c, "effect.hazard_ratio")),
          new Scenario.Counterfactual(distribution(c, "counterfactual.diversion_entry_within_12_months"),
              distribution(c, "counterfactual.reunification_extra_days")),
          new Scenario.Secondary(distribution(c, "secondary.family_star"), distribution(c, "secondary.my_star"),
              distribution(c, "secondary.attendance"), distribution(c, "secondary.reading")),
          new Scenario.Costs(weekly, c.integer("costs.price_year"), c.number("costs.inflation"), c.number("costs.cashable_share")),
          new Scenario.Delivery(c.number("delivery.per_referral"), c.number("delivery.fixed_per_year")),
          new Scenario.Funding(c.number("funding.outcomes_fund_share"), c.optionalNumber("funding.outcomes_fund_cap"),
              c.optionalNumber("funding.budget_per_financial_year")),
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

  /** A fine band of referral, by its label in a per-year table. */
  private static AgeBand referralBand(String path, String label) {
    return AgeBand.REFERRAL_BANDS.stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow(() ->
        new IllegalArgumentException(path + "." + label + ": unknown age band; expected " + Scenario.referralBandLabels()));
  }

  /** Runs a record's constructor, naming the field it was read from in a message that does not already. */
  private static <T> T named(String path, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(path) ? e : new IllegalArgumentException(path + "." + e.getMessage(), e);
    }
  }
}
