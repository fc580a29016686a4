package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.util.List;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib calibrate}, validated once.
 *
 * @param curated output folder of {@code sib ingest}
 * @param out output folder
 * @param from first day of the calibration window, or null for the start of the data
 * @param to last day of the window, or null for the end of the data
 * @param districts districts to calibrate on, or empty for all
 * @param minimumCases a cell with fewer cases than this is pooled (and said so)
 */
public record CalibrateOptions(String curated, String out, LocalDate from, LocalDate to, List<String> districts, int minimumCases)
    implements RunOptions {
  /** Default pooling threshold: below 30 entries, periods or returns home a cell is pooled. */
  public static final int DEFAULT_MINIMUM_CASES = 30;

  public CalibrateOptions {
    RunOptions.required("--curated", curated);
    RunOptions.required("--out", out);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    districts = districts == null ? List.of() : List.copyOf(districts);
    if (minimumCases < 1) {
      throw new IllegalArgumentException("--minimum-cases " + minimumCases + ": must be at least 1");
    }
  }
}
