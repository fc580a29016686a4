package org.sibmodel.generate;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.vocabulary.AgeBand;

/**
 * The numerical solution behind the entry rates: expected years in care and entries per first
 * entry (ExpectedStay) agree with simulated lives, and the solved rates meet the targets.
 */
class SyntheticCountyModel_ExpectedStayTest {
  private final SyntheticCountyModel model = LancashireDefaults.model(2012);

  /**
   * 20,000 simulated lives per age band against the grid solution. Allowed: 4 standard errors of
   * the simulated mean (from the sample's own spread) plus 0.5% for the half-month grid.
   */
  @Test
  void expectedStayAgreesWithSimulatedLives() {
    ChildLife life = new ChildLife(model, Schemas.ssda903Codes(), ResidentialHomes.draw(model, 7));
    SyntheticCountyModel.DistrictRates district = model.districts().get(0);
    int n = 20_000;
    for (AgeBand band : AgeBand.values()) {
      double sum = 0;
      double sumSquares = 0;
      double entries = 0;
      for (int i = 0; i < n; i++) {
        SyntheticChild child =
            life.live(i, "1000000", district, band, YearMonth.of(1990, 1), LocalDate.of(2100, 1, 1), Streams.of(7, 99, i));
        double years = 0;
        for (CarePeriod p : child.periods()) {
          years += DAYS.between(p.start(), p.end()) / Weibull.YEAR_DAYS;
        }
        sum += years;
        sumSquares += years * years;
        entries += child.periods().size();
      }
      double mean = sum / n;
      double se = Math.sqrt((sumSquares / n - mean * mean) / n);
      double expected = model.expected().yearsInCarePerFirstEntry().get(band.label());
      assertEquals(expected, mean, 4 * se + 0.005 * expected, band.label() + ": years in care per first entry");
      double expectedEntries =
          model.expected().entriesPerFirstEntry().get(band.label()).values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(expectedEntries, entries / n, 0.015, band.label() + ": entries per first entry");
    }
  }

  @Test
  void solvedRatesMeetEveryDistrictsTargetAndTheCountys79() {
    double county = 0;
    for (SyntheticCountyModel.DistrictRates d : model.districts()) {
      assertEquals(d.targetLookedAfter(), d.expectedLookedAfter(), 1e-9, d.name());
      county += d.expectedLookedAfter();
      assertTrue(d.firstEntriesPerMonth().values().stream().allMatch(r -> r > 0), d.name() + ": every band enters care");
    }
    assertEquals(county, model.expected().countyLookedAfter(), 1e-9);
    assertEquals(79.06, model.expected().countyRatePerTenThousand(), 0.01, "seed 000 1.3: 79 per 10,000");
  }

  /** First entries are younger than all entries; solving for them puts all entries on the target. */
  @Test
  void allEntriesIncludingReEntriesFollowTheTargetAgeMix() {
    model.entries().targetAgeMix().forEach(
        (band, share) -> assertEquals(share, model.expected().entryAgeMix().get(band), 1e-12, band));
    assertTrue(model.entries().firstEntryAgeMix().get("0-4") > model.entries().targetAgeMix().get("0-4"));
    assertTrue(meanAge(model.entries().firstEntryAgeMix()) < meanAge(model.entries().targetAgeMix()));
  }

  private static double meanAge(java.util.Map<String, Double> mix) {
    double mean = 0;
    for (AgeBand band : AgeBand.values()) {
      mean += mix.get(band.label()) * (band.low() + band.high() + 1) / 2.0;
    }
    return mean;
  }

  @Test
  void durationsAndReEntryMeetTheirSourcedShares() {
    assertEquals(0.50, 1 - model.durations().get("0-4").survival(Weibull.YEAR_DAYS), 1e-12);
    assertEquals(0.35, 1 - model.durations().get("5-7").survival(Weibull.YEAR_DAYS), 1e-12);
    assertEquals(0.27, 1 - model.durations().get("13-15").survival(Weibull.YEAR_DAYS), 1e-12);
    assertEquals(0.20, model.reEntry().shareWithin12Months(), 0.002, "1 in 5 within a year");
    assertEquals(0.30, model.reEntry().shareWithin5Years(), 0.002, "30% within 5 years");
  }

  @Test
  void simulationStartsAtLeast18YearsBeforeTheFirstReturn() {
    assertEquals(LocalDate.of(1993, 4, 1), LancashireDefaults.model(2012).simulationStart());
    assertEquals(LocalDate.of(1981, 4, 1), LancashireDefaults.model(2000).simulationStart());
    assertEquals(LocalDate.of(1993, 4, 1), LancashireDefaults.model(2019).simulationStart());
  }
}
