package org.sibmodel.payments;

import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.AgeGroup;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A sub-cohort of the contract: pathway x age group at referral (seed 000, 1.8: cohorts a to d). */
public record SubCohort(Pathway pathway, AgeGroup ageGroup) implements java.io.Serializable {

  public SubCohort {
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(ageGroup, "ageGroup");
  }

  /** The four sub-cohorts, in the specification's order. */
  public static List<SubCohort> all() {
    return List.of(
        new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_5_9),
        new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_10_15),
        new SubCohort(Pathway.REUNIFICATION, AgeGroup.AGE_5_9),
        new SubCohort(Pathway.REUNIFICATION, AgeGroup.AGE_10_15));
  }

  /** The key used in terms files: {@code diversion_5_9}. */
  public String key() {
    return pathway.name().toLowerCase(Locale.ROOT) + "_" + ageGroup.label().replace('-', '_');
  }

  @Override
  public String toString() {
    return key();
  }
}
