package org.sibmodel.simulate;

import java.util.Locale;

/**
 * What the tornado, the switching values and the break-even tariff judge a scenario by: the
 * council's net present value in real terms (the Green Book measure) or its nominal, undiscounted
 * net position (the budget view).
 */
public enum Basis {
  NPV_REAL("npv_real", "the council's net present value in real terms (Green Book)"),
  NET_POSITION("net_position", "the council's net position in cash, undiscounted");

  private final String key;
  private final String description;

  Basis(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The basis's value in an iteration's result. */
  public double of(IterationResult r) {
    return this == NPV_REAL ? r.npvReal() : r.netPosition();
  }

  public static Basis of(String key) {
    for (Basis b : values()) {
      if (b.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new IllegalArgumentException("basis '" + key + "': expected npv_real or net_position");
  }
}
