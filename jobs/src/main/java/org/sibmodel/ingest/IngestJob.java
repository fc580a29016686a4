package org.sibmodel.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sibmodel.io.CsvExport;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.RawRow;
import org.sibmodel.io.Stage;
import org.sibmodel.io.TextLines;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.spark.Grouping;
import org.sibmodel.spark.RowBuilder;
import scala.Tuple2;

/**
 * {@code sib ingest}: SSDA903 returns in, curated care data out. Reads every line of every file
 * with its line number, validates rows, resolves each child across returns ({@link
 * ChildResolver}), and writes care_episodes, care_periods, care_entries, ingest_rejects,
 * ingest_reconciliation and unmapped_postcodes, all or nothing. Every input row is accounted for;
 * a reconciliation that does not balance is a bug and stops the run before anything is written.
 */
public final class IngestJob {
  private IngestJob() {}

  /** A child of one authority, the key rows are grouped by (the raw id never leaves Spark). */
  record ChildId(String la, String child) implements java.io.Serializable {}

  public static IngestSummary run(SparkSession spark, IngestOptions options) {
    return run(() -> spark, options);
  }

  /** Runs ingest; the session is asked for only once the key and postcode table are good. */
  public static IngestSummary run(Supplier<SparkSession> sparkSession, IngestOptions options) {
    Provenance provenance = Provenance.start(Stage.INGEST, options);
    Pseudonymiser pseudonymiser = Pseudonymiser.fromFileOrEnvironment(options.keyFile());
    PostcodeLookup postcodes =
        options.postcodes() == null ? PostcodeLookup.lancashire() : PostcodeLookup.fromFile(options.postcodes());
    provenance.file(options.postcodes());
    SparkSession spark = sparkSession.get();
    KeyTransport.check(spark.sparkContext().getConf());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    InputSet inputs = InputDiscovery.discover(conf, options.input());
    checkFolderLabels(inputs);
    inputs.files().forEach(f -> provenance.file(conf, f.path()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    JavaRDD<RawRow> raw = readLines(jsc, inputs).persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      YearDecision years = YearDecision.decide(raw, inputs, options);
      RowValidator validator =
          new RowValidator(inputs, years.years(), Schemas.ssda903Codes(), options.la(), options.today());
      JavaRDD<RowValidator.Result> validated = raw.map(validator::validate).persist(StorageLevel.MEMORY_AND_DISK_SER());
      // Computed once here; otherwise stages that read it side by side would each validate every row.
      validated.count();
      ChildResolver resolver = new ChildResolver(
          pseudonymiser, postcodes, inputs, Schemas.ssda903Codes().group("returned_home"));
      JavaRDD<ChildResolver.Result> resolved = resolve(validated, resolver).persist(StorageLevel.MEMORY_AND_DISK_SER());
      try {
        return write(spark, options, inputs, years, postcodes, raw, validated, resolved, provenance);
      } finally {
        validated.unpersist();
        resolved.unpersist();
      }
    } finally {
      raw.unpersist();
    }
  }

  private static void checkFolderLabels(InputSet inputs) {
    for (InputFile f : inputs.files()) {
      if (f.folderLabel() != null && !ReturnYears.isLabel(f.folderLabel())) {
        throw new InputFormatException(
            "folder " + f.folderLabel() + "/ is not named by a collection year; name yearly folders like"
                + " 2019 or 2018-19 (found " + f.relativePath() + ")");
      }
    }
  }

  /** Every non-blank line after the header of every file, with its 1-based line number. */
  private static JavaRDD<RawRow> readLines(JavaSparkContext jsc, InputSet inputs) {
    List<JavaRDD<RawRow>> parts = new ArrayList<>();
    for (InputFile file : inputs.files()) {
      parts.add(TextLines.read(jsc, file.path(), file.id()));
    }
    return jsc.union(parts.toArray(JavaRDD[]::new));
  }

  /** Groups every valid row by child (one shuffle) and resolves each child's history. */
  private static JavaRDD<ChildResolver.Result> resolve(JavaRDD<RowValidator.Result> validated, ChildResolver resolver) {
    return Grouping.byKey(
        validated.filter(r -> !r.rejected()).mapToPair(r -> new Tuple2<>(new ChildId(r.row().la(), r.row().child()), r.row())),
        (child, rows) -> resolver.resolve(child.la(), child.child(), rows));
  }

  private static IngestSummary write(
      SparkSession spark, IngestOptions options, InputSet inputs, YearDecision years, PostcodeLookup postcodes,
      JavaRDD<RawRow> raw, JavaRDD<RowValidator.Result> validated, JavaRDD<ChildResolver.Result> resolved,
      Provenance provenance) {
    List<Row> reconciliation = reconcile(inputs, raw, validated, resolved);

    Dataset<Row> episodes = spark.createDataFrame(
            resolved.flatMap(r -> r.episodes().iterator()).map(CuratedRows::episode), CuratedRows.EPISODES)
        .orderBy("la", "child_key", "episode_start");
    Dataset<Row> periods = spark.createDataFrame(
            resolved.flatMap(r -> r.periods().iterator()).map(CuratedRows::period), CuratedRows.PERIODS)
        .orderBy("la", "child_key", "period_number")
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    JavaRDD<Reject> allRejects = validated.flatMap(r -> r.rejects().iterator())
        .union(resolved.flatMap(r -> r.rejects().iterator()));
    Dataset<Row> rejects = spark.createDataFrame(allRejects.map(CuratedRows::reject), CuratedRows.REJECTS)
        .orderBy("source_file", "line", "rule");
    Map<String, LocalDate[]> coverage = coverage(validated);
    CareEntries entries = CareEntries.build(periods, coverage, postcodes.districts());
    List<Row> unmapped = unmappedPostcodes(resolved);

    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      episodes.write().parquet(out.path("care_episodes"));
      periods.write().parquet(out.path("care_periods"));
      entries.table(spark).coalesce(1).write().parquet(out.path("care_entries"));
      rejects.write().parquet(out.path("ingest_rejects"));
      Dataset<Row> reconciliationTable = spark.createDataFrame(reconciliation, CuratedRows.RECONCILIATION);
      reconciliationTable.coalesce(1).write().parquet(out.path("ingest_reconciliation"));
      Dataset<Row> unmappedTable = spark.createDataFrame(unmapped, CuratedRows.UNMAPPED);
      unmappedTable.coalesce(1).write().parquet(out.path("unmapped_postcodes"));

      Dataset<Row> writtenRejects = spark.read().parquet(out.path("ingest_rejects"));
      CsvExport.write(CuratedRows.ENTRIES, entries.rows(), out, "care_entries.csv");
      CsvExport.write(writtenRejects.orderBy("source_file", "line", "rule"), out, "ingest_rejects.csv");
      CsvExport.write(reconciliationTable, out, "ingest_reconciliation.csv");
      CsvExport.write(unmappedTable, out, "unmapped_postcodes.csv");

      IngestSummary summary = IngestSummary.of(
          inputs, years, options, spark.read().parquet(out.path("care_periods")), writtenRejects,
          spark.read().parquet(out.path("care_episodes")), reconciliation, entries, unmapped, coverage, out.target());
      out.writeText("summary.json", Json.write(summary));
      provenance.write(out, spark);
      out.commit();
      return summary;
    } finally {
      periods.unpersist();
    }
  }

