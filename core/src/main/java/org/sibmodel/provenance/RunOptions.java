package org.sibmodel.provenance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a stage command: a record, validated in its constructor, that the job takes
 * (from the command line, a test or a notebook alike). run.json records it as it is, so the
 * options are declared once: a record component is an option, under its name in snake_case, and
 * null means "not given: the default applied". A record holds no secret (the key file's path,
 * never the key), as every component is written.
 */
public interface RunOptions {
  /** The options as run.json records them: every component, in declaration order. */
  default Map<String, Object> describe() {
    if (!(this instanceof Record)) {
      throw new IllegalStateException(getClass().getSimpleName() + " must be a record to describe itself");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent c : getClass().getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(this);
        m.put(snakeCase(c.getName()), value instanceof java.nio.file.Path p ? p.toString() : value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read option " + c.getName() + " of " + getClass().getSimpleName(), e);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** Checks a required option was given: "--params is required" otherwise. */
  static void required(String flag, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new IllegalArgumentException(flag + " is required");
    }
  }

  /** Checks an optional whole number is at least {@code min}: "--iterations 0: must be at least 1" otherwise. */
  static void atLeast(String flag, Number value, long min) {
    if (value != null && value.longValue() < min) {
      throw new IllegalArgumentException(flag + " " + value + ": must be at least " + min);
    }
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
