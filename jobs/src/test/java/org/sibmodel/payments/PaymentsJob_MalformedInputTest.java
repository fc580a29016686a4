package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/** Bad monitoring rows: each rejected with its reason and counted; bad files stop the run. */
class PaymentsJob_MalformedInputTest {
  private static final String CHILDREN = Fixtures.lines(
      "child_id,pathway,age_band,start_date,family_star,my_star,attendance,reading",
      "A,DIVERSION,5-7,2020-01-15,1,0,0,0",
      "B,diversion,10-12,2020-02-01,,,,",
      "C,ADOPTION,5-7,2020-01-15,0,0,0,0",
      "D,REUNIFICATION,4-5,2020-01-15,0,0,0,0",
      "E,REUNIFICATION,13-15,2020-31-01,0,0,0,0",
      "A,DIVERSION,5-7,2020-01-15,1,1,1,1",
      "F,DIVERSION,8-9,2020-03-01,yes,0,0,0",
      "G,DIVERSION,8-9,2020-03-01,0,0,0,0",
      "H,DIVERSION,8-9,2020-03-01,0,0,0,0",
      "I,DIVERSION,8-9,2020-03-01,0,0");
  private static final String SPELLS = Fixtures.lines(
      "child_id,entry_date,exit_date",
      "B,2021-01-10,2021-02-09",
      "Z,2021-01-10,2021-02-09",
      "G,2021-01-10,2021-01-05",
      "H,2021-01-10,2021-03-01",
      "H,2021-02-01,2021-02-20",
      "G,2020-01-01,2020-02-01",
      "C,2021-01-10,");

  @TempDir Path tmp;

  private PaymentsSummary run(String children, String spells) {
    Path c = Fixtures.write(tmp, "in/children.csv", children);
    Path s = Fixtures.write(tmp, "in/spells.csv", spells);
    return PaymentsJob.run(TestSpark.session(), new PaymentsOptions(c.toString(), s.toString(), null, null, null, null,
        tmp.resolve("out").toString()));
  }

  @Test
  void everyBadRowIsRejectedWithItsReasonAndCounted() {
    PaymentsSummary summary = run(CHILDREN, SPELLS);
    assertEquals(new PaymentsSummary.Rows(10, 2, 8), summary.children());
    assertEquals(new PaymentsSummary.Rows(7, 1, 6), summary.spells());
    assertEquals(1L, summary.rejectsByRule().get("CHILD_REJECTED"), "H's first spell goes with H");
    List<Row> rejects = TestSpark.session().read().parquet(tmp.resolve("out/payment_rejects").toString())
        .orderBy("dataset", "line", "rule").collectAsList();
    Map<String, List<String>> byRow = rejects.stream().collect(Collectors.groupingBy(
        r -> r.getAs("dataset") + ":" + r.getAs("line"), Collectors.mapping(r -> r.<String>getAs("rule"), Collectors.toList())));
    assertEquals(List.of("BAD_VALUE"), byRow.get("children:4"), "unknown pathway");
    assertEquals(List.of("BAD_VALUE"), byRow.get("children:5"), "unknown age band");
    assertEquals(List.of("BAD_DATE"), byRow.get("children:6"), "bad date");
    assertEquals(List.of("DUPLICATE_CHILD"), byRow.get("children:7"));
    assertEquals(List.of("BAD_VALUE"), byRow.get("children:8"), "flag 'yes'");
    assertEquals(List.of("CHILD_HAS_REJECTED_SPELLS"), byRow.get("children:9"), "G");
    assertEquals(List.of("CHILD_HAS_REJECTED_SPELLS"), byRow.get("children:10"), "H");
    assertEquals(List.of("MALFORMED_ROW"), byRow.get("children:11"));
    assertEquals(List.of("UNKNOWN_CHILD"), byRow.get("spells:3"), "Z");
    assertEquals(List.of("EXIT_BEFORE_ENTRY"), byRow.get("spells:4"));
    assertEquals(List.of("CHILD_REJECTED"), byRow.get("spells:5"));
    assertEquals(List.of("OVERLAPPING_SPELL"), byRow.get("spells:6"));
    assertEquals(List.of("SPELL_BEFORE_DAY0"), byRow.get("spells:7"));
    assertEquals(List.of("UNKNOWN_CHILD"), byRow.get("spells:8"), "C's row was rejected");
    assertTrue(rejects.stream().filter(r -> r.getAs("line").equals(8L) && r.getAs("dataset").equals("spells"))
        .allMatch(r -> r.<String>getAs("message").contains("was rejected")));
    List<String> paid = TestSpark.session().read().parquet(tmp.resolve("out/payment_children").toString())
        .select("child_id").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    assertEquals(List.of("A", "B"), paid);
  }

  @Test
  void wrongColumnsStopTheRunAndWriteNothing() {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> run("id,pathway,age_band,start_date\nA,DIVERSION,5-7,2020-01-15\n", SPELLS));
    assertTrue(e.getMessage().contains("lacks child_id"), e.getMessage());
    assertTrue(e.getMessage().contains("child_id,pathway,age_band,start_date"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void badTermsStopTheRunBeforeSparkStarts() throws Exception {
    Path terms = Files.writeString(tmp.resolve("terms.yaml"), "shares:\n  reading: 0.5\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaymentsJob.run(() -> {
      throw new AssertionError("Spark must not start for bad terms");
    }, new PaymentsOptions("c.csv", "s.csv", terms, null, null, null, tmp.resolve("out").toString())));
    assertTrue(e.getMessage().contains("must sum to 1"), e.getMessage());
  }

  @Test
  void parquetInputReadsLikeCsv() {
    SparkSession spark = TestSpark.session();
    Path c = Fixtures.write(tmp, "csv/children.csv", Fixtures.lines(
        "child_id,pathway,age_band,start_date,family_star,my_star,attendance,reading",
        "A,DIVERSION,5-7,2020-01-15,1,0,0,0", "B,REUNIFICATION,13-15,2020-02-01,0,0,1,0"));
    Path s = Fixtures.write(tmp, "csv/spells.csv", Fixtures.lines("child_id,entry_date,exit_date", "B,2021-01-10,2021-02-09"));
    spark.read().option("header", true).option("inferSchema", true).csv(c.toString()).write().parquet(tmp.resolve("pq/children.parquet").toString());
    spark.read().option("header", true).option("inferSchema", true).csv(s.toString()).write().parquet(tmp.resolve("pq/spells.parquet").toString());
    PaymentsSummary fromCsv = PaymentsJob.run(spark, new PaymentsOptions(c.toString(), s.toString(), null, null, null, null,
        tmp.resolve("o1").toString()));
    PaymentsSummary fromParquet = PaymentsJob.run(spark, new PaymentsOptions(tmp.resolve("pq/children.parquet").toString(),
        tmp.resolve("pq/spells.parquet").toString(), null, null, null, null, tmp.resolve("o2").toString()));
    assertEquals(fromCsv.totals(), fromParquet.totals());
    assertEquals(new PaymentsSummary.Rows(2, 2, 0), fromParquet.children());
  }
}