  /**
   * One row per file: rows read against their fates. Every row must have exactly one fate; if
   * not, ingest has a bug and stops here, before writing anything.
   */
  private static List<Row> reconcile(
      InputSet inputs, JavaRDD<RawRow> raw, JavaRDD<RowValidator.Result> validated,
      JavaRDD<ChildResolver.Result> resolved) {
    Map<Integer, Long> read = raw.mapToPair(r -> new Tuple2<>(r.fileId(), 1L)).reduceByKey(Long::sum).collectAsMap();
    JavaRDD<RowFate> fates = validated.filter(RowValidator.Result::rejected)
        .map(r -> new RowFate(r.fileId(), r.line(), RowFate.Fate.REJECTED))
        .union(resolved.flatMap(r -> r.fates().iterator()));
    // Keyed by the fate's name, not the enum: an enum's hashCode is its identity, different in each
    // executor JVM, so on a cluster equal keys would land in different partitions and collectAsMap
    // would keep one count of several (found by the cluster tests; local mode has one JVM).
    Map<Tuple2<Integer, String>, Long> counted = fates
        .mapToPair(f -> new Tuple2<>(new Tuple2<>(f.fileId(), f.fate().name()), 1L))
        .reduceByKey(Long::sum)
        .collectAsMap();
    Map<Integer, TreeSet<String>> labels = returnLabels(inputs, validated);
    List<Row> rows = new ArrayList<>();
    List<String> unbalanced = new ArrayList<>();
    for (InputFile file : inputs.files()) {
      long rowsRead = read.getOrDefault(file.id(), 0L);
      long accepted = counted.getOrDefault(new Tuple2<>(file.id(), RowFate.Fate.ACCEPTED.name()), 0L);
      long rejected = counted.getOrDefault(new Tuple2<>(file.id(), RowFate.Fate.REJECTED.name()), 0L);
      long superseded = counted.getOrDefault(new Tuple2<>(file.id(), RowFate.Fate.SUPERSEDED.name()), 0L);
      boolean balanced = rowsRead == accepted + rejected + superseded;
      if (!balanced) {
        unbalanced.add(file.relativePath() + " (read " + rowsRead + ", accepted " + accepted + ", rejected "
            + rejected + ", superseded " + superseded + ")");
      }
      String label = file.folderLabel() != null ? file.folderLabel()
          : labels.containsKey(file.id()) ? String.join(" ", labels.get(file.id())) : null;
      rows.add(RowBuilder.of(CuratedRows.RECONCILIATION)
          .set("source_file", file.relativePath())
          .set("dataset", file.kind().label())
          .set("return_label", label)
          .set("rows_read", rowsRead)
          .set("accepted", accepted)
          .set("rejected", rejected)
          .set("superseded", superseded)
          .set("balanced", balanced)
          .build());
    }
    if (!unbalanced.isEmpty()) {
      throw new IllegalStateException(
          "internal error: the reconciliation does not balance for " + String.join("; ", unbalanced)
              + ". Nothing was written. Please report this with the input layout.");
    }
    return rows;
  }

