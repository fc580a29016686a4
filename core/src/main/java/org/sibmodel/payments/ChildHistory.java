package org.sibmodel.payments;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One referred child as the payment mechanism sees it, observed or simulated alike: sub-cohort,
 * day 0, care spells after day 0, and which secondary outcomes were achieved. Days are epoch days;
 * a spell is {@code [entry, exit)}, exit exclusive, {@link #OPEN} while still in care.
 *
 * @param childId the child's identifier, for reports
 * @param subCohort pathway x age group at referral
 * @param day0 engagement (diversion) or return home (reunification), epoch day
 * @param entries spell entry days, in order
 * @param exits spell exit days ({@link #OPEN} if still in care), matching {@code entries}
 * @param outcomes achieved secondary outcomes, one {@link SecondaryOutcome#bit()} each
 * @param engagementStart the day the service engaged the child and family (epoch day), from which the
 *     secondary outcomes are assessed (seed 000 9.2.2, 9.2.3); day 0 itself for diversion, before it
 *     for reunification (day 0 is then the return home)
 * @param endsHome for each spell, whether it ended with a return to the family home (seed 000 9.2.1:
 *     payment restarts only then); null where the monitoring data do not say, and every exit counts
 */
public record ChildHistory(String childId, SubCohort subCohort, int day0, int[] entries, int[] exits, int outcomes,
    int engagementStart, boolean[] endsHome) {
  /** Exit of a spell with no exit: still in care. */
  public static final int OPEN = Integer.MAX_VALUE;

  public ChildHistory {
    Objects.requireNonNull(subCohort, "subCohort");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(exits, "exits");
    if (entries.length != exits.length) {
      throw new IllegalArgumentException("child " + childId + ": " + entries.length + " spell entries but " + exits.length + " exits");
    }
    for (int i = 0; i < entries.length; i++) {
      if (entries[i] < day0) {
        throw new IllegalArgumentException("child " + childId + ": spell " + (i + 1) + " starts "
            + CalendarDays.date(entries[i]) + ", before day 0 " + CalendarDays.date(day0));
      }
      if (exits[i] <= entries[i]) {
        throw new IllegalArgumentException("child " + childId + ": spell " + (i + 1) + " exits "
            + CalendarDays.date(exits[i]) + ", not after its entry " + CalendarDays.date(entries[i]));
      }
      if (i > 0 && entries[i] < exits[i - 1]) {
        throw new IllegalArgumentException("child " + childId + ": spell " + (i + 1) + " starting "
            + CalendarDays.date(entries[i]) + " overlaps the spell before it, or is out of order");
      }
    }
    if (engagementStart > day0) {
      throw new IllegalArgumentException("child " + childId + ": engagement starts " + CalendarDays.date(engagementStart)
          + ", after day 0 " + CalendarDays.date(day0));
    }
    if (endsHome != null && endsHome.length != entries.length) {
      throw new IllegalArgumentException("child " + childId + ": " + entries.length + " spells but " + endsHome.length + " reasons they ended");
    }
    if ((outcomes & ~0xF) != 0) {
      throw new IllegalArgumentException("child " + childId + ": outcome bits " + Integer.toBinaryString(outcomes) + " name no outcome");
    }
  }

  /** A child engaged on day 0, every exit from care a return home (the specification's test vectors). */
  public ChildHistory(String childId, SubCohort subCohort, int day0, int[] entries, int[] exits, int outcomes) {
    this(childId, subCohort, day0, entries, exits, outcomes, day0, null);
  }

  /** A spell in dates; {@code exit} null while in care. */
  public record Spell(LocalDate entry, LocalDate exit) {}

  /** Builds a history from dates (for observed children and tests). */
  public static ChildHistory of(String childId, SubCohort subCohort, LocalDate day0, List<Spell> spells, SecondaryOutcome... achieved) {
    int[] entries = new int[spells.size()];
    int[] exits = new int[spells.size()];
    for (int i = 0; i < spells.size(); i++) {
      entries[i] = CalendarDays.epochDay(spells.get(i).entry());
      exits[i] = spells.get(i).exit() == null ? OPEN : CalendarDays.epochDay(spells.get(i).exit());
    }
    int bits = 0;
    for (SecondaryOutcome o : achieved) {
      bits |= o.bit();
    }
    return new ChildHistory(childId, subCohort, CalendarDays.epochDay(day0), entries, exits, bits);
  }

  public boolean achieved(SecondaryOutcome outcome) {
    return (outcomes & outcome.bit()) != 0;
  }
}
