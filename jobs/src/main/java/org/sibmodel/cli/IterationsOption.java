package org.sibmodel.cli;

import picocli.CommandLine.Option;

/** {@code --iterations N}: Monte Carlo iterations of each scenario simulated. */
public final class IterationsOption {
  @Option(names = "--iterations", paramLabel = "N",
      description = "Iterations of each scenario simulated. Default: the scenario file's simulation.iterations.")
  Integer iterations;

  /** The iterations, or null for the scenario's. */
  public Integer value() {
    return iterations;
  }
}
