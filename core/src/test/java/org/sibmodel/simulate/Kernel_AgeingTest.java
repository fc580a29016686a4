package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sibmodel.params.ParameterSet;

/** A child's curves follow its age: a 15-year-old reaches 16-17 behaviour, and nobody is in care after 18. */
class Kernel_AgeingTest {
  /** Referrals of 13-15 year olds only, on diversion, counted for ten years from day 0. */
  private static final String OLDER_CHILDREN = """
      referrals:
        per_year:
          diversion: {"5-7": 0, "8-9": 0, "10-12": 0, "13-15": 60}
          reunification: {"5-7": 0, "8-9": 0, "10-12": 0, "13-15": 0}
        volume: {distribution: fixed, mean: 1.0}
        acceptance: 1.0
      counterfactual:
        diversion_entry_within_12_months: {distribution: fixed, mean: 0.9}
      costs: {savings_horizon_months: 120}
      """;

  /** The test parameters with one band's time in care replaced: scale in days. */
  private static ParameterSet withStay(String band, double scaleDays) {
    ParameterSet p = TestParameters.simple();
    Map<String, ParameterSet.Survival> time = new LinkedHashMap<>(p.timeInCare());
    time.put(band, new ParameterSet.Survival(band, "weibull", 1.0, scaleDays, 1.0, new double[][] {{0, 0}, {0, 0}}, 500, 400,
        Map.of(), null));
    return new ParameterSet(p.description(), p.syntheticData(), p.curated(), p.window(), p.entries(), time, p.reentry(),
        p.placementMix(), List.of());
  }

  private static long careDays(ParameterSet params) {
    Kernel k = new Kernel(ScenarioFile.fromYaml(OLDER_CHILDREN, "older.yaml"), params);
    long days = 0;
    for (int i = 0; i < 5; i++) {
      days += k.run(i).careDaysWithout();
    }
    return days;
  }

  @Test
  void aChildWhoTurnsSixteenStaysAsSixteenYearOldsDo() {
    long sameAsOthers = careDays(TestParameters.simple());
    long longerAt16 = careDays(withStay("16-17", 20_000));
    // On the same random numbers, a kernel that kept each child in its referral band would give exactly the same days.
    assertTrue(longerAt16 > 1.03 * sameAsOthers, "spells begun at 16 or 17 follow the 16-17 curve: " + sameAsOthers + " -> " + longerAt16);
  }

  @Test
  void nobodyIsInCareAfterTheir18thBirthday() {
    // Everyone who enters stays for decades; referred at 13 to 15, nobody can have more than five years in care.
    ParameterSet forever = withStay("13-15", 50_000);
    forever = new ParameterSet(forever.description(), false, "x", forever.window(), forever.entries(),
        Map.of("0-4", forever.timeInCare().get("13-15"), "5-7", forever.timeInCare().get("13-15"),
            "8-9", forever.timeInCare().get("13-15"), "10-12", forever.timeInCare().get("13-15"),
            "13-15", forever.timeInCare().get("13-15"), "16-17", forever.timeInCare().get("13-15")),
        forever.reentry(), forever.placementMix(), List.of());
    Kernel k = new Kernel(ScenarioFile.fromYaml(OLDER_CHILDREN, "older.yaml"), forever);
    for (int i = 0; i < 5; i++) {
      IterationResult r = k.run(i);
      assertTrue(r.careDaysWithout() <= r.engaged() * 5 * 365.25, "iteration " + i + ": " + r.careDaysWithout() + " days for "
          + r.engaged() + " children");
      assertTrue(r.careDaysWithout() > r.engaged() * 365.0, "they do stay until 18");
    }
  }
}
