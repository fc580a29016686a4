package org.sibmodel.generate;

/** Writes the synthetic county's returns. */
public final class GenerateJob {
  private GenerateJob() {}

  public static GenerateSummary run(GenerateOptions options) {
    throw new UnsupportedOperationException("sib generate is being written");
  }
}
