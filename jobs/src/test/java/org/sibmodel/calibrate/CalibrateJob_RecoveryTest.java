package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.generate.GenerateJob;
import org.sibmodel.generate.GenerateOptions;
import org.sibmodel.ingest.IngestJob;
import org.sibmodel.ingest.IngestOptions;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * Calibration on the synthetic county (sib generate, default seed, 2012 to 2019) recovers the
 * generator's settings (generator_truth.json). Tolerances are 4 standard errors of the estimate:
 * a two-sided false-failure rate of 6e-5 per comparison, under 0.5% over all of them.
 */
class CalibrateJob_RecoveryTest {
  private static final double Z = 4.0;
  @TempDir static Path tmp;
  private static CalibrationSummary summary;
  private static JsonNode truth;
  private static JsonNode params;

  @BeforeAll
  static void calibrateTheSyntheticCounty() throws Exception {
    SparkSession spark = TestSpark.session();
    GenerateJob.run(new GenerateOptions(tmp.resolve("sample").toString(), 2012, 2019, GenerateOptions.DEFAULT_SEED));
    IngestJob.run(spark, new IngestOptions(tmp.resolve("sample").toString(), tmp.resolve("curated").toString(), null, "Lancashire",
        Fixtures.keyFile(tmp), "auto", null, LocalDate.of(2026, 1, 1)));
    summary = CalibrateJob.run(spark, new CalibrateOptions(tmp.resolve("curated").toString(), tmp.resolve("params").toString(),
        null, null, List.of(), CalibrateOptions.DEFAULT_MINIMUM_CASES));
    truth = new ObjectMapper().readTree(tmp.resolve("sample/generator_truth.json").toFile()).get("model");
    params = new ObjectMapper().readTree(tmp.resolve("params/params.json").toFile());
  }

  @Test
  void theTargetDistrictsEntryRatesAreRecovered() {
    double mapped = 1 - truth.get("postcodes").get("missing_share").asDouble() - truth.get("postcodes").get("out_of_county_share").asDouble();
    int compared = 0;
    for (JsonNode district : truth.get("districts")) {
      if (!district.get("target").asBoolean()) {
        continue;
      }
      for (JsonNode rate : params.get("entries").get("rates")) {
        if (!rate.get("district").asText().equals(district.get("name").asText())) {
          continue;
        }
        String band = rate.get("age_band").asText();
        double expected = mapped * district.get("expected_entries_per_month").get(band).asDouble();
        double difference = Math.log(rate.get("per_month").asDouble()) - Math.log(expected);
        double se = rate.get("log_std_error").asDouble();
        assertTrue(Math.abs(difference) <= Z * se, district.get("name").asText() + " " + band + ": log difference " + difference + ", se " + se);
        compared++;
      }
    }
    assertEquals(24, compared);
  }

  @Test
  void noTrendAndNoSeasonAreFoundWhereTheGeneratorHasNone() {
    JsonNode entries = params.get("entries");
    for (String term : List.of("trend_per_year", "season_sin", "season_cos")) {
      int i = indexOf(entries.get("terms"), term);
      double estimate = entries.get("coefficients").get(i).asDouble();
      double se = Math.sqrt(entries.get("covariance").get(i).get(i).asDouble());
      assertTrue(Math.abs(estimate) <= Z * se, term + " = " + estimate + " +- " + se);
    }
  }

  @Test
  void theSeedsLeavingSharesShowInTheCalibratedNumbers() {
    // Seed 000, 1.6: about 35% of 5-9s and under 30% of 10-15s leave care within 12 months.
    for (String band : List.of("5-7", "8-9")) {
      double km = params.get("time_in_care").get(band).get("km_share_by_months").get("12").asDouble();
      assertEquals(0.35, km, 0.06, band);
    }
    for (String band : List.of("10-12", "13-15")) {
      double km = params.get("time_in_care").get(band).get("km_share_by_months").get("12").asDouble();
      assertTrue(km < 0.30 + 0.03, band + " " + km);
    }
  }

  @Test
  void theWeibullShapesOfTimeInCareAreRecovered() {
    // 0-4 to 10-12: care ends by the 18th birthday, which cuts the older bands' tails.
    for (String band : List.of("0-4", "5-7", "8-9", "10-12")) {
      JsonNode fit = params.get("time_in_care").get(band);
      double shape = fit.get("shape").asDouble();
      double seLogShape = Math.sqrt(fit.get("covariance").get(0).get(0).asDouble());
      double trueShape = truth.get("durations").get(band).get("shape").asDouble();
      assertTrue(Math.abs(Math.log(shape) - Math.log(trueShape)) <= Z * seLogShape + 0.05,
          band + ": shape " + shape + " vs " + trueShape + " (se of log " + seLogShape + ")");
    }
  }

  @Test
  void reEntryWithinAYearIsAboutOneInFive() {
    // figures.md: about 1 in 5 back in care within a year of going home; the generator's cure model makes it 20.0%.
    double expected = truth.get("re_entry").get("share_within12_months").asDouble();
    for (CalibrationSummary.SurvivalSummary g : summary.reentry()) {
      if (g.n() >= 300) {
        assertEquals(expected, g.km().get("12_months"), Z * Math.sqrt(expected * (1 - expected) / g.n()) + 0.02, g.group());
      }
    }
  }

  @Test
  void everyTableKeepsItsSchemaAndTheReportSaysTheDataAreSynthetic() throws Exception {
    SparkSession spark = TestSpark.session();
    for (String dataset : List.of("entry_coefficients", "entry_rates", "entry_fit", "time_in_care_km", "time_in_care_fit",
        "time_in_care_check", "reentry_km", "reentry_fit", "reentry_check", "placement_mix", "calibration_pooling")) {
      assertEquals(List.of(), SchemaCheck.problems(spark.read().parquet(tmp.resolve("params").resolve(dataset).toString()), dataset), dataset);
      assertTrue(Files.isRegularFile(tmp.resolve("params").resolve(dataset + ".csv")), dataset);
    }
    String report = Files.readString(tmp.resolve("params/report.html"));
    assertTrue(report.contains("SYNTHETIC DATA"));
    assertTrue(report.contains("data:image/png;base64,"));
    assertTrue(params.get("synthetic_data").asBoolean());
  }

  private static int indexOf(JsonNode array, String value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asText().equals(value)) {
        return i;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }
}
