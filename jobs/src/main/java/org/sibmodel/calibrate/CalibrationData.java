package org.sibmodel.calibrate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.ingest.CareData;
import org.sibmodel.io.StageInput;

/**
 * The curated care data a calibration reads (care_entries, care_periods from {@code sib ingest}),
 * restricted to the window and districts asked for. With several authorities in the data, each
 * district is named "authority / district" so that districts of different authorities stay apart,
 * and the entry model is {@link DistrictLevelModel}.
 */
record CalibrationData(
    List<EntryModel.Cell> entryCells, List<SurvivalGroups.Observation> timeInCare, List<SurvivalGroups.Observation> reentry,
    Dataset<Row> periodsInWindow, LocalDate from, LocalDate to, List<String> districts, LocalDate dataEnd, long periods,
    long returnsHome, boolean severalAuthorities) {

  static CalibrationData load(StageInput curated, CalibrateOptions options) {
    Dataset<Row> entries = curated.dataset("care_entries");
    Dataset<Row> periods = curated.dataset("care_periods");
    boolean severalAuthorities = entries.select("la").distinct().count() > 1;
    Column district = severalAuthorities
        ? concat_ws(DistrictLevelModel.SEPARATOR, col("la"), col("district"))
        : col("district");
    entries = entries.withColumn("district", district);
    periods = periods.withColumn("district", when(col("district").isNull(), lit(CareData.UNKNOWN_DISTRICT)).otherwise(district));

    Row span = entries.agg(min("month"), max("month")).head();
    if (span.isNullAt(0)) {
      throw new IllegalArgumentException(options.curated() + "/care_entries has no rows: there is nothing to calibrate");
    }
    LocalDate dataStart = span.getAs(0);
    LocalDate dataEnd = ((LocalDate) span.getAs(1)).plusMonths(1).minusDays(1);
    LocalDate from = options.from() == null ? dataStart : options.from();
    LocalDate to = options.to() == null ? dataEnd : options.to();
    if (to.isBefore(dataStart) || from.isAfter(dataEnd)) {
      throw new IllegalArgumentException("the window " + from + " to " + to + " has no data: the curated data cover "
          + dataStart + " to " + dataEnd);
    }

    List<String> known = new ArrayList<>(new TreeSet<>(entries.select("district").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
    List<String> districts = options.districts().isEmpty() ? known : options.districts();
    for (String d : districts) {
      if (!known.contains(d)) {
        throw new IllegalArgumentException("--districts: '" + d + "' is not a district in the data; known: " + String.join(", ", known));
      }
    }
    Column inDistricts = col("district").isin(districts.toArray());

    List<EntryModel.Cell> cells = new ArrayList<>();
    entries.filter(inDistricts.and(col("month").geq(from.withDayOfMonth(1))).and(col("month").leq(to)))
        .groupBy("district", "age_band", "month").agg(org.apache.spark.sql.functions.sum("entries").as("entries"))
        .collectAsList()
        .forEach(r -> cells.add(new EntryModel.Cell(r.getString(0), r.getString(1), r.getAs(2), r.getLong(3))));

    Dataset<Row> inWindow = periods.filter(inDistricts.and(col("start_observed"))
        .and(col("period_start").geq(from)).and(col("period_start").leq(to)));
    // Time in care, censored where the child turns 18 (care then ends for a reason that is not an exit hazard).
    List<SurvivalGroups.Observation> durations = new ArrayList<>();
    inWindow.select("age_band", "duration_days", "ended", "period_start", "adult_from").collectAsList().forEach(r -> {
      long toAdult = Math.max(0, ChronoUnit.DAYS.between((LocalDate) r.getAs(3), (LocalDate) r.getAs(4)));
      int days = r.getInt(1);
      durations.add(days < toAdult ? new SurvivalGroups.Observation(r.getString(0), days, r.getBoolean(2))
          : new SurvivalGroups.Observation(r.getString(0), toAdult, false));
    });

    // Returns home in the window, followed to the same child's next period, or censored at the data's end or where
    // the child turns 18, whichever comes first (SSDA903 cannot record a re-entry after the 18th birthday).
    Dataset<Row> returns = periods.filter(inDistricts.and(col("returned_home"))
        .and(col("period_end").geq(from)).and(col("period_end").leq(to)));
    Dataset<Row> followed = CareData.withNextEntryGap(returns, periods)
        .select(col("age_band"), col("period_end"), col("gap"), col("adult_from"));
    List<SurvivalGroups.Observation> reentries = new ArrayList<>();
    followed.collectAsList().forEach(r -> {
      LocalDate home = r.getAs(1);
      LocalDate adult = r.getAs(3);
      long followUp = Math.max(0, ChronoUnit.DAYS.between(home, adult.isBefore(dataEnd) ? adult : dataEnd));
      boolean reentered = !r.isNullAt(2) && r.getInt(2) <= followUp;
      reentries.add(new SurvivalGroups.Observation(r.getString(0), reentered ? r.getInt(2) : followUp, reentered));
    });
    return new CalibrationData(cells, durations, reentries, inWindow, from, to, districts, dataEnd, durations.size(), reentries.size(),
        severalAuthorities);
  }
}
