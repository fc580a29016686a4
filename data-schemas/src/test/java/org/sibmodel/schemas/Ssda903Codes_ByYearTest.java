package org.sibmodel.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ssda903Codes_ByYearTest {
  private final Ssda903Codes codes = Schemas.ssda903Codes();

  @Test
  void k3IsValidFrom2024To25Only() {
    CodeList place = codes.list("PLACE");
    assertFalse(place.isValid("K3", 2024));
    assertTrue(place.isValid("K3", 2025));
  }

  @Test
  void z1IsReplacedByZ11ToZ14From2025To26() {
    CodeList place = codes.list("PLACE");
    assertTrue(place.isValid("Z1", 2025));
    assertFalse(place.isValid("Z1", 2026));
    assertFalse(place.isValid("Z11", 2025));
    assertTrue(place.isValid("Z14", 2026));
  }

  @Test
  void unknownCodeIsNeverValid() {
    assertFalse(codes.list("LS").isValid("C9", 2019));
    assertTrue(codes.list("LS").isValid("C2", 2019));
  }

  @Test
  void returnsHomeAreE4aE4bAndE13() {
    assertEquals(Set.of("E4A", "E4B", "E13"), codes.group("returned_home"));
  }

  @Test
  void validCodesFollowDeclaredOrder() {
    assertEquals(List.of("1", "2"), codes.list("SEX").validCodes(2019));
  }

  @Test
  void codeValidFromAfterValidToIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CodeList.Code("X", "x", 2020, 2019));
    assertTrue(e.getMessage().contains("2020"), e.getMessage());
  }

  @Test
  void duplicateCodeIsRefused() {
    CodeList.Code a = new CodeList.Code("A", "a", null, null);
    assertThrows(IllegalArgumentException.class, () -> new CodeList("L", List.of(a, a)));
  }
}
