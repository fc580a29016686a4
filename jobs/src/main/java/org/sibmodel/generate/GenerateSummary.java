package org.sibmodel.generate;

/** What {@code sib generate} wrote, for the console and summary.json. */
public record GenerateSummary(String out, int firstYear, int lastYear, long seed) {
  public String describe() {
    return "wrote synthetic SSDA903 returns " + firstYear + " to " + lastYear + " (seed " + seed + ") to " + out + "\n";
  }
}
