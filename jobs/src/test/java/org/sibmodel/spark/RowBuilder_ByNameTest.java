package org.sibmodel.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowBuilder_ByNameTest {
  private static final StructType SCHEMA = new StructType()
      .add("la", StringType, false).add("district", StringType).add("entries", IntegerType, false);

  @Test
  void fieldsLandByNameWhateverTheOrderTheyAreSetIn() {
    RowBuilder builder = RowBuilder.of(SCHEMA);
    Row inOrder = builder.set("la", "Lancashire").set("district", "Burnley").set("entries", 3).build();
    Row shuffled = builder.set("entries", 4).set("la", "Blackpool").set("district", null).build();
    Row thenInOrder = builder.set("la", "Blackburn").set("district", "Darwen").set("entries", 5).build();

    assertEquals(Row.fromSeq(scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.<Object>of("Lancashire", "Burnley", 3)).toSeq()), inOrder);
    assertEquals("Blackpool", shuffled.getAs("la"));
    assertTrue(shuffled.isNullAt(1));
    assertEquals(4, (int) shuffled.getAs("entries"));
    assertEquals("Darwen", thenInOrder.getAs("district"));
    assertEquals(5, (int) thenInOrder.getAs("entries"));
  }

  @Test
  void anUnknownFieldAnUnsetFieldAndANullRequiredFieldAreNamed() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> RowBuilder.of(SCHEMA).set("ward", "x"));
    assertTrue(unknown.getMessage().contains("no field 'ward'"), unknown.getMessage());

    IllegalStateException unset = assertThrows(IllegalStateException.class,
        () -> RowBuilder.of(SCHEMA).set("la", "Lancashire").set("entries", 1).build());
    assertTrue(unset.getMessage().contains("'district' was not set"), unset.getMessage());

    IllegalStateException nullRequired = assertThrows(IllegalStateException.class,
        () -> RowBuilder.of(SCHEMA).set("la", null).set("district", "Burnley").set("entries", 1).build());
    assertTrue(nullRequired.getMessage().contains("'la' is required"), nullRequired.getMessage());
  }
}
