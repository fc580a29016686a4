package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sibmodel.cli.SibCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sib calibrate}: rates and distributions with their uncertainty, from curated care data. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Estimate from the curated care data (sib ingest's output): entries to care per month by district and age band"
          + " (Poisson GLM on Spark, over-dispersion measured and handled), time in care and re-entry after a return"
          + " home by age band (Kaplan-Meier with 95% bands, Weibull and cure-Weibull fits), and the placement mix."
          + " Writes params.json for the simulation, tables, and a self-contained HTML report."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @ParentCommand SibCommand sib;

  @Option(names = "--curated", required = true, paramLabel = "DIR", description = "Output folder of sib ingest.")
  String curated;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Option(names = "--from", paramLabel = "DATE", description = "First day of the calibration window (default: start of the data).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of the window (default: end of the data).")
  LocalDate to;

  @Option(names = "--districts", paramLabel = "LIST", split = ",",
      description = "Districts to calibrate on, comma-separated (default: all, including Unknown).")
  List<String> districts;

  @Option(names = "--minimum-cases", paramLabel = "N", defaultValue = "" + CalibrateOptions.DEFAULT_MINIMUM_CASES,
      description = "A district or age band with fewer cases is pooled, and the report says so. Default: ${DEFAULT-VALUE}.")
  int minimumCases;

  @Override
  public Integer call() {
    CalibrateOptions options = new CalibrateOptions(curated, out, from, to, districts, minimumCases);
    CalibrationSummary summary = CalibrateJob.run(() -> sib.spark().session(), options);
    System.out.print(summary.describe());
    return 0;
  }
}
