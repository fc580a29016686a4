package org.sibmodel.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sibmodel.config.ConfigTree;

/**
 * A base scenario with its named variants and one-way sensitivity ranges, from one scenario file
 * ({@code variants:} and {@code sensitivity:} sections; defaults in default-scenario.yaml). Each
 * variant states only what it changes; each sensitivity input is set to a fixed value with
 * everything else as in the base. All of them share the base's seed, so they run on common random
 * numbers.
 */
public final class ScenarioSet {
  /** The main inputs a sensitivity range or a switching value can be given for, with their YAML. */
  public static final Map<String, String> INPUTS = inputs();

  /** A named variant of the base. */
  public record Variant(String name, Scenario scenario) {}

  /** An input's low and high value. */
  public record Range(String input, double low, double high) {}

  private final String source;
  private final JsonNode baseTree;
  private final Scenario base;
  private final List<Variant> variants;
  private final int sensitivityIterations;
  private final List<Range> ranges;

  private ScenarioSet(String source, JsonNode baseTree) {
    this.source = source;
    this.baseTree = baseTree;
    this.base = ScenarioFile.fromTree(baseTree, source);
    ConfigTree tree = ScenarioFile.tree(baseTree, source);
    this.variants = new ArrayList<>();
    JsonNode list = tree.node("variants");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException(source + ": variants must be a list of {name, changes}");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode v = list.get(i);
        String where = source + ": variants[" + i + "]";
        if (!v.hasNonNull("name") || !v.get("name").isTextual()) {
          throw new IllegalArgumentException(where + ": a variant needs a name");
        }
        String name = v.get("name").asText();
        if (name.equals(base.name()) || variants.stream().anyMatch(x -> x.name().equals(name))) {
          throw new IllegalArgumentException(where + ": the name '" + name + "' is used twice");
        }
        JsonNode changes = v.get("changes");
        if (changes == null || !changes.isObject()) {
          throw new IllegalArgumentException(where + " (" + name + "): changes must be a section of the scenario's fields");
        }
        if (changes.has("variants") || changes.has("sensitivity")) {
          throw new IllegalArgumentException(where + " (" + name + "): a variant cannot change variants or sensitivity");
        }
        JsonNode merged = ConfigTree.merge(baseTree, changes);
        ((com.fasterxml.jackson.databind.node.ObjectNode) merged).put("name", name);
        variants.add(new Variant(name, ScenarioFile.fromTree(merged, source + " (variant " + name + ")")));
      }
    }
    this.sensitivityIterations = tree.integer("sensitivity.iterations");
    if (sensitivityIterations < 10) {
      throw new IllegalArgumentException(source + ": sensitivity.iterations = " + sensitivityIterations + ": at least 10 are needed");
    }
    this.ranges = new ArrayList<>();
    for (String input : tree.keys("sensitivity.inputs")) {
      if (!INPUTS.containsKey(input)) {
        throw new IllegalArgumentException(source + ": sensitivity.inputs." + input + ": unknown input; known: "
            + String.join(", ", INPUTS.keySet()));
      }
      double low = tree.number("sensitivity.inputs." + input + ".low");
      double high = tree.number("sensitivity.inputs." + input + ".high");
      if (!(low < high)) {
        throw new IllegalArgumentException(source + ": sensitivity.inputs." + input + ": low " + low + " must be below high " + high);
      }
      ranges.add(new Range(input, low, high));
    }
  }

  public static ScenarioSet defaults() {
    return new ScenarioSet("default scenario", ConfigTree.parse("{}", "default scenario"));
  }

  public static ScenarioSet read(Path file) {
    try {
      return new ScenarioSet(file.toString(), ConfigTree.parse(Files.readString(file), file.toString()));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static ScenarioSet fromYaml(String yaml, String source) {
    return new ScenarioSet(source, ConfigTree.parse(yaml, source));
  }

  public Scenario base() {
    return base;
  }

  public List<Variant> variants() {
    return List.copyOf(variants);
  }

  public int sensitivityIterations() {
    return sensitivityIterations;
  }

  public List<Range> ranges() {
    return List.copyOf(ranges);
  }

  /** The base with one input fixed at a value (a tornado bar, a switching-value evaluation). */
  public Scenario with(String input, double value) {
    String yaml = INPUTS.get(input);
    if (yaml == null) {
      throw new IllegalArgumentException("unknown input '" + input + "'; known: " + String.join(", ", INPUTS.keySet()));
    }
    // Prices are pounds and pence; everything else keeps its precision.
    String text = input.equals("tariff") ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.10g", value);
    JsonNode changes = ConfigTree.parse(yaml.replace("X", text), input);
    return ScenarioFile.fromTree(ConfigTree.merge(baseTree, changes), source + " (" + input + " = " + value + ")");
  }

  /** The base input's central value (for the tornado's base line and the switching search). */
  public double baseValue(String input) {
    return switch (input) {
      case "hazard_ratio" -> base.effect().hazardRatio().mean();
      case "referral_volume" -> base.referrals().volume().mean();
      case "tariff" -> base.contract().tariff().values().stream().mapToDouble(java.math.BigDecimal::doubleValue).average().orElse(0);
      case "residential_weekly" -> base.costs().weekly().get("residential").pounds().mean();
      case "cashable_share" -> base.costs().cashableShare();
      case "counterfactual_entry" -> base.counterfactual().diversionEntryWithin12Months().mean();
      case "outcomes_fund_share" -> base.funding().outcomesFundShare();
      default -> throw new IllegalArgumentException("unknown input '" + input + "'");
    };
  }

  /** The values an input can take, for switching-value searches. */
  public static double[] domain(String input) {
    return switch (input) {
      case "hazard_ratio" -> new double[] {0.05, 2.0};
      case "referral_volume" -> new double[] {0.05, 3.0};
      case "tariff" -> new double[] {0, 100_000};
      case "residential_weekly" -> new double[] {0, 20_000};
      case "cashable_share", "outcomes_fund_share" -> new double[] {0, 1};
      case "counterfactual_entry" -> new double[] {0.01, 0.99};
      default -> throw new IllegalArgumentException("unknown input '" + input + "'");
    };
  }

  private static Map<String, String> inputs() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("hazard_ratio", "effect: {hazard_ratio: {distribution: fixed, mean: X}}");
    m.put("referral_volume", "referrals: {volume: {distribution: fixed, mean: X}}");
    m.put("tariff", "contract: {tariff: {diversion_5_9: X, diversion_10_15: X, reunification_5_9: X, reunification_10_15: X}}");
    m.put("residential_weekly", "costs: {weekly: {residential: {pounds: {distribution: fixed, mean: X}}}}");
    m.put("cashable_share", "costs: {cashable_share: X}");
    m.put("counterfactual_entry", "counterfactual: {diversion_entry_within_12_months: {distribution: fixed, mean: X}}");
    m.put("outcomes_fund_share", "funding: {outcomes_fund_share: X}");
    return Map.copyOf(m);
  }
}
