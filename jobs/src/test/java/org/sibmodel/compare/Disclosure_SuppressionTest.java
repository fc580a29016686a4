package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.TestSpark;

/**
 * No count of 1 to 4 can be worked out from what is published. Checked independently of the
 * suppression's own linear algebra: every sum and difference of up to eight published counts
 * (coefficients -1, 0, 1) is compared with every small count.
 */
class Disclosure_SuppressionTest {
  @TempDir Path tmp;

  /** Named sets in order, each given as name, first element, last element. */
  private static Map<String, Set<String>> family(Object... nameFromTo) {
    Map<String, Set<String>> sets = new LinkedHashMap<>();
    for (int i = 0; i < nameFromTo.length; i += 3) {
      sets.put((String) nameFromTo[i], range((Integer) nameFromTo[i + 1], (Integer) nameFromTo[i + 2]));
    }
    return sets;
  }

  private static Set<String> range(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "u" + i).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aSmallDistrictHidesTheCountyOrTheRestToo() {
    Map<String, Set<String>> published = family("county", 1, 50, "pendle", 1, 3, "rest", 4, 50, "burnley", 4, 20);
    Set<String> hidden = Disclosure.suppressed(published, Map.of());
    assertEquals(Set.of("pendle", "rest"), hidden, "primary Pendle, then the least important count that reveals it");
    assertNothingSmallDerivable(published, Map.of(), hidden);
  }

  @Test
  void theRemainderNoCohortNamesIsProtected() {
    // Three entries in no named district: all less the target and other districts.
    Map<String, Set<String>> published = family("all", 1, 50, "target", 1, 27, "other", 28, 47);
    Set<String> hidden = Disclosure.suppressed(published, Map.of());
    assertEquals(Set.of("other"), hidden);
    assertNothingSmallDerivable(published, Map.of("unknown", range(48, 50)), hidden);
  }

  @Test
  void aSmallComplementHidesTheCount() {
    Map<String, Set<String>> published = family("periods", 1, 20, "left care", 1, 17);
    Map<String, Set<String>> derived = Map.of("still in care", range(18, 20));
    Set<String> hidden = Disclosure.suppressed(published, derived);
    assertEquals(Set.of("left care"), hidden);
    assertNothingSmallDerivable(published, derived, hidden);
  }

  @Test
  void countsOfFiveOrMoreWithNothingSmallBehindThemArePublished() {
    Map<String, Set<String>> published = family("county", 1, 50, "a", 1, 25, "b", 26, 50);
    assertTrue(Disclosure.suppressed(published, Map.of()).isEmpty());
  }

  @Test
  void aSmallCellReachedOnlyThroughSeveralCohortsIsStillProtected() {
    // x = (x+y) - (y+z) + z: no single difference reveals it.
    Map<String, Set<String>> published = family("x", 1, 3, "x+y", 1, 20, "y+z", 4, 40, "z", 21, 40);
    Set<String> hidden = Disclosure.suppressed(published, Map.of());
    assertTrue(hidden.contains("x"));
    assertEquals(2, hidden.size(), "one more is enough: " + hidden);
    assertNothingSmallDerivable(published, Map.of(), hidden);
  }

  @Test
  void randomCohortFamiliesNeverRevealASmallCount() {
    SplittableRandom rng = new SplittableRandom(903);
    for (int trial = 0; trial < 200; trial++) {
      // Cells of random sizes (some 1 to 4); cohorts are unions of random cells.
      List<Set<String>> cells = new ArrayList<>();
      int next = 0;
      for (int c = 0; c < 6; c++) {
        int size = rng.nextInt(10) < 4 ? 1 + rng.nextInt(4) : 5 + rng.nextInt(20);
        cells.add(range(next, next + size - 1));
        next += size;
      }
      Map<String, Set<String>> published = new LinkedHashMap<>();
      for (int k = 0; k < 7; k++) {
        Set<String> cohort = new TreeSet<>();
        for (Set<String> cell : cells) {
          if (rng.nextBoolean()) {
            cohort.addAll(cell);
          }
        }
        published.put("c" + k, cohort);
      }
      Set<String> hidden = Disclosure.suppressed(published, Map.of());
      assertNothingSmallDerivable(published, atoms(published), hidden);
    }
  }

  /** Elements grouped by the cohorts they are in: each group is a count too. */
  private static Map<String, Set<String>> atoms(Map<String, Set<String>> sets) {
    Map<String, Set<String>> bySignature = new LinkedHashMap<>();
    Set<String> elements = new TreeSet<>();
    sets.values().forEach(elements::addAll);
    for (String e : elements) {
      String signature = sets.entrySet().stream().filter(x -> x.getValue().contains(e)).map(Map.Entry::getKey)
          .collect(Collectors.joining("+"));
      bySignature.computeIfAbsent("atom " + signature, k -> new TreeSet<>()).add(e);
    }
    return bySignature;
  }

