package org.sibmodel.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sibmodel.random.Sampling;
import org.sibmodel.testing.TestSpark;
import org.sibmodel.vocabulary.AgeBand;

/**
 * The district-level model (districts as offsets) is the one-hot model (districts as columns)
 * fitted another way: on the same cells both give the same rates and standard errors. The cells
 * are drawn here (seed 14) for three authorities whose returns cover different months, so the
 * offsets need more than one round, and two authorities have a district of the same name.
 */
class DistrictLevelModel_SameAsOneHotTest {

  @Test
  void ratesAndStandardErrorsMatchTheOneHotFit() {
    List<EntryModel.Cell> cells = cells();
    EntryModel.Fit oneHot = EntryModel.fit(TestSpark.session(), cells, 0, new Pooling());
    EntryModel.Fit levels = DistrictLevelModel.fit(TestSpark.session(), cells, 0, new Pooling());

    Map<String, EntryModel.Rate> expected = oneHot.rates().stream()
        .collect(Collectors.toMap(r -> r.district() + "|" + r.band(), Function.identity()));
    assertEquals(expected.size(), levels.rates().size());
    assertEquals(3 * 3 * AgeBand.values().length, levels.rates().size());
    for (EntryModel.Rate r : levels.rates()) {
      EntryModel.Rate e = expected.get(r.district() + "|" + r.band());
      assertEquals(e.perMonth(), r.perMonth(), 1e-6 * e.perMonth(), r.district() + " " + r.band());
      assertEquals(e.logStdError(), r.logStdError(), 1e-5 * e.logStdError(), r.district() + " " + r.band());
      assertEquals(e.observed(), r.observed());
    }
    assertEquals(oneHot.dispersion(), levels.dispersion(), 1e-6 * oneHot.dispersion());
    assertEquals(oneHot.deviance(), levels.deviance(), 1e-6 * oneHot.deviance());
    assertEquals(oneHot.residualDf(), levels.residualDf());
    for (String term : List.of("trend_per_year", "season_sin", "season_cos")) {
      EntryModel.Coefficient a = coefficient(oneHot, term);
      EntryModel.Coefficient b = coefficient(levels, term);
      assertEquals(a.estimate(), b.estimate(), 1e-6, term);
      assertEquals(a.stdErrorUsed(), b.stdErrorUsed(), 1e-6 * a.stdErrorUsed(), term);
    }
    assertEquals(9, levels.levels().size());
    assertTrue(levels.levels().stream().anyMatch(c -> c.term().equals("district=Z001 / Burnley")));
    assertTrue(levels.levels().stream().anyMatch(c -> c.term().equals("district=Z002 / Burnley")));
  }

  @Test
  void smallDistrictsArePooledWithinTheirAuthority() {
    Pooling pooling = new Pooling();
    EntryModel.Fit levels = DistrictLevelModel.fit(TestSpark.session(), cells(), 400, pooling);
    assertTrue(levels.levels().stream().anyMatch(c -> c.term().equals("district=Z003 / " + EntryModel.OTHER_DISTRICTS)),
        levels.levels().toString());
    assertTrue(pooling.decisions().stream().anyMatch(d -> d.cell().equals("Z003 / Pendle")
        && d.pooledInto().equals("Z003 / " + EntryModel.OTHER_DISTRICTS)));
  }

  private static EntryModel.Coefficient coefficient(EntryModel.Fit fit, String term) {
    return fit.coefficients().stream().filter(c -> c.term().equals(term)).findFirst().orElseThrow();
  }

  /** Three authorities of three districts; Z002's returns start a year later, Z003's end a year earlier. */
  private static List<EntryModel.Cell> cells() {
    SplittableRandom rng = new SplittableRandom(14);
    List<EntryModel.Cell> cells = new ArrayList<>();
    String[][] districts = {{"Burnley", "Preston", "Wyre"}, {"Burnley", "Hyndburn", "Lancaster"}, {"Chorley", "Fylde", "Pendle"}};
    double[] size = {1.0, 0.6, 0.3};
    double[] bandRate = {4.0, 1.5, 1.0, 1.6, 2.2, 1.2};
    for (int a = 0; a < 3; a++) {
      LocalDate start = LocalDate.of(a == 1 ? 2017 : 2016, 4, 1);
      LocalDate end = LocalDate.of(a == 2 ? 2018 : 2019, 3, 1);
      for (int d = 0; d < 3; d++) {
        String name = String.format("Z%03d / %s", a + 1, districts[a][d]);
        for (AgeBand band : AgeBand.values()) {
          for (LocalDate m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            double mean = size[a] * (1 + 0.5 * d) * bandRate[band.ordinal()] * (1 + 0.1 * Math.sin(2 * Math.PI * m.getMonthValue() / 12));
            cells.add(new EntryModel.Cell(name, band.label(), m, Sampling.poisson(rng, mean)));
          }
        }
      }
    }
    return cells;
  }
}
