package org.sibmodel.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sibmodel.cli.KeyFileOption;
import org.sibmodel.cli.OutOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib ingest}: SSDA903 returns to curated, pseudonymised care data. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Load SSDA903 returns (a folder of yearly folders, or one folder; dd/mm/yyyy or ISO dates;"
          + " optional LA and YEAR columns), validate every row, merge overlapping returns (the"
          + " latest wins), build care periods, entries and re-entries by district and age band,"
          + " and write curated Parquet tables. Children are pseudonymised; dates of birth and"
          + " postcodes are never written. Every input row is accepted, rejected with its reason,"
          + " or superseded by a later return, and the reconciliation is printed."
    })
public final class IngestCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of SSDA903 returns.")
  String input;

  @Mixin OutOption out;

  @Option(
      names = "--postcodes",
      paramLabel = "FILE",
      description = "CSV of prefix,district (outward codes like BB10 or sectors like BB10 3) to map"
          + " HOME_POST to districts. Default: the bundled, approximate Lancashire table.")
  Path postcodes;

  @Option(
      names = "--la",
      paramLabel = "NAME",
      defaultValue = IngestOptions.DEFAULT_LA,
      description = "The authority the returns come from, for files without an LA column. Default: ${DEFAULT-VALUE}.")
  String la;

  @Mixin KeyFileOption keyFile;

  @Option(
      names = "--year-labels",
      paramLabel = "auto|start|end",
      defaultValue = "auto",
      description = "How a bare year label (folder 2018, YEAR 2018) is read: the year the return starts"
          + " (2018-19) or ends (2017-18). Default: ${DEFAULT-VALUE}, decided from the episode dates.")
  String yearLabels;

  @Option(
      names = "--year",
      paramLabel = "YYYY",
      description = "Collection year (the year it ends) of a single unlabelled return. Default: the year of its latest episode start.")
  Integer year;

  public IngestCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    IngestOptions options = new IngestOptions(input, out.value(), postcodes, la, keyFile.value(), yearLabels, year, LocalDate.now());
    IngestSummary summary = IngestJob.run(spark, options);
    System.out.print(summary.describe());
    return 0;
  }
}
