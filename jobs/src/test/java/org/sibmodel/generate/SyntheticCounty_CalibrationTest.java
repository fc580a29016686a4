package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sibmodel.reference.District;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;

/**
 * The default synthetic returns against their calibration targets (spec/figures.md), measured on
 * the files the way an ingest job would see them ({@link Histories}), except district rates, which
 * need the district each child was simulated in (summary.json) because 4% of home postcodes are
 * deliberately missing or outside the county.
 *
 * <p>Tolerances are sampling error with a margin: each is at least 4 standard deviations of the
 * figure across seeds (stated beside it), so a correct generator fails with any other seed well
 * under 1 time in 1,000, while a mis-set parameter of the size of the tolerance fails.
 */
class SyntheticCounty_CalibrationTest {
  private static final int FIRST = GeneratedSample.FIRST_YEAR;
  private static final int LAST = GeneratedSample.LAST_YEAR;

  private final GeneratedSample sample = GeneratedSample.get();
  private final Histories histories = new Histories(sample.returns.values());

  /**
   * Seed 000 1.3: 79 per 10,000. The number in care on a date is Poisson (arrivals are Poisson and
   * children independent), sd 44 of ~1,930, 2.3%: 10% is over 4 sd.
   */
  @Test
  void countyRateAtYearEndIsWithin10PercentOf79EachYear() {
    int under18 = District.lancashire().stream().mapToInt(District::under18).sum();
    for (ReturnFiles r : sample.returns.values()) {
      long open = r.episodes().stream().filter(e -> e.get("DEC").isEmpty()).count();
      double rate = 10_000.0 * open / under18;
      assertEquals(79, rate, 7.9, "children looked after per 10,000 at 31 March " + r.year());
    }
  }

  /**
   * Seed 000 1.5: target districts 95 to 125 per 10,000, 47% of the county's children looked after.
   * The expected rates are exact (solved); a district's 8-year mean rate has sd about
   * 0.7 sqrt(expected count) children (30 seeds), and 4 of those are allowed.
   */
  @Test
  void districtsMeetTheirTargetRatesAndTargetDistrictsAre95To125() {
    SyntheticCountyModel model = LancashireDefaults.model(FIRST);
    int targetCount = 0;
    for (SyntheticCountyModel.DistrictRates d : model.districts()) {
      assertEquals(d.targetLookedAfter(), d.expectedLookedAfter(), 1e-6, d.name() + ": solved expectation");
      double expectedRate = 10_000 * d.expectedLookedAfter() / d.under18();
      if (d.target()) {
        targetCount++;
        assertTrue(expectedRate >= 95 && expectedRate <= 125, d.name() + " expected rate " + expectedRate);
      }
      double mean =
          sample.summary.years().stream()
              .mapToDouble(y -> y.byDistrictAtYearEnd().get(d.name()).ratePerTenThousand())
              .average()
              .orElseThrow();
      double tolerance = 4 * 0.7 * Math.sqrt(d.expectedLookedAfter()) / d.under18() * 10_000;
      assertEquals(d.targetRatePerTenThousand(), mean, tolerance, d.name() + ": mean rate at 31 March " + FIRST + "-" + LAST);
    }
    assertEquals(4, targetCount);

    double inTarget = 0;
    double all = 0;
    for (GenerateSummary.Year y : sample.summary.years()) {
      for (SyntheticCountyModel.DistrictRates d : model.districts()) {
        int n = y.byDistrictAtYearEnd().get(d.name()).lookedAfter();
        all += n;
        inTarget += d.target() ? n : 0;
      }
    }
    assertEquals(0.47, inTarget / all, 0.03, "target districts' share of children looked after");
  }

