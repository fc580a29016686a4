package org.sibmodel.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sibmodel.format.Formats;
import org.sibmodel.simulate.ScenarioFile;

/**
 * Every input of the base scenario as run (its scenario.yaml: every value after the command
 * line), one row each with its value, unit and source, for the workbook's assumptions sheet. The
 * source is what the bundled defaults say of the value (default-scenario.yaml and the contract's
 * default-terms.yaml cite a seed document or figures.md, or say ASSUMPTION), or that the run's own
 * scenario file set it. A distribution is one row ("lognormal: mean 0.65, sd 0.1").
 */
final class Assumptions {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern KEY = Pattern.compile("^(\\s*)(?:- )?(\"[^\"]+\"|[A-Za-z0-9_.\\-]+):(.*)$");

  /** One input: its path in the scenario file, value (a number, or text), unit and source. */
  record Input(String path, Object value, String unit, String source) {}

  private Assumptions() {}

  /** The inputs of the base scenario in {@code scenarioYaml} (a scenario set's variants are not inputs of the base). */
  static List<Input> of(String scenarioYaml) {
    JsonNode run;
    try {
      run = YAML.readTree(scenarioYaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("scenario.yaml of the results cannot be read: " + e.getMessage(), e);
    }
    ObjectNode base = run.deepCopy();
    base.remove("variants");
    JsonNode defaults = ScenarioFile.toTree(ScenarioFile.defaults());
    Map<String, String> sources = comments(resource("org/sibmodel/simulate/default-scenario.yaml"), "");
    comments(resource("org/sibmodel/payments/default-terms.yaml"), "contract.").forEach(sources::putIfAbsent);
    List<Input> inputs = new ArrayList<>();
    walk(base, "", defaults, sources, inputs, null);
    return inputs;
  }

  private static void walk(JsonNode node, String path, JsonNode defaults, Map<String, String> sources, List<Input> out,
      String siblingSource) {
    if (node.isObject() && !node.has("distribution")) {
      // A cost's citation sits beside its amount ({pounds: ..., source: "..."}); referrals.source is an input.
      String source = node.has("pounds") && node.has("source") && node.get("source").isTextual() ? node.get("source").asText() : null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("source") && source != null) {
          continue;
        }
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), defaults, sources, out,
            source != null ? source : siblingSource);
      }
      return;
    }
    JsonNode byDefault = at(defaults, path);
    String source = siblingSource != null ? siblingSource : source(sources, path);
    if (byDefault != null && !byDefault.isMissingNode() && !same(byDefault, node)) {
      source = "set by this run's scenario file (default " + text(byDefault) + ")" + (source.isEmpty() ? "" : "; the default: " + source);
    }
    out.add(new Input(path, node.isNumber() ? (Object) node.asDouble() : text(node), unit(path), source.isEmpty() ? "default-scenario.yaml"
        : source));
  }

  /** Numbers are compared as numbers (1 and 1.0 are the same value). */
  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble();
    }
    return text(a).equals(text(b));
  }

  private static JsonNode at(JsonNode tree, String path) {
    JsonNode n = tree;
    for (String k : path.split("\\.")) {
      if (n == null) {
        return null;
      }
      n = n.get(k);
    }
    return n;
  }

  /** The comment on the path, else on its nearest parent that has one. */
  private static String source(Map<String, String> sources, String path) {
    for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
      String s = sources.get(p);
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return "";
  }

  /** A value in words: a distribution as "lognormal: mean 0.65, sd 0.1", a list joined, null as "none". */
  static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return "none";
    }
    if (n.isObject() && n.has("distribution")) {
      String kind = n.get("distribution").asText();
      return kind.equals("fixed") ? Formats.number(n.path("mean").asDouble(), 6)
          : kind + ": mean " + Formats.number(n.path("mean").asDouble(), 6) + ", sd " + Formats.number(n.path("sd").asDouble(), 6);
    }
    if (n.isArray()) {
      List<String> items = new ArrayList<>();
      n.forEach(i -> items.add(text(i)));
      return String.join(", ", items);
    }
    if (n.isNumber()) {
      return Formats.number(n.asDouble(), 10);
    }
    return n.asText();
  }

  /** The unit an input is in, from where it sits in the scenario file. */
  static String unit(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.startsWith("costs.weekly.")) {
      return "£ a week (price year)";
    }
    if (p.startsWith("council_costs.") || p.endsWith("fixed_per_year")) {
      return "£ a year (price year)";
    }
    if (p.contains("tariff.") || p.contains("caps.") || p.endsWith("per_referral") || p.endsWith("award")
        || p.endsWith("budget_per_financial_year")) {
      return "£";
    }
    if (p.endsWith("_date") || p.endsWith(".start")) {
      return "date";
    }
    if (p.contains("months")) {
      return "months";
    }
    if (p.contains("days")) {
      return "days";
    }
    if (p.contains("hazard_ratio") || p.endsWith("referrals_per_entry")) {
      return "ratio";
    }
    if (p.endsWith("referrals.volume")) {
      return "multiple of the referral table";
    }
    if (p.startsWith("referrals.per_year.")) {
      return "referrals a year";
    }
    if (p.endsWith("price_year")) {
      return "financial year starting";
    }
    if (p.contains("share") || p.contains("acceptance") || p.contains("inflation") || p.contains("discount_rate")
        || p.contains("cashable_profile") || p.startsWith("economics.optimism_bias.costs") || p.startsWith("economics.optimism_bias.benefits")
        || p.startsWith("secondary.") || p.startsWith("counterfactual.diversion") || p.startsWith("referrals.districts.")
        || p.endsWith("ramp_up_start") || p.startsWith("contract.shares.")) {
      return "share";
    }
    if (p.endsWith("iterations")) {
      return "iterations";
    }
    return "";
  }

  /**
   * The comments of a YAML file by the path of the key they belong to: a comment on the key's line,
   * else the comment lines just above it. Keys of {@code prefix} are prefixed (the terms file's
   * fields sit under the scenario's {@code contract}).
   */
  static Map<String, String> comments(String yaml, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    Deque<Object[]> stack = new ArrayDeque<>();
    List<String> pending = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        pending.add(trimmed.substring(1).strip());
        continue;
      }
      Matcher m = KEY.matcher(line);
      if (!m.matches()) {
        if (trimmed.isEmpty()) {
          pending.clear();
        }
        continue;
      }
      int indent = m.group(1).length();
      String key = m.group(2).replace("\"", "");
      while (!stack.isEmpty() && (int) stack.peek()[0] >= indent) {
        stack.pop();
      }
      StringBuilder path = new StringBuilder(prefix);
      stack.descendingIterator().forEachRemaining(k -> path.append(k[1]).append('.'));
      path.append(key);
      String rest = m.group(3);
      int hash = rest.indexOf(" #");
      String comment = hash >= 0 ? rest.substring(hash + 2).strip() : String.join(" ", pending);
      out.put(path.toString(), comment);
      pending.clear();
      stack.push(new Object[] {indent, key});
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = Assumptions.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
