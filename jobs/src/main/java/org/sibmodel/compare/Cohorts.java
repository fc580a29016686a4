package org.sibmodel.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sibmodel.vocabulary.AgeBand;

/**
 * The cohorts file: named cohorts as filters over the care periods, and the pairs to compare.
 * Checked in full before anything is computed; errors name the file, the cohort or comparison,
 * the field and the value.
 */
record Cohorts(String source, Map<String, Definition> cohorts, List<Comparison> comparisons) {

  /** A cohort's filters; a null or empty filter lets everything through. */
  record Definition(String name, List<String> districts, List<String> districtsExcept, List<String> ageBands, LocalDate enteredFrom,
      LocalDate enteredTo, List<String> legalStatus, List<String> categoryOfNeed, String entry, Boolean referred) implements Serializable {

    boolean matches(Unit u) {
      return (districts.isEmpty() || districts.contains(u.district()))
          && (districtsExcept.isEmpty() || !districtsExcept.contains(u.district()))
          && (ageBands.isEmpty() || ageBands.contains(u.ageBand()))
          && (enteredFrom == null || !u.start().isBefore(enteredFrom))
          && (enteredTo == null || !u.start().isAfter(enteredTo))
          && (legalStatus.isEmpty() || legalStatus.contains(u.legalStatus()))
          && (categoryOfNeed.isEmpty() || categoryOfNeed.contains(u.categoryOfNeed()))
          && (entry.equals("any") || (entry.equals("reentry") == u.reentry()))
          && (referred == null || u.referral() == (referred ? Unit.Referral.REFERRED : Unit.Referral.NOT_REFERRED));
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      if (!districts.isEmpty()) {
        parts.add("districts " + String.join(", ", districts));
      }
      if (!districtsExcept.isEmpty()) {
        parts.add("districts other than " + String.join(", ", districtsExcept));
      }
      if (!ageBands.isEmpty()) {
        parts.add("aged " + String.join(", ", ageBands) + " at entry");
      }
      if (enteredFrom != null) {
        parts.add("entered from " + enteredFrom);
      }
      if (enteredTo != null) {
        parts.add("entered to " + enteredTo);
      }
      if (!legalStatus.isEmpty()) {
        parts.add("legal status " + String.join(", ", legalStatus));
      }
      if (!categoryOfNeed.isEmpty()) {
        parts.add("category of need " + String.join(", ", categoryOfNeed));
      }
      if (!entry.equals("any")) {
        parts.add(entry.equals("first") ? "first entries" : "re-entries");
      }
      if (referred != null) {
        parts.add(referred ? "referred children's entries from their referral" : "children never referred");
      }
      return parts.isEmpty() ? "all care periods" : String.join("; ", parts);
    }
  }

  /** A pair to compare: first minus second. */
  record Comparison(String name, String first, String second, boolean disjoint, boolean matched, boolean skipIfEmpty) implements Serializable {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> COHORT_FIELDS = Set.of("districts", "districts_except", "age_bands", "entered_from", "entered_to",
      "legal_status", "category_of_need", "entry", "referred");
  private static final Set<String> COMPARISON_FIELDS = Set.of("name", "first", "second", "disjoint", "matched", "skip_if_empty");

  /**
   * The bundled cohorts; with a referral list, also referred vs not referred, matched.
   *
   * @param referred whether a referral list was given
   */
  static Cohorts defaults(boolean referred) {
    try (InputStream in = Cohorts.class.getResourceAsStream("default-cohorts.yaml")) {
      ObjectNode root = (ObjectNode) YAML.readTree(in);
      if (referred) {
        ObjectNode cohorts = (ObjectNode) root.get("cohorts");
        cohorts.putObject("referred").put("referred", true);
        cohorts.putObject("not_referred").put("referred", false);
        ((ArrayNode) root.get("comparisons")).addObject().put("name", "referred vs not referred").put("first", "referred")
            .put("second", "not_referred").put("disjoint", true).put("matched", true);
      }
      return parse(root, "default cohorts");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled default-cohorts.yaml", e);
    }
  }

