package org.sibmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sibmodel.ingest.Pseudonymiser;

/** The demo's inputs, made as {@code sib demo} makes them, for tests outside this package. */
public final class DemoInputs {
  private DemoInputs() {}

  /** The demo's sample of returns 2012 to 2019 of the given seed, into {@code sample}. */
  public static void sample(Path sample, long seed) {
    int exit = Main.run("generate", "--out", sample.toString(), "--years", "2012-2019", "--seed", Long.toString(seed));
    if (exit != 0) {
      throw new IllegalStateException("sib generate failed with exit code " + exit);
    }
  }

  /** The demo's made-up referral list for the sample; returns how many children it names. */
  public static int referred(Path sample, Path file, long seed) throws IOException {
    return DemoReferrals.write(sample, file, seed);
  }

  /** The demo's approximate population file. */
  public static void population(Path file) throws IOException {
    DemoReferrals.writePopulation(file);
  }

  /** A new pseudonymisation key, as the demo makes one. */
  public static void key(Path file) throws IOException {
    Pseudonymiser.writeNewKey(file);
  }
}
