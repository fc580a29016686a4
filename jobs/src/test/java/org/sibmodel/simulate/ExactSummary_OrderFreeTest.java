package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
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
    List<Row> rows = orderSensitiveRows();
    Dataset<Row> one = spark.createDataFrame(rows, SCHEMA).coalesce(1);
    List<Row> shuffled = new ArrayList<>(rows);
    java.util.Collections.shuffle(shuffled, new java.util.Random(7));
    Dataset<Row> many = spark.createDataFrame(shuffled, SCHEMA).repartition(7);
    List<ExactSummary.Stats> a = ExactSummary.of(one, COLUMNS, 1_000);
    assertSameFigures(a, ExactSummary.of(many, COLUMNS, 1_000));
    assertEquals(1_000 - 11, a.get(0).n(), "iterations with no value are left out");
  }

  @Test
  void valuesGatheredWhileTheRowsAreMadeGiveTheTablesFigures() {
    List<Row> rows = orderSensitiveRows();
    List<ExactSummary.Stats> fromTable = ExactSummary.of(TestSpark.session().createDataFrame(rows, SCHEMA), COLUMNS, 1_000);
    // Three ranges of iterations, as three tasks would fill them, arriving out of order.
    List<ExactSummary.Block> blocks = new ArrayList<>();
    for (int[] range : new int[][] {{700, 1_000}, {0, 333}, {333, 700}}) {
      ExactSummary.Block block = new ExactSummary.Block(0, range[0], range[1], COLUMNS);
      for (int i = range[0]; i < range[1]; i++) {
        assertEquals(i == range[1] - 1, block.accept(rows.get(i)), "full after its last row");
      }
      blocks.add(block);
    }
    assertSameFigures(fromTable, ExactSummary.of(blocks, 1_000));
  }

  @Test
  void gatheredValuesWithAGapAreAnError() {
    ExactSummary.Block block = new ExactSummary.Block(0, 0, 2, COLUMNS);
    orderSensitiveRows().subList(0, 2).forEach(block::accept);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExactSummary.of(List.of(block), 3));
    assertTrue(e.getMessage().contains("gathered 2 iterations' values, expected 3"), e.getMessage());
  }

  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("iteration", DataTypes.LongType, false),
      DataTypes.createStructField("x", DataTypes.DoubleType, true),
      DataTypes.createStructField("by_year", DataTypes.createArrayType(DataTypes.DoubleType), false)));
  private static final List<ExactSummary.Column> COLUMNS = List.of(ExactSummary.Column.scalar("x"), new ExactSummary.Column("by_year", 1),
      new ExactSummary.Column("by_year", 1, true));

  /** Iterations 0..999 whose floating-point sums depend on the order they are added in; every 97th has no x. */
  private static List<Row> orderSensitiveRows() {
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < 1_000; i++) {
      double x = Math.pow(10, (i * 7919) % 17) * (i % 3 == 0 ? -1.1 : 0.7) + 1e-3 * i;
      rows.add(new GenericRowWithSchema(new Object[] {i, i % 97 == 0 ? null : x,
          scala.jdk.javaapi.CollectionConverters.asScala(List.of(x, 2 * x)).toSeq()}, SCHEMA));
    }
    return rows;
  }

  private static void assertSameFigures(List<ExactSummary.Stats> a, List<ExactSummary.Stats> b) {
    assertEquals(a.size(), b.size());
    for (int c = 0; c < a.size(); c++) {
      assertEquals(a.get(c).column(), b.get(c).column());
      assertEquals(a.get(c).n(), b.get(c).n());
      assertEquals(a.get(c).mean(), b.get(c).mean(), 0.0, "mean of " + a.get(c).column() + " to the last bit");
      assertEquals(a.get(c).sd(), b.get(c).sd(), 0.0);
      assertArrayEquals(a.get(c).percentiles(), b.get(c).percentiles(), 0.0);
    }
  }
}
