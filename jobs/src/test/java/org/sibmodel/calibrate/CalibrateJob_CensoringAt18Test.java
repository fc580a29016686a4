package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.Stage;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.testing.StageFixture;
import org.sibmodel.testing.TestSpark;
import org.sibmodel.vocabulary.AgeBand;

/**
 * SSDA903 cannot record care after a child's 18th birthday: a re-entry that would have come later is
 * never seen, and a stay cut short at 18 is not an exit. Curated data made here with known hazards
 * at every age (20% back in care within 12 months of going home; half leave care within 12 months),
 * recorded as a return would record them, are recovered for every band only when follow-up is
 * censored where the child turns 18; with the same data followed past 18, the 16-17 band is biased.
 */
class CalibrateJob_CensoringAt18Test {
  private static final double BACK_WITHIN_YEAR = 0.20;
  private static final double LEFT_WITHIN_YEAR = 0.50;
  private static final int CHILDREN_PER_BAND = 1500;
  private static final LocalDate DATA_END = LocalDate.of(2019, 3, 31);
  @TempDir static Path tmp;
  private static CalibrationSummary censored;
  private static CalibrationSummary followedPast18;

  @BeforeAll
  static void calibrateOnKnownHazards() {
    censored = calibrate("censored", false);
    followedPast18 = calibrate("naive", true);
  }

  /** Children returning home, and children entering care, at ages spread over every band. */
  private static CalibrationSummary calibrate(String name, boolean ignoreAdulthood) {
    SparkSession spark = TestSpark.session();
    SplittableRandom rng = new SplittableRandom(18);
    double backHazard = -Math.log(1 - BACK_WITHIN_YEAR) / 365.25;
    double exitHazard = -Math.log(1 - LEFT_WITHIN_YEAR) / 365.25;
    List<Row> periods = new ArrayList<>();
    RowBuilder p = RowBuilder.of(SparkSchemas.of("care_periods"));
    int child = 0;
    for (AgeBand band : AgeBand.values()) {
      for (int i = 0; i < CHILDREN_PER_BAND; i++, child++) {
        String key = String.format("%024x", child);
        LocalDate start = LocalDate.of(2012, 4, 1).plusDays(rng.nextInt(4 * 365));
        double ageAtStart = band.low() + rng.nextDouble() * (band.high() + 1 - band.low());
        LocalDate dob = start.minusDays((long) (ageAtStart * 365.25));
        LocalDate adult = dob.plusYears(18);
        LocalDate adultFrom = ignoreAdulthood ? LocalDate.of(2100, 1, 1) : adult.withDayOfMonth(1);
        // The stay: exponential, cut at 18 (recorded as leaving care then) and at the data's end (still open).
        LocalDate exit = stayEnd(start, adult, exitHazard, rng);
        boolean agedOut = !exit.isBefore(adult);
        boolean ended = !exit.isAfter(DATA_END);
        LocalDate until = ended ? exit : DATA_END;
        // A return home (not after ageing out), and a re-entry that SSDA903 records only before 18 and the data's end.
        boolean home = ended && !agedOut;
        LocalDate back = home ? exit.plusDays(1 + (long) (-Math.log(1 - rng.nextDouble()) / backHazard)) : null;
        boolean reentered = back != null && back.isBefore(adult) && !back.isAfter(DATA_END);
        periods.add(period(p, key, 1, start, ended ? exit : null, ended, until, home, null, adultFrom, band));
        if (reentered) {
          LocalDate backEnd = stayEnd(back, adult, exitHazard, rng);
          boolean backEnded = !backEnd.isAfter(DATA_END);
          periods.add(period(p, key, 2, back, backEnded ? backEnd : null, backEnded, backEnded ? backEnd : DATA_END, false,
              (int) ChronoUnit.DAYS.between(exit, back), adultFrom, band));
        }
      }
    }
    List<Row> entries = new ArrayList<>();
    RowBuilder e = RowBuilder.of(SparkSchemas.of("care_entries"));
    for (LocalDate month = LocalDate.of(2012, 4, 1); month.isBefore(DATA_END); month = month.plusMonths(1)) {
      for (AgeBand band : AgeBand.values()) {
        long n = 20 + rng.nextInt(21);
        entries.add(e.set("la", "Lancashire").set("district", "Burnley").set("age_band", band.label()).set("month", month)
            .set("entries", n).set("first_entries", n).set("reentries", 0L).build());
      }
    }
    Path curated = tmp.resolve(name + "-curated");
    StageFixture.commit(curated, Stage.INGEST, "{\"synthetic_source\" : false}\n", out -> {
      spark.createDataFrame(entries, SparkSchemas.of("care_entries")).write().parquet(out.path("care_entries"));
      spark.createDataFrame(periods, SparkSchemas.of("care_periods")).write().parquet(out.path("care_periods"));
    });
    return CalibrateJob.run(spark, new CalibrateOptions(curated.toString(), tmp.resolve(name).toString(), null, null, List.of(),
        CalibrateOptions.DEFAULT_MINIMUM_CASES));
  }

