package org.sibmodel.payments;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.AgeGroup;

/** Rows of the monitoring files, typed, and the outcome of checking one row. */
final class MonitoringRows {
  private MonitoringRows() {}

  /** Anything keyed by child: a valid row, or the trace of a rejected one. */
  sealed interface Item extends Serializable permits Child, Spell, RejectedRow {
    long line();
  }

  /** A valid children row. {@code outcomes}: {@link SecondaryOutcome#bit()}s achieved. */
  record Child(long line, String childId, Pathway pathway, String ageBand, LocalDate startDate, int outcomes,
      LocalDate engagementStart) implements Item {
    SubCohort subCohort() {
      return new SubCohort(pathway, AgeGroup.ofBand(ageBand));
    }
  }

  /** A valid spell; {@code exit} null while in care; {@code reason} the SSDA903 reason it ceased, null where not given. */
  record Spell(long line, String childId, LocalDate entry, LocalDate exit, String reason) implements Item {}

  /** A row rejected on its own, kept so its child can be rejected with it. */
  record RejectedRow(long line, String dataset, String childId) implements Item {}

  /** The outcome of one row: {@code item} a Child or Spell, else the rejects. */
  record Checked(String childId, Item item, List<PaymentReject> rejects) implements Serializable {}
}
