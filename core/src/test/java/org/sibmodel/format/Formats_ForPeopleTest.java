package org.sibmodel.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers as finance people write them: a true minus before the pound sign, separators, no exponents. */
class Formats_ForPeopleTest {
  private static final String M = Formats.MINUS;

  @Test
  void moneyHasThePoundSignSeparatorsAndATrueMinusBeforeIt() {
    assertEquals(M + "£496,436", Formats.money(-496_436.4));
    assertEquals("£1,204,636", Formats.money(1_204_636.0));
    assertEquals("£0", Formats.money(-0.4), "no minus on what rounds to zero");
    assertEquals("£99,454.21", Formats.pence(99_454.21));
    assertEquals(M + "£0.50", Formats.pence(-0.5));
    assertEquals(Formats.NONE, Formats.money((Double) null));
  }

  @Test
  void chartAxesReadInPoundsNotExponents() {
    assertEquals("£0", Formats.moneyShort(0));
    assertEquals("£1m", Formats.moneyShort(1e6));
    assertEquals("£1.5m", Formats.moneyShort(1.5e6));
    assertEquals(M + "£2m", Formats.moneyShort(-2e6));
    assertEquals("£12.5m", Formats.moneyShort(12.5e6));
    assertEquals("£500k", Formats.moneyShort(5e5));
    assertEquals("£2.5k", Formats.moneyShort(2500));
    assertEquals("£850", Formats.moneyShort(850));
  }

  @Test
  void aLargeColumnIsScaledOnceAndTheHeaderSaysSo() {
    Formats.Scale m = Formats.Scale.fit(List.of(3_527_154.0, -891_977.0));
    assertEquals("£m", m.header());
    assertEquals("3.53", m.figure(3_527_154));
    assertEquals(M + "0.89", m.figure(-891_977));
    Formats.Scale k = Formats.Scale.fit(Arrays.asList(183_000.0, null, Double.NaN));
    assertEquals("£k", k.header());
    assertEquals("1,183", k.figure(1_183_400));
    assertEquals("£", Formats.Scale.fit(List.of(65_000.0)).header());
  }

  @Test
  void numbersNeverUseScientificNotation() {
    assertEquals("10,000", Formats.number(1.000e4));
    assertEquals("0.85", Formats.number(0.85));
    assertEquals("0.0025", Formats.number(0.0025));
    assertEquals("0.00001235", Formats.number(1.2345e-5));
    assertEquals(M + "1.5", Formats.number(-1.5));
    assertEquals("123,500,000", Formats.number(1.2345e8));
    for (double v : new double[] {1e-9, 3.3e-7, 1e12, -4.4e-6}) {
      assertFalse(Formats.number(v).matches(".*[0-9][eE][+-]?[0-9].*"), Formats.number(v));
    }
  }

  @Test
  void percentagesDifferencesAndPValues() {
    assertEquals("26.7%", Formats.percent(0.267));
    assertEquals("85%", Formats.percent(0.85, 0));
    assertEquals(M + "14.7%", Formats.percent(-0.147));
    assertEquals("+6.25", Formats.difference(6.25));
    assertEquals(M + "0.761", Formats.difference(-0.761));
    assertEquals("< 0.001", Formats.pValue(9.49e-5));
    assertEquals("0.0248", Formats.pValue(0.0248));
    assertEquals("8,095", Formats.count(8095));
  }
}
