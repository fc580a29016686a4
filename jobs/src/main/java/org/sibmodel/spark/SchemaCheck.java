package org.sibmodel.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

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
      if (!found.dataType().equals(field.dataType())) {
        problems.add(schema.name() + "." + field.name() + ": type " + found.dataType().simpleString()
            + ", declared " + field.dataType().simpleString());
      }
    }
    for (FieldSpec field : schema.fields()) {
      String name = schema.name() + "." + field.name();
      Column c = col(field.name());
      if (field.required()) {
        count(data, c.isNull(), name + ": null in a required field", problems);
      }
      if (!field.allowed().isEmpty()) {
        count(data, c.isNotNull().and(not(c.isin(field.allowed().toArray()))), name + ": value outside " + field.allowed(), problems);
      }
      if (field.pattern() != null) {
        count(data, c.isNotNull().and(not(c.rlike(field.pattern()))), name + ": value not matching " + field.pattern(), problems);
      }
      if (field.min() != null) {
        count(data, c.lt(field.min()), name + ": value below " + field.min(), problems);
      }
      if (field.max() != null) {
        count(data, c.gt(field.max()), name + ": value above " + field.max(), problems);
      }
      if (field.codelist() != null) {
        Set<String> codes = new LinkedHashSet<>();
        Schemas.ssda903Codes().list(field.codelist()).codes().stream().map(CodeList.Code::code).forEach(codes::add);
        count(data, c.isNotNull().and(not(c.isin(codes.toArray()))), name + ": code not in " + field.codelist(), problems);
      }
    }
    return problems;
  }

  public static List<String> problems(Dataset<Row> data, String datasetName) {
    return problems(data, Schemas.dataset(datasetName));
  }

  private static void count(Dataset<Row> data, Column broken, String what, List<String> problems) {
    List<Row> examples = data.filter(broken).limit(3).collectAsList();
    if (!examples.isEmpty()) {
      problems.add(what + " (e.g. " + examples.get(0) + ")");
    }
  }
}
