package org.sibmodel.ingest;

import java.io.Serializable;

/** What became of one input row: every row gets exactly one, which the reconciliation counts. */
public record RowFate(int fileId, long line, Fate fate) implements Serializable {

  public enum Fate {
    ACCEPTED,
    REJECTED,
    /** Replaced by the same episode, or the same child's header, in a later return. */
    SUPERSEDED
  }
}
