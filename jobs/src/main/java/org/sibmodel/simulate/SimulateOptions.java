package org.sibmodel.simulate;

import java.nio.file.Path;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib simulate}.
 *
 * @param scenario scenario file, or null for the default scenario
 * @param params output folder of sib calibrate, or a params.json file
 * @param out output folder
 * @param iterations iterations, or null for the scenario's
 * @param seed master seed, or null for the scenario's
 * @param partitions Spark partitions of the iterations, or null for four per core
 */
public record SimulateOptions(Path scenario, String params, String out, Integer iterations, Long seed, Integer partitions)
    implements RunOptions {
  public SimulateOptions {
    RunOptions.required("--params", params);
    RunOptions.required("--out", out);
    RunOptions.atLeast("--iterations", iterations, 1);
    RunOptions.atLeast("--partitions", partitions, 1);
  }

  /** The scenario the run uses: the file (or the default) with the command line's overrides. */
  public Scenario scenarioToRun() {
    Scenario s = scenario == null ? ScenarioFile.defaults() : ScenarioFile.read(scenario);
    return s.withSettings(new Scenario.Settings(iterations == null ? s.simulation().iterations() : iterations,
        seed == null ? s.simulation().seed() : seed));
  }
}
