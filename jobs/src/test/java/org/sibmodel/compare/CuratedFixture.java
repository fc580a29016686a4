package org.sibmodel.compare;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.io.Stage;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.testing.StageFixture;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.testing.TestSpark;

/**
 * Curated care data written by hand: care periods (and the first month of care_entries), committed
 * as a complete output of sib ingest, for sib compare's tests.
 */
final class CuratedFixture {
  static final LocalDate DATA_START = LocalDate.of(2014, 4, 1);
  static final LocalDate DATA_END = LocalDate.of(2019, 3, 31);

  private final List<Row> periods = new ArrayList<>();
  private final RowBuilder p = RowBuilder.of(SparkSchemas.of("care_periods"));
  private int children;

  /** A child's new key (24 hex digits, as ingest makes them). */
  String newChild() {
    return String.format("%024x", ++children);
  }

  /**
   * Adds a care period.
   *
   * @param days days in care if it ended, or null while still open at the data's end
   * @param home whether it ended with a return home
   * @param gap days from the child's previous period's end, for a re-entry; else null
   */
  CuratedFixture period(String child, int number, String district, String band, LocalDate start, Integer days, boolean home, Integer gap) {
    boolean ended = days != null;
    LocalDate until = ended ? start.plusDays(days) : DATA_END;
    int duration = (int) ChronoUnit.DAYS.between(start, until);
    periods.add(p.set("child_key", child).set("la", "Lancashire").set("period_number", number)
        .set("period_start", start).set("start_observed", true).set("period_end", ended ? until : null)
        .set("end_reason", ended ? (home ? "E4A" : "E11") : null).set("ended", ended).set("observed_until", until)
        .set("adult_from", start.plusYears(18 - AgeBand.ofLabel(band).low()).withDayOfMonth(1))
        .set("duration_days", duration).set("returned_home", ended && home).set("is_reentry", number > 1)
        .set("days_since_previous_exit", gap).set("previous_end_reason", gap == null ? null : "E4A")
        .set("age_at_entry", AgeBand.ofLabel(band).low()).set("age_band", band)
        .set("contract_age_group", AgeBand.ofLabel(band).contractGroup().orElse(null))
        .set("sex", "1").set("ethnic_group", "WBRI").set("uasc", false).set("district", district).set("district_status", "mapped")
        .set("legal_status_at_entry", "C2").set("category_of_need_at_entry", "N1").set("placement_group_at_entry", "foster_in_house")
        .set("episodes", 1).set("days_foster_in_house", duration).set("days_foster_agency", 0).set("days_residential", 0)
        .set("days_other", 0).build());
    return this;
  }

  /** One period for a new child. */
  CuratedFixture entry(String district, String band, LocalDate start, Integer days, boolean home) {
    return period(newChild(), 1, district, band, start, days, home, null);
  }

  Path write(Path curated) {
    SparkSession spark = TestSpark.session();
    RowBuilder e = RowBuilder.of(SparkSchemas.of("care_entries"));
    List<Row> entries = List.of(e.set("la", "Lancashire").set("district", "Burnley").set("age_band", "5-7").set("month", DATA_START)
        .set("entries", 0L).set("first_entries", 0L).set("reentries", 0L).build());
    return StageFixture.commit(curated, Stage.INGEST, "{\"synthetic_source\" : false}\n", out -> {
      spark.createDataFrame(entries, SparkSchemas.of("care_entries")).write().parquet(out.path("care_entries"));
      spark.createDataFrame(periods, SparkSchemas.of("care_periods")).write().parquet(out.path("care_periods"));
    });
  }
}
