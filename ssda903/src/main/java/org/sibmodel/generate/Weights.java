package org.sibmodel.generate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A categorical distribution over named outcomes (codes or categories) with relative weights.
 * Declared order is kept, so a draw is a pure function of the generator's next number. Immutable;
 * written to JSON as the plain map of weights. A class rather than a record so that the cumulative
 * weights a draw needs are computed once, not on every one of the millions of draws.
 */
public final class Weights {
  private final Map<String, Double> shares;
  private final String[] outcomes;
  private final double[] cumulative;

  public Weights(Map<String, Double> shares) {
    if (shares == null || shares.isEmpty()) {
      throw new IllegalArgumentException("weights: no outcomes given");
    }
    this.shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    this.outcomes = new String[shares.size()];
    this.cumulative = new double[shares.size()];
    double total = 0;
    int i = 0;
    for (Map.Entry<String, Double> e : this.shares.entrySet()) {
      Double w = e.getValue();
      if (w == null || !(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            "weights: outcome '" + e.getKey() + "' has weight " + w + "; expected a finite number >= 0");
      }
      total += w;
      outcomes[i] = e.getKey();
      cumulative[i] = total;
      i++;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights " + shares + ": all weights are zero");
    }
  }

  /** {@code Weights.of("E4A", 0.75, "E4B", 0.15, ...)}. */
  public static Weights of(Object... outcomeThenWeight) {
    if (outcomeThenWeight.length % 2 != 0) {
      throw new IllegalArgumentException("weights: expected outcome, weight pairs");
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < outcomeThenWeight.length; i += 2) {
      String outcome = (String) outcomeThenWeight[i];
      double weight = ((Number) outcomeThenWeight[i + 1]).doubleValue();
      if (map.put(outcome, weight) != null) {
        throw new IllegalArgumentException("weights: outcome '" + outcome + "' given twice");
      }
    }
    return new Weights(map);
  }

  /** The weights as declared (not normalised), in declared order. */
  @JsonValue
  public Map<String, Double> shares() {
    return shares;
  }

  /** The probability of one outcome (0 if absent). */
  public double share(String outcome) {
    return shares.getOrDefault(outcome, 0.0) / cumulative[cumulative.length - 1];
  }

  String draw(SplittableRandom rng) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return outcomes[i];
      }
    }
    // u can equal the total only through rounding: the last outcome with a positive weight.
    for (int i = cumulative.length - 1; i > 0; i--) {
      if (cumulative[i] > cumulative[i - 1]) {
        return outcomes[i];
      }
    }
    return outcomes[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Weights w && w.shares.equals(shares);
  }

  @Override
  public int hashCode() {
    return shares.hashCode();
  }

  @Override
  public String toString() {
    return shares.toString();
  }
}
