package org.sibmodel.ingest;

import java.util.Locale;
import java.util.Optional;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.Schemas;

/** The SSDA903 files ingest reads, each with its declared input schema. */
public enum Ssda903File {
  HEADER("header", "ssda903_header"),
  EPISODES("episodes", "ssda903_episodes"),
  UASC("uasc", "ssda903_uasc");

  private final String label;
  private final String schemaName;

  Ssda903File(String label, String schemaName) {
    this.label = label;
    this.schemaName = schemaName;
  }

  /** "header", "episodes" or "uasc", as in ingest_rejects.dataset. */
  public String label() {
    return label;
  }

  public DatasetSchema schema() {
    return Schemas.dataset(schemaName);
  }

  /**
   * The dataset a CSV file holds, by its name: {@code episodes.csv}, {@code SSDA903_Episodes.csv}
   * and {@code 903_header_2019.csv} all count. Empty for other files (reviews, missing, oc2…).
   */
  public static Optional<Ssda903File> ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv")) {
      return Optional.empty();
    }
    for (Ssda903File file : values()) {
      if (name.contains(file.label)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
