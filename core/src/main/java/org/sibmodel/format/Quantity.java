package org.sibmodel.format;

/** What an input's number measures, so a table or a workbook can show it with its unit. */
public enum Quantity {
  /** Pounds. */
  POUNDS("£"),
  /** Pounds a week. */
  POUNDS_A_WEEK("£ a week"),
  /** A share or a probability, 0 to 1, shown as a percentage. */
  SHARE("%"),
  /** A ratio (a hazard ratio), no unit. */
  RATIO("ratio"),
  /** A multiplier of the base value. */
  MULTIPLIER("x base"),
  /** Months. */
  MONTHS("months");

  private final String unit;

  Quantity(String unit) {
    this.unit = unit;
  }

  /** The unit as a column header or an assumptions table states it. */
  public String unit() {
    return unit;
  }

  /** The value with its unit, for people: £10,000; £3,830 a week; 72.5%; 0.7; 1.25 x base; 36 months. */
  public String format(double v) {
    return switch (this) {
      case POUNDS -> Formats.money(v);
      case POUNDS_A_WEEK -> Formats.money(v) + " a week";
      case SHARE -> Formats.number(100 * v, 3) + "%";
      case RATIO -> Formats.number(v, 3);
      case MULTIPLIER -> Formats.number(v, 3) + " x base";
      case MONTHS -> Formats.number(v, 3) + " months";
    };
  }
}
