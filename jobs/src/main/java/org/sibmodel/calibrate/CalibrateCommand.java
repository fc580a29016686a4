package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sibmodel.cli.CuratedOption;
import org.sibmodel.cli.OutOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib calibrate}: rates and distributions with their uncertainty, from curated care data. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Estimate from the curated care data (sib ingest's output): entries to care per month by district and age band"
          + " (Poisson GLM on Spark, over-dispersion measured and handled), time in care and re-entry after a return"
          + " home by age band (Kaplan-Meier with 95%% bands, Weibull and cure-Weibull fits), and the placement mix."
          + " Writes params.json for the simulation, tables, and a self-contained HTML report."
    })
public final class CalibrateCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Mixin CuratedOption curated;

  @Mixin OutOption out;

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

  public CalibrateCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    CalibrateOptions options = new CalibrateOptions(curated.value(), out.value(), from, to, districts, minimumCases);
    CalibrationSummary summary = CalibrateJob.run(spark, options);
    System.out.print(summary.describe());
    return 0;
  }
}