  /** YEAR values seen in files that carry a YEAR column. */
  private static Map<Integer, TreeSet<String>> returnLabels(InputSet inputs, JavaRDD<RowValidator.Result> validated) {
    boolean anyYearColumn = inputs.files().stream().anyMatch(f -> f.hasColumn("YEAR"));
    if (!anyYearColumn) {
      return Map.of();
    }
    Map<Integer, TreeSet<String>> labels = new TreeMap<>();
    validated.filter(r -> !r.rejected() && inputs.file(r.fileId()).hasColumn("YEAR"))
        .map(r -> new Tuple2<>(r.fileId(), r.row().collectionYear()))
        .distinct()
        .collect()
        .forEach(t -> labels.computeIfAbsent(t._1(), k -> new TreeSet<>()).add(
            org.sibmodel.ssda903.CollectionYear.label(t._2())));
    return labels;
  }

  /** First and last day covered by the episodes returns of each authority. */
  private static Map<String, LocalDate[]> coverage(JavaRDD<RowValidator.Result> validated) {
    Map<String, TreeSet<Integer>> years = new TreeMap<>();
    validated.filter(r -> !r.rejected() && r.row() instanceof Rows.Episode)
        .map(r -> new Tuple2<>(r.row().la(), r.row().collectionYear()))
        .distinct()
        .collect()
        .forEach(t -> years.computeIfAbsent(t._1(), k -> new TreeSet<>()).add(t._2()));
    Map<String, LocalDate[]> coverage = new LinkedHashMap<>();
    years.forEach((la, ys) -> coverage.put(la, new LocalDate[] {
        org.sibmodel.ssda903.CollectionYear.start(ys.first()), org.sibmodel.ssda903.CollectionYear.end(ys.last())}));
    return coverage;
  }

  /** Unmapped postcodes by outward code; codes with fewer than 5 episodes pooled as "(other)". */
  private static List<Row> unmappedPostcodes(JavaRDD<ChildResolver.Result> resolved) {
    Map<Curated.UnmappedPostcode, Long> counts = resolved.flatMap(r -> r.unmapped().iterator())
        .mapToPair(u -> new Tuple2<>(u, 1L)).reduceByKey(Long::sum).collectAsMap();
    Map<String, Map<String, Long>> byLa = new TreeMap<>();
    counts.forEach((u, n) -> {
      String code = n < IngestSummary.SMALL_COUNT ? "(other)" : u.outwardCode();
      byLa.computeIfAbsent(u.la(), k -> new TreeMap<>()).merge(code, n, Long::sum);
    });
    List<Row> rows = new ArrayList<>();
    byLa.forEach((la, codes) -> codes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> rows.add(RowBuilder.of(CuratedRows.UNMAPPED)
            .set("la", la).set("outward_code", e.getKey()).set("episodes", e.getValue()).build())));
    return rows;
  }
}
