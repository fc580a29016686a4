package org.sibmodel.calibrate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Every pooling decision calibration makes, so none is silent: a cell with too few cases is
 * estimated together with others (district into the rest of the county, fine age band into the
 * contract's 5-9 or 10-15), or not estimated at all when even the pool has no data.
 */
public final class Pooling implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One decision.
   *
   * @param component what is being estimated: entries, time_in_care, reentry, placement_mix
   * @param cell the cell that was pooled (a district, an age band)
   * @param cases how many cases (entries, periods, returns home) it had
   * @param pooledInto what it is estimated with, or "not estimated"
   * @param reason why, in words
   */
  public record Decision(String component, String cell, long cases, String pooledInto, String reason) implements Serializable {}

  private final List<Decision> decisions = new ArrayList<>();

  public void add(String component, String cell, long cases, String pooledInto, String reason) {
    decisions.add(new Decision(component, cell, cases, pooledInto, reason));
  }

  public List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  /** The decisions of one component. */
  public List<Decision> of(String component) {
    return decisions.stream().filter(d -> d.component().equals(component)).toList();
  }
}
