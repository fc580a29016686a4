package org.sibmodel.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sibmodel.config.ConfigTree;

/**
 * A base scenario with its named variants and one-way sensitivity ranges, from one scenario file
 * ({@code variants:} and {@code sensitivity:} sections; defaults in default-scenario.yaml). Each
 * variant states only what it changes; each sensitivity input is set to a fixed value with
 * everything else as in the base. All of them share the base's seed, so they run on common random
 * numbers.
 */
public final class ScenarioSet {
  /** A named variant of the base. */
  public record Variant(String name, Scenario scenario) {}

  /** An input's low and high value. */
  public record Range(ScenarioInput input, double low, double high) {
    public Range {
      java.util.Objects.requireNonNull(input, "input");
      if (!(low < high)) {
        throw new IllegalArgumentException("sensitivity.inputs." + input.key() + ": low " + low + " must be below high " + high);
      }
    }
  }

  private final Scenario base;
  private final List<Variant> variants;
  private final int sensitivityIterations;
  private final Basis basis;
  private final List<Range> ranges;

  private ScenarioSet(Scenario base, List<Variant> variants, int sensitivityIterations, Basis basis, List<Range> ranges) {
    this.base = base;
    this.variants = List.copyOf(variants);
    this.sensitivityIterations = sensitivityIterations;
    this.basis = basis;
    this.ranges = List.copyOf(ranges);
  }

  private ScenarioSet(String source, JsonNode baseTree) {
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
    String basisKey = tree.text("sensitivity.basis");
    this.basis = tree.build(() -> {
      try {
        return Basis.of(basisKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sensitivity." + e.getMessage(), e);
      }
    });
    this.ranges = new ArrayList<>();
    for (String input : tree.keys("sensitivity.inputs")) {
      ScenarioInput known;
      try {
        known = ScenarioInput.of(input);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": sensitivity.inputs." + input + ": " + e.getMessage(), e);
      }
      ranges.add(tree.build(() -> new Range(known, tree.number("sensitivity.inputs." + input + ".low"),
          tree.number("sensitivity.inputs." + input + ".high"))));
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

  /** What sensitivity, switching values and the break-even tariff are judged on. */
  public Basis basis() {
    return basis;
  }

  public List<Range> ranges() {
    return List.copyOf(ranges);
  }

  /**
   * The same set with other run settings: every scenario's iterations (null: as it was), the
   * master seed (null: as it was), and the iterations of each sensitivity evaluation (null: as it was).
   */
  public ScenarioSet withRunSettings(Integer iterations, Long seed, Integer sensitivityIterations) {
    java.util.function.UnaryOperator<Scenario> settings = s -> s.withSettings(new Scenario.Settings(
        iterations == null ? s.simulation().iterations() : iterations, seed == null ? s.simulation().seed() : seed));
    return new ScenarioSet(settings.apply(base), variants.stream().map(v -> new Variant(v.name(), settings.apply(v.scenario()))).toList(),
        sensitivityIterations == null ? this.sensitivityIterations : sensitivityIterations, basis, ranges);
  }

  /**
   * The set as the text of a scenario file: the base with every value, each variant as what it
   * changes from the base, and the sensitivity settings. Reading it back gives the same set.
   */
  public String toYaml() {
    com.fasterxml.jackson.databind.node.ObjectNode tree = ScenarioFile.toTree(base);
    com.fasterxml.jackson.databind.node.ArrayNode list = tree.putArray("variants");
    for (Variant v : variants) {
      com.fasterxml.jackson.databind.node.ObjectNode variant = list.addObject();
      variant.put("name", v.name());
      com.fasterxml.jackson.databind.node.ObjectNode changes = ConfigTree.difference(tree, ScenarioFile.toTree(v.scenario()),
          ScenarioFile.OPEN, "");
      changes.remove(List.of("name", "variants"));
      variant.set("changes", changes);
    }
    com.fasterxml.jackson.databind.node.ObjectNode sensitivity = tree.putObject("sensitivity");
    sensitivity.put("iterations", sensitivityIterations);
    sensitivity.put("basis", basis.key());
    com.fasterxml.jackson.databind.node.ObjectNode inputs = sensitivity.putObject("inputs");
    for (Range r : ranges) {
      com.fasterxml.jackson.databind.node.ObjectNode range = inputs.putObject(r.input().key());
      range.put("low", r.low());
      range.put("high", r.high());
    }
    return ConfigTree.yaml(tree, ScenarioFile.EFFECTIVE + "\nThe variants state what they change from the base; sensitivity ranges as run.");
  }

  /** The base with one input fixed at a value (a tornado bar, a switching-value evaluation). */
  public Scenario with(ScenarioInput input, double value) {
    return input.with(base, value);
  }

  /** The base input's central value (for the tornado's base line and the switching search). */
  public double baseValue(ScenarioInput input) {
    return input.get(base);
  }
}
