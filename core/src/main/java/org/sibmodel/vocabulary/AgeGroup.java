package org.sibmodel.vocabulary;

/**
 * The contract's age groups at referral (seed 000, 1.8): 5-9 (sub-bands 5-7 and 8-9) and 10-15
 * (10-12 and 13-15). Tariffs may differ by pathway and age group.
 */
public enum AgeGroup {
  AGE_5_9("5-9"),
  AGE_10_15("10-15");

  private final String label;

  AgeGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The group of an age band at referral: 5-7, 8-9, 10-12, 13-15, or the group itself. */
  public static AgeGroup ofBand(String band) {
    String b = band == null ? "" : band.trim();
    for (AgeGroup group : values()) {
      if (group.label.equals(b)) {
        return group;
      }
    }
    for (AgeBand fine : AgeBand.REFERRAL_BANDS) {
      if (fine.label().equals(b)) {
        return fine.ageGroup().orElseThrow();
      }
    }
    throw new IllegalArgumentException(
        "unknown age band '" + band + "'; expected 5-7, 8-9, 10-12 or 13-15 (or the groups 5-9, 10-15)");
  }
}
