package org.sibmodel.generate;

import java.util.List;

/**
 * {@code generator_truth.json} of a set of several authorities: the base county model and each
 * authority's seed and size. Authority k's model is {@code baseModel.scaled(sizeScale)}: every
 * district's population, first-entry rates, expected entries and expected children looked after
 * times sizeScale; everything else as in the base model.
 */
public record NationalTruth(
    boolean synthetic,
    String note,
    String generator,
    long seed,
    int firstYear,
    int lastYear,
    double meanSize,
    double sizeSpread,
    List<SyntheticAuthority> authorities,
    SyntheticCountyModel baseModel) {

  public NationalTruth {
    authorities = List.copyOf(authorities);
  }
}
