package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.generate.GenerateJob;
import org.sibmodel.generate.GenerateOptions;
import org.sibmodel.ingest.IngestJob;
import org.sibmodel.ingest.IngestOptions;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * Calibration of a national-like synthetic set ({@code sib generate --authorities 3}, seed 14,
 * 2016 to 2019): every authority's districts get their own rates under names that keep the
 * authorities apart (each authority has a Burnley), and the target districts' rates recover each
 * authority's truth (the base model's expected entries times the authority's size). Tolerances
 * are 4 standard errors: a two-sided false-failure rate of 6e-5 per comparison, 0.5% over the 72.
 */
class CalibrateJob_SeveralAuthoritiesTest {
  private static final double Z = 4.0;
  @TempDir static Path tmp;
  private static JsonNode truth;
  private static JsonNode params;

  @BeforeAll
  static void calibrateThreeAuthorities() throws Exception {
    SparkSession spark = TestSpark.session();
    GenerateJob.runNational(new GenerateOptions(tmp.resolve("sample").toString(), 2016, 2019, 14, 3));
    IngestJob.run(spark, new IngestOptions(tmp.resolve("sample").toString(), tmp.resolve("curated").toString(), null, "unused",
        Fixtures.keyFile(tmp), "auto", null, LocalDate.of(2026, 1, 1)));
    assertEquals(0L, spark.read().parquet(tmp.resolve("curated/ingest_reconciliation").toString())
        .agg(org.apache.spark.sql.functions.sum("rejected")).head().getLong(0), "the generated returns ingest without a reject");
    CalibrateJob.run(spark, new CalibrateOptions(tmp.resolve("curated").toString(), tmp.resolve("params").toString(),
        null, null, List.of(), CalibrateOptions.DEFAULT_MINIMUM_CASES));
    truth = new ObjectMapper().readTree(tmp.resolve("sample/generator_truth.json").toFile());
    params = new ObjectMapper().readTree(tmp.resolve("params/params.json").toFile());
  }

  @Test
  void everyAuthorityHasItsOwnDistrictsRates() {
    Set<String> districts = new TreeSet<>();
    params.get("entries").get("rates").forEach(r -> districts.add(r.get("district").asText()));
    for (String la : List.of("Z001", "Z002", "Z003")) {
      long own = districts.stream().filter(d -> d.startsWith(la + " / ")).count();
      assertTrue(own >= 12, la + ": " + own + " districts in " + districts);
      assertTrue(districts.contains(la + " / Burnley"), la + " / Burnley missing from " + districts);
    }
    assertTrue(districts.stream().allMatch(d -> d.matches("Z00[1-3] / .+")), districts.toString());
    assertTrue(params.get("entries").get("model").asText().contains("fixed effect"));
  }

  @Test
  void eachAuthoritysTargetDistrictsRatesAreRecovered() {
    JsonNode base = truth.get("base_model");
    double mapped = 1 - base.get("postcodes").get("missing_share").asDouble() - base.get("postcodes").get("out_of_county_share").asDouble();
    int compared = 0;
    for (JsonNode authority : truth.get("authorities")) {
      double size = authority.get("size_scale").asDouble();
      for (JsonNode district : base.get("districts")) {
        if (!district.get("target").asBoolean()) {
          continue;
        }
        String name = authority.get("code").asText() + " / " + district.get("name").asText();
        for (JsonNode rate : params.get("entries").get("rates")) {
          if (!rate.get("district").asText().equals(name)) {
            continue;
          }
          String band = rate.get("age_band").asText();
          double expected = mapped * size * district.get("expected_entries_per_month").get(band).asDouble();
          double difference = Math.log(rate.get("per_month").asDouble()) - Math.log(expected);
          double se = rate.get("log_std_error").asDouble();
          assertTrue(Math.abs(difference) <= Z * se, name + " " + band + ": log difference " + difference + ", se " + se);
          compared++;
        }
      }
    }
    assertEquals(72, compared);
  }
}
