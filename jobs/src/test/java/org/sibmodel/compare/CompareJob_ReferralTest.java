package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * The referral list as the monitoring data give it (child_id, start_date): ids are pseudonymised
 * with ingest's key and found in the care data; a referred child's entries before the referral
 * are in neither cohort; the list reconciles.
 */
class CompareJob_ReferralTest {
  @TempDir static Path tmp;
  private static Path curated;
  private static Path cohorts;

  @BeforeAll
  static void writeCareDataOfReferredAndOtherChildren() throws Exception {
    Pseudonymiser keys = Pseudonymiser.withKey(Fixtures.TEST_KEY, "test");
    CuratedFixture f = new CuratedFixture();
    for (int i = 1; i <= 12; i++) {
      String child = keys.childKey("Lancashire", "R" + i);
      f.period(child, 1, "Burnley", "10-12", LocalDate.of(2015, 3, i), 60, true, null);
      f.period(child, 2, "Burnley", "10-12", LocalDate.of(2016, 6, i), 90 + i, true, 400);
    }
    for (int i = 1; i <= 20; i++) {
      f.entry("Pendle", "10-12", LocalDate.of(2016, 2, i), 100 + i, true);
    }
    curated = f.write(tmp.resolve("curated"));
    cohorts = tmp.resolve("cohorts.yaml");
    Files.writeString(cohorts, "cohorts:\n  referred: {referred: true}\n  not_referred: {referred: false}\n"
        + "comparisons:\n  - {name: referred vs not, first: referred, second: not_referred, disjoint: true}\n");
  }

  @Test
  void entriesBeforeTheReferralAreInNeitherCohort() throws Exception {
    StringBuilder list = new StringBuilder("child_id,pathway,start_date\n");
    for (int i = 1; i <= 12; i++) {
      list.append("R").append(i).append(",DIVERSION,2016-01-01\n");
    }
    list.append("R99,DIVERSION,2016-01-01\nR3,DIVERSION,2016-01-01\n");
    Path referred = Fixtures.write(tmp, "children.csv", list.toString());
    Path out = tmp.resolve("out");
    CompareSummary s = CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, out.toString(), referred,
        Fixtures.keyFile(tmp), null, 1L));

    Map<String, Long> periods = new HashMap<>();
    for (Row r : TestSpark.session().read().parquet(out.resolve("compare_cohorts").toString()).collectAsList()) {
      periods.put(r.getAs("cohort"), r.getAs("periods"));
    }
    assertEquals(12L, periods.get("referred"), "the 12 entries after referral");
    assertEquals(20L, periods.get("not_referred"), "children never referred only");
    CompareSummary.Referred r = s.referred();
    assertEquals(14, r.rows());
    assertEquals(1, r.duplicates());
    assertEquals(13, r.ids());
    assertEquals(12, r.inCareData());
    assertEquals(1, r.notInCareData(), "R99 was never looked after");
    assertEquals(12, r.entriesBeforeReferral());
  }

  @Test
  void withoutDatesEveryEntryOfAReferredChildCounts() throws Exception {
    Path referred = Fixtures.write(tmp, "ids.csv", "child_id\n" + "R1\nR2\nR3\nR4\nR5\nR6\nR7\nR8\nR9\nR10\nR11\nR12\n");
    Path out = tmp.resolve("out-nodates");
    CompareSummary s = CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, out.toString(), referred,
        Fixtures.keyFile(tmp), null, 1L));
    Row row = TestSpark.session().read().parquet(out.resolve("compare_cohorts").toString()).filter("cohort = 'referred'").head();
    assertEquals(24L, row.<Long>getAs("periods"));
    assertEquals(0, s.referred().entriesBeforeReferral());
  }

  @Test
  void aBadReferralDateNamesItsRowAndColumn() {
    Path referred = Fixtures.write(tmp, "bad-date.csv", "child_id,referred_on\nR1,2016-01-01\nR2,01/02/2016\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareJob.run(TestSpark.session(),
        new CompareOptions(curated.toString(), cohorts, tmp.resolve("out-bad").toString(), referred, Fixtures.keyFile(tmp), null, 1L)));
    assertTrue(e.getMessage().contains("bad-date.csv row 3: referred_on = 01/02/2016: expected a date yyyy-mm-dd"), e.getMessage());
  }
}