  /** The end of a stay with a constant exit hazard, or the 18th birthday if that comes first. */
  private static LocalDate stayEnd(LocalDate start, LocalDate adult, double exitHazard, SplittableRandom rng) {
    LocalDate exit = start.plusDays(1 + (long) (-Math.log(1 - rng.nextDouble()) / exitHazard));
    return exit.isBefore(adult) ? exit : adult;
  }

  private static Row period(RowBuilder p, String key, int number, LocalDate start, LocalDate end, boolean ended, LocalDate until,
      boolean home, Integer gap, LocalDate adultFrom, AgeBand band) {
    return p.set("child_key", key).set("la", "Lancashire").set("period_number", number).set("period_start", start)
        .set("start_observed", true).set("period_end", end).set("end_reason", ended ? (home ? "E4A" : "E8") : null).set("ended", ended)
        .set("observed_until", until).set("adult_from", adultFrom).set("duration_days", (int) ChronoUnit.DAYS.between(start, until))
        .set("returned_home", home).set("is_reentry", number > 1).set("days_since_previous_exit", gap)
        .set("previous_end_reason", gap == null ? null : "E4A").set("age_at_entry", band.low()).set("age_band", band.label())
        .set("contract_age_group", band.contractGroup().orElse(null)).set("sex", "1").set("ethnic_group", "WBRI").set("uasc", false)
        .set("district", "Burnley").set("district_status", "mapped").set("legal_status_at_entry", "C2")
        .set("category_of_need_at_entry", "N1").set("placement_group_at_entry", "foster_in_house").set("episodes", 1)
        .set("days_foster_in_house", (int) ChronoUnit.DAYS.between(start, until)).set("days_foster_agency", 0)
        .set("days_residential", 0).set("days_other", 0).build();
  }

  private static double km12(List<CalibrationSummary.SurvivalSummary> groups, String band) {
    return groups.stream().filter(g -> g.group().equals(band)).findFirst().orElseThrow().km().get("12_months");
  }

  @Test
  void reEntryWithinAYearIsRecoveredInEveryBand() throws Exception {
    // Each band's re-entry as the parameter set gives it: from its own group, or the pool its fit needed.
    com.fasterxml.jackson.databind.JsonNode reentry = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(tmp.resolve("censored/params.json").toFile()).get("reentry");
    for (AgeBand band : AgeBand.values()) {
      com.fasterxml.jackson.databind.JsonNode g = reentry.get(band.label());
      double se = Math.sqrt(BACK_WITHIN_YEAR * (1 - BACK_WITHIN_YEAR) / g.get("n").asInt());
      assertEquals(BACK_WITHIN_YEAR, g.get("km_share_by_months").get("12").asDouble(), 4 * se + 0.01,
          band.label() + " (estimated in " + g.get("group").asText() + ", n " + g.get("n").asInt() + ")");
    }
  }

  @Test
  void followedPast18TheOldestBandLooksLessLikelyToComeBack() {
    double naive = km12(followedPast18.reentry(), "16-17");
    assertTrue(naive < BACK_WITHIN_YEAR - 0.05, "without censoring at 18 the 16-17 band is biased low: " + naive);
    assertTrue(km12(censored.reentry(), "16-17") - naive > 0.05, "censoring at 18 removes the bias");
  }

  @Test
  void timeInCareIsRecoveredInEveryBandAndAgeingOutIsNotAnExit() {
    for (AgeBand band : AgeBand.values()) {
      CalibrationSummary.SurvivalSummary g = censored.timeInCare().stream().filter(x -> x.group().equals(band.label())).findFirst()
          .orElseThrow();
      double se = Math.sqrt(LEFT_WITHIN_YEAR * (1 - LEFT_WITHIN_YEAR) / g.n());
      assertEquals(LEFT_WITHIN_YEAR, g.km().get("12_months"), 4 * se + 0.01, band.label());
    }
    assertTrue(km12(followedPast18.timeInCare(), "16-17") > LEFT_WITHIN_YEAR + 0.05,
        "counting ageing out as leaving care makes 16-17 year olds look quicker to leave");
  }
}
