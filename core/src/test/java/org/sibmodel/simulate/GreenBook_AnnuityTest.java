package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class GreenBook_AnnuityTest {

  @Test
  void aConstantRealSavingIsWorthTheAnnuity() {
    // £100,000 a year in 2021-22 prices for 7 years from 2019-20, with 2.5% inflation: nominal = real x 1.025^(year - 2021).
    double real = 100_000;
    double inflation = 0.025;
    double rate = 0.035;
    double[] nominal = new double[7];
    for (int y = 0; y < 7; y++) {
      nominal[y] = real * Math.pow(1 + inflation, 2019 + y - 2021);
    }
    double annuity = real * (1 - Math.pow(1 + rate, -7)) / rate * (1 + rate);   // payments at the start of each year
    double npv = GreenBook.npvReal(nominal, 2019, 2021, inflation, rate);
    assertEquals(Math.round(annuity * 100), Math.round(npv * 100), "to the penny");
    assertEquals(632_855.30, npv, 0.005, "100,000 x (1 - 1.035^-7) / 0.035 x 1.035");
    assertNotEquals(Math.round(annuity * 100), Math.round(GreenBook.npvReal(nominal, 2019, 2021, 0.0, rate) * 100),
        "left nominal, the same flows are worth more");
  }

  @Test
  void realTermsAreAtThePriceYear() {
    assertEquals(100, GreenBook.real(100, 2021, 2021, 0.02), 0.0);
    assertEquals(100, GreenBook.real(102, 2022, 2021, 0.02), 1e-12);
    assertEquals(1, GreenBook.discountFactor(2019, 2019, 0.035), 0.0);
  }
}
