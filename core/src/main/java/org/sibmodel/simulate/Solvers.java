package org.sibmodel.simulate;

import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.sibmodel.format.Formats;

/**
 * Roots of a scenario's net position as one input varies: the switching value of a sensitivity
 * input and the break-even tariff. The function is evaluated on common random numbers, so it is a
 * deterministic (step-like, nearly monotone) function of the input and Brent's method converges.
 */
public final class Solvers {
  /** Brent's method gives up after this many evaluations. */
  static final int MAX_EVALUATIONS = 60;

  private Solvers() {}

  /** A root found, or why there is none ({@code value} null). */
  public record Root(Double value, String note) {}

  /** Brent's method (commons-math3) on [lo, hi] when f changes sign there. */
  public static Root solve(DoubleUnaryOperator f, double lo, double hi, double accuracy) {
    return solve(f, lo, hi, accuracy, Formats::number);
  }

  /** As {@link #solve(DoubleUnaryOperator, double, double, double)}, the note showing values with {@code show}. */
  static Root solve(DoubleUnaryOperator f, double lo, double hi, double accuracy, DoubleFunction<String> show) {
    if (!(lo < hi) || !(accuracy > 0)) {
      throw new IllegalArgumentException("solve needs lo < hi and a positive accuracy, got [" + lo + ", " + hi + "] and " + accuracy);
    }
    double flo = f.applyAsDouble(lo);
    double fhi = f.applyAsDouble(hi);
    if (flo == 0) {
      return new Root(lo, "exactly zero at " + show.apply(lo));
    }
    if (Math.signum(flo) == Math.signum(fhi)) {
      return new Root(null, "no zero between " + show.apply(lo) + " (" + Formats.money(flo) + ") and " + show.apply(hi) + " ("
          + Formats.money(fhi) + ")");
    }
    BrentSolver solver = new BrentSolver(accuracy);
    double x = solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi);
    return new Root(x, "Brent's method between " + show.apply(lo) + " and " + show.apply(hi) + ", to within " + show.apply(accuracy)
        + " (" + solver.getEvaluations() + " evaluations)");
  }

  /**
   * The switching value: the zero of f nearest the base value. The range [low, high] is searched
   * first; only if it holds no zero are the stretches of the input's domain below and above it.
   */
  public static Root switching(DoubleUnaryOperator f, ScenarioInput input, double low, double high, double base) {
    double[][] brackets = {{low, high}, {input.domainLow(), low}, {high, input.domainHigh()}};
    Root nearest = null;
    for (double[] bracket : brackets) {
      if (!(bracket[0] < bracket[1])) {
        continue;
      }
      Root r = solve(f, bracket[0], bracket[1], input.accuracy(), input.quantity()::format);
      if (r.value() != null && (nearest == null || Math.abs(r.value() - base) < Math.abs(nearest.value() - base))) {
        nearest = r;
      }
      if (r.value() != null && bracket == brackets[0]) {
        break;
      }
    }
    return nearest != null ? nearest : new Root(null, "the P50 does not cross zero for values from "
        + input.quantity().format(input.domainLow()) + " to " + input.quantity().format(input.domainHigh()));
  }

  /**
   * The highest tariff at which the net position f is at least zero, to the tariff's accuracy:
   * Brent's root over the tariff's domain, stepped back by the accuracy when the solver landed
   * just past the zero (the net position falls as the price rises).
   */
  public static Root breakEven(DoubleUnaryOperator f) {
    ScenarioInput tariff = ScenarioInput.TARIFF;
    Root root = solve(f, tariff.domainLow(), tariff.domainHigh(), tariff.accuracy(), tariff.quantity()::format);
    Double value = root.value();
    if (value != null && f.applyAsDouble(value) < 0 && value - tariff.accuracy() >= tariff.domainLow()) {
      value = value - tariff.accuracy();
    }
    return new Root(value, root.note());
  }
}
