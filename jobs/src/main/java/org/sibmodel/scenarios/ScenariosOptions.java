package org.sibmodel.scenarios;

import java.nio.file.Path;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib scenarios}.
 *
 * @param scenario scenario file with its variants and sensitivity ranges, or null for the default set
 * @param params output folder of sib calibrate, or a params.json file
 * @param out output folder
 * @param iterations iterations of the base and each variant, or null for the scenario's
 * @param sensitivityIterations iterations per sensitivity evaluation, or null for the scenario's
 */
public record ScenariosOptions(Path scenario, String params, String out, Integer iterations, Integer sensitivityIterations)
    implements RunOptions {
  public ScenariosOptions {
    RunOptions.required("--params", params);
    RunOptions.required("--out", out);
    RunOptions.atLeast("--iterations", iterations, 1);
    RunOptions.atLeast("--sensitivity-iterations", sensitivityIterations, 10);
  }
}
