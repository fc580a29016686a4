package org.sibmodel.cli;

import org.sibmodel.SibVersion;
import org.sibmodel.calibrate.CalibrateCommand;
import org.sibmodel.compare.CompareCommand;
import org.sibmodel.generate.GenerateCommand;
import org.sibmodel.ingest.IngestCommand;
import org.sibmodel.payments.PaymentsCommand;
import org.sibmodel.report.ReportCommand;
import org.sibmodel.scenarios.ScenariosCommand;
import org.sibmodel.simulate.BenchCommand;
import org.sibmodel.simulate.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code sib}: the one command, with a subcommand per job. Its {@code --master} and {@code --verbose}
 * are inherited by every subcommand; {@link Main} starts Spark with them when a command first asks.
 */
@Command(
    name = "sib",
    mixinStandardHelpOptions = true,
    versionProvider = SibCommand.Version.class,
    sortOptions = false,
    description = {
      "Affordability model for outcomes-based children's services contracts (edge-of-care Social"
          + " Impact Bonds): SSDA903 ingest, calibration, Monte Carlo simulation, affordability"
          + " scenarios.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Run 'sib <command> --help' for a command's options. Outputs go to each command's --out"
          + " folder: Parquet datasets, CSV copies of small tables, summary.json and run.json.",
      "'bin/sib notebook' opens the Java notebooks of notebooks-java/ in Jupyter (the launcher runs it, with the kernel's"
          + " class path)."
    },
    subcommands = {
      DemoCommand.class,
      BenchCommand.class,
      CalibrateCommand.class,
      CompareCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      KeygenCommand.class,
      PaymentsCommand.class,
      ReportCommand.class,
      ScenariosCommand.class,
      SimulateCommand.class,
    })
public final class SibCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--master",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}, every core of this machine).")
  String master;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show Spark's INFO logging and full stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  String master() {
    return master;
  }

  boolean verbose() {
    return verbose;
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sib " + SibVersion.get(), "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }
  }
}
