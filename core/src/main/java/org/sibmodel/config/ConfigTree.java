package org.sibmodel.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A YAML configuration laid over its bundled defaults, read by dotted path with messages that name
 * the source, the field and the value. A file states only what it changes; a field the defaults do
 * not have is an error listing the fields that exist there. Sections marked open (maps keyed by
 * names, such as districts) take any keys.
 */
public final class ConfigTree {
  // Decimals are read exactly (0.85 stays 0.85, never a binary fraction).
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final ObjectMapper YAML_WRITER = new ObjectMapper(new YAMLFactory()
      .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final java.util.Map<String, ObjectNode> DEFAULTS = new java.util.concurrent.ConcurrentHashMap<>();

  private final JsonNode tree;
  private final String source;

  private ConfigTree(JsonNode tree, String source) {
    this.tree = tree;
    this.source = source;
  }

  /** The bundled defaults alone. */
  public static ConfigTree defaults(Class<?> owner, String resource, String source) {
    return new ConfigTree(readResource(owner, resource), source);
  }

  /** A file over the defaults; {@code openSections} are paths whose keys are free. */
  public static ConfigTree read(Path file, Class<?> owner, String resource, List<String> openSections) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return fromYaml(text, file.toString(), owner, resource, openSections);
  }

  /** YAML text over the defaults. */
  public static ConfigTree fromYaml(String yaml, String source, Class<?> owner, String resource, List<String> openSections) {
    JsonNode over;
    try {
      over = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not readable YAML: " + firstLine(e.getMessage()), e);
    }
    return over(over, source, owner, resource, openSections);
  }

  /** An already parsed tree over the defaults (a section of a larger file). */
  public static ConfigTree over(JsonNode over, String source, Class<?> owner, String resource, List<String> openSections) {
    ObjectNode merged = readResource(owner, resource);
    if (over != null && !over.isMissingNode() && !over.isNull()) {
      if (!over.isObject()) {
        throw new IllegalArgumentException(source + ": expected a mapping of sections, found " + over.getNodeType().name().toLowerCase());
      }
      overlay(merged, over, "", source, openSections);
    }
    return new ConfigTree(merged, source);
  }

  /** A fresh copy of the bundled defaults, parsed once per process. */
  private static ObjectNode readResource(Class<?> owner, String resource) {
    return DEFAULTS.computeIfAbsent(owner.getName() + "/" + resource, k -> parseResource(owner, resource)).deepCopy();
  }

