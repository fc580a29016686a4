package org.sibmodel.report;

import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib report}.
 *
 * @param results output folder of sib scenarios
 * @param out output folder
 */
public record ReportOptions(String results, String out) implements RunOptions {
  public ReportOptions {
    RunOptions.required("--results", results);
    RunOptions.required("--out", out);
  }
}
