package org.sibmodel.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Builds Rows of a declared schema by field name, so a record maps to its dataset in one place
 * and two fields of the same type cannot be swapped silently. A required field left unset is an
 * error naming it. Rows carry their schema, so fields can be read back by name.
 */
public final class RowBuilder {
  private final StructType schema;
  private Object[] values;
  private boolean[] set;
  /** Where the field after the last one set is: fields are mostly set in the schema's order. */
  private int next;

  private RowBuilder(StructType schema) {
    this.schema = schema;
    reset();
  }

  public static RowBuilder of(StructType schema) {
    return new RowBuilder(schema);
  }

  public RowBuilder set(String field, Object value) {
    int i = indexOf(field);
    // Spark's rows hold arrays as Scala sequences.
    values[i] = value instanceof java.util.List<?> list ? scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq() : value;
    set[i] = true;
    next = i + 1;
    return this;
  }

  /**
   * The field's position: the one after the last set when the names match (a row is built per
   * input row, and the lookup by name was a few per cent of ingest's resolve stage), else from
   * the name index StructType keeps.
   */
  private int indexOf(String field) {
    StructField[] fields = schema.fields();
    if (next < fields.length && fields[next].name().equals(field)) {
      return next;
    }
    try {
      return schema.fieldIndex(field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the schema has no field '" + field + "'; fields: " + List.of(schema.fieldNames()), e);
    }
  }

  /** The row; the builder is then ready for the next one. */
  public Row build() {
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!set[i]) {
        throw new IllegalStateException("field '" + fields[i].name() + "' was not set");
      }
      if (values[i] == null && !fields[i].nullable()) {
        throw new IllegalStateException("field '" + fields[i].name() + "' is required but null");
      }
    }
    Row row = new GenericRowWithSchema(values, schema);
    reset();
    return row;
  }

  private void reset() {
    values = new Object[schema.size()];
    set = new boolean[schema.size()];
    next = 0;
  }
}
