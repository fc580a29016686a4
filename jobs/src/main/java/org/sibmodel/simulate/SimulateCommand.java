package org.sibmodel.simulate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.cli.SibCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sib simulate}: Monte Carlo simulation of a scenario over the 5 + 2 year contract. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulate a scenario: referrals by month, sub-cohort and district; each child's life with and without the"
          + " service on common random numbers; outcome payments through the payment mechanism; care costs avoided;"
          + " the outcomes fund, council and investor cash flows, by month and financial year. Writes every iteration"
          + " and the mean, sd, P5-P95 and Monte Carlo standard error of every metric."
    })
public final class SimulateCommand implements Callable<Integer> {

  @ParentCommand SibCommand sib;

  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (YAML); fields not given keep the default scenario's values.")
  Path scenario;

  @Option(names = "--params", required = true, paramLabel = "DIR", description = "Output folder of sib calibrate (its params.json).")
  String params;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Option(names = "--iterations", paramLabel = "N", description = "Iterations (default: the scenario's).")
  Integer iterations;

  @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's). The same seed gives the same numbers on any cores.")
  Long seed;

  @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions of the iterations (default: four per core).")
  Integer partitions;

  @Override
  public Integer call() {
    SimulationSummary summary = SimulateJob.run(() -> sib.spark().session(),
        new SimulateOptions(scenario, params, out, iterations, seed, partitions));
    System.out.print(summary.describe());
    return 0;
  }
}
