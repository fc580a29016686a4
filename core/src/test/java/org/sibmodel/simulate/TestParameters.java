package org.sibmodel.simulate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.params.ParameterSet;

/** A small hand-made parameter set: the same curves for every band, no uncertainty in them. */
final class TestParameters {
  private TestParameters() {}

  static ParameterSet simple() {
    Map<String, ParameterSet.Survival> time = new LinkedHashMap<>();
    Map<String, ParameterSet.Survival> back = new LinkedHashMap<>();
    Map<String, Map<String, Double>> mix = new LinkedHashMap<>();
    for (String band : List.of("0-4", "5-7", "8-9", "10-12", "13-15", "16-17")) {
      time.put(band, new ParameterSet.Survival(band, "weibull", 0.8, 600.0, 1.0, new double[][] {{0.001, 0}, {0, 0.002}}, 500, 400,
          Map.of("12", 0.4), null));
      back.put(band, new ParameterSet.Survival(band, "weibull_cure", 1.0, 200.0, 0.3,
          new double[][] {{0.01, 0, 0}, {0, 0.005, 0}, {0, 0, 0.005}}, 300, 90, Map.of("12", 0.2), null));
      mix.put(band, Map.of("foster_in_house", 0.4, "foster_agency", 0.3, "residential", 0.1, "other", 0.2));
    }
    return new ParameterSet("test", false, "test", new ParameterSet.Window(LocalDate.of(2011, 4, 1), LocalDate.of(2019, 3, 31),
        LocalDate.of(2019, 3, 31), List.of("Burnley")), new ParameterSet.Entries("none", "none", List.of(), new double[0],
        new double[0][0], 1.0, false, List.of()), time, back, mix, List.of());
  }
}
