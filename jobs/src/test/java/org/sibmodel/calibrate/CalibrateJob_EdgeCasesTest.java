package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Stage;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.testing.StageFixture;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.testing.TestSpark;

/**
 * Thin data: a district with no entries, an age band with one child, a band whose periods are all
 * still open, a window with no data. Each gives a stated pooling or a clear message, never a crash
 * or a NaN in the parameters.
 */
class CalibrateJob_EdgeCasesTest {
  @TempDir static Path tmp;
  private static Path curated;

  /** Two districts over a year: Burnley with entries in every band, Fylde with none. */
  @BeforeAll
  static void writeThinCuratedData() {
    SparkSession spark = TestSpark.session();
    curated = tmp.resolve("curated");
    SplittableRandom rng = new SplittableRandom(7);
    List<Row> entries = new ArrayList<>();
    RowBuilder e = RowBuilder.of(SparkSchemas.of("care_entries"));
    for (LocalDate month = LocalDate.of(2018, 4, 1); month.isBefore(LocalDate.of(2019, 4, 1)); month = month.plusMonths(1)) {
      for (String district : List.of("Burnley", "Fylde")) {
        for (AgeBand band : AgeBand.values()) {
          long n = district.equals("Fylde") ? 0 : band == AgeBand.A16_17 ? (month.getMonthValue() == 6 ? 1 : 0) : 3 + rng.nextInt(5);
          entries.add(e.set("la", "Lancashire").set("district", district).set("age_band", band.label()).set("month", month)
              .set("entries", n).set("first_entries", n).set("reentries", 0L).build());
        }
      }
    }
    List<Row> periods = new ArrayList<>();
    RowBuilder p = RowBuilder.of(SparkSchemas.of("care_periods"));
    int child = 0;
    for (AgeBand band : AgeBand.values()) {
      int count = band == AgeBand.A16_17 ? 1 : 60;
      for (int i = 0; i < count; i++) {
        LocalDate start = LocalDate.of(2018, 4, 1).plusDays(rng.nextInt(300));
        int days = 20 + rng.nextInt(400);
        // 13-15: every period still open at the end of the data.
        boolean ended = band != AgeBand.A13_15 && start.plusDays(days).isBefore(LocalDate.of(2019, 3, 31));
        LocalDate until = ended ? start.plusDays(days) : LocalDate.of(2019, 3, 31);
        int duration = (int) java.time.temporal.ChronoUnit.DAYS.between(start, until);
        periods.add(p.set("child_key", String.format("%024x", child++)).set("la", "Lancashire").set("period_number", 1)
            .set("period_start", start).set("start_observed", true).set("period_end", ended ? until : null)
            .set("end_reason", ended ? "E4A" : null).set("ended", ended).set("observed_until", until)
            .set("adult_from", start.plusYears(18 - band.low()).withDayOfMonth(1)).set("duration_days", duration)
            .set("returned_home", ended).set("is_reentry", false).set("days_since_previous_exit", null).set("previous_end_reason", null)
            .set("age_at_entry", band.low()).set("age_band", band.label()).set("contract_age_group", band.contractGroup().orElse(null))
            .set("sex", "1").set("ethnic_group", "WBRI").set("uasc", false).set("district", "Burnley").set("district_status", "mapped")
            .set("legal_status_at_entry", "C2").set("category_of_need_at_entry", "N1").set("placement_group_at_entry", "foster_in_house")
            .set("episodes", 1).set("days_foster_in_house", duration).set("days_foster_agency", 0).set("days_residential", 0)
            .set("days_other", 0).build());
      }
    }
    StageFixture.commit(curated, Stage.INGEST, "{\"synthetic_source\" : false}\n", out -> {
      spark.createDataFrame(entries, SparkSchemas.of("care_entries")).write().parquet(out.path("care_entries"));
      spark.createDataFrame(periods, SparkSchemas.of("care_periods")).write().parquet(out.path("care_periods"));
    });
  }

  private CalibrationSummary calibrate(String out, LocalDate from, LocalDate to) {
    return CalibrateJob.run(TestSpark.session(), new CalibrateOptions(curated.toString(), tmp.resolve(out).toString(), from, to, List.of(),
        CalibrateOptions.DEFAULT_MINIMUM_CASES));
  }

  @Test
  void thinCellsArePooledAndSaySo() throws Exception {
    CalibrationSummary s = calibrate("thin", null, null);
    List<Pooling.Decision> pooling = s.pooling();
    assertTrue(pooling.stream().anyMatch(d -> d.component().equals("entries") && d.cell().equals("Fylde") && d.cases() == 0),
        "the district with no entries: " + pooling);
    assertTrue(pooling.stream().anyMatch(d -> d.component().equals("time_in_care") && d.cell().equals("16-17") && d.cases() == 1),
        "the age band with one child: " + pooling);
    assertTrue(pooling.stream().anyMatch(d -> d.component().equals("time_in_care") && d.cell().equals("13-15")
        && d.reason().contains("censored")), "the band with every period open: " + pooling);
    String params = Files.readString(tmp.resolve("thin/params.json"));
    assertFalse(params.contains("NaN"), "no NaN in the parameters");
    assertFalse(params.contains("Infinity"));
    String report = Files.readString(tmp.resolve("thin/report.html"));
    assertTrue(report.contains("Fylde") && report.contains("13-15"), "the report states the pooling");
    assertFalse(report.contains("SYNTHETIC DATA: the care data"), "these data did not come from sib generate");
    for (CalibrationSummary.SurvivalSummary g : s.timeInCare()) {
      g.km().values().forEach(v -> assertFalse(Double.isNaN(v), g.group()));
    }
  }

  @Test
  void theDistrictWithNoEntriesGetsARateOfZeroNotAGuess() {
    calibrate("zero", null, null);
    List<Row> fylde = TestSpark.session().read().parquet(tmp.resolve("zero/entry_rates").toString())
        .filter("district = 'Fylde'").collectAsList();
    assertEquals(6, fylde.size());
    for (Row r : fylde) {
      assertEquals(0.0, r.<Double>getAs("rate_per_month"));
      assertNull(r.getAs("log_rate_std_error"));
      assertTrue(r.<String>getAs("estimated_as").startsWith("not estimated"), r.toString());
    }
  }

  @Test
  void aWindowWithNoDataIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> calibrate("empty", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
    assertTrue(e.getMessage().contains("has no data") && e.getMessage().contains("2018-04-01"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("empty")));
  }

  @Test
  void anUnknownDistrictIsNamedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalibrateJob.run(TestSpark.session(),
        new CalibrateOptions(curated.toString(), tmp.resolve("x").toString(), null, null, List.of("Burnly"), 30)));
    assertTrue(e.getMessage().contains("'Burnly'") && e.getMessage().contains("Burnley"), e.getMessage());
  }

  @Test
  void aFolderThatIsNotCuratedDataIsAClearError() {
    Exception e = assertThrows(IllegalArgumentException.class, () -> CalibrateJob.run(TestSpark.session(),
        new CalibrateOptions(tmp.resolve("nowhere").toString(), tmp.resolve("y").toString(), null, null, List.of(), 30)));
    assertTrue(e.getMessage().contains("care_entries"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("y").resolve(OutputDir.RUN_FILE)));
  }
}
