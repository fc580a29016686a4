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
 * The quantile function with its constants worked out once gives the bits {@link Distribution#quantile}
 * gives, for every kind, and survives serialization (Spark ships the kernel that keeps it).
 */
class Distribution_QuantileFunctionTest {
  private static final List<Distribution> KINDS = List.of(
      Distribution.fixed(21), new Distribution("lognormal", 21, 10), new Distribution("lognormal", 60, 30),
      new Distribution("normal", 0.02, 0.005), new Distribution("beta", 0.4, 0.1), new Distribution("lognormal", 5, 0));

  @Test
  void sameBitsAsTheQuantile() throws Exception {
    for (Distribution d : KINDS) {
      Distribution.Quantile q = roundTrip(d.quantileFunction());
      SplittableRandom rng = new SplittableRandom(2019);
      for (int i = 0; i < 2_000; i++) {
        double u = 1 - rng.nextDouble();
        assertEquals(Double.doubleToRawLongBits(d.quantile(u)), Double.doubleToRawLongBits(q.of(u)), d + " at u = " + u);
      }
    }
  }

  private static Distribution.Quantile roundTrip(Distribution.Quantile q) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(q);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Distribution.Quantile) in.readObject();
    }
  }
}
