package org.sibmodel.generate;

import java.time.LocalDate;

/**
 * One simulated SSDA903 episode, with its true end: {@code dec} and {@code rec} are always set
 * here, and a return shows them only if the episode ended by the return's 31 March. Text fields a
 * return may leave blank hold "" (never null).
 *
 * @param rec X1 when another episode of the same period follows the next day's... on the same day;
 *     an E code when the child left care
 */
public record Episode(
    LocalDate decom,
    LocalDate dec,
    String rne,
    String ls,
    String cin,
    String place,
    String placeProvider,
    String rec,
    String reasonPlaceChange,
    String homePost,
    String plPost,
    String urn) {

  public Episode {
    if (decom == null || dec == null) {
      throw new IllegalArgumentException("episode: DECOM " + decom + " and DEC " + dec + " are both required");
    }
    if (!dec.isAfter(decom)) {
      throw new IllegalArgumentException("episode starting " + decom + ": DEC " + dec + " must be after DECOM");
    }
    requireCode("RNE", rne);
    requireCode("LS", ls);
    requireCode("CIN", cin);
    requireCode("PLACE", place);
    requireCode("PLACE_PROVIDER", placeProvider);
    requireCode("REC", rec);
    for (String optional : new String[] {reasonPlaceChange, homePost, plPost, urn}) {
      if (optional == null) {
        throw new IllegalArgumentException("episode starting " + decom + ": optional fields hold \"\", not null");
      }
    }
  }

  private static void requireCode(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("episode: " + field + " is required, was '" + value + "'");
    }
  }

  /** Whether the child left care at the end of this episode. */
  public boolean leftCare() {
    return !"X1".equals(rec);
  }
}
