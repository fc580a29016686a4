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
