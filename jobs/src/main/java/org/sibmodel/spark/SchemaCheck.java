package org.sibmodel.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.schemas.CodeList;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.FieldSpec;
import org.sibmodel.schemas.Schemas;

/**
 * Checks a dataset against its declaration in data-schemas: the same columns in the same order
 * with the same types and nullability, and values that keep the declared rules (required,
 * allowed values, pattern, min and max, codes from the named code list in any year).
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /** Every way the data breaks its declaration; empty when it conforms. */
  public static List<String> problems(Dataset<Row> data, DatasetSchema schema) {
    List<String> problems = new ArrayList<>();
    StructType expected = SparkSchemas.of(schema);
    StructType actual = data.schema();
    if (!List.of(actual.fieldNames()).equals(List.of(expected.fieldNames()))) {
      problems.add(schema.name() + ": columns " + List.of(actual.fieldNames()) + ", declared " + List.of(expected.fieldNames()));
      return problems;
    }
    for (StructField field : expected.fields()) {
      StructField found = actual.apply(field.name());
      if (!sameType(found, field)) {
        problems.add(schema.name() + "." + field.name() + ": type " + found.dataType().simpleString()
            + ", declared " + field.dataType().simpleString());
      }
    }
    // Every value rule as one counted condition, so the whole check is a single pass.
    List<String> rules = new ArrayList<>();
    List<Column> broken = new ArrayList<>();
    for (FieldSpec field : schema.fields()) {
      String name = schema.name() + "." + field.name();
      Column c = col(field.name());
      if (field.required()) {
        rules.add(name + ": null in a required field");
        broken.add(c.isNull());
      }
      if (!field.allowed().isEmpty()) {
        rules.add(name + ": value outside " + field.allowed());
        broken.add(c.isNotNull().and(not(c.isin(field.allowed().toArray()))));
      }
      if (field.pattern() != null) {
        rules.add(name + ": value not matching " + field.pattern());
        broken.add(c.isNotNull().and(not(c.rlike(field.pattern()))));
      }
      if (field.min() != null) {
        rules.add(name + ": value below " + field.min());
        broken.add(c.lt(field.min()));
      }
      if (field.max() != null) {
        rules.add(name + ": value above " + field.max());
        broken.add(c.gt(field.max()));
      }
      if (field.codelist() != null) {
        Set<String> codes = new LinkedHashSet<>();
        Schemas.ssda903Codes().list(field.codelist()).codes().stream().map(CodeList.Code::code).forEach(codes::add);
        rules.add(name + ": code not in " + field.codelist());
        broken.add(c.isNotNull().and(not(c.isin(codes.toArray()))));
      }
    }
    if (broken.isEmpty()) {
      return problems;
    }
    Column[] counts = broken.stream().map(b -> sum(when(b, 1L).otherwise(0L))).toArray(Column[]::new);
    Row totals = data.agg(counts[0], java.util.Arrays.copyOfRange(counts, 1, counts.length)).head();
    for (int i = 0; i < rules.size(); i++) {
      long n = totals.isNullAt(i) ? 0 : totals.getLong(i);
      if (n > 0) {
        problems.add(rules.get(i) + ": " + n + " rows, e.g. " + data.filter(broken.get(i)).head());
      }
    }
    return problems;
  }

  /**
   * Whether a dataset read back has every declared field with its declared type: what a later
   * stage checks before it reads an earlier one's output, without reading the values. Extra columns
   * are allowed. Empty when it has them all, else "lacks field x, y" and "has field z as string,
   * declared date".
   */
  public static List<String> structure(Dataset<Row> data, DatasetSchema schema) {
    StructType actual = data.schema();
    List<String> columns = List.of(actual.fieldNames());
    List<String> missing = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (StructField field : SparkSchemas.of(schema).fields()) {
      if (!columns.contains(field.name())) {
        missing.add(field.name());
      } else if (!sameType(actual.apply(field.name()), field)) {
        problems.add("has field " + field.name() + " as " + actual.apply(field.name()).dataType().simpleString() + ", declared "
            + field.dataType().simpleString());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(0, "lacks field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
    }
    return problems;
  }

  /** Parquet reads everything back as nullable, array elements too: the types alone are compared. */
  private static boolean sameType(StructField found, StructField declared) {
    return found.dataType().simpleString().equals(declared.dataType().simpleString());
  }

  public static List<String> problems(Dataset<Row> data, String datasetName) {
    return problems(data, Schemas.dataset(datasetName));
  }
}
