package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sibmodel.testing.TestSpark;

/** A period's next entry is the same child's next period in the same authority, nothing else. */
class CareData_NextEntryGapTest {
  private static final StructType PERIODS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("la", DataTypes.StringType, false),
      DataTypes.createStructField("child_key", DataTypes.StringType, false),
      DataTypes.createStructField("period_number", DataTypes.IntegerType, false),
      DataTypes.createStructField("days_since_previous_exit", DataTypes.IntegerType, true)));

  @Test
  void eachPeriodGetsTheGapToItsChildsNextPeriodInTheSameAuthority() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> periods = spark.createDataFrame(List.of(
        RowFactory.create("Lancashire", "a", 1, null),
        RowFactory.create("Lancashire", "a", 2, 40),
        RowFactory.create("Lancashire", "a", 3, 200),
        RowFactory.create("Lancashire", "b", 1, null),
        RowFactory.create("Blackpool", "b", 2, 15)), PERIODS);

    List<String> gaps = CareData.withNextEntryGap(periods, periods).orderBy("la", "child_key", "period_number").collectAsList()
        .stream().map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getInt(2) + " gap " + r.getAs("gap")).toList();

    assertEquals(List.of("Blackpool/b/2 gap null", "Lancashire/a/1 gap 40", "Lancashire/a/2 gap 200", "Lancashire/a/3 gap null",
        "Lancashire/b/1 gap null"), gaps, "another authority's child b is another child");
    assertEquals(Arrays.asList(PERIODS.fieldNames()), Arrays.asList(CareData.withNextEntryGap(periods, periods).drop("gap").columns()),
        "only gap is added");
  }

  @Test
  void onlyTheGivenPeriodsAreFollowedButTheirNextPeriodsComeFromAll() {
    SparkSession spark = TestSpark.session();
    Dataset<Row> all = spark.createDataFrame(List.of(
        RowFactory.create("Lancashire", "a", 1, null), RowFactory.create("Lancashire", "a", 2, 40)), PERIODS);

    List<Row> followed = CareData.withNextEntryGap(all.filter("period_number = 1"), all).collectAsList();

    assertEquals(1, followed.size());
    assertEquals(40, followed.get(0).<Integer>getAs("gap"));
  }
}
