package org.sibmodel.schemas;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The declared schema of one dataset the pipeline reads or writes: its fields in order, with
 * meaning, type, unit and allowed values. Loaded from {@code schemas/datasets/<name>.yaml}.
 */
public record DatasetSchema(
    String name, String title, Kind kind, String description, String grain, List<FieldSpec> fields) {

  /** Whether the pipeline reads the dataset from outside or writes it. */
  public enum Kind {
    INPUT,
    OUTPUT;

    @com.fasterxml.jackson.annotation.JsonCreator
    static Kind parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  public DatasetSchema {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("dataset name is missing");
    }
    if (kind == null) {
      throw new IllegalArgumentException("dataset '" + name + "': kind (input or output) is missing");
    }
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("dataset '" + name + "' declares no fields");
    }
    fields = List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    for (FieldSpec field : fields) {
      if (!seen.add(field.name().toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "dataset '" + name + "': field '" + field.name() + "' is declared twice");
      }
    }
  }

  /** The field of that name (exact match). */
  public Optional<FieldSpec> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /** The field of that name, or an error naming the dataset. */
  public FieldSpec requireField(String fieldName) {
    return field(fieldName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "dataset '" + name + "' has no field '" + fieldName + "'"));
  }

  public List<String> fieldNames() {
    return fields.stream().map(FieldSpec::name).toList();
  }

  /** Columns a file of this dataset must have (inputs): every field not marked optional_column. */
  public List<String> requiredColumns() {
    return fields.stream().filter(f -> !f.optionalColumn()).map(FieldSpec::name).toList();
  }
}