  /**
   * Seed 000 1.6: 0-4 ~45%, 5-9 ~20%, 10-15 ~25%, 16-17 the rest, of all entries. About 7,000
   * entries in 8 years: the sd of a share is at most 0.6 points; 3 points allowed.
   */
  @Test
  void entrantAgeMixIsNear45_20_25_10() {
    Map<String, Integer> entries = counts();
    for (Histories.Period p : histories.periods()) {
      if (observedEntry(p, CollectionYear.end(LAST))) {
        entries.merge(group(p.dob(), p.start()), 1, Integer::sum);
      }
    }
    double total = entries.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total > 5_000, "entries " + total);
    Map<String, Double> target = Map.of("0-4", 0.45, "5-9", 0.20, "10-15", 0.25, "16-17", 0.10);
    for (Map.Entry<String, Integer> e : entries.entrySet()) {
      assertEquals(target.get(e.getKey()), e.getValue() / total, 0.03, "share of entries aged " + e.getKey());
      assertEquals(sample.summary.entrantAgeMix().get(e.getKey()), e.getValue() / total, 1e-12, "summary.json agrees");
    }
  }

  /**
   * Seed 000 1.6: of entrants, 0-4 50%, 5-9 35%, 10-15 under 30% (the model: 27%) leave within
   * 12 months. Entries with 12 months observed before the last 31 March: ~2,800 aged 0-4, ~1,200
   * aged 5-9, ~1,600 aged 10-15, so sds of 0.9 to 1.4 points; 5 points allowed.
   */
  @Test
  void shareLeavingWithin12MonthsIsNear50_35_27ByAge() {
    LocalDate lastFullYear = CollectionYear.end(LAST).minusYears(1);
    Map<String, Integer> entries = counts();
    Map<String, Integer> left = counts();
    for (Histories.Period p : histories.periods()) {
      if (observedEntry(p, lastFullYear)) {
        String g = group(p.dob(), p.start());
        entries.merge(g, 1, Integer::sum);
        if (p.end() != null && !p.end().isAfter(p.start().plusYears(1))) {
          left.merge(g, 1, Integer::sum);
        }
      }
    }
    Map<String, Double> target = Map.of("0-4", 0.50, "5-9", 0.35, "10-15", 0.27);
    for (String g : target.keySet()) {
      double share = (double) left.get(g) / entries.get(g);
      assertEquals(target.get(g), share, 0.05, "share of entrants aged " + g + " leaving within 12 months");
      assertEquals(sample.summary.leftWithin12Months().get(g).share(), share, 1e-12, "summary.json agrees");
    }
    assertTrue((double) left.get("10-15") / entries.get("10-15") < 0.30, "10-15: under 30% (seed 000 1.6)");
  }

  /**
   * About 1 in 5 children who go home are back in care within a year (figures.md). Returns home
   * before the 17th birthday (so the year ahead is before 18) with the year observed: ~2,500, sd
   * 0.8 points; 4 points allowed.
   */
  @Test
  void aboutOneInFiveReturnsHomeReEnterWithinAYear() {
    Set<String> home = Schemas.ssda903Codes().group("returned_home");
    LocalDate lastFullYear = CollectionYear.end(LAST).minusYears(1);
    int returns = 0;
    int back = 0;
    for (List<Histories.Period> periods : histories.byChild.values()) {
      for (int i = 0; i < periods.size(); i++) {
        Histories.Period p = periods.get(i);
        if (p.end() != null
            && home.contains(p.exitCode())
            && !p.end().isBefore(CollectionYear.start(FIRST))
            && !p.end().isAfter(lastFullYear)
            && AgeBand.ageOn(p.dob(), p.end()) < 17) {
          returns++;
          if (i + 1 < periods.size() && !periods.get(i + 1).start().isAfter(p.end().plusYears(1))) {
            back++;
          }
        }
      }
    }
    assertTrue(returns > 1_500, "returns home " + returns);
    assertEquals(0.20, (double) back / returns, 0.04, "back in care within 12 months of going home");
    assertEquals(sample.summary.reEntryWithin12Months().share(), (double) back / returns, 1e-12, "summary.json agrees");
  }

  /**
   * The 2024 FOI survey's national mix (figures.md). The model's mix was tuned to within half a
   * point over 5 seeds; children in care at the 8 year ends pooled, sampling sd under 1 point;
   * 3 points allowed.
   */
  @Test
  void placementMixAtYearEndIsNearTheFoiSurvey() {
    Map<String, Double> target = new LinkedHashMap<>();
    target.put("council_foster", 0.279);
    target.put("agency_foster", 0.248);
    target.put("kinship", 0.156);
    target.put("childrens_home", 0.114);
    target.put("supported", 0.098);
    target.put("parents", 0.060);
    target.put("other", 0.045);
    Map<String, Integer> counts = new LinkedHashMap<>();
    int total = 0;
    for (ReturnFiles r : sample.returns.values()) {
      for (Map<String, String> e : r.episodes()) {
        if (e.get("DEC").isEmpty()) {
          counts.merge(foiType(e.get("PLACE"), e.get("PLACE_PROVIDER")), 1, Integer::sum);
          total++;
        }
      }
    }
    for (Map.Entry<String, Double> t : target.entrySet()) {
      double share = (double) counts.getOrDefault(t.getKey(), 0) / total;
      assertEquals(t.getValue(), share, 0.03, "share of children looked after at 31 March: " + t.getKey());
    }
  }

  /** The FOI survey's categories, written here independently of the generator's own mapping. */
  private static String foiType(String place, String provider) {
    if (place.matches("U[1-3]")) {
      return "kinship";
    }
    if (place.matches("U[4-6]")) {
      return provider.equals("PR4") || provider.equals("PR5") ? "agency_foster" : "council_foster";
    }
    return switch (place) {
      case "K2" -> "childrens_home";
      case "H5" -> "supported";
      case "P1" -> "parents";
      default -> "other";
    };
  }

  /** An entry (RNE S) seen in the files, inside the written years and on or before {@code last}. */
  private static boolean observedEntry(Histories.Period p, LocalDate last) {
    return p.startObserved() && !p.start().isBefore(CollectionYear.start(FIRST)) && !p.start().isAfter(last);
  }

  private static String group(LocalDate dob, LocalDate date) {
    AgeBand band = AgeBand.ofAge(AgeBand.ageOn(dob, date));
    return band.contractGroup().orElse(band.label());
  }

  private static Map<String, Integer> counts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String g : List.of("0-4", "5-9", "10-15", "16-17")) {
      m.put(g, 0);
    }
    return m;
  }
}
