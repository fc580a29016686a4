package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.vocabulary.AgeBand;

/**
 * Entries to care by authority, district, age band and month, with explicit zeros, over the months
 * the returns cover (from the start of the first return to the end of the last). Only periods
 * whose start was observed count; entries before the first return are left out (only children
 * still in care by then are seen, so they would undercount) and reported.
 *
 * @param rows the care_entries rows, in key order (the table is at most authorities x months x
 *     districts x 6 bands, so it is assembled on the driver)
 * @param inWindow entries counted in the table
 * @param outsideWindow observed entries left out because they precede the first return
 */
record CareEntries(List<Row> rows, long inWindow, long outsideWindow) {
  static final String UNKNOWN_DISTRICT = CareData.UNKNOWN_DISTRICT;

  /** Counts of one cell. */
  private record Cell(long entries, long firstEntries, long reentries) {}

  private record Key(String la, String district, String ageBand, LocalDate month) {}

  static CareEntries build(Dataset<Row> periods, Map<String, LocalDate[]> coverage, List<String> districts) {
    Map<Key, Cell> counted = new HashMap<>();
    periods.filter(col("start_observed"))
        .withColumn("month", trunc(col("period_start"), "month"))
        .withColumn("district", coalesce(col("district"), lit(UNKNOWN_DISTRICT)))
        .groupBy("la", "district", "age_band", "month")
        .agg(count(lit(1)), sum(when(col("is_reentry"), 0L).otherwise(1L)), sum(when(col("is_reentry"), 1L).otherwise(0L)))
        .collectAsList()
        .forEach(r -> counted.put(
            new Key(r.getString(0), r.getString(1), r.getString(2), r.getAs(3)),
            new Cell(r.getLong(4), r.getLong(5), r.getLong(6))));
    long total = counted.values().stream().mapToLong(Cell::entries).sum();

    List<String> allDistricts = new ArrayList<>(districts);
    allDistricts.add(UNKNOWN_DISTRICT);
    allDistricts.sort(null);
    List<Row> rows = new ArrayList<>();
    long inWindow = 0;
    RowBuilder row = RowBuilder.of(CuratedRows.ENTRIES);
    for (Map.Entry<String, LocalDate[]> authority : new java.util.TreeMap<>(coverage).entrySet()) {
      String la = authority.getKey();
      LocalDate[] window = authority.getValue();
      for (String district : allDistricts) {
        for (AgeBand band : AgeBand.values()) {
          for (LocalDate month = window[0].withDayOfMonth(1); !month.isAfter(window[1]); month = month.plusMonths(1)) {
            Cell cell = counted.getOrDefault(new Key(la, district, band.label(), month), new Cell(0, 0, 0));
            inWindow += cell.entries();
            rows.add(row.set("la", la).set("district", district).set("age_band", band.label()).set("month", month)
                .set("entries", cell.entries()).set("first_entries", cell.firstEntries())
                .set("reentries", cell.reentries()).build());
          }
        }
      }
    }
    return new CareEntries(rows, inWindow, total - inWindow);
  }

  Dataset<Row> table(SparkSession spark) {
    return spark.createDataFrame(rows, CuratedRows.ENTRIES);
  }
}