  private static ObjectNode parseResource(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled defaults missing: " + resource);
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + resource, e);
    }
  }

  private static void overlay(ObjectNode base, JsonNode over, String path, String source, List<String> open) {
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode existing = base.get(field.getKey());
      if (open.contains(path)) {
        if (existing != null && existing.isObject() && field.getValue().isObject()) {
          overlay((ObjectNode) existing, field.getValue(), name, source, open);
        } else {
          base.set(field.getKey(), field.getValue());
        }
        continue;
      }
      if (existing == null) {
        List<String> known = new ArrayList<>();
        base.fieldNames().forEachRemaining(known::add);
        throw new IllegalArgumentException(source + ": unknown field '" + name + "'; known here: " + String.join(", ", known));
      }
      if (existing.isObject() && !open.contains(name)) {
        if (!field.getValue().isObject()) {
          List<String> names = new ArrayList<>();
          existing.fieldNames().forEachRemaining(names::add);
          throw new IllegalArgumentException(source + ": '" + name + "' must be a section with fields " + String.join(", ", names));
        }
        overlay((ObjectNode) existing, field.getValue(), name, source, open);
      } else if (open.contains(name)) {
        // An open section replaces the default's keys wholesale (districts, per-year tables).
        base.set(field.getKey(), field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  /** A copy of {@code base} with {@code over} laid on it, section by section (for scenario variants). */
  public static JsonNode merge(JsonNode base, JsonNode over) {
    ObjectNode merged = base == null || !base.isObject() ? YAML.createObjectNode() : ((ObjectNode) base).deepCopy();
    if (over == null || !over.isObject()) {
      return merged;
    }
    over.fields().forEachRemaining(e -> {
      JsonNode existing = merged.get(e.getKey());
      merged.set(e.getKey(), existing != null && existing.isObject() && e.getValue().isObject()
          ? merge(existing, e.getValue()) : e.getValue().deepCopy());
    });
    return merged;
  }

  /** A new, empty section, for writing a configuration out. */
  public static ObjectNode section() {
    return YAML.createObjectNode();
  }

  /** A tree as YAML text (block style), under a leading comment. */
  public static String yaml(JsonNode tree, String comment) {
    try {
      StringBuilder text = new StringBuilder();
      comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
      return text.append(YAML_WRITER.writeValueAsString(tree).strip()).append('\n').toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write YAML: " + e.getMessage(), e);
    }
  }

  /**
   * What {@code changed} sets differently from {@code base}, as a tree that laid over {@code base}
   * (the way a scenario variant's {@code changes} are) gives {@code changed} back. Sections listed in
   * {@code wholesale} replace the base's keys when laid over it, so they are given whole when they differ.
   */
  public static ObjectNode difference(JsonNode base, JsonNode changed, List<String> wholesale, String path) {
    ObjectNode diff = YAML.createObjectNode();
    changed.fields().forEachRemaining(e -> {
      String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      JsonNode before = base == null ? null : base.get(e.getKey());
      if (e.getValue().equals(before)) {
        return;
      }
      if (before != null && before.isObject() && e.getValue().isObject() && !wholesale.contains(name)) {
        diff.set(e.getKey(), difference(before, e.getValue(), wholesale, name));
      } else {
        diff.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return diff;
  }

  /** Parses YAML text into a tree (for callers that combine trees before reading them). */
  public static JsonNode parse(String yaml, String source) {
    try {
      JsonNode tree = YAML.readTree(yaml);
      return tree == null || tree.isMissingNode() ? YAML.createObjectNode() : tree;
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not readable YAML: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  public String source() {
    return source;
  }

  public JsonNode node(String path) {
    JsonNode n = tree;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.isArray() && part.chars().allMatch(Character::isDigit) ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return n;
  }

  /** The merged subtree at a path (for nested configurations such as the contract terms). */
  public JsonNode section(String path) {
    return node(path);
  }

  /** The names under a section, in file order. */
  public List<String> keys(String path) {
    JsonNode n = node(path);
    List<String> keys = new ArrayList<>();
    if (n != null && n.isObject()) {
      n.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  public IllegalArgumentException wrong(String path, String expected) {
    JsonNode value = node(path);
    return new IllegalArgumentException(source + ": " + path + " = " + (value == null ? "(missing)" : value.toString()) + ": expected " + expected);
  }

  public int integer(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrong(path, "a whole number");
    }
    return v.intValue();
  }

  public long longValue(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrong(path, "a whole number");
    }
    return v.longValue();
  }

  public BigDecimal decimal(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isNumber()) {
      throw wrong(path, "a number");
    }
    return new BigDecimal(v.asText());
  }

  public double number(String path) {
    return decimal(path).doubleValue();
  }

  public Double optionalNumber(String path) {
    JsonNode v = node(path);
    return v == null || v.isNull() ? null : number(path);
  }

  public Integer optionalInteger(String path) {
    JsonNode v = node(path);
    return v == null || v.isNull() ? null : integer(path);
  }

  public LocalDate optionalDate(String path) {
    JsonNode v = node(path);
    return v == null || v.isNull() ? null : date(path);
  }

  public BigDecimal optionalDecimal(String path) {
    JsonNode v = node(path);
    return v == null || v.isNull() ? null : decimal(path);
  }

  public boolean bool(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isBoolean()) {
      throw wrong(path, "true or false");
    }
    return v.booleanValue();
  }

  public String text(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isTextual()) {
      throw wrong(path, "text");
    }
    return v.asText();
  }

  public String optionalText(String path) {
    JsonNode v = node(path);
    return v == null || v.isNull() ? null : text(path);
  }

  public LocalDate date(String path) {
    JsonNode v = node(path);
    if (v == null || !v.isTextual()) {
      throw wrong(path, "a date yyyy-mm-dd");
    }
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw wrong(path, "a date yyyy-mm-dd");
    }
  }

  /** Runs a constructor, prefixing the source to a message that names a field. */
  public <T> T build(java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }
}
