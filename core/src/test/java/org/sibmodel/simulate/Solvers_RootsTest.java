package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class Solvers_RootsTest {

  @Test
  void brentFindsTheRootOfALineWithinTheAccuracy() {
    Solvers.Root r = Solvers.solve(x -> 1_000 - 80 * x, 0, 100, 0.001);
    assertEquals(12.5, r.value(), 0.001);
    assertTrue(r.note().startsWith("Brent's method"), r.note());
  }

  @Test
  void noSignChangeMeansNoRootAndSaysWhy() {
    Solvers.Root r = Solvers.solve(x -> 5 + x, 0, 10, 0.01);
    assertNull(r.value());
    assertTrue(r.note().contains("no zero between"), r.note());
  }

  @Test
  void theSwitchingValueInsideTheRangeIsFoundThere() {
    // Net position falls with the hazard ratio and crosses zero at 0.76, inside the range 0.5 to 0.85.
    Solvers.Root r = Solvers.switching(x -> 3_000_000 * (0.76 - x), ScenarioInput.HAZARD_RATIO, 0.5, 0.85, 0.65);
    assertEquals(0.76, r.value(), ScenarioInput.HAZARD_RATIO.accuracy());
  }

  @Test
  void aSwitchingValueOutsideTheRangeIsSoughtOverTheDomainNearestTheBase() {
    // Zeros at 0.3 (below the range) and 1.6 (above): the one nearer the base 0.65 is 0.3.
    DoubleUnaryOperator f = x -> (x - 0.3) * (x - 1.6);
    Solvers.Root r = Solvers.switching(f, ScenarioInput.HAZARD_RATIO, 0.5, 0.85, 0.65);
    assertEquals(0.3, r.value(), ScenarioInput.HAZARD_RATIO.accuracy());
  }

  @Test
  void noSwitchingValueAnywhereInTheDomainIsSaid() {
    Solvers.Root r = Solvers.switching(x -> 1 + x, ScenarioInput.CASHABLE_SHARE, 0.4, 0.8, 0.6);
    assertNull(r.value());
    assertTrue(r.note().contains("does not cross zero"), r.note());
  }

  @Test
  void theBreakEvenTariffIsTheHighestPriceWithTheNetAtLeastZero() {
    // A step function as a simulation gives: the net falls by £1,000 for every whole £10 of price; zero is crossed at 14,990.
    DoubleUnaryOperator net = p -> 1_499_000 - 1_000 * Math.floor(p / 10) - 500;
    Solvers.Root r = Solvers.breakEven(net);
    assertTrue(net.applyAsDouble(r.value()) >= 0, "net at " + r.value() + " is " + net.applyAsDouble(r.value()));
    assertTrue(net.applyAsDouble(r.value() + 2 * ScenarioInput.TARIFF.accuracy()) < 0, "within the accuracy of the crossing");
    assertEquals(14_990, r.value(), 2 * ScenarioInput.TARIFF.accuracy());
  }

  @Test
  void aContractThatNeverPaysForItselfHasNoBreakEven() {
    assertNull(Solvers.breakEven(p -> -1_000 - p).value());
  }
}
