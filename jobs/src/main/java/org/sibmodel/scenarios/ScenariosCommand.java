package org.sibmodel.scenarios;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.cli.SibCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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

  @ParentCommand SibCommand sib;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file with its variants and sensitivity ranges (default: the default scenario set).")
  Path scenario;

  @Option(names = "--params", required = true, paramLabel = "DIR", description = "Output folder of sib calibrate.")
  String params;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Option(names = "--iterations", paramLabel = "N", description = "Iterations of the base and each variant (default: the scenario's).")
  Integer iterations;

  @Option(names = "--sensitivity-iterations", paramLabel = "N",
      description = "Iterations of each sensitivity and solver evaluation (default: the scenario's sensitivity.iterations).")
  Integer sensitivityIterations;

  @Override
  public Integer call() {
    ScenariosSummary summary = ScenariosJob.run(() -> sib.spark().session(),
        new ScenariosOptions(scenario, params, out, iterations, sensitivityIterations));
    System.out.print(summary.describe());
    return 0;
  }
}
