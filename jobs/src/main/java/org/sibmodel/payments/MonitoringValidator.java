package org.sibmodel.payments;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.sibmodel.io.TabularInput;
import org.sibmodel.payments.PaymentReject.Rule;
import org.sibmodel.ssda903.Ssda903Dates;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.AgeGroup;

/**
 * The row-level rules of the monitoring files: required values, dates (ISO, or dd/mm/yyyy),
 * known pathways and age bands, 0/1 flags, and a spell's exit after its entry.
 */
final class MonitoringValidator implements Serializable {
  private static final long serialVersionUID = 1L;
  private final TabularInput children;
  private final TabularInput spells;

  MonitoringValidator(TabularInput children, TabularInput spells) {
    this.children = children;
    this.spells = spells;
  }

  MonitoringRows.Checked child(TabularInput.Row row) {
    Check c = new Check(children, row, "children");
    if (c.malformed()) {
      return c.rejected();
    }
    String id = c.required("child_id");
    c.childId = id;
    String pathwayText = c.required("pathway");
    Pathway pathway = null;
    if (pathwayText != null) {
      try {
        pathway = Pathway.parse(pathwayText);
      } catch (IllegalArgumentException e) {
        c.fail("pathway", pathwayText, Rule.BAD_VALUE, e.getMessage());
      }
    }
    String band = c.required("age_band");
    if (band != null) {
      try {
        AgeGroup.ofBand(band);
      } catch (IllegalArgumentException e) {
        c.fail("age_band", band, Rule.BAD_VALUE, e.getMessage());
      }
    }
    LocalDate start = c.date("start_date", true);
    LocalDate engagement = c.date("engagement_start", false);
    if (start != null && engagement != null && engagement.isAfter(start)) {
      c.fail("engagement_start", row.value(children, "engagement_start"), Rule.BAD_VALUE, "engagement_start " + engagement
          + " is after start_date " + start + ": the service engages before or on day 0 (the return home, for reunification)");
    }
    int outcomes = 0;
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      String flag = row.value(children, o.key());
      if (flag == null || flag.equals("0")) {
        continue;
      }
      if (flag.equals("1")) {
        outcomes |= o.bit();
      } else {
        c.fail(o.key(), flag, Rule.BAD_VALUE, o.key() + " '" + flag + "' is not a flag: expected 1 (achieved), 0 or empty");
      }
    }
    if (!c.rejects.isEmpty()) {
      return c.rejected();
    }
    return new MonitoringRows.Checked(id, new MonitoringRows.Child(row.line(), id, pathway, band, start, outcomes,
        engagement == null ? start : engagement), List.of());
  }

  MonitoringRows.Checked spell(TabularInput.Row row) {
    Check c = new Check(spells, row, "spells");
    if (c.malformed()) {
      return c.rejected();
    }
    String id = c.required("child_id");
    c.childId = id;
    LocalDate entry = c.date("entry_date", true);
    LocalDate exit = c.date("exit_date", false);
    if (entry != null && exit != null && !exit.isAfter(entry)) {
      c.fail("exit_date", row.value(spells, "exit_date"), Rule.EXIT_BEFORE_ENTRY,
          "exit_date " + exit + " is not after entry_date " + entry + " (exit is the first day home again)");
    }
    String reason = null;
    if (spells.columns().containsKey("reason_ceased")) {
      reason = row.value(spells, "reason_ceased");
      if (exit != null && reason == null) {
        c.fail("reason_ceased", null, Rule.MISSING_VALUE, "reason_ceased is empty for a spell with an exit: give the SSDA903 reason"
            + " episode ceased (REC), as E4A for a return home");
      } else if (exit == null && reason != null) {
        c.fail("reason_ceased", reason, Rule.BAD_VALUE, "reason_ceased " + reason + " given for a spell with no exit (still in care)");
      } else if (reason != null && !reason.trim().toUpperCase(java.util.Locale.ROOT).matches("E[0-9A-Z]{1,3}")) {
        c.fail("reason_ceased", reason, Rule.BAD_VALUE, "reason_ceased '" + reason + "' is not an SSDA903 reason episode ceased (E4A, E13, ...)");
      }
      reason = reason == null ? null : reason.trim().toUpperCase(java.util.Locale.ROOT);
    }
    if (!c.rejects.isEmpty()) {
      return c.rejected();
    }
    return new MonitoringRows.Checked(id, new MonitoringRows.Spell(row.line(), id, entry, exit, reason), List.of());
  }

  /** The rejects of one row. */
  private static final class Check {
    private final TabularInput input;
    private final TabularInput.Row row;
    private final String dataset;
    private final List<PaymentReject> rejects = new ArrayList<>();
    String childId;

    Check(TabularInput input, TabularInput.Row row, String dataset) {
      this.input = input;
      this.row = row;
      this.dataset = dataset;
    }

    boolean malformed() {
      if (row.malformed() != null) {
        fail(null, null, Rule.MALFORMED_ROW, row.malformed());
        return true;
      }
      return false;
    }

    String required(String column) {
      String v = row.value(input, column);
      if (v == null) {
        fail(column, null, Rule.MISSING_VALUE, column + " is empty; it is required");
      }
      return v;
    }

    LocalDate date(String column, boolean required) {
      String v = required ? required(column) : row.value(input, column);
      if (v == null) {
        return null;
      }
      try {
        return Ssda903Dates.parse(v);
      } catch (DateTimeParseException e) {
        fail(column, v, Rule.BAD_DATE, column + " " + e.getMessage());
        return null;
      }
    }

    void fail(String field, String value, Rule rule, String message) {
      rejects.add(new PaymentReject(input.shownAs(), row.line(), dataset, childId, field, value, rule, message));
    }

    MonitoringRows.Checked rejected() {
      return new MonitoringRows.Checked(childId, new MonitoringRows.RejectedRow(row.line(), dataset, childId), List.copyOf(rejects));
    }
  }
}
