package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

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
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SortedGroups;
import org.sibmodel.ssda903.CollectionYear;

/**
 * {@code sib ingest}: SSDA903 returns in, curated care data out. Reads every line of every file
 * with its line number, validates rows, resolves each child across returns ({@link
 * ChildResolver}), and writes care_episodes, care_periods, care_entries, ingest_rejects,
 * ingest_reconciliation and unmapped_postcodes, all or nothing. Every input row is accounted for;
 * a reconciliation that does not balance is a bug and stops the run before anything is written.
 */
public final class IngestJob {
  private IngestJob() {}

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

    // The text is read twice: once to decide the collection years, once to validate and resolve
    // it (reading is cheap; caching raw lines or validated rows was not).
    JavaRDD<RawRow> raw = readLines(jsc, inputs);
    YearDecision years = YearDecision.decide(raw, inputs, options);
    RowValidator validator =
        new RowValidator(inputs, years.years(), Schemas.ssda903Codes(), options.la(), options.today());
    Dataset<Row> validated = spark.createDataFrame(raw.map(r -> StagedRows.validated(validator.validate(r))), StagedRows.VALIDATED);
    ChildResolver resolver = new ChildResolver(
        pseudonymiser, postcodes, inputs, Schemas.ssda903Codes().group("returned_home"));
    // The resolved rows are read four times (the counts, then each table written) and cached on
    // disk, not in the heap: at 3.7 million episode rows holding them in memory raised ingest's peak
    // from 2.4 to 3.6 GB, and reading them back from local files cost no more time.
    Dataset<Row> resolved = resolve(validated, resolver, inputs).persist(StorageLevel.DISK_ONLY());
    try {
      return write(spark, options, inputs, years, postcodes, resolved, provenance);
    } finally {
      resolved.unpersist();
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

  /**
   * Brings each child's valid rows together (one shuffle, sorted by child) and resolves the
   * child's history; a rejected line, which has no child, goes by its line number (so that a file
   * of rejected lines spreads over the partitions) and is its own group. Rows of {@link
   * StagedRows#RESOLVED}, with each partition's counts of lines seen, fates and unmapped postcodes.
   */
  private static Dataset<Row> resolve(Dataset<Row> validated, ChildResolver resolver, InputSet inputs) {
    return validated
        .repartition(col("la"), col("child"), when(col("rejects").isNotNull(), col("line")))
        // The sort compares a long prefix of its first key before anything else: a hash of the
        // child tells most rows apart there (the authority, first, would tell none), and equal
        // hashes still end up in runs of one child.
        .sortWithinPartitions(xxhash64(col("la"), col("child")), col("la"), col("child"), col("file_id"), col("line"))
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
          StagedRows.Tally tally = new StagedRows.Tally(resolver, inputs);
          return SortedGroups.of(rows, StagedRows::groupKey, tally::add, tally::counts);
        },
            Encoders.row(StagedRows.RESOLVED));
  }

  private static IngestSummary write(
      SparkSession spark, IngestOptions options, InputSet inputs, YearDecision years, PostcodeLookup postcodes,
      Dataset<Row> resolved, Provenance provenance) {
    IngestCounts counts = IngestCounts.of(resolved);
    List<Row> reconciliation = reconcile(inputs, counts);

    // Each Parquet part file is in order of child_key (the pseudonym, whose first bytes tell rows
    // apart in the sort's prefix); the files are not in order between them (a Parquet folder read
    // back need not keep its rows' order anyway), which spares a sort across partitions.
    Dataset<Row> episodes = resolved.where(col("episode").isNotNull()).select("episode.*");
    Dataset<Row> periods = resolved.where(col("period").isNotNull()).select("period.*");
    Dataset<Row> rejects = resolved.where(col("reject").isNotNull()).select("reject.*");
    Map<String, LocalDate[]> coverage = coverage(inputs, counts);
    CareEntries entries = CareEntries.build(counts.entries(), coverage, postcodes.districts());
    List<Row> unmapped = unmappedPostcodes(counts);

    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      episodes.sortWithinPartitions("child_key", "la", "episode_start").write().parquet(out.path("care_episodes"));
      periods.sortWithinPartitions("child_key", "la", "period_number").write().parquet(out.path("care_periods"));
      rejects.sortWithinPartitions("source_file", "line", "rule").write().parquet(out.path("ingest_rejects"));
      DriverTables.write(spark, out, "care_entries", CuratedRows.ENTRIES, entries.rows());
      DriverTables.write(spark, out, "ingest_reconciliation", CuratedRows.RECONCILIATION, reconciliation);
      DriverTables.write(spark, out, "unmapped_postcodes", CuratedRows.UNMAPPED, unmapped);
      CsvExport.write(spark.read().parquet(out.path("ingest_rejects")).orderBy("source_file", "line", "rule"), out, "ingest_rejects.csv");

      IngestSummary summary =
          IngestSummary.of(inputs, years, options, counts, reconciliation, entries, unmapped, coverage, out.target());
      out.writeText("summary.json", Json.write(summary));
      provenance.write(out, spark);
      out.commit();
      return summary;
    }
  }

  /**
   * One row per file: rows read against their fates. Every row must have exactly one fate; if
   * not, ingest has a bug and stops here, before writing anything.
   */
  private static List<Row> reconcile(InputSet inputs, IngestCounts counts) {
    Map<Integer, TreeSet<String>> labels = returnLabels(inputs, counts);
    List<Row> rows = new ArrayList<>();
    List<String> unbalanced = new ArrayList<>();
    for (InputFile file : inputs.files()) {
      long rowsRead = counts.read(file.id());
      long accepted = counts.fate(file.id(), RowFate.Fate.ACCEPTED);
      long rejected = counts.rejectedByValidation(file.id()) + counts.fate(file.id(), RowFate.Fate.REJECTED);
      long superseded = counts.fate(file.id(), RowFate.Fate.SUPERSEDED);
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

  /** YEAR values of accepted-so-far rows in files that carry a YEAR column. */
  private static Map<Integer, TreeSet<String>> returnLabels(InputSet inputs, IngestCounts counts) {
    Map<Integer, TreeSet<String>> labels = new TreeMap<>();
    for (IngestCounts.Seen s : counts.seen().keySet()) {
      if (!s.rejected() && inputs.file(s.fileId()).hasColumn("YEAR")) {
        labels.computeIfAbsent(s.fileId(), k -> new TreeSet<>()).add(CollectionYear.label(s.collectionYear()));
      }
    }
    return labels;
  }

  /** First and last day covered by the episodes returns of each authority. */
  private static Map<String, LocalDate[]> coverage(InputSet inputs, IngestCounts counts) {
    Map<String, TreeSet<Integer>> years = new TreeMap<>();
    for (IngestCounts.Seen s : counts.seen().keySet()) {
      if (!s.rejected() && inputs.file(s.fileId()).kind() == Ssda903File.EPISODES) {
        years.computeIfAbsent(s.la(), k -> new TreeSet<>()).add(s.collectionYear());
      }
    }
    Map<String, LocalDate[]> coverage = new LinkedHashMap<>();
    years.forEach((la, ys) -> coverage.put(la, new LocalDate[] {CollectionYear.start(ys.first()), CollectionYear.end(ys.last())}));
    return coverage;
  }

  /** Unmapped postcodes by outward code; codes with fewer than 5 episodes pooled as "(other)". */
  private static List<Row> unmappedPostcodes(IngestCounts counts) {
    Map<String, Map<String, Long>> byLa = new TreeMap<>();
    counts.unmapped().forEach((u, n) -> {
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
