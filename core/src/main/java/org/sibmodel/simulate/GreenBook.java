package org.sibmodel.simulate;

/**
 * Real terms and discounting as HM Treasury's Green Book asks: a nominal amount of financial year
 * {@code y} is deflated by general inflation to pounds of the price year, then discounted at the
 * social time preference rate from the first year of the appraisal.
 */
public final class GreenBook {
  private GreenBook() {}

  /** Pounds of the price year that {@code nominal} pounds of financial year {@code year} buy. */
  public static double real(double nominal, int year, int priceYear, double inflation) {
    return nominal / Math.pow(1 + inflation, year - priceYear);
  }

  /** The discount factor of financial year {@code year} when {@code firstYear} is year 0. */
  public static double discountFactor(int year, int firstYear, double rate) {
    return 1 / Math.pow(1 + rate, year - firstYear);
  }

  /**
   * The net present value of nominal amounts by financial year, from {@code firstYear} on: each is
   * made real at the price year and discounted to {@code firstYear}.
   */
  public static double npvReal(double[] nominalByYear, int firstYear, int priceYear, double inflation, double rate) {
    double npv = 0;
    for (int y = 0; y < nominalByYear.length; y++) {
      npv += real(nominalByYear[y], firstYear + y, priceYear, inflation) * discountFactor(firstYear + y, firstYear, rate);
    }
    return npv;
  }
}