  /** Brute force: no combination of published counts with coefficients -1, 0, 1 equals a count of 1 to 4. */
  static void assertNothingSmallDerivable(Map<String, Set<String>> published, Map<String, Set<String>> derived, Set<String> hidden) {
    List<String> kept = published.keySet().stream().filter(k -> !hidden.contains(k)).toList();
    assertTrue(kept.size() <= 8, "brute force is for small families");
    kept.forEach(k -> assertTrue(published.get(k).size() >= Disclosure.MINIMUM, k + " is published below 5"));
    Map<String, Set<String>> all = new LinkedHashMap<>(published);
    all.putAll(derived);
    List<Map<String, Integer>> small = all.values().stream().filter(s -> s.size() > 0 && s.size() < Disclosure.MINIMUM)
        .map(Disclosure_SuppressionTest::vector).toList();
    int combinations = (int) Math.pow(3, kept.size());
    for (int code = 1; code < combinations; code++) {
      Map<String, Integer> sum = new HashMap<>();
      int c = code;
      for (String k : kept) {
        int coefficient = c % 3 - 1;
        c /= 3;
        if (coefficient != 0) {
          for (String e : published.get(k)) {
            sum.merge(e, coefficient, Integer::sum);
          }
        }
      }
      sum.values().removeIf(v -> v == 0);
      for (Map<String, Integer> s : small) {
        assertFalse(s.equals(sum), "a small count is derivable from " + kept + " (combination " + code + ")");
      }
    }
  }

  private static Map<String, Integer> vector(Set<String> set) {
    Map<String, Integer> v = new HashMap<>();
    set.forEach(e -> v.put(e, 1));
    return v;
  }

  @Test
  void theJobSuppressesASmallDistrictAndWhatWouldRevealIt() throws Exception {
    CuratedFixture f = new CuratedFixture();
    Map<String, Integer> sizes = Map.of("Burnley", 30, "Pendle", 3, "Fylde", 25);
    Map<String, Set<String>> periodsOf = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> d : new java.util.TreeMap<>(sizes).entrySet()) {
      for (int i = 0; i < d.getValue(); i++) {
        f.entry(d.getKey(), "10-12", LocalDate.of(2015, 1, 1).plusDays(11 * i), 100 + 3 * i, true);
      }
    }
    Path curated = f.write(tmp.resolve("curated"));
    Path cohorts = tmp.resolve("cohorts.yaml");
    Files.writeString(cohorts, String.join("\n",
        "cohorts:",
        "  county: {}",
        "  pendle: {districts: [Pendle]}",
        "  rest_not_pendle: {districts_except: [Pendle]}",
        "  burnley: {districts: [Burnley]}",
        "  fylde: {districts: [Fylde]}",
        "comparisons:",
        "  - {name: Pendle vs the rest, first: pendle, second: rest_not_pendle, disjoint: true}",
        "  - {name: Burnley vs Fylde, first: burnley, second: fylde, disjoint: true}",
        "  - {name: county vs Fylde, first: county, second: fylde}",
        ""));
    Path out = tmp.resolve("out");
    CompareJob.run(TestSpark.session(), new CompareOptions(curated.toString(), cohorts, out.toString(), null, null, null, 1L));

    Map<String, Row> byCohort = new LinkedHashMap<>();
    TestSpark.session().read().parquet(out.resolve("compare_cohorts").toString()).collectAsList()
        .forEach(r -> byCohort.put(r.getAs("cohort"), r));
    Row pendle = byCohort.get("pendle");
    assertNull(pendle.getAs("periods"), "3 periods: suppressed, not zero");
    assertTrue(pendle.<String>getAs("suppressed").contains("periods"));
    long publishedOfThree = List.of("county", "rest_not_pendle").stream().filter(c -> byCohort.get(c).getAs("periods") != null).count();
    assertTrue(publishedOfThree < 2, "county and the rest cannot both be published: their difference is Pendle's 3");
    assertEquals(30L, byCohort.get("burnley").<Long>getAs("periods"));
    for (String c : List.of("county", "rest_not_pendle")) {
      if (byCohort.get(c).getAs("periods") == null) {
        List<Row> time = TestSpark.session().read().parquet(out.resolve("compare_time_in_care").toString())
            .filter("cohort = '" + c + "'").collectAsList();
        time.forEach(r -> assertNull(r.getAs("median_days"), "a curve would give back the suppressed count of " + c));
      }
    }

    Row pendleTime = TestSpark.session().read().parquet(out.resolve("compare_time_in_care").toString())
        .filter("cohort = 'pendle'").head();
    assertNull(pendleTime.getAs("median_days"), "no statistics describe fewer than 5 children");
    assertEquals(0, TestSpark.session().read().parquet(out.resolve("compare_km").toString()).filter("cohort = 'pendle'").count());
    Row diff = TestSpark.session().read().parquet(out.resolve("compare_differences").toString())
        .filter("comparison = 'Pendle vs the rest' and measure like 'restricted mean%12 months'").head();
    assertNull(diff.getAs("estimate"));
    assertTrue(diff.<String>getAs("note").contains("suppressed"));

    // Independent check over the published period counts of every cohort.
    for (String c : List.of("county", "pendle", "rest_not_pendle", "burnley", "fylde")) {
      periodsOf.put(c, new TreeSet<>());
    }
    int id = 0;
    for (Map.Entry<String, Integer> d : new java.util.TreeMap<>(sizes).entrySet()) {
      for (int i = 0; i < d.getValue(); i++) {
        String u = "p" + id++;
        periodsOf.get("county").add(u);
        periodsOf.get(d.getKey().equals("Pendle") ? "pendle" : "rest_not_pendle").add(u);
        if (!d.getKey().equals("Pendle")) {
          periodsOf.get(d.getKey().toLowerCase()).add(u);
        }
      }
    }
    Set<String> hidden = byCohort.entrySet().stream().filter(e -> e.getValue().getAs("periods") == null).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    assertNothingSmallDerivable(periodsOf, Map.of(), hidden);
  }
}
