package org.sibmodel.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The logical type of a dataset field. Inputs are text on disk; this is the type once parsed. */
public enum FieldType {
  STRING,
  /** 32-bit signed integer. */
  INTEGER,
  /** 64-bit signed integer. */
  LONG,
  DOUBLE,
  /** A list of doubles (Spark array&lt;double&gt;): a value per financial year or per month. */
  DOUBLE_ARRAY,
  /** Pounds to the penny: a decimal with two places (Spark decimal(15,2)). */
  MONEY,
  BOOLEAN,
  /** A calendar date without time zone. */
  DATE,
  /** An instant, stored in UTC. */
  TIMESTAMP;

  /** Whether min and max apply. */
  public boolean isNumeric() {
    return this == INTEGER || this == LONG || this == DOUBLE || this == MONEY;
  }

  @JsonCreator
  public static FieldType parse(String text) {
    try {
      if (text.trim().equals("array<double>")) {
        return DOUBLE_ARRAY;
      }
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown field type '" + text + "'; expected one of string, integer, long, double,"
              + " money, boolean, date, timestamp",
          e);
    }
  }

  @JsonValue
  public String yamlName() {
    return this == DOUBLE_ARRAY ? "array<double>" : name().toLowerCase(Locale.ROOT);
  }
}
