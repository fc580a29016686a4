package org.sibmodel.report;

import java.util.concurrent.Callable;
import org.sibmodel.cli.SibCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sib report}: the affordability report for people. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the affordability report from the results of sib scenarios: the affordability table, cash flow by"
          + " financial year, break-even tariff and sensitivity (Parquet and CSV), an Excel workbook, and a"
          + " self-contained HTML report with fan charts, histograms, a tornado and the assumptions with their sources."
    })
public final class ReportCommand implements Callable<Integer> {

  @ParentCommand SibCommand sib;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "Output folder of sib scenarios.")
  String results;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  String out;

  @Override
  public Integer call() {
    ReportJob.Written w = ReportJob.run(() -> sib.spark().session(), new ReportOptions(results, out));
    System.out.println((w.syntheticData() ? "SYNTHETIC DATA. " : "") + "Report of " + w.scenarios() + " scenarios:");
    System.out.println("  " + w.html());
    System.out.println("  " + w.workbook());
    System.out.println("  affordability.csv cash_flow.csv break_even.csv sensitivity.csv (and Parquet) in " + w.out());
    return 0;
  }
}
