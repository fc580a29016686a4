package org.sibmodel.payments;

/**
 * The one-off secondary outcome payments (seed 000, 9.2.2 to 9.2.4), each earned on its
 * assessment date if the outcome was achieved.
 */
public enum SecondaryOutcome {
  /** Family Star Plus improved by the agreed percentage, assessed at day 0 + 6 months. */
  FAMILY_STAR("family_star"),
  /** My Star improved by the agreed percentage, assessed at day 0 + 6 months. */
  MY_STAR("my_star"),
  /** Unauthorised absence reduced by the agreed percentage over 12 months. */
  ATTENDANCE("attendance"),
  /** Reading age improved beyond the school's forecast, assessed at day 0 + 6 months. */
  READING("reading");

  private final String key;

  SecondaryOutcome(String key) {
    this.key = key;
  }

  /** The name used in terms files and monitoring data. */
  public String key() {
    return key;
  }

  /** This outcome's bit in {@link ChildHistory#outcomes()}. */
  public int bit() {
    return 1 << ordinal();
  }
}
