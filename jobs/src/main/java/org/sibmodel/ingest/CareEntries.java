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
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.ssda903.AgeBand;

/**
 * Entries to care by authority, district, age band and month, with explicit zeros, over the months
 * the returns cover. Only periods whose start was observed count; entries before the first
 * return are left out (only children still in care by then are seen, so they would undercount)
 * and reported.
 *
 * @param table the care_entries dataset
 * @param inWindow entries counted in the table
 * @param outsideWindow observed entries left out because they precede the first return
 */
record CareEntries(Dataset<Row> table, long inWindow, long outsideWindow) {
  /** District of entries whose home postcode is missing or not in the lookup. */
  static final String UNKNOWN_DISTRICT = "Unknown";

  static CareEntries build(
      SparkSession spark, Dataset<Row> periods, Map<String, LocalDate[]> coverage, List<String> districts) {
    Dataset<Row> observed = periods.filter(col("start_observed"))
        .withColumn("month", trunc(col("period_start"), "month"))
        .withColumn("district", coalesce(col("district"), lit(UNKNOWN_DISTRICT)));
    Dataset<Row> counts = observed.groupBy("la", "district", "age_band", "month").agg(
        count(lit(1)).as("entries"),
        sum(when(col("is_reentry"), 0L).otherwise(1L)).as("first_entries"),
        sum(when(col("is_reentry"), 1L).otherwise(0L)).as("reentries"));
    List<String> keys = List.of("la", "district", "age_band", "month");
    Dataset<Row> joined = grid(spark, coverage, districts)
        .join(counts, scala.jdk.javaapi.CollectionConverters.asScala(keys).toSeq(), "left")
        .na().fill(0L, new String[] {"entries", "first_entries", "reentries"})
        .select("la", "district", "age_band", "month", "entries", "first_entries", "reentries")
        .orderBy("la", "district", "age_band", "month");
    Dataset<Row> table = spark.createDataFrame(joined.javaRDD(), CuratedRows.ENTRIES);
    long total = observed.count();
    Row sums = table.agg(sum("entries")).head();
    long inWindow = sums.isNullAt(0) ? 0L : sums.getLong(0);
    return new CareEntries(table, inWindow, total - inWindow);
  }

  /** Every authority x district (plus Unknown) x age band x covered month. */
  private static Dataset<Row> grid(SparkSession spark, Map<String, LocalDate[]> coverage, List<String> districts) {
    List<String> allDistricts = new ArrayList<>(districts);
    allDistricts.add(UNKNOWN_DISTRICT);
    List<Row> rows = new ArrayList<>();
    coverage.forEach((la, window) -> {
      for (LocalDate month = window[0].withDayOfMonth(1); !month.isAfter(window[1]); month = month.plusMonths(1)) {
        for (String district : allDistricts) {
          for (AgeBand band : AgeBand.values()) {
            rows.add(RowFactory.create(la, district, band.label(), month));
          }
        }
      }
    });
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("la", DataTypes.StringType, false),
        DataTypes.createStructField("district", DataTypes.StringType, false),
        DataTypes.createStructField("age_band", DataTypes.StringType, false),
        DataTypes.createStructField("month", DataTypes.DateType, false)));
    return spark.createDataFrame(rows, schema);
  }
}
