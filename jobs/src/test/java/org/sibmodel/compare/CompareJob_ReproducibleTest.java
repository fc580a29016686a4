package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.SeparateJvm;
import org.sibmodel.testing.TestSpark;

/** The same inputs and seed give the same tables on one core as on two, matching and bootstrap included. */
class CompareJob_ReproducibleTest {
  @TempDir Path tmp;

  @Test
  void oneCoreGivesTheSameTablesAsTwo() throws Exception {
    Pseudonymiser keys = Pseudonymiser.withKey(Fixtures.TEST_KEY, "test");
    SplittableRandom rng = new SplittableRandom(11);
    CuratedFixture f = new CuratedFixture();
    StringBuilder referred = new StringBuilder("child_id\n");
    List<String> districts = List.of("Burnley", "Pendle", "Fylde", "Wyre");
    List<String> bands = List.of("5-7", "8-9", "10-12", "13-15");
    for (int i = 0; i < 400; i++) {
      String district = districts.get(rng.nextInt(districts.size()));
      String band = bands.get(rng.nextInt(bands.size()));
      boolean isReferred = rng.nextDouble() < (district.equals("Burnley") ? 0.4 : 0.1);
      String id = "C" + i;
      if (isReferred) {
        referred.append(id).append('\n');
      }
      LocalDate start = LocalDate.of(2014, 6, 1).plusDays(rng.nextInt(1200));
      Integer days = rng.nextDouble() < 0.2 ? null : 20 + rng.nextInt(900);
      if (days != null && start.plusDays(days).isAfter(CuratedFixture.DATA_END)) {
        days = null;
      }
      f.period(keys.childKey("Lancashire", id), 1, district, band, start, days, rng.nextBoolean(), null);
    }
    Path curated = f.write(tmp.resolve("curated"));
    Path list = Fixtures.write(tmp, "referred.csv", referred.toString());
    Path key = Fixtures.keyFile(tmp);
    Path cohorts = tmp.resolve("cohorts.yaml");
    Files.writeString(cohorts, "cohorts:\n  referred: {referred: true}\n  not_referred: {referred: false}\n"
        + "  burnley: {districts: [Burnley]}\n  others: {districts_except: [Burnley]}\n"
        + "comparisons:\n  - {name: referred vs not, first: referred, second: not_referred, disjoint: true, matched: true}\n"
        + "  - {name: Burnley vs the rest, first: burnley, second: others, disjoint: true}\n");

    Path two = tmp.resolve("local2");
    CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, two.toString(), list, key, null, 7L));
    Path one = tmp.resolve("local1");
    int exit = SeparateJvm.sib(tmp.resolve("local1.log"), "--master", "local[1]", "compare", "--curated", curated.toString(),
        "--cohorts", cohorts.toString(), "--out", one.toString(), "--referred", list.toString(), "--key-file", key.toString(),
        "--seed", "7");
    assertEquals(0, exit, Files.readString(tmp.resolve("local1.log")));
    assertTrue(Files.readAllLines(two.resolve("compare_balance.csv")).size() > 10, "the matched comparison ran");
    assertTrue(Files.readString(two.resolve("compare_differences.csv")).contains("paired t test"), "and was estimated");
    for (String table : List.of("compare_cohorts", "compare_time_in_care", "compare_km", "compare_reentry", "compare_days_in_care",
        "compare_differences", "compare_balance")) {
      assertEquals(Files.readString(two.resolve(table + ".csv")), Files.readString(one.resolve(table + ".csv")), table);
    }
  }
}
