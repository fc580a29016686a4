package org.sibmodel.payments;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * The worked example (examples/payments: the 14 test children of spec/payment-vectors.csv as
 * monitoring data) through sib payments: every child's amounts are the vector's, the roll-ups add
 * up, and caps cut in payment order.
 */
class PaymentsJob_ExampleTest {
  @TempDir Path tmp;

  private static Path example(String file) {
    return Fixtures.sample("multi-year").getParent().getParent().resolve("payments").resolve(file);
  }

  private PaymentsSummary run(Path terms, LocalDate asOf, String out) {
    return PaymentsJob.run(TestSpark.session(), new PaymentsOptions(example("children.csv").toString(),
        example("spells.csv").toString(), terms, null, null, asOf, tmp.resolve(out).toString()));
  }

  private static Map<String, CSVRecord> vectors() throws IOException {
    Map<String, CSVRecord> byId = new HashMap<>();
    try (Reader in = Files.newBufferedReader(example("vectors.csv"))) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        byId.put(r.get("vector"), r);
      }
    }
    return byId;
  }

  @Test
  void everyChildIsPaidItsVectorsAmounts() throws IOException {
    PaymentsSummary summary = run(null, null, "out");
    SparkSession spark = TestSpark.session();
    Path out = tmp.resolve("out");
    Map<String, CSVRecord> vectors = vectors();
    List<Row> children = spark.read().parquet(out.resolve("payment_children").toString()).collectAsList();
    assertEquals(14, children.size());
    for (Row child : children) {
      CSVRecord v = vectors.get(child.<String>getAs("child_id"));
      assertEquals(v.get("status"), child.getAs("status"));
      assertEquals(Integer.parseInt(v.get("payable_days")), child.<Integer>getAs("payable_days"));
      assertEquals(new BigDecimal(v.get("total")), child.getAs("total"), v.get("vector"));
      assertEquals(new BigDecimal(v.get("daily")), child.getAs("daily"), v.get("vector"));
    }
    assertEquals(new BigDecimal("99454.21"), summary.totals().total());
    assertEquals(new BigDecimal("2633.76"), summary.totals().truncated());
    // The roll-ups add up to the lines.
    BigDecimal lines = spark.read().parquet(out.resolve("payment_lines").toString()).agg(sum("amount")).head().getDecimal(0);
    BigDecimal months = spark.read().parquet(out.resolve("payment_months").toString()).agg(sum("total")).head().getDecimal(0);
    BigDecimal years = spark.read().parquet(out.resolve("payment_financial_years").toString()).agg(sum("paid")).head().getDecimal(0);
    assertEquals(0, new BigDecimal("99454.21").compareTo(lines));
    assertEquals(0, lines.compareTo(months));
    assertEquals(0, lines.compareTo(years));
    for (String dataset : List.of("payment_children", "payment_lines", "payment_months", "payment_financial_years", "payment_rejects")) {
      assertEquals(List.of(), SchemaCheck.problems(spark.read().parquet(out.resolve(dataset).toString()), dataset), dataset);
    }
    for (String csv : List.of("children.csv", "lines.csv", "monthly.csv", "financial_years.csv", "rejects.csv", "summary.json", "run.json")) {
      assertTrue(Files.isRegularFile(out.resolve(csv)), csv);
    }
  }

  @Test
  void capsCutInPaymentOrderAndSayWhatTheyRemoved() throws IOException {
    Path terms = Files.writeString(tmp.resolve("caps.yaml"), "caps:\n  total: 60000\n  per_financial_year: 40000\n");
    PaymentsSummary summary = run(terms, null, "capped");
    assertEquals(new BigDecimal("60000.00"), summary.totals().paid());
    assertEquals(new BigDecimal("39454.21"), summary.totals().capped());
    assertEquals(new BigDecimal("40000.00"), summary.byFinancialYear().get("2020-21").paid());
    assertEquals(new BigDecimal("20000.00"), summary.byFinancialYear().get("2021-22").paid());
    Dataset<Row> lines = TestSpark.session().read().parquet(tmp.resolve("capped/payment_lines").toString());
    // Payment order: within 2020-21, once a line is cut every later line of the year is paid nothing.
    List<Row> year = lines.filter(col("financial_year").equalTo("2020-21"))
        .orderBy("payment_month", "earned_date", "child_id", "kind").collectAsList();
    boolean cut = false;
    for (Row line : year) {
      if (cut) {
        assertEquals(0, BigDecimal.ZERO.compareTo(line.getAs("paid")), line.toString());
      }
      cut |= BigDecimal.ZERO.compareTo(line.getAs("capped")) < 0;
    }
    assertTrue(cut);
    BigDecimal capped = TestSpark.session().read().parquet(tmp.resolve("capped/payment_children").toString())
        .agg(sum("capped")).head().getDecimal(0);
    assertEquals(0, new BigDecimal("39454.21").compareTo(capped));
  }

  @Test
  void asOfADatePaysOnlyWhatIsEarnedByThen() {
    PaymentsSummary early = run(null, LocalDate.of(2021, 3, 31), "early");
    PaymentsSummary full = run(null, null, "full");
    assertTrue(early.totals().total().compareTo(full.totals().total()) < 0);
    assertTrue(early.childrenByStatus().getOrDefault("IN_PROGRESS", 0L) > 0);
    assertEquals(LocalDate.of(2021, 3, 31), early.terms().asOf());
  }
}
