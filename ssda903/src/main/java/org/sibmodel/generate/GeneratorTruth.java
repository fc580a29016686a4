package org.sibmodel.generate;

/**
 * {@code generator_truth.json}: the exact parameters the synthetic returns were drawn from, so a
 * calibration run on them can be compared with the truth. The returns are one random draw from
 * this model; figures measured on them differ from it by sampling error.
 *
 * @param synthetic always true: no real child is in the data
 * @param generatedBy the command and version that wrote the files
 * @param seed master seed of the draw
 * @param firstYear first collection year written
 * @param lastYear last collection year written
 * @param model the generating parameters
 */
public record GeneratorTruth(
    boolean synthetic,
    String note,
    String generatedBy,
    long seed,
    int firstYear,
    int lastYear,
    SyntheticCountyModel model) {
  public GeneratorTruth {
    if (!synthetic) {
      throw new IllegalArgumentException("generator_truth.json only ever describes synthetic data");
    }
  }
}
