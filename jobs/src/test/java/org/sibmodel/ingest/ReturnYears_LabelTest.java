package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReturnYears_LabelTest {

  @Test
  void spelledOutLabelsNameTheYearTheReturnEnds() {
    assertEquals(OptionalInt.of(2019), ReturnYears.explicitYear("2018-19"));
    assertEquals(OptionalInt.of(2019), ReturnYears.explicitYear("2018_19"));
    assertEquals(OptionalInt.of(2019), ReturnYears.explicitYear("2018/2019"));
    assertEquals(OptionalInt.of(2000), ReturnYears.explicitYear("1999-00"));
  }

  @Test
  void spansThatAreNotOneYearAreNotLabels() {
    assertTrue(ReturnYears.explicitYear("2018-20").isEmpty());
    assertFalse(ReturnYears.isLabel("misc"));
    assertFalse(ReturnYears.isLabel("201"));
  }

  @Test
  void bareLabelsFollowTheConvention() {
    assertEquals(2019, new ReturnYears(ReturnYears.Convention.START, null).collectionYear("2018"));
    assertEquals(2018, new ReturnYears(ReturnYears.Convention.END, null).collectionYear("2018"));
    assertEquals(2019, new ReturnYears(ReturnYears.Convention.END, null).collectionYear("2018-19"));
  }

  @Test
  void unlabelledRowsTakeTheSingleReturnsYear() {
    assertEquals(2018, new ReturnYears(ReturnYears.Convention.END, 2018).collectionYear(null));
    assertThrows(IllegalStateException.class, () -> new ReturnYears(ReturnYears.Convention.END, null).collectionYear(null));
  }
}
