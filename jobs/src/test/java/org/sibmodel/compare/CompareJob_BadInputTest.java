package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * Bad cohort, referral and population files: each stops with a message naming the file, the
 * cohort or row, the value and the rule, and writes nothing.
 */
class CompareJob_BadInputTest {
  @TempDir static Path tmp;
  private static Path curated;

  @BeforeAll
  static void writeCuratedData() {
    CuratedFixture f = new CuratedFixture();
    for (int i = 0; i < 40; i++) {
      f.entry(i % 2 == 0 ? "Burnley" : "Fylde", i % 3 == 0 ? "5-7" : "13-15", LocalDate.of(2015, 1, 1).plusDays(7 * i), 200 + i, true);
    }
    curated = f.write(tmp.resolve("curated"));
  }

  private static IllegalArgumentException fails(String name, String cohortsYaml) throws Exception {
    Path cohorts = tmp.resolve(name + ".yaml");
    Files.writeString(cohorts, cohortsYaml);
    Path out = tmp.resolve("out-" + name);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, out.toString(), null, null, null, 1L)));
    assertFalse(Files.exists(out), "nothing is written when the input is bad");
    return e;
  }

  private static String pair(String first, String second, String flags) {
    return "comparisons:\n  - {name: a vs b, first: " + first + ", second: " + second + flags + "}\n";
  }

  @Test
  void anUnknownDistrictIsNamedWithTheKnownOnes() throws Exception {
    IllegalArgumentException e = fails("district", "cohorts:\n  a: {districts: [Burnly]}\n  b: {districts: [Fylde]}\n" + pair("a", "b", ""));
    assertTrue(e.getMessage().contains("cohorts.a: unknown district 'Burnly'"), e.getMessage());
    assertTrue(e.getMessage().contains("Burnley"), "lists the known districts: " + e.getMessage());
    assertTrue(e.getMessage().contains("district.yaml"), "names the file: " + e.getMessage());
  }

  @Test
  void anEmptyCohortIsAnErrorUnlessTheComparisonMaySkipIt() throws Exception {
    String cohorts = "cohorts:\n  a: {districts: [Burnley]}\n  b: {districts: [Wyre]}\n";
    IllegalArgumentException e = fails("empty", cohorts + pair("a", "b", ""));
    assertTrue(e.getMessage().contains("comparison 'a vs b': cohort b (districts Wyre) has no care periods in the data"), e.getMessage());
    assertTrue(e.getMessage().contains("skip_if_empty"), "says how to allow it: " + e.getMessage());

    Path file = tmp.resolve("skip.yaml");
    Files.writeString(file, cohorts + "  a2: {districts: [Fylde]}\n" + "comparisons:\n"
        + "  - {name: a vs b, first: a, second: b, skip_if_empty: true}\n  - {name: a vs a2, first: a, second: a2}\n");
    CompareSummary s = CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), file, tmp.resolve("out-skip").toString(),
        null, null, null, 1L));
    assertEquals(1, s.skipped().size());
    assertEquals("a vs b", s.skipped().get(0).comparison());
    assertEquals(1, s.comparisons().size());
  }

  @Test
  void overlappingCohortsMarkedDisjointAreAnError() throws Exception {
    IllegalArgumentException e = fails("overlap", "cohorts:\n  a: {districts: [Burnley]}\n  b: {age_bands: [13-15]}\n"
        + pair("a", "b", ", disjoint: true"));
    assertTrue(e.getMessage().contains("is marked disjoint, but cohorts a and b share"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown filter|cohorts:\\n  a: {district: [Burnley]}\\n  b: {}\\n|cohorts.a: unknown filter 'district'",
      "bad age band|cohorts:\\n  a: {age_bands: [11-14]}\\n  b: {}\\n|cohorts.a.age_bands: '11-14' is not an age band",
      "bad entry|cohorts:\\n  a: {entry: sometimes}\\n  b: {}\\n|cohorts.a.entry = sometimes: expected any, first or reentry",
      "dates reversed|cohorts:\\n  a: {entered_from: 2018-01-01, entered_to: 2017-01-01}\\n  b: {}\\n|entered_to 2017-01-01 is before entered_from 2018-01-01",
      "bad date|cohorts:\\n  a: {entered_from: 2018-13-01}\\n  b: {}\\n|cohorts.a.entered_from = \"2018-13-01\": expected a date yyyy-mm-dd",
      "legal status|cohorts:\\n  a: {legal_status: [C9]}\\n  b: {}\\n|cohorts.a.legal_status: 'C9' is not an SSDA903 legal status",
      "category of need|cohorts:\\n  a: {category_of_need: [N9]}\\n  b: {}\\n|cohorts.a.category_of_need: 'N9' is not an SSDA903 category of need",
      "referred without a list|cohorts:\\n  a: {referred: true}\\n  b: {}\\n|filters on referred children: give the referral list with --referred",
      "both district filters|cohorts:\\n  a: {districts: [Fylde], districts_except: [Burnley]}\\n  b: {}\\n|give districts or districts_except, not both",
  })
  void malformedCohortsAreNamed(String what, String cohorts, String message) throws Exception {
    IllegalArgumentException e = fails(what.replace(' ', '-'), cohorts.replace("\\n", "\n") + pair("a", "b", ""));
    assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
  }

  @Test
  void aCohortIsNotComparedWithItself() throws Exception {
    IllegalArgumentException e = fails("self", "cohorts:\n  a: {}\n" + pair("a", "a", ""));
    assertTrue(e.getMessage().contains("first and second are both a: a cohort cannot be compared with itself"), e.getMessage());
  }

  @Test
  void aComparisonOfAnUndefinedCohortNamesTheDefinedOnes() throws Exception {
    IllegalArgumentException e = fails("undefined", "cohorts:\n  a: {}\n" + pair("a", "zz", ""));
    assertTrue(e.getMessage().contains("comparisons[0] (a vs b): second = zz: no such cohort; defined: a"), e.getMessage());
  }

  @Test
  void aReferralListWithABlankIdNamesItsRow() throws Exception {
    Path referred = Fixtures.write(tmp, "referred.csv", "child_id\n1001\n\n1002\n\"\"\n1001\n");
    Path out = tmp.resolve("out-referred");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareJob.run(TestSpark.session(),
        new CompareOptions(curated.toString(), null, out.toString(), referred, Fixtures.keyFile(tmp), null, 1L)));
    assertTrue(e.getMessage().contains("referred.csv row 5: child_id is empty"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void aPopulationFileWithABadRowNamesIt() throws Exception {
    Path population = Fixtures.write(tmp, "population.csv", "district,age_band,children\nBurnley,5-7,1200\nBurnley,5-9,100\nFylde,5-7,-3\n\"Wyre,5-7,40\n");
    Path out = tmp.resolve("out-population");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompareJob.run(TestSpark.session(),
        new CompareOptions(curated.toString(), null, out.toString(), null, null, population, 1L)));
    assertTrue(e.getMessage().contains("population.csv row 3: age_band = 5-9: not one of"), e.getMessage());
    assertTrue(e.getMessage().contains("population.csv row 4: children = -3: must not be negative"), e.getMessage());
    assertTrue(e.getMessage().contains("population.csv row 5: "), "a line that is not CSV is named too: " + e.getMessage());
  }

  @Test
  void referredChildrenAreReconciled() throws Exception {
    // Ids are the children's keys before pseudonymisation: none of these is in the hand-made data.
    Path referred = Fixtures.write(tmp, "referred-ok.csv", "child_id\n1001\n1002\n1001\n");
    Path cohorts = tmp.resolve("two.yaml");
    Files.writeString(cohorts, "cohorts:\n  a: {districts: [Burnley]}\n  b: {districts: [Fylde]}\n" + pair("a", "b", ""));
    CompareSummary s = CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, tmp.resolve("out-ok").toString(),
        referred, Fixtures.keyFile(tmp), null, 1L));
    assertEquals(3, s.referred().rows());
    assertEquals(1, s.referred().duplicates());
    assertEquals(2, s.referred().ids());
    assertEquals(s.referred().ids(), s.referred().inCareData() + s.referred().notInCareData());
  }
}
