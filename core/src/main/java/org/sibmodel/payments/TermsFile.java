package org.sibmodel.payments;

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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads contract terms from YAML. A file states only what it changes: it is laid over the
 * defaults ({@code default-terms.yaml}, the specification's values). An unknown field, a value of
 * the wrong kind or a value the rules refuse is an error naming the file, the field and the value.
 */
public final class TermsFile {
  private static final String DEFAULTS = "default-terms.yaml";
  // Decimals are read exactly (0.85 stays 0.85, never a binary fraction).
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private TermsFile() {}

  /** The specification's terms. */
  public static ContractTerms defaults() {
    return parse(defaultTree(), "default terms");
  }

  /** Terms from a file, over the defaults. */
  public static ContractTerms read(Path file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--terms " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not readable YAML: " + firstLine(e.getMessage()), e);
    }
    return fromTree(tree, file.toString());
  }

  /** Terms from YAML text, over the defaults; {@code source} names it in messages. */
  public static ContractTerms fromYaml(String yaml, String source) {
    try {
      return fromTree(YAML.readTree(yaml), source);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not readable YAML: " + firstLine(e.getMessage()), e);
    }
  }

  private static ContractTerms fromTree(JsonNode tree, String source) {
    ObjectNode merged = defaultTree();
    if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
      if (!tree.isObject()) {
        throw new IllegalArgumentException(source + ": expected a mapping of sections (contract, stability, shares, ...)");
      }
      overlay(merged, tree, "", source);
    }
    return parse(merged, source);
  }

  private static ObjectNode defaultTree() {
    try (InputStream in = TermsFile.class.getResourceAsStream(DEFAULTS)) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + DEFAULTS, e);
    }
  }

  /** Lays {@code over} onto {@code base}; every key must exist in the defaults. */
  private static void overlay(ObjectNode base, JsonNode over, String path, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode existing = base.get(field.getKey());
      if (existing == null) {
        List<String> known = new ArrayList<>();
        base.fieldNames().forEachRemaining(known::add);
        throw new IllegalArgumentException(source + ": unknown field '" + name + "'; known here: " + String.join(", ", known));
      }
      if (existing.isObject()) {
        if (!field.getValue().isObject()) {
          throw new IllegalArgumentException(source + ": '" + name + "' must be a section with fields " + fieldNames(existing));
        }
        overlay((ObjectNode) existing, field.getValue(), name, source);
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private static ContractTerms parse(JsonNode t, String source) {
    Reader r = new Reader(t, source);
    try {
      Map<SecondaryOutcome, Integer> months = new EnumMap<>(SecondaryOutcome.class);
      for (SecondaryOutcome o : SecondaryOutcome.values()) {
        months.put(o, r.integer("secondary." + o.key() + "_months"));
      }
      Map<SubCohort, BigDecimal> tariff = new LinkedHashMap<>();
      for (SubCohort c : SubCohort.all()) {
        tariff.put(c, r.decimal("tariff." + c.key()));
      }
      Shares shares = new Shares(
          r.decimal("shares.stability"), r.decimal("shares.milestone_fraction"), r.decimal("shares.family_star"),
          r.decimal("shares.my_star"), r.decimal("shares.attendance"), r.decimal("shares.reading"));
      return new ContractTerms(
          r.date("contract.start"), r.integer("contract.referral_months"), r.integer("contract.outcome_months"),
          r.integer("contract.payment_lag_months"), r.integer("stability.milestone_months"),
          r.integer("stability.tracking_days"), r.integer("stability.max_entries"),
          r.integer("stability.max_pause_days"), shares, months, r.bool("secondary.requires_home"), tariff,
          r.optionalDecimal("caps.total"), r.optionalDecimal("caps.per_financial_year"));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** Typed access to the merged tree by dotted path, with messages naming path and value. */
  private record Reader(JsonNode tree, String source) {
    JsonNode node(String path) {
      JsonNode n = tree;
      for (String part : path.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      return n;
    }

    private IllegalArgumentException wrong(String path, JsonNode value, String expected) {
      return new IllegalArgumentException(source + ": " + path + " = " + (value == null ? "(missing)" : value.toString()) + ": expected " + expected);
    }

    int integer(String path) {
      JsonNode v = node(path);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
        throw wrong(path, v, "a whole number");
      }
      return v.intValue();
    }

    BigDecimal decimal(String path) {
      JsonNode v = node(path);
      if (v == null || !v.isNumber()) {
        throw wrong(path, v, "a number");
      }
      return new BigDecimal(v.asText());
    }

    BigDecimal optionalDecimal(String path) {
      JsonNode v = node(path);
      return v == null || v.isNull() ? null : decimal(path);
    }

    boolean bool(String path) {
      JsonNode v = node(path);
      if (v == null || !v.isBoolean()) {
        throw wrong(path, v, "true or false");
      }
      return v.booleanValue();
    }

    LocalDate date(String path) {
      JsonNode v = node(path);
      if (v == null || !v.isTextual()) {
        throw wrong(path, v, "a date yyyy-mm-dd");
      }
      try {
        return LocalDate.parse(v.asText());
      } catch (DateTimeParseException e) {
        throw wrong(path, v, "a date yyyy-mm-dd");
      }
    }
  }
}
