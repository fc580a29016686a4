package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The looked-up rounded quantile is {@code Math.round(quantile.of(u))} to the bit: on 300,000
 * random uniforms each, and at and around every edge of its steps, where the lookup hands over to the
 * quantile itself. The distributions are the defaults' days to start and to home, wider and
 * narrower ones, a fixed one (no steps) and one spread too wide to table.
 */
class RoundedQuantile_LookupTest {
  private static final List<Distribution> DISTRIBUTIONS = List.of(
      new Distribution("lognormal", 21, 10), new Distribution("lognormal", 60, 30), new Distribution("lognormal", 2, 0.5),
      new Distribution("lognormal", 200, 150), new Distribution("normal", 40, 12), new Distribution("beta", 0.4, 0.1),
      Distribution.fixed(21), new Distribution("lognormal", 1e5, 1e6));

  @Test
  void sameAsRoundingTheQuantileAtRandomUniforms() throws Exception {
    for (Distribution d : DISTRIBUTIONS) {
      Distribution.Quantile q = d.quantileFunction();
      RoundedQuantile rounded = roundTrip(RoundedQuantile.of(q));
      SplittableRandom rng = new SplittableRandom(20190901);
      for (int i = 0; i < 300_000; i++) {
        double u = 1 - rng.nextDouble();
        assertEquals(Math.round(q.of(u)), rounded.of(u), d + " at u = " + u);
      }
    }
  }

  @Test
  void sameAsRoundingTheQuantileAroundEveryStep() {
    for (Distribution d : DISTRIBUTIONS) {
      Distribution.Quantile q = d.quantileFunction();
      RoundedQuantile rounded = RoundedQuantile.of(q);
      long lowest = Math.round(q.of(1e-7));
      long highest = Math.min(Math.round(q.of(1 - 1e-7)), lowest + 20_000);
      for (long k = lowest + 1; k <= highest; k++) {
        double edge = leastAtOrAbove(q, k);
        for (double offset : new double[] {0, 1e-16, 1e-13, 1e-10, 0.9e-9, 1.1e-9, 1e-8, 1e-6}) {
          for (double u : new double[] {edge - offset, edge + offset, Math.nextUp(edge + offset), Math.nextDown(edge - offset)}) {
            if (u > 0 && u < 1) {
              assertEquals(Math.round(q.of(u)), rounded.of(u), d + " at u = " + u + ", near the step to " + k + " at " + edge);
            }
          }
        }
      }
    }
  }

  /** Where the rounded quantile reaches k, by bisection on the values of u (the table bisects on their bits). */
  private static double leastAtOrAbove(Distribution.Quantile q, long k) {
    double lo = 1e-7;
    double hi = 1 - 1e-7;
    while (true) {
      double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) {
        return hi;
      }
      if (Math.round(q.of(mid)) >= k) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
  }

  private static RoundedQuantile roundTrip(RoundedQuantile q) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(q);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RoundedQuantile) in.readObject();
    }
  }
}
