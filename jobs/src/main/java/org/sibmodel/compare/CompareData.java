package org.sibmodel.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.ingest.CareData;
import org.sibmodel.io.StageInput;

/**
 * The care periods with an observed entry from the start of the returns, measured for comparison: time in care, whether a
 * return home was followed by a new entry within 12 months, and the child's days in care in the
 * 24 months from each entry (only where the data run that long).
 */
record CompareData(List<Unit> units, LocalDate dataStart, LocalDate dataEnd, List<String> districts, List<String> authorities) {
  static final int YEAR = 365;
  static final int TWO_YEARS = 730;

  static CompareData load(StageInput curated) {
    Dataset<Row> periods = curated.dataset("care_periods")
        .withColumn("district", coalesce(col("district"), lit(CareData.UNKNOWN_DISTRICT)));
    // Each authority's returns end on their own date: returns home and 24-month windows are judged against it.
    Map<String, LocalDate> endOf = new TreeMap<>();
    periods.groupBy("la").agg(max("observed_until")).collectAsList().forEach(r -> endOf.put(r.getString(0), r.getAs(1)));
    if (endOf.isEmpty()) {
      throw new IllegalArgumentException(curated.dir() + "/care_periods has no rows: there is nothing to compare");
    }
    LocalDate dataEnd = Collections.max(endOf.values());
    // Entries are counted from the first return's year (care_entries' first month): earlier starts
    // are seen only for children still in care then, so their times in care are biased long.
    Row first = curated.dataset("care_entries").agg(min("month")).head();
    LocalDate dataStart = first.isNullAt(0) ? dataEnd : first.getAs(0);

    Dataset<Row> withNext = CareData.withNextEntryGap(periods, periods);
    // Days in care in the 24 months from each entry: every period of the same child that overlaps the window.
    Dataset<Row> q = periods.select(col("la").as("q_la"), col("child_key").as("q_child"), col("period_start").as("q_start"),
        col("observed_until").as("q_until"));
    Dataset<Row> p = withNext.filter(col("start_observed").and(col("period_start").geq(lit(dataStart))));
    Dataset<Row> windows = p.join(q, p.col("la").equalTo(q.col("q_la")).and(p.col("child_key").equalTo(q.col("q_child")))
            .and(q.col("q_start").lt(date_add(p.col("period_start"), TWO_YEARS))).and(q.col("q_until").gt(p.col("period_start"))), "left")
        .withColumn("overlap", when(col("q_start").isNull(), 0).otherwise(greatest(lit(0),
            datediff(least(col("q_until"), date_add(col("period_start"), TWO_YEARS)), greatest(col("q_start"), col("period_start"))))))
        .groupBy("la", "child_key", "period_number", "period_start", "district", "age_band", "legal_status_at_entry",
            "category_of_need_at_entry", "is_reentry", "duration_days", "ended", "returned_home", "period_end", "gap", "adult_from")
        .agg(sum("overlap").as("days24"));
    List<Unit> units = new ArrayList<>();
    List<String> districts = new ArrayList<>();
    for (Row r : windows.orderBy("la", "child_key", "period_number").collectAsList()) {
      LocalDate start = r.getAs("period_start");
      boolean returnedHome = r.getAs("returned_home");
      LocalDate ended = r.getAs("period_end");
      // Follow-up ends at the authority's data end or where the child turns 18, whichever is first: SSDA903 records
      // no care after the 18th birthday.
      LocalDate adult = r.getAs("adult_from");
      LocalDate returnsEnd = endOf.get(r.<String>getAs("la"));
      LocalDate followedTo = adult.isBefore(returnsEnd) ? adult : returnsEnd;
      boolean followed12 = returnedHome && ended != null && !ended.plusDays(YEAR).isAfter(followedTo);
      boolean back12 = followed12 && !r.isNullAt(r.fieldIndex("gap")) && r.<Integer>getAs("gap") <= YEAR;
      boolean followed24 = !start.plusDays(TWO_YEARS).isAfter(followedTo);
      int duration = r.<Integer>getAs("duration_days");
      boolean exited = r.getAs("ended");
      long toAdult = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, adult));
      if (duration >= toAdult) {
        duration = (int) toAdult;
        exited = false;
      }
      String childKey = r.getAs("child_key");
      String district = r.getAs("district");
      if (!districts.contains(district)) {
        districts.add(district);
      }
      units.add(new Unit(childKey + "/" + r.getAs("period_number"), childKey, district, r.getAs("age_band"),
          r.getAs("legal_status_at_entry"), r.getAs("category_of_need_at_entry"), r.getAs("is_reentry"), start,
          duration, exited, returnedHome, followed12, back12, followed24,
          (int) r.getLong(r.fieldIndex("days24")), r.<Integer>getAs("period_number") - 1, Unit.Referral.NOT_REFERRED));
    }
    districts.sort(null);
    return new CompareData(units, dataStart, dataEnd, districts, List.copyOf(endOf.keySet()));
  }

  /**
   * The same units, those of referred children marked: referred from the referral date on, before
   * it neither referred nor not.
   *
   * @param referredOn each referred child's referral date, or null where the list gives none (all its entries count)
   */
  CompareData withReferred(Map<String, LocalDate> referredOn) {
    List<Unit> marked = units.stream().map(u -> {
      if (!referredOn.containsKey(u.childKey())) {
        return u;
      }
      LocalDate on = referredOn.get(u.childKey());
      return u.withReferral(on == null || !u.start().isBefore(on) ? Unit.Referral.REFERRED : Unit.Referral.BEFORE_REFERRAL);
    }).toList();
    return new CompareData(marked, dataStart, dataEnd, districts, authorities);
  }
}
