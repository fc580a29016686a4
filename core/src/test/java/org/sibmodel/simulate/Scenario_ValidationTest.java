package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sibmodel.vocabulary.PlacementGroup;

/** A scenario built in Java (a notebook) gets the same errors as one read from a file. */
class Scenario_ValidationTest {
  private final Scenario base = ScenarioFile.defaults();

  @Test
  void aHazardRatioMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Scenario.Effect(Distribution.fixed(-0.2), Distribution.fixed(1), null));
    assertTrue(e.getMessage().startsWith("effect.hazard_ratio: a positive quantity"), e.getMessage());
  }

  @Test
  void probabilitiesMustBeBetweenZeroAndOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> base.counterfactual().withDiversionEntryWithin12Months(Distribution.fixed(1.2)));
    assertTrue(e.getMessage().startsWith("counterfactual.diversion_entry_within_12_months"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Scenario.Secondary(Distribution.fixed(0.5), Distribution.fixed(0.5),
        Distribution.fixed(-0.1), Distribution.fixed(0.5)));
    assertTrue(e.getMessage().startsWith("secondary.attendance"), e.getMessage());
  }

  @Test
  void sharesAndCostsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> base.costs().withCashableShare(1.5));
    assertThrows(IllegalArgumentException.class, () -> base.funding().outcomesFund().withShare(-0.1));
    assertThrows(IllegalArgumentException.class, () -> base.referrals().withVolume(Distribution.fixed(0)));
    assertThrows(IllegalArgumentException.class,
        () -> base.costs().weekly().get(PlacementGroup.RESIDENTIAL).withPounds(Distribution.fixed(-100)));
  }

  @Test
  void everyInputCanBeSetAndReadBack() {
    for (ScenarioInput input : ScenarioInput.values()) {
      double value = input.domainLow() + 0.37 * (input.domainHigh() - input.domainLow());
      Scenario changed = input.with(base, value);
      assertEquals(input.written(value), input.get(changed), 1e-9, input.key());
      for (ScenarioInput other : ScenarioInput.values()) {
        if (other != input) {
          assertEquals(other.get(base), other.get(changed), 0.0, input.key() + " leaves " + other.key() + " as it was");
        }
      }
    }
  }

  @Test
  void anInputIsSetAsAScenarioFileWouldHoldIt() {
    assertEquals(12_345.68, ScenarioInput.TARIFF.get(ScenarioInput.TARIFF.with(base, 12_345.678)), 0.0, "money to the penny");
    assertEquals(0.6543210988, ScenarioInput.HAZARD_RATIO.get(ScenarioInput.HAZARD_RATIO.with(base, 0.65432109876543)), 0.0,
        "ten significant figures");
  }

  @Test
  void theSchemaListsExactlyTheInputsASensitivityCanChange() throws Exception {
    try (java.io.InputStream in = getClass().getResourceAsStream("/schemas/config/scenario.schema.json")) {
      com.fasterxml.jackson.databind.JsonNode inputs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
          .at("/properties/sensitivity/properties/inputs/properties");
      java.util.Set<String> inSchema = new java.util.TreeSet<>();
      inputs.fieldNames().forEachRemaining(inSchema::add);
      java.util.Set<String> inCode = new java.util.TreeSet<>();
      for (ScenarioInput input : ScenarioInput.values()) {
        inCode.add(input.key());
      }
      assertEquals(inCode, inSchema);
    }
  }

  @Test
  void anUnknownInputListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioInput.of("hazzard"));
    assertTrue(e.getMessage().contains("hazard_ratio, referral_volume, tariff"), e.getMessage());
  }
}
