package org.sibmodel.report;

import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib report}.
 *
 * @param results output folder of sib scenarios
 * @param out output folder
 * @param pdf also print the report to report.pdf with headless Chromium or Chrome
 */
public record ReportOptions(String results, String out, boolean pdf) implements RunOptions {
  public ReportOptions {
    RunOptions.required("--results", results);
    RunOptions.required("--out", out);
  }
}
