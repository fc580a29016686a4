package org.sibmodel.simulate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.cli.IterationsOption;
import org.sibmodel.cli.OutOption;
import org.sibmodel.cli.ParamsOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  private final SparkSessions spark;

  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (YAML); fields not given keep the default scenario's values.")
  Path scenario;

  @Mixin ParamsOption params;

  @Mixin OutOption out;

  @Mixin IterationsOption iterations;

  @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's). The same seed gives the same numbers on any cores.")
  Long seed;

  @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions of the iterations (default: four per core).")
  Integer partitions;

  public SimulateCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    SimulationSummary summary = SimulateJob.run(spark,
        new SimulateOptions(scenario, params.value(), out.value(), iterations.value(), seed, partitions));
    System.out.print(summary.describe());
    return 0;
  }
}
