package org.sibmodel.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.io.TabularInput;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.Grouping;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import scala.Tuple2;

/**
 * {@code sib payments}: what is due for actual referred children under the payment mechanism, from
 * monitoring data, so a commissioner can check a provider's invoice. Rows are checked on Spark and
 * each child is assessed by the plain-Java {@link PaymentEngine}; the caps and the roll-ups by
 * month and financial year are then applied to the payment lines in payment order on the driver
 * (an authority's referred children make tens of thousands of lines, not billions).
 */
public final class PaymentsJob {
  private static final StructType CHILDREN = SparkSchemas.of("payment_children");
  private static final StructType LINES = SparkSchemas.of("payment_lines");
  private static final StructType MONTHS = SparkSchemas.of("payment_months");
  private static final StructType YEARS = SparkSchemas.of("payment_financial_years");
  private static final StructType REJECTS = SparkSchemas.of("payment_rejects");

  private PaymentsJob() {}

  public static PaymentsSummary run(SparkSession spark, PaymentsOptions options) {
    return run(() -> spark, options);
  }

  /** Runs the job; the terms are read and checked before Spark starts. */
  public static PaymentsSummary run(Supplier<SparkSession> sparkSession, PaymentsOptions options) {
    Provenance provenance = Provenance.start(Stage.PAYMENTS, options);
    ContractTerms terms = options.contractTerms();
    provenance.file(options.terms());
    PaymentEngine engine = new PaymentEngine(terms);
    SparkSession spark = sparkSession.get();
    TabularInput children = TabularInput.open(spark, options.children(), Schemas.dataset("payments_children"));
    TabularInput spells = TabularInput.open(spark, options.spells(), Schemas.dataset("payments_spells"));
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    provenance.file(conf, options.children()).file(conf, options.spells());

    MonitoringValidator validator = new MonitoringValidator(children, spells);
    JavaRDD<MonitoringRows.Checked> checked = children.rows(spark).map(validator::child)
        .union(spells.rows(spark).map(validator::spell))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    PaymentCases cases = new PaymentCases(engine, options.asOf(), children.shownAs(), spells.shownAs());
    JavaRDD<PaymentCases.Result> resolved = Grouping.byKey(
            checked.filter(c -> c.childId() != null).mapToPair(c -> new Tuple2<>(c.childId(), c.item())), cases::resolve)
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      List<PaymentReject> rejects = new ArrayList<>(checked.flatMap(c -> c.rejects().iterator()).collect());
      rejects.addAll(resolved.flatMap(r -> r.rejects().iterator()).collect());
      rejects.sort(Comparator.comparing(PaymentReject::dataset).thenComparingLong(PaymentReject::line)
          .thenComparing(r -> r.rule().name()));
      List<PaymentCases.Assessed> assessed = new ArrayList<>(resolved.filter(r -> r.assessed() != null).map(PaymentCases.Result::assessed).collect());
      assessed.sort(Comparator.comparing(a -> a.child().childId()));

      Map<String, Long> read = checked.map(c -> c.item() instanceof MonitoringRows.RejectedRow r ? r.dataset()
              : c.item() instanceof MonitoringRows.Child ? "children" : "spells")
          .countByValue();
      PaymentsSummary.Rows childRows = reconcile("children", children.shownAs(), read, assessed.size(), rejects);
      long spellsUsed = resolved.map(PaymentCases.Result::spellRowsUsed).fold(0, Integer::sum);
      PaymentsSummary.Rows spellRows = reconcile("spells", spells.shownAs(), read, spellsUsed, rejects);

      PaymentLedger ledger = PaymentLedger.of(assessed.stream().map(PaymentCases.Assessed::payments).toList(), CapAllocator.of(terms));
      return write(spark, options, terms, assessed, ledger, rejects, childRows, spellRows, provenance);
    } finally {
      checked.unpersist();
      resolved.unpersist();
    }
  }

  /** Rows read = accepted + rejected, or this job has a bug and stops before writing. */
  private static PaymentsSummary.Rows reconcile(
      String dataset, String file, Map<String, Long> read, long accepted, List<PaymentReject> rejects) {
    long rows = read.getOrDefault(dataset, 0L);
    long rejected = rejects.stream().filter(r -> r.dataset().equals(dataset)).map(PaymentReject::line).distinct().count();
    if (rows != accepted + rejected) {
      throw new IllegalStateException("internal error: " + file + " does not reconcile: read " + rows + ", accepted "
          + accepted + ", rejected " + rejected + ". Nothing was written.");
    }
    return new PaymentsSummary.Rows(rows, accepted, rejected);
  }

  private static PaymentsSummary write(
      SparkSession spark, PaymentsOptions options, ContractTerms terms, List<PaymentCases.Assessed> assessed, PaymentLedger ledger,
      List<PaymentReject> rejects, PaymentsSummary.Rows childRows, PaymentsSummary.Rows spellRows, Provenance provenance) {
    List<Row> childTable = childRows(assessed, ledger);
    List<Row> lineTable = lineRows(ledger);
    List<Row> monthTable = rollupRows(MONTHS, ledger.byMonth(), ledger.childrenByMonth(), true);
    List<Row> yearTable = rollupRows(YEARS, ledger.byYear(), ledger.childrenByYear(), false);
    List<Row> rejectTable = rejects.stream().map(PaymentsJob::rejectRow).toList();

    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      DriverTables.write(spark, out, "payment_children", CHILDREN, childTable, "children.csv");
      DriverTables.write(spark, out, "payment_lines", LINES, lineTable, "lines.csv");
      DriverTables.write(spark, out, "payment_months", MONTHS, monthTable, "monthly.csv");
      DriverTables.write(spark, out, "payment_financial_years", YEARS, yearTable, "financial_years.csv");
      DriverTables.write(spark, out, "payment_rejects", REJECTS, rejectTable, "rejects.csv");
      PaymentsSummary summary = summary(options, terms, assessed, ledger, rejects, childRows, spellRows, out.target());
      out.writeText("summary.json", Json.write(summary));
      provenance.write(out, spark);
      out.commit();
      return summary;
    }
  }


  private static List<Row> childRows(List<PaymentCases.Assessed> assessed, PaymentLedger ledger) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(CHILDREN);
    for (PaymentCases.Assessed a : assessed) {
      Assessment s = a.payments().assessment();
      long capped = ledger.cappedByChild().getOrDefault(a.child().childId(), 0L);
      List<PaymentLine> lines = a.payments().lines();
      rows.add(b.set("child_id", a.child().childId())
          .set("pathway", a.child().pathway().name())
          .set("age_band", a.child().ageBand())
          .set("sub_cohort", a.payments().subCohort().key())
          .set("start_date", a.child().startDate())
          .set("price", Money.pounds(a.payments().price()))
          .set("status", s.status().name())
          .set("payable_days", s.payableDays())
          .set("milestone", Money.pounds(s.milestone()))
          .set("daily", Money.pounds(s.daily()))
          .set("secondary", Money.pounds(s.secondary()))
          .set("total", Money.pounds(s.total()))
          .set("truncated", Money.pounds(s.truncated()))
          .set("capped", Money.pounds(capped))
          .set("paid", Money.pounds(s.total() - capped))
          .set("first_payment_month", lines.stream().mapToInt(PaymentLine::paymentMonth).min().stream()
              .mapToObj(PaymentsJob::monthDate).findFirst().orElse(null))
          .set("last_payment_month", lines.stream().mapToInt(PaymentLine::paymentMonth).max().stream()
              .mapToObj(PaymentsJob::monthDate).findFirst().orElse(null))
          .build());
    }
    return rows;
  }

  private static List<Row> lineRows(PaymentLedger ledger) {
    List<Row> rows = new ArrayList<>(ledger.lines().size());
    RowBuilder b = RowBuilder.of(LINES);
    for (PaymentLedger.Line l : ledger.lines()) {
      rows.add(b.set("child_id", l.childId())
          .set("sub_cohort", l.subCohort().key())
          .set("kind", l.line().kind().name())
          .set("earned_date", l.line().earned())
          .set("payment_month", monthDate(l.line().paymentMonth()))
          .set("financial_year", CalendarDays.financialYearLabel(CalendarDays.financialYearOf(l.line().paymentMonth())))
          .set("amount", Money.pounds(l.line().pence()))
          .set("capped", Money.pounds(l.capped()))
          .set("paid", Money.pounds(l.paid()))
          .build());
    }
    return rows;
  }

  private static List<Row> rollupRows(StructType schema, Map<Integer, PaymentLedger.Totals> totals, Map<Integer, Set<String>> children,
      boolean monthly) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(schema);
    totals.forEach((key, t) -> {
      if (monthly) {
        b.set("payment_month", monthDate(key)).set("financial_year", CalendarDays.financialYearLabel(CalendarDays.financialYearOf(key)));
      } else {
        b.set("financial_year", CalendarDays.financialYearLabel(key));
      }
      rows.add(b.set("milestone", Money.pounds(t.milestone()))
          .set("daily", Money.pounds(t.daily()))
          .set("secondary", Money.pounds(t.secondary()))
          .set("total", Money.pounds(t.total()))
          .set("capped", Money.pounds(t.capped()))
          .set("paid", Money.pounds(t.paid()))
          .set("children", (long) children.get(key).size())
          .build());
    });
    return rows;
  }

  private static Row rejectRow(PaymentReject r) {
    return RowBuilder.of(REJECTS)
        .set("source_file", r.sourceFile())
        .set("line", r.line())
        .set("dataset", r.dataset())
        .set("child_id", r.childId())
        .set("field", r.field())
        .set("value", r.value())
        .set("rule", r.rule().name())
        .set("message", r.message())
        .build();
  }

  private static LocalDate monthDate(int month) {
    return CalendarDays.date(CalendarDays.monthStart(month));
  }

  private static PaymentsSummary summary(
      PaymentsOptions options, ContractTerms terms, List<PaymentCases.Assessed> assessed, PaymentLedger ledger,
      List<PaymentReject> rejects, PaymentsSummary.Rows childRows, PaymentsSummary.Rows spellRows, String out) {
    Map<String, BigDecimal> tariff = new LinkedHashMap<>();
    terms.tariff().forEach((cohort, price) -> tariff.put(cohort.key(), price));
    Map<String, Long> byRule = new TreeMap<>(rejects.stream().collect(Collectors.groupingBy(
        r -> r.rule().name(), Collectors.mapping(r -> r.dataset() + ":" + r.line(), Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size())))));
    Map<String, Long> byStatus = new TreeMap<>(assessed.stream().collect(Collectors.groupingBy(
        a -> a.payments().assessment().status().name(), Collectors.counting())));
    long truncated = assessed.stream().mapToLong(a -> a.payments().assessment().truncated()).sum();
    Map<String, PaymentsSummary.Money> byYear = new LinkedHashMap<>();
    ledger.byYear().forEach((year, t) -> byYear.put(CalendarDays.financialYearLabel(year), money(t, 0)));
    return new PaymentsSummary(
        out,
        new PaymentsSummary.Terms(terms.contractStart(), terms.contractEnd(), options.asOf(), tariff, terms.totalCap(),
            terms.financialYearCap(), options.terms() == null ? "specification terms" : options.terms().toString()),
        childRows, spellRows, byRule, byStatus, money(ledger.total(), truncated), byYear);
  }

  private static PaymentsSummary.Money money(PaymentLedger.Totals t, long truncated) {
    return new PaymentsSummary.Money(Money.pounds(t.milestone()), Money.pounds(t.daily()), Money.pounds(t.secondary()),
        Money.pounds(t.total()), Money.pounds(t.capped()), Money.pounds(t.paid()), Money.pounds(truncated));
  }
}
