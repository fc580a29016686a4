package org.sibmodel.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib ingest}, validated once.
 *
 * @param input folder of returns (yearly folders, or one folder)
 * @param out output folder, replaced atomically
 * @param postcodes postcode-to-district table, or null for the bundled Lancashire one
 * @param la authority name for rows without an LA column
 * @param keyFile pseudonymisation key file, or null to use the environment variable
 * @param yearLabels how bare four-digit return labels are read: auto, start or end
 * @param year collection year of an unlabelled single return, or null to infer it
 * @param today dates after this are in the future
 */
public record IngestOptions(
    String input, String out, Path postcodes, String la, Path keyFile, String yearLabels, Integer year, LocalDate today) implements RunOptions {

  public static final String DEFAULT_LA = "Lancashire";

  public IngestOptions {
    RunOptions.required("--input", input);
    RunOptions.required("--out", out);
    if (la == null || la.isBlank()) {
      throw new IllegalArgumentException("--la must not be empty");
    }
    yearLabels = yearLabels == null ? "auto" : yearLabels.trim().toLowerCase(java.util.Locale.ROOT);
    if (!yearLabels.equals("auto") && !yearLabels.equals("start") && !yearLabels.equals("end")) {
      throw new IllegalArgumentException("--year-labels '" + yearLabels + "': expected auto, start or end");
    }
    if (year != null && (year < 1990 || year > 2100)) {
      throw new IllegalArgumentException("--year " + year + ": expected a collection year such as 2019");
    }
    Objects.requireNonNull(today, "today");
  }
}
