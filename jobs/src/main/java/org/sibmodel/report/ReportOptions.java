package org.sibmodel.report;

import org.sibmodel.io.RunOptions;

/**
 * Options of {@code sib report}.
 *
 * @param results output folder of sib scenarios
 * @param out output folder
 */
public record ReportOptions(String results, String out) implements RunOptions {
  public ReportOptions {
    if (results == null || results.isBlank()) {
      throw new IllegalArgumentException("--results is required");
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out is required");
    }
  }
}
