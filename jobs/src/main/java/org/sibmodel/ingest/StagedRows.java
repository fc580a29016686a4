package org.sibmodel.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Ingest's two tables in the middle, as Spark rows: what validation made of each input line, and
 * what resolution made of each child. They travel through shuffles and caches in Spark's own
 * binary row format, which costs a fraction of serialising Java records (issue 14's profile: 40%
 * of ingest's CPU was Kryo writing and reading the records this replaces). Dates are days since
 * 1970-01-01: a number is all the rows in between need.
 */
final class StagedRows {
  private StagedRows() {}

  /** One row per input line: the typed fields of a valid row, or the rules the line broke. */
  static final StructType VALIDATED = new StructType()
      .add("file_id", IntegerType, false)
      .add("line", LongType, false)
      .add("la", StringType)
      .add("child", StringType)
      .add("collection_year", IntegerType)
      .add("decom", IntegerType)
      .add("dec", IntegerType)
      .add("dob", IntegerType)
      .add("rne", StringType)
      .add("legal_status", StringType)
      .add("category_of_need", StringType)
      .add("placement", StringType)
      .add("provider", StringType)
      .add("rec", StringType)
      .add("reason_place_change", StringType)
      .add("home_postcode", StringType)
      .add("sex", StringType)
      .add("ethnic", StringType)
      .add("rejects", new ArrayType(CuratedRows.REJECTS, false));

  /** How many rows of a file met a fate, among the children of one partition. */
  static final StructType FATES = new StructType()
      .add("file_id", IntegerType, false).add("fate", StringType, false).add("rows", LongType, false);

  /** How many accepted episodes had a home postcode of this outward code the lookup does not cover. */
  static final StructType UNMAPPED = new StructType()
      .add("la", StringType).add("outward_code", StringType, false).add("episodes", LongType, false);

  /**
   * How many lines of a file a partition read, by authority and collection year, and whether
   * validation rejected them (a rejected line has neither).
   */
  static final StructType SEEN = new StructType()
      .add("file_id", IntegerType, false).add("la", StringType).add("collection_year", IntegerType)
      .add("rejected", BooleanType, false).add("rows", LongType, false);

  /** How many rejected rows broke a rule (a row is counted once for each rule it broke). */
  static final StructType RULES = new StructType()
      .add("rule", StringType, false).add("rows", LongType, false);

  /** Entries to care a partition counted in a cell of care_entries (month: days since 1970-01-01). */
  static final StructType ENTRIES = new StructType()
      .add("la", StringType).add("district", StringType, false).add("age_band", StringType, false)
      .add("month", IntegerType, false).add("entries", LongType, false).add("first_entries", LongType, false)
      .add("reentries", LongType, false);

  /** What a partition's children resolved to, counted for the summary ({@link IngestCounts.Resolved}). */
  static final StructType TOTALS = new StructType()
      .add("children", LongType, false).add("episodes", LongType, false).add("periods", LongType, false)
      .add("start_observed", LongType, false).add("ended", LongType, false).add("reentries", LongType, false)
      .add("returned_home", LongType, false).add("mapped", LongType, false).add("unmapped", LongType, false)
      .add("missing", LongType, false);

  /**
   * One row per record a partition's lines resolved to (the children's episodes and periods, and
   * the rejects of children and of single lines), then the partition's counts: lines seen, fates,
   * unmapped postcodes, rejected rows by rule, entries to care by cell and the totals the summary
   * reports (so that nothing needs the written tables read back to be counted); exactly one of the
   * columns is set.
   */
  static final StructType RESOLVED = new StructType()
      .add("episode", CuratedRows.EPISODES)
      .add("period", CuratedRows.PERIODS)
      .add("reject", CuratedRows.REJECTS)
      .add("fates", FATES)
      .add("unmapped", UNMAPPED)
      .add("seen", SEEN)
      .add("rules", RULES)
      .add("entries", ENTRIES)
      .add("totals", TOTALS);

  static Row validated(RowValidator.Result result) {
    Object[] v = new Object[VALIDATED.size()];
    v[0] = result.fileId();
    v[1] = result.line();
    if (result.rejected()) {
      v[18] = scala.jdk.javaapi.CollectionConverters.asScala(result.rejects().stream().map(CuratedRows::reject).toList()).toSeq();
      return new GenericRowWithSchema(v, VALIDATED);
    }
    Rows.Row row = result.row();
    v[2] = row.la();
    v[3] = row.child();
    v[4] = row.collectionYear();
    if (row instanceof Rows.Episode e) {
      v[5] = days(e.decom());
      v[6] = days(e.dec());
      v[8] = e.rne();
      v[9] = e.legalStatus();
      v[10] = e.categoryOfNeed();
      v[11] = e.placement();
      v[12] = e.provider();
      v[13] = e.rec();
      v[14] = e.reasonPlaceChange();
      v[15] = e.homePostcode();
    } else if (row instanceof Rows.Header h) {
      v[7] = days(h.dob());
      v[16] = h.sex();
      v[17] = h.ethnic();
    } else if (row instanceof Rows.Uasc u) {
      v[7] = days(u.dob());
    }
    return new GenericRowWithSchema(v, VALIDATED);
  }

  /** The typed row back from a valid row of {@link #VALIDATED}. */
  static Rows.Row typed(Row r, InputSet inputs) {
    int fileId = r.getInt(0);
    long line = r.getLong(1);
    String la = r.getString(2);
    String child = r.getString(3);
    int year = r.getInt(4);
    return switch (inputs.file(fileId).kind()) {
      case EPISODES -> new Rows.Episode(fileId, line, la, year, child, date(r, 5), r.getString(8), r.getString(9),
          r.getString(10), r.getString(11), r.getString(12), date(r, 6), r.getString(13), r.getString(14), r.getString(15));
      case HEADER -> new Rows.Header(fileId, line, la, year, child, r.getString(16), date(r, 7), r.getString(17));
      case UASC -> new Rows.Uasc(fileId, line, la, year, child, date(r, 7));
    };
  }

  /** The column of {@link #VALIDATED} with the rules a rejected line broke (null for a valid row). */
  private static final int REJECTS_COLUMN = VALIDATED.fieldIndex("rejects");

  private record ChildKey(String la, String child) {}

  private record LineKey(int fileId, long line) {}

  /**
   * What the rows of {@link #VALIDATED} are grouped by: a valid row by its child, a rejected line
   * (which has no child) by itself.
   */
  static Object groupKey(Row r) {
    return r.isNullAt(REJECTS_COLUMN) ? new ChildKey(r.getString(2), r.getString(3)) : new LineKey(r.getInt(0), r.getLong(1));
  }

  /**
   * The groups of a partition's rows (see {@link #groupKey}) as rows of {@link #RESOLVED}: a
   * rejected line's rejects, a child's resolved history; counting as it goes what {@link
   * #counts} gives at the end (lines seen, fates, unmapped postcodes, rejected rows by rule, entries
   * by cell, the totals).
   */
  static final class Tally {
    private record FateKey(int fileId, RowFate.Fate fate) {}

    private record RuleOfLine(String sourceFile, long line, String rule) {}

    private final ChildResolver resolver;
    private final InputSet inputs;
    private final Map<IngestCounts.Seen, Long> seen = new HashMap<>();
    private final Map<FateKey, Long> fates = new HashMap<>();
    private final Map<Curated.UnmappedPostcode, Long> unmapped = new HashMap<>();
    private final Map<String, Long> rules = new HashMap<>();
    private final Map<CareEntries.Cell, CareEntries.Count> entries = new HashMap<>();
    private IngestCounts.Resolved totals = IngestCounts.Resolved.NONE;

    Tally(ChildResolver resolver, InputSet inputs) {
      this.resolver = resolver;
      this.inputs = inputs;
    }

    /** One group: a rejected line's rejects, or the child's episodes, periods and rejects. */
    List<Row> add(List<Row> group) {
      Row first = group.get(0);
      if (!first.isNullAt(REJECTS_COLUMN)) {
        seen.merge(new IngestCounts.Seen(first.getInt(0), null, null, true), 1L, Long::sum);
        List<Row> rejects = first.getList(REJECTS_COLUMN);
        rejects.stream().map(r -> r.<String>getAs("rule")).distinct().forEach(rule -> rules.merge(rule, 1L, Long::sum));
        return rejects.stream().map(r -> inColumn(2, r)).toList();
      }
      List<Rows.Row> typed = new ArrayList<>(group.size());
      for (Row r : group) {
        Rows.Row row = typed(r, inputs);
        seen.merge(new IngestCounts.Seen(row.fileId(), row.la(), row.collectionYear(), false), 1L, Long::sum);
        typed.add(row);
      }
      ChildResolver.Result result = resolver.resolve(typed.get(0).la(), typed.get(0).child(), typed);
      result.fates().forEach(f -> fates.merge(new FateKey(f.fileId(), f.fate()), 1L, Long::sum));
      result.unmapped().forEach(u -> unmapped.merge(u, 1L, Long::sum));
      // A line belongs to one child, so its rules are told apart within the child.
      result.rejects().stream().map(r -> new RuleOfLine(r.sourceFile(), r.line(), r.rule().name())).distinct()
          .forEach(r -> rules.merge(r.rule(), 1L, Long::sum));
      result.periods().stream().filter(Curated.Period::startObserved)
          .forEach(p -> entries.merge(CareEntries.Cell.of(p), CareEntries.Count.of(p), CareEntries.Count::plus));
      totals = totals.plus(IngestCounts.Resolved.of(result));
      List<Row> rows = new ArrayList<>(result.episodes().size() + result.periods().size() + result.rejects().size());
      result.episodes().forEach(e -> rows.add(inColumn(0, CuratedRows.episode(e))));
      result.periods().forEach(p -> rows.add(inColumn(1, CuratedRows.period(p))));
      result.rejects().forEach(r -> rows.add(inColumn(2, CuratedRows.reject(r))));
      return rows;
    }

    /** The counts so far, as rows. */
    List<Row> counts() {
      List<Row> rows = new ArrayList<>(seen.size() + fates.size() + unmapped.size() + rules.size() + entries.size() + 1);
      fates.forEach((k, n) -> rows.add(inColumn(3, new GenericRowWithSchema(new Object[] {k.fileId(), k.fate().name(), n}, FATES))));
      unmapped.forEach((u, n) -> rows.add(inColumn(4, new GenericRowWithSchema(new Object[] {u.la(), u.outwardCode(), n}, UNMAPPED))));
      seen.forEach((k, n) -> rows.add(inColumn(5,
          new GenericRowWithSchema(new Object[] {k.fileId(), k.la(), k.collectionYear(), k.rejected(), n}, SEEN))));
      rules.forEach((rule, n) -> rows.add(inColumn(6, new GenericRowWithSchema(new Object[] {rule, n}, RULES))));
      entries.forEach((cell, n) -> rows.add(inColumn(7, new GenericRowWithSchema(new Object[] {
          cell.la(), cell.district(), cell.ageBand(), days(cell.month()), n.entries(), n.firstEntries(), n.reentries()}, ENTRIES))));
      rows.add(inColumn(8, new GenericRowWithSchema(totals.values(), TOTALS)));
      return rows;
    }
  }

  private static Row inColumn(int column, Row value) {
    Object[] v = new Object[RESOLVED.size()];
    v[column] = value;
    return new GenericRowWithSchema(v, RESOLVED);
  }

  private static Integer days(LocalDate date) {
    return date == null ? null : Math.toIntExact(date.toEpochDay());
  }

  private static LocalDate date(Row r, int i) {
    return r.isNullAt(i) ? null : LocalDate.ofEpochDay(r.getInt(i));
  }
}
