package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the partitions counted while they resolved, added up on the driver: the lines each file
 * had (by authority and collection year, rejected by validation or not), the fates of the rows
 * that reached resolution, and the accepted episodes with an unmapped home postcode. The
 * partitions' counts are a few rows each, so they are collected in one pass and summed here.
 *
 * @param seen lines by file, authority, collection year and whether validation rejected them
 * @param fates rows by file and fate, of the rows validation passed
 * @param unmapped accepted episodes by authority and outward code the postcode lookup lacks
 */
record LineCounts(
    Map<Seen, Long> seen, Map<Integer, Map<RowFate.Fate, Long>> fates, Map<Curated.UnmappedPostcode, Long> unmapped) {

  /** Lines of a file by authority and collection year; a line validation rejected has neither. */
  record Seen(int fileId, String la, Integer collectionYear, boolean rejected) implements Serializable {}

  /** Sums the counts rows of {@link StagedRows#RESOLVED}. */
  static LineCounts of(Dataset<Row> resolved) {
    Map<Seen, Long> seen = new HashMap<>();
    Map<Integer, Map<RowFate.Fate, Long>> fates = new HashMap<>();
    Map<Curated.UnmappedPostcode, Long> unmapped = new HashMap<>();
    for (Row r : resolved.where(col("seen").isNotNull().or(col("fates").isNotNull()).or(col("unmapped").isNotNull()))
        .select("seen", "fates", "unmapped")
        .collectAsList()) {
      if (!r.isNullAt(0)) {
        Row s = r.getStruct(0);
        Seen key = new Seen(s.getAs("file_id"), s.getAs("la"), s.getAs("collection_year"), s.getAs("rejected"));
        seen.merge(key, s.<Long>getAs("rows"), Long::sum);
      } else if (!r.isNullAt(1)) {
        Row f = r.getStruct(1);
        fates.computeIfAbsent(f.<Integer>getAs("file_id"), k -> new EnumMap<>(RowFate.Fate.class))
            .merge(RowFate.Fate.valueOf(f.getAs("fate")), f.<Long>getAs("rows"), Long::sum);
      } else {
        Row u = r.getStruct(2);
        unmapped.merge(new Curated.UnmappedPostcode(u.getAs("la"), u.getAs("outward_code")), u.<Long>getAs("episodes"), Long::sum);
      }
    }
    return new LineCounts(seen, fates, unmapped);
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
