package org.sibmodel.scenarios;

import java.nio.file.Path;
import org.sibmodel.io.RunOptions;

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
    if (params == null || params.isBlank()) {
      throw new IllegalArgumentException("--params is required");
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required");
    }
    if (iterations != null && iterations < 1) {
      throw new IllegalArgumentException("--iterations " + iterations + ": must be at least 1");
    }
    if (sensitivityIterations != null && sensitivityIterations < 10) {
      throw new IllegalArgumentException("--sensitivity-iterations " + sensitivityIterations + ": must be at least 10");
    }
  }
}
