package org.sibmodel.vocabulary;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Age bands used throughout the model (spec/model.md): 0-4, 5-7, 8-9, 10-12, 13-15, 16-17, and
 * the contract's sub-cohort groups 5-9 (5-7, 8-9) and 10-15 (10-12, 13-15), see {@link AgeGroup}.
 */
public enum AgeBand {
  A0_4("0-4", 0, 4),
  A5_7("5-7", 5, 7),
  A8_9("8-9", 8, 9),
  A10_12("10-12", 10, 12),
  A13_15("13-15", 13, 15),
  A16_17("16-17", 16, 17);

  /** The fine bands a child can be referred in (the contract's 5-9 and 10-15, split as seed 000 table 2.2 is). */
  public static final List<AgeBand> REFERRAL_BANDS = List.of(A5_7, A8_9, A10_12, A13_15);

  /**
   * The band of each whole year of age, 0 to 17: {@link #ofAge} is called for every spell and
   * return home of every simulated child, and {@code values()} would copy the array each time.
   */
  private static final AgeBand[] BY_AGE = new AgeBand[18];

  static {
    for (AgeBand band : values()) {
      for (int age = band.low; age <= band.high; age++) {
        BY_AGE[age] = band;
      }
    }
  }

  private final String label;
  private final int low;
  private final int high;

  AgeBand(String label, int low, int high) {
    this.label = label;
    this.low = low;
    this.high = high;
  }

  public String label() {
    return label;
  }

  public int low() {
    return low;
  }

  public int high() {
    return high;
  }

  /** The band of an age in whole years, 0 to 17. */
  public static AgeBand ofAge(int years) {
    if (years < 0 || years >= BY_AGE.length) {
      throw new IllegalArgumentException("age " + years + " is outside 0 to 17");
    }
    return BY_AGE[years];
  }

  public static AgeBand ofLabel(String label) {
    for (AgeBand band : values()) {
      if (band.label.equals(label)) {
        return band;
      }
    }
    throw new IllegalArgumentException(
        "unknown age band '" + label + "'; expected 0-4, 5-7, 8-9, 10-12, 13-15 or 16-17");
  }

  /** The contract's age group (5-9 or 10-15), empty for 0-4 and 16-17. */
  public Optional<AgeGroup> ageGroup() {
    return switch (this) {
      case A5_7, A8_9 -> Optional.of(AgeGroup.AGE_5_9);
      case A10_12, A13_15 -> Optional.of(AgeGroup.AGE_10_15);
      default -> Optional.empty();
    };
  }

  /** The label of the contract's age group ("5-9" or "10-15"), empty for 0-4 and 16-17. */
  public Optional<String> contractGroup() {
    return ageGroup().map(AgeGroup::label);
  }

  /** Age in whole years on a date (negative before birth). */
  public static int ageOn(LocalDate dob, LocalDate date) {
    return date.isBefore(dob) ? -1 : Period.between(dob, date).getYears();
  }
}
