package org.sibmodel.scenarios;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.cli.IterationsOption;
import org.sibmodel.cli.OutOption;
import org.sibmodel.cli.ParamsOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib scenarios}: the base, its variants, sensitivity and the break-even tariff. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a scenario set on common random numbers: the base scenario and the variants of its file, one-way"
          + " sensitivity of the council's net position to the main inputs with switching values, and the"
          + " break-even tariff at P50 and P10 (Brent's method). Then sib report turns the results into tables,"
          + " a workbook and an HTML report."
    })
public final class ScenariosCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file with its variants and sensitivity ranges (default: the default scenario set).")
  Path scenario;

  @Mixin ParamsOption params;

  @Mixin OutOption out;

  @Mixin IterationsOption iterations;

  @Option(names = "--sensitivity-iterations", paramLabel = "N",
      description = "Iterations of each sensitivity and solver evaluation (default: the scenario's sensitivity.iterations).")
  Integer sensitivityIterations;

  public ScenariosCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    ScenariosSummary summary = ScenariosJob.run(spark,
        new ScenariosOptions(scenario, params.value(), out.value(), iterations.value(), sensitivityIterations));
    System.out.print(summary.describe());
    return 0;
  }
}
