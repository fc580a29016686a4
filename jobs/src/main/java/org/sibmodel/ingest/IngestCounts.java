package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.reference.PostcodeLookup;

/**
 * What the partitions counted while they resolved, added up on the driver: the lines each file
 * had (by authority and collection year, rejected by validation or not), the fates of the rows
 * that reached resolution, the accepted episodes with an unmapped home postcode, the rejected rows
 * by rule, the entries to care by cell, and the totals of what the children resolved to. The
 * partitions' counts are a few rows each, so they are collected in one pass and summed here; the
 * summary and care_entries come from them, not from the written tables read back.
 *
 * @param seen lines by file, authority, collection year and whether validation rejected them
 * @param fates rows by file and fate, of the rows validation passed
 * @param unmapped accepted episodes by authority and outward code the postcode lookup lacks
 * @param rules rejected rows by the rule they broke, by rule name (a row once for each rule)
 * @param entries entries to care by cell, of the periods whose start was observed
 * @param resolved what the children resolved to, in all
 */
record IngestCounts(
    Map<Seen, Long> seen,
    Map<Integer, Map<RowFate.Fate, Long>> fates,
    Map<Curated.UnmappedPostcode, Long> unmapped,
    Map<String, Long> rules,
    Map<CareEntries.Cell, CareEntries.Count> entries,
    Resolved resolved) {

  /** Lines of a file by authority and collection year; a line validation rejected has neither. */
  record Seen(int fileId, String la, Integer collectionYear, boolean rejected) implements Serializable {}

  /**
   * What children resolved to: how many had a care period, their episodes and periods, and the
   * periods by how they started and ended and how their home postcode fared in the lookup.
   */
  record Resolved(
      long children, long episodes, long periods, long startObserved, long ended, long reentries, long returnedHome,
      long mapped, long unmapped, long missing) implements Serializable {
    static final Resolved NONE = new Resolved(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static Resolved of(ChildResolver.Result child) {
      List<Curated.Period> periods = child.periods();
      return new Resolved(
          periods.isEmpty() ? 0 : 1,
          child.episodes().size(),
          periods.size(),
          periods.stream().filter(Curated.Period::startObserved).count(),
          periods.stream().filter(Curated.Period::ended).count(),
          periods.stream().filter(Curated.Period::isReentry).count(),
          periods.stream().filter(Curated.Period::returnedHome).count(),
          status(periods, PostcodeLookup.Status.MAPPED),
          status(periods, PostcodeLookup.Status.UNMAPPED),
          status(periods, PostcodeLookup.Status.MISSING));
    }

    private static long status(List<Curated.Period> periods, PostcodeLookup.Status status) {
      return periods.stream().filter(p -> p.districtStatus().equals(status.label())).count();
    }

    /** Periods not ended: the child was still in care at the end of the returns, or censored. */
    long stillInCare() {
      return periods - ended;
    }

    Resolved plus(Resolved o) {
      return new Resolved(children + o.children, episodes + o.episodes, periods + o.periods,
          startObserved + o.startObserved, ended + o.ended, reentries + o.reentries, returnedHome + o.returnedHome,
          mapped + o.mapped, unmapped + o.unmapped, missing + o.missing);
    }

    /** The counts in the order of {@link StagedRows#TOTALS}. */
    Object[] values() {
      return new Object[] {children, episodes, periods, startObserved, ended, reentries, returnedHome, mapped, unmapped, missing};
    }

    static Resolved of(Row r) {
      return new Resolved(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
          r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9));
    }
  }

  /** Sums the counts rows of {@link StagedRows#RESOLVED}. */
  static IngestCounts of(Dataset<Row> resolved) {
    Map<Seen, Long> seen = new HashMap<>();
    Map<Integer, Map<RowFate.Fate, Long>> fates = new HashMap<>();
    Map<Curated.UnmappedPostcode, Long> unmapped = new HashMap<>();
    Map<String, Long> rules = new TreeMap<>();
    Map<CareEntries.Cell, CareEntries.Count> entries = new HashMap<>();
    Resolved totals = Resolved.NONE;
    for (Row r : resolved.where(col("episode").isNull().and(col("period").isNull()).and(col("reject").isNull()))
        .select("seen", "fates", "unmapped", "rules", "entries", "totals")
        .collectAsList()) {
      if (!r.isNullAt(0)) {
        Row s = r.getStruct(0);
        Seen key = new Seen(s.getAs("file_id"), s.getAs("la"), s.getAs("collection_year"), s.getAs("rejected"));
        seen.merge(key, s.<Long>getAs("rows"), Long::sum);
      } else if (!r.isNullAt(1)) {
        Row f = r.getStruct(1);
        fates.computeIfAbsent(f.<Integer>getAs("file_id"), k -> new EnumMap<>(RowFate.Fate.class))
            .merge(RowFate.Fate.valueOf(f.getAs("fate")), f.<Long>getAs("rows"), Long::sum);
      } else if (!r.isNullAt(2)) {
        Row u = r.getStruct(2);
        unmapped.merge(new Curated.UnmappedPostcode(u.getAs("la"), u.getAs("outward_code")), u.<Long>getAs("episodes"), Long::sum);
      } else if (!r.isNullAt(3)) {
        Row rule = r.getStruct(3);
        rules.merge(rule.getAs("rule"), rule.<Long>getAs("rows"), Long::sum);
      } else if (!r.isNullAt(4)) {
        Row e = r.getStruct(4);
        CareEntries.Cell cell = new CareEntries.Cell(
            e.getAs("la"), e.getAs("district"), e.getAs("age_band"), LocalDate.ofEpochDay(e.<Integer>getAs("month")));
        entries.merge(cell, new CareEntries.Count(e.getAs("entries"), e.getAs("first_entries"), e.getAs("reentries")),
            CareEntries.Count::plus);
      } else {
        totals = totals.plus(Resolved.of(r.getStruct(5)));
      }
    }
    return new IngestCounts(seen, fates, unmapped, rules, entries, totals);
  }

  /** Lines read from a file, whatever became of them. */
  long read(int fileId) {
    return sum(fileId, false) + sum(fileId, true);
  }

  /** Lines of a file validation rejected, before resolution. */
  long rejectedByValidation(int fileId) {
    return sum(fileId, true);
  }

  private long sum(int fileId, boolean rejected) {
    return seen.entrySet().stream()
        .filter(e -> e.getKey().fileId() == fileId && e.getKey().rejected() == rejected)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The rows of a file that met a fate in resolution. */
  long fate(int fileId, RowFate.Fate fate) {
    return fates.getOrDefault(fileId, Map.of()).getOrDefault(fate, 0L);
  }
}