  static Cohorts read(Path file) {
    try {
      return parse(YAML.readTree(Files.readString(file)), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--cohorts " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  static Cohorts parse(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected cohorts: and comparisons: sections");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("cohorts", "comparisons").contains(f)) {
        throw new IllegalArgumentException(source + ": unknown field '" + f + "'; known: cohorts, comparisons");
      }
    }
    JsonNode cs = root.get("cohorts");
    if (cs == null || !cs.isObject() || cs.isEmpty()) {
      throw new IllegalArgumentException(source + ": cohorts: at least one cohort is needed");
    }
    Map<String, Definition> cohorts = new LinkedHashMap<>();
    cs.properties().forEach(e -> cohorts.put(e.getKey(), definition(e.getKey(), e.getValue(), source)));
    JsonNode ps = root.get("comparisons");
    if (ps == null || !ps.isArray() || ps.isEmpty()) {
      throw new IllegalArgumentException(source + ": comparisons: at least one pair of cohorts is needed");
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      JsonNode p = ps.get(i);
      String where = source + ": comparisons[" + i + "]";
      p.fieldNames().forEachRemaining(f -> {
        if (!COMPARISON_FIELDS.contains(f)) {
          throw new IllegalArgumentException(where + ": unknown field '" + f + "'; known: " + String.join(", ", COMPARISON_FIELDS));
        }
      });
      String name = text(p, "name", where);
      for (String side : List.of("first", "second")) {
        String c = text(p, side, where + " (" + name + ")");
        if (!cohorts.containsKey(c)) {
          throw new IllegalArgumentException(where + " (" + name + "): " + side + " = " + c + ": no such cohort; defined: "
              + String.join(", ", cohorts.keySet()));
        }
      }
      if (p.get("first").asText().equals(p.get("second").asText())) {
        throw new IllegalArgumentException(where + " (" + name + "): first and second are both " + p.get("first").asText()
            + ": a cohort cannot be compared with itself");
      }
      if (comparisons.stream().anyMatch(c -> c.name().equals(name))) {
        throw new IllegalArgumentException(where + ": the name '" + name + "' is used twice");
      }
      comparisons.add(new Comparison(name, p.get("first").asText(), p.get("second").asText(), p.path("disjoint").asBoolean(false),
          p.path("matched").asBoolean(false), p.path("skip_if_empty").asBoolean(false)));
    }
    return new Cohorts(source, cohorts, comparisons);
  }

  private static Definition definition(String name, JsonNode c, String source) {
    String where = source + ": cohorts." + name;
    if (!c.isObject()) {
      throw new IllegalArgumentException(where + ": expected a mapping of filters");
    }
    c.fieldNames().forEachRemaining(f -> {
      if (!COHORT_FIELDS.contains(f)) {
        throw new IllegalArgumentException(where + ": unknown filter '" + f + "'; known: " + String.join(", ", COHORT_FIELDS));
      }
    });
    List<String> bands = new ArrayList<>();
    for (String b : list(c, "age_bands", where)) {
      switch (b) {
        case "5-9" -> bands.addAll(List.of("5-7", "8-9"));
        case "10-15" -> bands.addAll(List.of("10-12", "13-15"));
        default -> {
          try {
            AgeBand.ofLabel(b);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".age_bands: " + e.getMessage().replace("unknown age band", "'" + b + "' is not an age band;"));
          }
          bands.add(b);
        }
      }
    }
    String entry = c.has("entry") ? c.get("entry").asText() : "any";
    if (!Set.of("any", "first", "reentry").contains(entry)) {
      throw new IllegalArgumentException(where + ".entry = " + entry + ": expected any, first or reentry");
    }
    LocalDate from = c.has("entered_from") ? date(c.get("entered_from"), source, "cohorts." + name + ".entered_from") : null;
    LocalDate to = c.has("entered_to") ? date(c.get("entered_to"), source, "cohorts." + name + ".entered_to") : null;
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(where + ": entered_to " + to + " is before entered_from " + from);
    }
    if (c.has("districts") && c.has("districts_except")) {
      throw new IllegalArgumentException(where + ": give districts or districts_except, not both");
    }
    Boolean referred = c.has("referred") ? c.get("referred").asBoolean() : null;
    return new Definition(name, list(c, "districts", where), list(c, "districts_except", where), bands, from, to,
        list(c, "legal_status", where), list(c, "category_of_need", where), entry, referred);
  }

  private static List<String> list(JsonNode c, String field, String where) {
    JsonNode v = c.get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(where + "." + field + " = " + v + ": expected a list");
    }
    List<String> values = new ArrayList<>();
    v.forEach(x -> values.add(x.asText()));
    return values;
  }

  private static String text(JsonNode p, String field, String where) {
    JsonNode v = p.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " is missing");
    }
    return v.asText();
  }

  private static LocalDate date(JsonNode v, String source, String field) {
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(source + ": " + field + " = " + v + ": expected a date yyyy-mm-dd");
    }
  }
}
