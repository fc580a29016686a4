package org.sibmodel.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a declared dataset.
 *
 * @param name column name as it appears in files
 * @param type logical type
 * @param required a value must be present (not null, not empty)
 * @param meaning what the field records, in plain English
 * @param unit unit of measure, if any (days, years, pounds, children)
 * @param allowed the closed list of allowed values, if any
 * @param codelist the SSDA903 code list whose codes (valid in the row's collection year) are
 *     allowed, if any
 * @param pattern a regular expression every value matches, if any
 * @param min smallest allowed value of a numeric field, if any
 * @param max largest allowed value of a numeric field, if any
 * @param personal personal data: the value never leaves ingest, not even in reject reports
 * @param optionalColumn (inputs) the column may be absent from a file
 */
public record FieldSpec(
    String name,
    FieldType type,
    boolean required,
    String meaning,
    String unit,
    List<String> allowed,
    String codelist,
    String pattern,
    Double min,
    Double max,
    boolean personal,
    @JsonProperty("optional_column") boolean optionalColumn) {

  public FieldSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("field name is missing");
    }
    Objects.requireNonNull(type, () -> "field '" + name + "': type is missing");
    if (meaning == null || meaning.isBlank()) {
      throw new IllegalArgumentException("field '" + name + "': meaning is missing");
    }
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    if (pattern != null) {
      Pattern.compile(pattern);
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(
          "field '" + name + "': min " + min + " is greater than max " + max);
    }
    if ((min != null || max != null) && !type.isNumeric()) {
      throw new IllegalArgumentException(
          "field '" + name + "': min/max given for non-numeric type " + type.yamlName());
    }
  }
}
