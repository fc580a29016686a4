package org.sibmodel.payments;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sibmodel.payments.PaymentReject.Rule;

/**
 * One child id's rows from both files, resolved: the child's row (the first if repeated), its
 * spells checked against each other and day 0, then the engine. A child with any rejected spell
 * is rejected as well: payments worked out without a spell would be wrong, so none are made.
 * Every row comes back either used or rejected.
 */
final class PaymentCases implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A child assessed, with what the reports need about it. */
  record Assessed(MonitoringRows.Child child, ChildPayments payments) implements Serializable {}

  /** What one child id resolved to. */
  record Result(Assessed assessed, List<PaymentReject> rejects, int childRowsUsed, int spellRowsUsed) implements Serializable {}

  private final PaymentEngine engine;
  private final LocalDate asOf;
  private final String childrenFile;
  private final String spellsFile;

  PaymentCases(PaymentEngine engine, LocalDate asOf, String childrenFile, String spellsFile) {
    this.engine = engine;
    this.asOf = asOf;
    this.childrenFile = childrenFile;
    this.spellsFile = spellsFile;
  }

  Result resolve(String childId, List<MonitoringRows.Item> items) {
    List<MonitoringRows.Child> childRows = new ArrayList<>();
    List<MonitoringRows.Spell> spells = new ArrayList<>();
    List<MonitoringRows.RejectedRow> rejectedRows = new ArrayList<>();
    for (MonitoringRows.Item item : items) {
      if (item instanceof MonitoringRows.Child c) {
        childRows.add(c);
      } else if (item instanceof MonitoringRows.Spell s) {
        spells.add(s);
      } else {
        rejectedRows.add((MonitoringRows.RejectedRow) item);
      }
    }
    childRows.sort(Comparator.comparingLong(MonitoringRows.Child::line));
    spells.sort(Comparator.comparing(MonitoringRows.Spell::entry).thenComparingLong(MonitoringRows.Spell::line));
    List<PaymentReject> rejects = new ArrayList<>();

    MonitoringRows.Child child = childRows.isEmpty() ? null : childRows.get(0);
    for (MonitoringRows.Child duplicate : childRows.subList(Math.min(1, childRows.size()), childRows.size())) {
      rejects.add(childReject(duplicate.line(), childId, Rule.DUPLICATE_CHILD,
          "child_id " + childId + " is already on line " + child.line() + "; each child needs one row"));
    }
    if (child == null) {
      String why = rejectedRows.stream().anyMatch(r -> r.dataset().equals("children"))
          ? "the child's row in " + childrenFile + " was rejected"
          : "no child with this child_id in " + childrenFile;
      for (MonitoringRows.Spell s : spells) {
        rejects.add(spellReject(s.line(), childId, "child_id", childId, Rule.UNKNOWN_CHILD, why));
      }
      return new Result(null, rejects, 0, 0);
    }

    List<MonitoringRows.Spell> keptRows = new ArrayList<>();
    List<ChildHistory.Spell> kept = new ArrayList<>();
    int rejectedSpells = (int) rejectedRows.stream().filter(r -> r.dataset().equals("spells")).count();
    MonitoringRows.Spell previous = null;
    for (MonitoringRows.Spell s : spells) {
      if (s.entry().isBefore(child.startDate())) {
        rejects.add(spellReject(s.line(), childId, "entry_date", s.entry().toString(), Rule.SPELL_BEFORE_DAY0,
            "entry_date " + s.entry() + " is before the child's start_date " + child.startDate()
                + " (day 0); give only spells after day 0"));
        rejectedSpells++;
      } else if (previous != null && (previous.exit() == null || s.entry().isBefore(previous.exit()))) {
        rejects.add(spellReject(s.line(), childId, "entry_date", s.entry().toString(), Rule.OVERLAPPING_SPELL,
            "this spell from " + s.entry() + " overlaps the spell from " + previous.entry() + " (line " + previous.line()
                + "), which " + (previous.exit() == null ? "has no exit" : "ends " + previous.exit())));
        rejectedSpells++;
      } else {
        kept.add(new ChildHistory.Spell(s.entry(), s.exit()));
        keptRows.add(s);
        previous = s;
      }
    }
    if (rejectedSpells > 0) {
      rejects.add(childReject(child.line(), childId, Rule.CHILD_HAS_REJECTED_SPELLS,
          rejectedSpells + " of the child's spells were rejected (see the spells rejects): without them its payments"
              + " cannot be worked out, so none are"));
      for (MonitoringRows.Spell s : keptRows) {
        rejects.add(spellReject(s.line(), childId, null, null, Rule.CHILD_REJECTED,
            "the child is rejected because another of its spells was: this spell is not used"));
      }
      return new Result(null, rejects, 0, 0);
    }
    ChildHistory dates = ChildHistory.of(childId, child.subCohort(), child.startDate(), kept, outcomes(child.outcomes()));
    boolean[] endsHome = null;
    if (keptRows.stream().anyMatch(s -> s.reason() != null)) {
      endsHome = new boolean[keptRows.size()];
      for (int i = 0; i < endsHome.length; i++) {
        String reason = keptRows.get(i).reason();
        endsHome[i] = reason == null || engine.terms().returnHomeCodes().contains(reason);
      }
    }
    ChildHistory history = new ChildHistory(childId, dates.subCohort(), dates.day0(), dates.entries(), dates.exits(), dates.outcomes(),
        org.sibmodel.payments.CalendarDays.epochDay(child.engagementStart()), endsHome);
    return new Result(new Assessed(child, engine.assess(history, asOf)), rejects, 1, kept.size());
  }

  private static SecondaryOutcome[] outcomes(int bits) {
    List<SecondaryOutcome> achieved = new ArrayList<>();
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      if ((bits & o.bit()) != 0) {
        achieved.add(o);
      }
    }
    return achieved.toArray(SecondaryOutcome[]::new);
  }

  private PaymentReject childReject(long line, String childId, Rule rule, String message) {
    return new PaymentReject(childrenFile, line, "children", childId, null, null, rule, message);
  }

  private PaymentReject spellReject(long line, String childId, String field, String value, Rule rule, String message) {
    return new PaymentReject(spellsFile, line, "spells", childId, field, value, rule, message);
  }
}
