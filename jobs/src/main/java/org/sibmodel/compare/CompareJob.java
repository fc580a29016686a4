package org.sibmodel.compare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.ingest.CareData;
import org.sibmodel.ingest.IngestSummary;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.io.StageInput;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;

/**
 * {@code sib compare}: cohorts of the curated care data compared for evaluators (time in care,
 * re-entry after a return home, days in care over 24 months, entries per 10,000 children), with
 * a propensity-matched comparison for a referred cohort, every count under disclosure control.
 */
public final class CompareJob {
  private CompareJob() {}

  public static CompareSummary run(SparkSession spark, CompareOptions options) {
    return run(() -> spark, options);
  }

  public static CompareSummary run(Supplier<SparkSession> sparkSession, CompareOptions options) {
    Provenance provenance = Provenance.start(Stage.COMPARE, options);
    // Everything that can be checked without the data is checked before Spark starts.
    Cohorts cohorts = options.cohorts() == null ? Cohorts.defaults(options.referred() != null) : Cohorts.read(options.cohorts());
    checkCodes(cohorts);
    Population population = options.population() == null ? null : Population.read(options.population());
    ReferredChildren referred = options.referred() == null ? null : ReferredChildren.read(options.referred());
    provenance.file(options.cohorts()).file(options.referred()).file(options.population());
    Pseudonymiser pseudonymiser = referred == null ? null : Pseudonymiser.fromFileOrEnvironment(options.keyFile());
    if (referred == null) {
      cohorts.cohorts().values().stream().filter(d -> d.referred() != null).findFirst().ifPresent(d -> {
        throw new IllegalArgumentException(cohorts.source() + ": cohorts." + d.name()
            + " filters on referred children: give the referral list with --referred FILE");
      });
    }

    SparkSession spark = sparkSession.get();
    StageInput curated = StageInput.open(spark, Stage.INGEST, "--curated", options.curated());
    provenance.stage(curated);
    CompareData loaded = CompareData.load(curated);
    CompareData data = referred == null ? loaded : loaded.withReferred(referred.childKeys(pseudonymiser, loaded.authorities()));
    CompareSummary.Referred referredSummary = referred == null ? null : reconcile(referred, data);
    checkDistricts(cohorts, data);

    // Each cohort's entries, found once however many comparisons it is in; members keeps those of comparisons that run.
    Map<String, List<Unit>> matching = new HashMap<>();
    Map<String, List<Unit>> members = new LinkedHashMap<>();
    List<CompareSummary.Skipped> skipped = new ArrayList<>();
    List<Cohorts.Comparison> run = new ArrayList<>();
    for (Cohorts.Comparison c : cohorts.comparisons()) {
      List<Unit> first = matching.computeIfAbsent(c.first(), name -> members(cohorts, name, data));
      List<Unit> second = matching.computeIfAbsent(c.second(), name -> members(cohorts, name, data));
      String empty = first.isEmpty() ? c.first() : second.isEmpty() ? c.second() : null;
      if (empty != null) {
        String why = "cohort " + empty + " (" + cohorts.cohorts().get(empty).describe() + ") has no care periods in the data ("
            + data.dataStart() + " to " + data.dataEnd() + ")";
        if (!c.skipIfEmpty()) {
          throw new IllegalArgumentException(cohorts.source() + ": comparison '" + c.name() + "': " + why
              + "; fix the cohort, or mark the comparison skip_if_empty: true");
        }
        skipped.add(new CompareSummary.Skipped(c.name(), why));
        continue;
      }
      if (c.disjoint()) {
        Set<String> ids = new LinkedHashSet<>();
        first.forEach(u -> ids.add(u.id()));
        long both = second.stream().filter(u -> ids.contains(u.id())).count();
        if (both > 0) {
          throw new IllegalArgumentException(cohorts.source() + ": comparison '" + c.name() + "' is marked disjoint, but cohorts "
              + c.first() + " and " + c.second() + " share " + both + " care period(s): make their filters exclusive");
        }
      }
      members.put(c.first(), first);
      members.put(c.second(), second);
      run.add(c);
    }
    if (run.isEmpty()) {
      throw new IllegalArgumentException(cohorts.source() + ": every comparison was skipped (" + skipped.get(0).reason() + ")");
    }

    ComparisonTables tables = new ComparisonTables(data.units(), members);
    for (String cohort : members.keySet()) {
      Cohorts.Definition d = cohorts.cohorts().get(cohort);
      tables.cohort(d, members.get(cohort), population == null ? null : entriesPer10000(d, members.get(cohort), population, data));
    }
    Map<String, PropensityMatching.Result> matched = new LinkedHashMap<>();
    for (Cohorts.Comparison c : run) {
      // Each comparison's bootstrap seed depends on its name, not on which others run.
      tables.compare(c, options.seed() + 1_000_003L * c.name().hashCode());
      if (c.matched()) {
        List<Unit> treated = ComparisonTables.followed24(members.get(c.first()));
        List<Unit> controls = ComparisonTables.followed24(members.get(c.second()));
        if (treated.size() < Disclosure.MINIMUM || controls.size() < Disclosure.MINIMUM) {
          tables.difference(c.name(), ComparisonTables.MATCHED_DAYS, "days", null, null, null, null, null,
              null, "fewer than 5 children followed for 24 months on a side: no matching");
          continue;
        }
        PropensityMatching.Result m = PropensityMatching.match(spark, treated, controls, Unit::daysInCare24);
        matched.put(c.name(), m);
        tables.matched(c.name(), m);
      }
    }

    boolean synthetic = curated.json("summary.json", IngestSummary.class).syntheticSource();
    CompareSummary summary = CompareSummary.of(options, cohorts, data, synthetic, referredSummary, population, run, skipped, tables,
        matched);
    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      tables.tables.forEach((dataset, maps) -> DriverTables.write(spark, out, dataset, rows(dataset, maps)));
      CompareSummary written = summary.withOut(out.target());
      out.writeText("report.html", CompareReport.html(written, tables));
      out.writeText("summary.json", Json.write(written));
      provenance.write(out, spark);
      out.commit();
      return written;
    }
  }

  /** The referral list against the care data: children found and not, and entries before a referral. */
  private static CompareSummary.Referred reconcile(ReferredChildren referred, CompareData data) {
    Set<String> inData = new LinkedHashSet<>();
    data.units().stream().filter(u -> u.referral() != Unit.Referral.NOT_REFERRED).forEach(u -> inData.add(u.childKey()));
    long before = data.units().stream().filter(u -> u.referral() == Unit.Referral.BEFORE_REFERRAL).count();
    return new CompareSummary.Referred(referred.source(), referred.rows(), referred.duplicates(), referred.ids().size(), inData.size(),
        referred.ids().size() - inData.size(), before);
  }

  private static List<Unit> members(Cohorts cohorts, String cohort, CompareData data) {
    Cohorts.Definition d = cohorts.cohorts().get(cohort);
    return data.units().stream().filter(d::matches).toList();
  }

  /** Legal status and category of need codes must be SSDA903 codes. */
  private static void checkCodes(Cohorts cohorts) {
    for (Cohorts.Definition d : cohorts.cohorts().values()) {
      for (String code : d.legalStatus()) {
        if (!Schemas.ssda903Codes().list("LS").contains(code)) {
          throw new IllegalArgumentException(cohorts.source() + ": cohorts." + d.name() + ".legal_status: '" + code
              + "' is not an SSDA903 legal status (LS) code");
        }
      }
      for (String code : d.categoryOfNeed()) {
        if (!Schemas.ssda903Codes().list("CIN").contains(code)) {
          throw new IllegalArgumentException(cohorts.source() + ": cohorts." + d.name() + ".category_of_need: '" + code
              + "' is not an SSDA903 category of need (CIN) code (N1 to N8)");
        }
      }
    }
  }

  /** Every district a cohort names must be in the data or in the county's district list. */
  private static void checkDistricts(Cohorts cohorts, CompareData data) {
    Set<String> known = new TreeSet<>(data.districts());
    known.addAll(PostcodeLookup.lancashire().districts());
    known.add(CareData.UNKNOWN_DISTRICT);
    for (Cohorts.Definition d : cohorts.cohorts().values()) {
      List<String> named = new ArrayList<>(d.districts());
      named.addAll(d.districtsExcept());
      for (String district : named) {
        if (!known.contains(district)) {
          throw new IllegalArgumentException(cohorts.source() + ": cohorts." + d.name() + ": unknown district '" + district
              + "'; known: " + String.join(", ", known));
        }
      }
    }
  }

  /** Entries a year per 10,000 children of the cohort's districts and age bands, over the part of the data it covers. */
  private static Double entriesPer10000(Cohorts.Definition d, List<Unit> units, Population population, CompareData data) {
    if (d.referred() != null) {
      return null; // referral is not a population
    }
    Long children = population.children(d.districts(), d.districtsExcept(), d.ageBands());
    if (children == null || children == 0) {
      return null;
    }
    LocalDate from = d.enteredFrom() == null || d.enteredFrom().isBefore(data.dataStart()) ? data.dataStart() : d.enteredFrom();
    LocalDate to = d.enteredTo() == null || d.enteredTo().isAfter(data.dataEnd()) ? data.dataEnd() : d.enteredTo();
    double years = (ChronoUnit.DAYS.between(from, to) + 1) / 365.25;
    return years <= 0 ? null : units.size() / years / children * 10_000;
  }

  /** A table's rows, from the maps the tables are built as. */
  private static List<Row> rows(String dataset, List<Map<String, Object>> maps) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of(dataset));
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> m : maps) {
      m.forEach(b::set);
      rows.add(b.build());
    }
    return rows;
  }
}
