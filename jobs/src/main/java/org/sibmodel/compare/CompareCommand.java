package org.sibmodel.compare;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.cli.CuratedOption;
import org.sibmodel.cli.KeyFileOption;
import org.sibmodel.cli.OutOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib compare}: cohort comparisons for evaluators, under disclosure control. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare cohorts of the curated care data (sib ingest's output): time in care (Kaplan-Meier, medians, restricted means,"
          + " log-rank), re-entry within 12 months of a return home (Wilson intervals), days in care in the 24 months after entry"
          + " (bootstrap interval, Mann-Whitney) and entries per 10,000 children; a propensity-matched comparison for a referred"
          + " cohort. Counts below 5, and anything that would reveal one, are suppressed. Writes Parquet and CSV tables,"
          + " summary.json and a self-contained HTML report."
    })
public final class CompareCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Mixin CuratedOption curated;

  @Option(names = "--cohorts", paramLabel = "FILE",
      description = "Cohorts and comparisons (YAML; JSON Schema in data-schemas). Default: the bundled cohorts (target districts vs"
          + " the other eight, each target district vs the rest, ages 5-9 vs 10-15, before vs after the contract start).")
  Path cohorts;

  @Mixin OutOption out;

  @Option(names = "--referred", paramLabel = "FILE",
      description = "CSV of referred children: child_id (the SSDA903 CHILD id) and optionally la. Pseudonymised as read, with the"
          + " key ingest used (--key-file).")
  Path referred;

  @Mixin KeyFileOption keyFile;

  @Option(names = "--population", paramLabel = "FILE",
      description = "CSV of children by district and age band (district,age_band,children) for entries per 10,000.")
  Path population;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + CompareOptions.DEFAULT_SEED,
      description = "Seed of the bootstrap intervals. Default: ${DEFAULT-VALUE}.")
  long seed;

  public CompareCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    CompareOptions options = new CompareOptions(curated.value(), cohorts, out.value(), referred, keyFile.value(), population, seed);
    CompareSummary summary = CompareJob.run(spark, options);
    System.out.print(summary.describe());
    return 0;
  }
}
