package org.sibmodel.ssda903;

import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.PlacementGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class Ssda903Dates_ParseTest {

  @Test
  void readsDfeAndIsoForms() {
    LocalDate expected = LocalDate.of(2018, 3, 5);
    assertEquals(expected, Ssda903Dates.parse("05/03/2018"));
    assertEquals(expected, Ssda903Dates.parse("5/3/2018"));
    assertEquals(expected, Ssda903Dates.parse("2018-03-05"));
    assertEquals(expected, Ssda903Dates.parse(" 05/03/2018 00:00:00"));
    assertEquals(expected, Ssda903Dates.parse("2018-03-05T00:00"));
  }

  @Test
  void refusesImpossibleAndAmbiguousDates() {
    DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("31/02/2018"));
    assertTrue(e.getMessage().contains("not a calendar date"), e.getMessage());
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("2018/03/05"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("05-03-2018"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("05/03/2018 13:00"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("yesterday"));
  }

  /**
   * Ten-character dates take a quick path that reads the digits in place; with a midnight time
   * after them the same date goes through the patterns. Both must agree on every text: the same
   * date, or both refused.
   */
  @Test
  void theQuickPathAgreesWithThePatterns() {
    java.util.Random random = new java.util.Random(903);
    String alphabet = "0123456789012345678901234567890123456789/-x ";
    for (int i = 0; i < 50_000; i++) {
      char[] c = new char[10];
      for (int j = 0; j < c.length; j++) {
        c[j] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      if (i % 3 == 0) {
        c[2] = '/';
        c[5] = '/';
      } else if (i % 3 == 1) {
        c[4] = '-';
        c[7] = '-';
      }
      String text = new String(c);
      LocalDate quick = parseOrNull(text);
      LocalDate patterns = parseOrNull(text.strip() + " 00:00");
      assertEquals(patterns, quick, text);
    }
    assertEquals(LocalDate.of(2020, 2, 29), Ssda903Dates.parse("29/02/2020"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("29/02/2019"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("00/01/2019"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("01/13/2019"));
    assertThrows(DateTimeParseException.class, () -> Ssda903Dates.parse("١٢/01/2019"));
  }

  private static LocalDate parseOrNull(String text) {
    try {
      return Ssda903Dates.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void collectionYearsRunAprilToMarch() {
    assertEquals(2019, CollectionYear.of(LocalDate.of(2019, 3, 31)));
    assertEquals(2020, CollectionYear.of(LocalDate.of(2019, 4, 1)));
    assertEquals(LocalDate.of(2018, 4, 1), CollectionYear.start(2019));
    assertEquals("2018-19", CollectionYear.label(2019));
  }

  @Test
  void ageBandsCoverZeroToSeventeen() {
    assertEquals(AgeBand.A0_4, AgeBand.ofAge(4));
    assertEquals(AgeBand.A5_7, AgeBand.ofAge(5));
    assertEquals(AgeBand.A16_17, AgeBand.ofAge(17));
    assertEquals("10-15", AgeBand.A13_15.contractGroup().orElseThrow());
    assertTrue(AgeBand.A16_17.contractGroup().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> AgeBand.ofAge(18));
    assertEquals(9, AgeBand.ageOn(LocalDate.of(2010, 2, 28), LocalDate.of(2020, 2, 27)));
    assertEquals(10, AgeBand.ageOn(LocalDate.of(2010, 2, 28), LocalDate.of(2020, 2, 28)));
  }

  @Test
  void placementGroupsFollowTheSpec() {
    assertEquals(PlacementGroup.FOSTER_IN_HOUSE, PlacementGroup.of("U4", "PR1"));
    assertEquals(PlacementGroup.FOSTER_AGENCY, PlacementGroup.of("U6", "PR4"));
    assertEquals(PlacementGroup.FOSTER_AGENCY, PlacementGroup.of("U1", "PR5"));
    assertEquals(PlacementGroup.OTHER, PlacementGroup.of("U4", "PR2"));
    assertEquals(PlacementGroup.RESIDENTIAL, PlacementGroup.of("K2", "PR4"));
    assertEquals(PlacementGroup.RESIDENTIAL, PlacementGroup.of("K1", null));
    assertEquals(PlacementGroup.OTHER, PlacementGroup.of("P1", "PR0"));
  }
}
