package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.sibmodel.payments.SubCohort;
import org.sibmodel.vocabulary.PlacementGroup;

class ScenarioSet_VariantsTest {

  @Test
  void theDefaultSetHasEightVariantsAndNineRanges() {
    ScenarioSet set = ScenarioSet.defaults();
    assertEquals(8, set.variants().size());
    assertEquals(9, set.ranges().size());
    assertEquals(1.0, set.variants().stream().filter(v -> v.name().equals("no effect")).findFirst().orElseThrow()
        .scenario().effect().hazardRatio().mean(), "the no-effect case is among the defaults");
    assertEquals(1.0, set.ranges().get(0).high(), "the hazard ratio's range reaches no effect");
    assertEquals(400, set.sensitivityIterations());
    ScenarioSet.Variant tariff = set.variants().stream().filter(v -> v.name().equals("tariff 8000")).findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("8000").compareTo(tariff.scenario().contract().price(SubCohort.all().get(2))));
    assertEquals("tariff 8000", tariff.scenario().name());
    assertEquals(set.base().simulation().seed(), tariff.scenario().simulation().seed(), "variants share the base's seed");
  }

  @Test
  void aVariantChangesOnlyWhatItSays() {
    ScenarioSet set = ScenarioSet.fromYaml("""
        effect: {hazard_ratio: {distribution: fixed, mean: 0.6}}
        variants:
          - name: dearer homes
            changes: {costs: {weekly: {residential: {pounds: {distribution: fixed, mean: 5000}}}}}
        """, "set.yaml");
    Scenario v = set.variants().get(0).scenario();
    assertEquals(5000, v.costs().weekly().get(PlacementGroup.RESIDENTIAL).pounds().mean());
    assertEquals(0.6, v.effect().hazardRatio().mean(), "the base's own change is kept");
    assertTrue(v.costs().weekly().get(PlacementGroup.RESIDENTIAL).source().contains("CMA"), "the source of a changed cost stays unless replaced");
  }

  @Test
  void oneInputIsFixedAtAValueForSensitivity() {
    ScenarioSet set = ScenarioSet.defaults();
    assertEquals(0.5, set.with(ScenarioInput.HAZARD_RATIO, 0.5).effect().hazardRatio().mean());
    assertEquals("fixed", set.with(ScenarioInput.HAZARD_RATIO, 0.5).effect().hazardRatio().kind());
    assertEquals(0, new BigDecimal("12345.68").compareTo(set.with(ScenarioInput.TARIFF, 12345.678).contract().price(SubCohort.all().get(0))));
    assertEquals(0.65, set.baseValue(ScenarioInput.HAZARD_RATIO));
  }

  @Test
  void badVariantsAndRangesAreErrorsNamingThem() {
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ScenarioSet.fromYaml(
        "variants:\n  - {name: a, changes: {funding: {outcomes_fund: {share: 0.1}}}}\n  - {name: a, changes: {}}\n", "s.yaml"));
    assertTrue(twice.getMessage().contains("'a' is used twice"), twice.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ScenarioSet.fromYaml(
        "variants:\n  - {name: b, changes: {funding: {outcomes_fund: {share: 3}}}}\n", "s.yaml"));
    assertTrue(bad.getMessage().contains("variant b") && bad.getMessage().contains("outcomes_fund.share = 3"), bad.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ScenarioSet.fromYaml(
        "sensitivity:\n  inputs:\n    weather: {low: 1, high: 2}\n", "s.yaml"));
    assertTrue(unknown.getMessage().contains("sensitivity.inputs.weather: unknown input"), unknown.getMessage());
    IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class, () -> ScenarioSet.fromYaml(
        "sensitivity:\n  inputs:\n    tariff: {low: 9000, high: 8000}\n", "s.yaml"));
    assertTrue(backwards.getMessage().contains("low 9000.0 must be below high 8000.0"), backwards.getMessage());
  }
}
