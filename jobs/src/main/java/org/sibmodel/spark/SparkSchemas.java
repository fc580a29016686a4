package org.sibmodel.spark;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.FieldSpec;
import org.sibmodel.schemas.FieldType;
import org.sibmodel.schemas.Schemas;

/** Spark schemas made from the declarations in data-schemas, never written out by hand. */
public final class SparkSchemas {
  private SparkSchemas() {}

  /** The Spark schema of a declared dataset; field meanings and units go into the metadata. */
  public static StructType of(String datasetName) {
    return of(Schemas.dataset(datasetName));
  }

  public static StructType of(DatasetSchema schema) {
    List<StructField> fields =
        schema.fields().stream()
            .map(f -> DataTypes.createStructField(f.name(), sparkType(f.type()), !f.required(), metadata(f)))
            .toList();
    return DataTypes.createStructType(fields);
  }

  public static DataType sparkType(FieldType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case MONEY -> DataTypes.createDecimalType(15, 2);
      case DOUBLE_ARRAY -> DataTypes.createArrayType(DataTypes.DoubleType, false);
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  private static Metadata metadata(FieldSpec field) {
    MetadataBuilder m = new MetadataBuilder().putString("comment", field.meaning());
    if (field.unit() != null) {
      m.putString("unit", field.unit());
    }
    return m.build();
  }
}
