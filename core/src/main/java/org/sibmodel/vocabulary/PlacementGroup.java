package org.sibmodel.vocabulary;

import java.util.Set;

/**
 * The four placement groups used for costs (spec/ssda903.md, "Placement groups used for costs"):
 * foster in-house (U1-U6 with PR1), foster agency (U1-U6 with PR4 or PR5), residential (secure
 * children's home K1, children's home K2, residential care home R1, residential school S1), and
 * other (everything else, including foster placements provided by another authority or public
 * body, placements with parents, semi-independent and supported accommodation, NHS, custody).
 */
public enum PlacementGroup {
  FOSTER_IN_HOUSE("foster_in_house"),
  FOSTER_AGENCY("foster_agency"),
  RESIDENTIAL("residential"),
  OTHER("other");

  private static final Set<String> FOSTER = Set.of("U1", "U2", "U3", "U4", "U5", "U6");
  private static final Set<String> RESIDENTIAL_PLACEMENTS = Set.of("K1", "K2", "R1", "S1");

  private final String label;

  PlacementGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The group of a label ({@code foster_in_house}, ...), as scenario files and tables name it. */
  public static PlacementGroup ofLabel(String label) {
    for (PlacementGroup group : values()) {
      if (group.label.equals(label)) {
        return group;
      }
    }
    throw new IllegalArgumentException("unknown placement group '" + label
        + "'; expected foster_in_house, foster_agency, residential or other");
  }

  /** The group of a placement code and provider code (provider may be null). */
  public static PlacementGroup of(String place, String provider) {
    if (FOSTER.contains(place)) {
      if ("PR1".equals(provider)) {
        return FOSTER_IN_HOUSE;
      }
      if ("PR4".equals(provider) || "PR5".equals(provider)) {
        return FOSTER_AGENCY;
      }
      return OTHER;
    }
    return RESIDENTIAL_PLACEMENTS.contains(place) ? RESIDENTIAL : OTHER;
  }
}
