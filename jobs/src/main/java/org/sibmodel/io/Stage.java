package org.sibmodel.io;

/**
 * The sib commands that write a stage output: the name run.json records as {@code command}, and
 * what the output holds, for messages that tell a user which folder to give.
 */
public enum Stage {
  GENERATE("yearly folders of SSDA903 returns, README.md, generator_truth.json"),
  INGEST("care_episodes/, care_periods/, care_entries/, ingest_rejects/, summary.json"),
  CALIBRATE("params.json, entry_rates/, time_in_care_km/, report.html"),
  SIMULATE("simulation_iterations/, simulation_summary/, simulation_months/, summary.json"),
  SCENARIOS("scenario_iterations/, scenario_summary/, scenario_months/, sensitivity/, break_even/, summary.json"),
  REPORT("affordability/, cash_flow/, workbook.xlsx, report.html"),
  COMPARE("compare_cohorts/, compare_differences/, report.html, summary.json"),
  PAYMENTS("payment_children/, payment_lines/, payment_months/, summary.json");

  private final String holds;

  Stage(String holds) {
    this.holds = holds;
  }

  /** The command's name, as typed after {@code sib} and recorded in run.json. */
  public String command() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The main files and datasets of its output. */
  public String holds() {
    return holds;
  }
}
