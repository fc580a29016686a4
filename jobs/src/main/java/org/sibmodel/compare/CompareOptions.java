package org.sibmodel.compare;

import java.nio.file.Path;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib compare}, validated once.
 *
 * @param curated output folder of {@code sib ingest}
 * @param cohorts cohorts file, or null for the bundled defaults
 * @param out output folder
 * @param referred CSV of referred children's ids (child_id, optionally la), or null
 * @param keyFile pseudonymisation key for the referred ids, or null for the environment variable
 * @param population CSV of children by district and age band (district, age_band, children), or null
 * @param seed seed of the bootstrap intervals
 */
public record CompareOptions(String curated, Path cohorts, String out, Path referred, Path keyFile, Path population, long seed)
    implements RunOptions {
  public static final long DEFAULT_SEED = 20190901L;

  public CompareOptions {
    RunOptions.required("--curated", curated);
    RunOptions.required("--out", out);
  }
}
