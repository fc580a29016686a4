package org.sibmodel.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSet_ValidationTest {

  @Test
  void aSurvivalFitBuiltInJavaIsCheckedAsOneReadFromAFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ParameterSet.Survival("5-7", "weibull", -0.7, 1200.0, 1.0, null, 10, 5, Map.of(), null));
    assertEquals("survival fit of 5-7: shape = -0.7: must be positive", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ParameterSet.Survival("8-9", "weibull_cure", 0.7, 1200.0, 1.3, null, 10, 5, Map.of(), null));
    assertTrue(e.getMessage().contains("ever_share = 1.3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ParameterSet.Survival("8-9", "weibull", 0.7, 1200.0, 1.0, null, 10, 11, Map.of(), null));
    assertTrue(e.getMessage().contains("11 events of 10 cases"), e.getMessage());
  }

  @Test
  void aBandNotEstimatedHasNoShapeAndSaysWhy() {
    ParameterSet.Survival none = new ParameterSet.Survival("16-17", "weibull", null, null, null, null, 0, 0, Map.of(), "no cases");
    assertEquals("no cases", none.note());
  }

  @Test
  void placementSharesMustBeSharesThatAddUpToOne() {
    ParameterSet.Entries entries = new ParameterSet.Entries("poisson", "ref", List.of("intercept"), new double[] {0.1},
        new double[][] {{0.01}}, 1.0, false, List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ParameterSet("d", true, "c", null, entries,
        Map.of(), Map.of(), Map.of("5-7", Map.of("foster_in_house", 0.7, "residential", 0.7)), List.of()));
    assertTrue(e.getMessage().startsWith("placement_mix.5-7"), e.getMessage());
  }

  @Test
  void aRateMustNotBeNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ParameterSet.Rate("Burnley", "5-7", -1, 0.1, "own cell"));
    assertEquals("entries.rates (Burnley, 5-7): per_month = -1.0: must be a number not below 0", e.getMessage());
  }

  @Test
  void aFileWithAnImpossibleValueIsAnErrorNamingTheFileTheFieldAndTheValue() {
    String json = "{\"entries\": {\"model\": \"poisson\", \"terms\": [\"intercept\"], \"coefficients\": [0.1],"
        + " \"dispersion\": 1.0, \"rates\": []}, \"time_in_care\": {\"5-7\": {\"group\": \"5-7\", \"model\": \"weibull\","
        + " \"shape\": 0.7, \"scale_days\": -5, \"n\": 3, \"events\": 1}}, \"reentry\": {}, \"placement_mix\": {}}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSetFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "params.json"));
    assertEquals("params.json: survival fit of 5-7: scale_days = -5.0: must be positive", e.getMessage());
  }

  @Test
  void aFileWithoutEntriesIsNotAParameterSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterSetFile.read(new ByteArrayInputStream("{\"description\": \"x\"}".getBytes(StandardCharsets.UTF_8)), "p.json"));
    assertTrue(e.getMessage().startsWith("p.json: entries is missing"), e.getMessage());
  }
}
