package org.sibmodel.report;

import java.util.concurrent.Callable;
import org.sibmodel.cli.OutOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib report}: the affordability report for people. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the affordability report from the results of sib scenarios: the affordability table, cash flow by"
          + " financial year, break-even tariff and sensitivity (Parquet and CSV), an Excel workbook, and a"
          + " self-contained HTML report (an executive summary, fan charts, histograms, a tornado and the assumptions with"
          + " their sources) that prints to A4, and with --pdf the report as PDF."
    })
public final class ReportCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "Output folder of sib scenarios.")
  String results;

  @Mixin OutOption out;

  @Option(names = "--pdf", description = "Also print the report to report.pdf (A4) with headless Chromium or Chrome: the first of"
      + " chromium, chromium-browser, google-chrome on the PATH, or the browser SIB_CHROMIUM names.")
  boolean pdf;

  public ReportCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    ReportJob.Written w = ReportJob.run(spark, new ReportOptions(results, out.value(), pdf));
    System.out.println((w.syntheticData() ? "SYNTHETIC DATA. " : "") + "Report of " + w.scenarios() + " scenarios:");
    System.out.println("  " + w.html());
    if (w.pdf() != null) {
      System.out.println("  " + w.pdf());
    }
    System.out.println("  " + w.workbook());
    System.out.println("  affordability.csv cash_flow.csv break_even.csv sensitivity.csv (and Parquet) in " + w.out());
    return 0;
  }
}
