package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A run writes the scenario it actually used; reading that file back gives the same scenario. */
class ScenarioFile_RoundTripTest {

  @Test
  void theWrittenScenarioReadsBackAsTheSameScenario() {
    Scenario s = ScenarioFile.fromYaml("""
        referrals:
          districts: {Burnley: 0.5, Preston: 0.5}
          volume: {distribution: lognormal, mean: 1.1, sd: 0.2}
        contract:
          tariff: {diversion_5_9: 12345.67}
          caps: {total: 4000000}
        costs:
          cashable_share: 0.55
        simulation: {iterations: 77, seed: 5}
        """, "given.yaml");
    String written = ScenarioFile.toYaml(s);
    Scenario read = ScenarioFile.fromYaml(written, "written.yaml");
    assertEquals(written, ScenarioFile.toYaml(read), "write(read(write(s))) = write(s)");
    assertEquals(s.referrals(), read.referrals());
    assertEquals(s.costs(), read.costs());
    assertEquals(s.effect(), read.effect());
    assertEquals(0, s.contract().totalCap().compareTo(read.contract().totalCap()));
    assertEquals(77, read.simulation().iterations());
    assertTrue(written.startsWith("# The scenario this run used"), written);
  }

  @Test
  void aValueSetInJavaIsWhatTheFileSays() {
    Scenario s = ScenarioInput.HAZARD_RATIO.with(ScenarioFile.defaults(), 0.7);
    assertEquals(0.7, ScenarioFile.fromYaml(ScenarioFile.toYaml(s), "w").effect().hazardRatio().mean(), 0.0);
  }

  @Test
  void theWrittenSetReadsBackWithItsVariantsAndRanges() {
    ScenarioSet set = ScenarioSet.defaults().withRunSettings(300, 99L, 50);
    String written = set.toYaml();
    ScenarioSet read = ScenarioSet.fromYaml(written, "written.yaml");
    assertEquals(written, read.toYaml());
    assertEquals(set.variants().size(), read.variants().size());
    for (int i = 0; i < set.variants().size(); i++) {
      assertEquals(ScenarioFile.toYaml(set.variants().get(i).scenario()), ScenarioFile.toYaml(read.variants().get(i).scenario()),
          set.variants().get(i).name());
    }
    assertEquals(99, read.base().simulation().seed());
    assertEquals(300, read.variants().get(0).scenario().simulation().iterations());
    assertEquals(50, read.sensitivityIterations());
    assertEquals(set.ranges(), read.ranges());
  }
}
