package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sibmodel.testing.TestSpark;

/**
 * The Poisson model's estimates do not depend on the counts' scale: counts multiplied by k give the
 * same coefficients, and an intercept larger by log k. The cells are the entries to care of the
 * external multi-year sample (one district, five bands with entries, 60 months), which `sib bench
 * ingest` replicates K times: at K = 1,000 Spark's IRLS ran its 100 iterations without converging
 * and calibrate wrote an intercept of 16.5 (fitted 10^-8 entries where 18,000 were observed).
 */
class EntryModel_ScaleTest {
  /** Entries a month from April 2017 to March 2022, by age band, of the multi-year sample. */
  private static final String[][] SAMPLE = {
    {"5-7", "1 1 1 1 4 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"},
    {"8-9", "3 2 3 4 5 3 4 6 8 1 3 2 1 0 0 0 0 1 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"},
    {"10-12", "6 6 4 4 5 7 4 6 4 2 4 5 1 1 0 1 1 1 1 1 0 2 1 0 1 2 0 2 0 1 0 0 0 0 0 1 1 1 1 1 0 1 0 0 0 0 1 1 0 1 0 1 0 1 0 0 0 0 0 0"},
    {"13-15", "6 5 2 2 6 5 1 5 3 3 6 6 1 0 0 0 0 0 0 0 0 2 0 0 0 0 0 0 0 1 0 0 0 0 1 1 1 0 0 1 0 1 1 0 1 0 0 0 1 0 0 0 0 0 0 0 1 0 1 0"},
    {"16-17", "2 2 2 0 2 1 0 0 1 0 2 4 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"},
  };

  @Test
  void countsTimesKGiveTheSameCoefficientsAndTheInterceptPlusLogK() {
    EntryModel.Fit once = EntryModel.fit(TestSpark.session(), cells(1), 0, new Pooling());
    for (int k : new int[] {200, 1_000}) {
      EntryModel.Fit scaled = EntryModel.fit(TestSpark.session(), cells(k), 0, new Pooling());
      assertEquals(once.terms(), scaled.terms());
      for (int i = 0; i < once.coefficients().size(); i++) {
        double expected = once.coefficients().get(i).estimate() + (i == 0 ? Math.log(k) : 0);
        assertEquals(expected, scaled.coefficients().get(i).estimate(), 1e-6, "K=" + k + ", " + once.terms().get(i));
      }
      for (EntryModel.MonthFit m : scaled.months()) {
        EntryModel.MonthFit at1 = once.months().stream().filter(o -> o.month().equals(m.month())).findFirst().orElseThrow();
        assertEquals(k * at1.fitted(), m.fitted(), 1e-6 * k * Math.max(1, at1.fitted()), "K=" + k + ", fitted " + m.month());
      }
    }
  }

  /** The same with two authorities (the second with twice the first's counts), by the district-level model. */
  @Test
  void theDistrictLevelModelToo() {
    EntryModel.Fit once = DistrictLevelModel.fit(TestSpark.session(), twoAuthorities(1), 0, new Pooling());
    EntryModel.Fit scaled = DistrictLevelModel.fit(TestSpark.session(), twoAuthorities(1_000), 0, new Pooling());
    assertEquals(once.terms(), scaled.terms());
    for (int i = 0; i < once.coefficients().size(); i++) {
      assertEquals(once.coefficients().get(i).estimate(), scaled.coefficients().get(i).estimate(), 1e-6, once.terms().get(i));
    }
    assertEquals(2, scaled.levels().size());
    for (int d = 0; d < 2; d++) {
      assertEquals(once.levels().get(d).term(), scaled.levels().get(d).term());
      assertEquals(once.levels().get(d).estimate() + Math.log(1_000), scaled.levels().get(d).estimate(), 1e-6,
          once.levels().get(d).term());
    }
  }

  private static List<EntryModel.Cell> cells(int k) {
    return cells("Unknown", k);
  }

  private static List<EntryModel.Cell> twoAuthorities(int k) {
    List<EntryModel.Cell> cells = new ArrayList<>(cells("Z001 / Unknown", k));
    cells.addAll(cells("Z002 / Unknown", 2 * k));
    return cells;
  }

  private static List<EntryModel.Cell> cells(String district, int k) {
    List<EntryModel.Cell> cells = new ArrayList<>();
    for (String[] band : SAMPLE) {
      String[] counts = band[1].split(" ");
      for (int m = 0; m < counts.length; m++) {
        cells.add(new EntryModel.Cell(district, band[0], LocalDate.of(2017, 4, 1).plusMonths(m), k * Long.parseLong(counts[m])));
      }
    }
    return cells;
  }
}
