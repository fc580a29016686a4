package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sibmodel.testing.TestSpark;

class ExactSummary_OrderFreeTest {

  @Test
  void statsOfAKnownSampleMatchTheTextbook() {
    // 1..10 and one iteration without a value: mean 5.5, sd sqrt(55/6), P50 5.5, P10 1.9 (Spark's interpolation: 0.1 x 9 = 0.9 of the way from 1 to 2).
    double[] values = {3, 1, 4, Double.NaN, 10, 9, 2, 6, 5, 8, 7};
    ExactSummary.Stats s = ExactSummary.stats(ExactSummary.Column.scalar("x"), values);
    assertEquals(10, s.n());
    assertEquals(5.5, s.mean(), 1e-12);
    assertEquals(Math.sqrt(55.0 / 6), s.sd(), 1e-12);
    assertArrayEquals(new double[] {1.45, 1.9, 5.5, 9.1, 9.55}, s.percentiles(), 1e-12);
    assertEquals(s.sd() / Math.sqrt(10), s.mcSe(), 1e-12);
  }

  @Test
  void aColumnWithNoValuesHasZeros() {
    ExactSummary.Stats s = ExactSummary.stats(ExactSummary.Column.scalar("irr"), new double[] {Double.NaN, Double.NaN});
    assertEquals(0, s.n());
    assertArrayEquals(new double[5], s.percentiles());
  }

  @Test
  void theSameIterationsGiveTheSameFiguresHoweverTheyArePartitionedAndOrdered() {
    SparkSession spark = TestSpark.session();
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("iteration", DataTypes.LongType, false),
        DataTypes.createStructField("x", DataTypes.DoubleType, true),
        DataTypes.createStructField("by_year", DataTypes.createArrayType(DataTypes.DoubleType), false)));
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      // Values whose floating-point sum depends on the order they are added in.
      double x = Math.pow(10, (i * 7919) % 17) * (i % 3 == 0 ? -1.1 : 0.7) + 1e-3 * i;
      rows.add(RowFactory.create(i, i % 97 == 0 ? null : x, List.of(x, 2 * x)));
    }
    List<ExactSummary.Column> columns = List.of(ExactSummary.Column.scalar("x"), new ExactSummary.Column("by_year", 1),
        new ExactSummary.Column("by_year", 1, true));
    Dataset<Row> one = spark.createDataFrame(rows, schema).coalesce(1);
    List<Row> shuffled = new ArrayList<>(rows);
    java.util.Collections.shuffle(shuffled, new java.util.Random(7));
    Dataset<Row> many = spark.createDataFrame(shuffled, schema).repartition(7);
    List<ExactSummary.Stats> a = ExactSummary.of(one, columns, 1_000);
    List<ExactSummary.Stats> b = ExactSummary.of(many, columns, 1_000);
    for (int c = 0; c < columns.size(); c++) {
      assertEquals(a.get(c).mean(), b.get(c).mean(), 0.0, "mean of " + columns.get(c) + " to the last bit");
      assertEquals(a.get(c).sd(), b.get(c).sd(), 0.0);
      assertArrayEquals(a.get(c).percentiles(), b.get(c).percentiles(), 0.0);
    }
    assertEquals(1_000 - 11, a.get(0).n(), "iterations with no value are left out");
  }
}
