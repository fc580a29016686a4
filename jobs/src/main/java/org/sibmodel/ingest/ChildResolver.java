package org.sibmodel.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sibmodel.ingest.Reject.Rule;
import org.sibmodel.ingest.RowFate.Fate;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.vocabulary.PlacementGroup;
import org.sibmodel.ssda903.Ssda903Dates;

/**
 * Everything ingest knows about one child, from every return, resolved into curated records.
 * Plain Java: Spark hands it one child's rows at a time.
 *
 * <ol>
 *   <li>Header and UASC rows: the latest return wins; a second row for the child in the same
 *       return is a duplicate.
 *   <li>Episodes without an accepted header row, starting before the date of birth or at 18 or
 *       over are rejected.
 *   <li>Episodes are merged on their start date (DECOM): the latest return wins (an episode open
 *       at one year end is repeated, perhaps closed, in the next return); the same start twice
 *       in one return is a duplicate.
 *   <li>Overlapping episodes: the one from the older return is rejected (the later return is
 *       the better record); within one return, the later-starting one.
 *   <li>Care periods: a new period starts at RNE = S, after a gap, or after an episode that ended
 *       with the child leaving care (an E code).
 * </ol>
 *
 * Every row it is given comes back with exactly one {@link RowFate}.
 */
final class ChildResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What one child's rows resolved to. */
  record Result(
      List<Curated.Episode> episodes,
      List<Curated.Period> periods,
      List<Reject> rejects,
      List<RowFate> fates,
      List<Curated.UnmappedPostcode> unmapped)
      implements Serializable {}

  private final Pseudonymiser pseudonymiser;
  private final PostcodeLookup postcodes;
  private final InputSet inputs;
  private final Set<String> returnHomeCodes;

  ChildResolver(Pseudonymiser pseudonymiser, PostcodeLookup postcodes, InputSet inputs, Set<String> returnHomeCodes) {
    this.pseudonymiser = pseudonymiser;
    this.postcodes = postcodes;
    this.inputs = inputs;
    this.returnHomeCodes = Set.copyOf(returnHomeCodes);
  }

  /** Resolves one child from all its valid rows, of any file. */
  Result resolve(String la, String child, Iterable<Rows.Row> rows) {
    List<Rows.Episode> episodes = new ArrayList<>();
    List<Rows.Header> headers = new ArrayList<>();
    List<Rows.Uasc> uasc = new ArrayList<>();
    for (Rows.Row row : rows) {
      if (row instanceof Rows.Episode e) {
        episodes.add(e);
      } else if (row instanceof Rows.Header h) {
        headers.add(h);
      } else {
        uasc.add((Rows.Uasc) row);
      }
    }
    return resolve(la, child, episodes, headers, uasc);
  }

  Result resolve(
      String la, String child, Iterable<Rows.Episode> episodeRows, Iterable<Rows.Header> headerRows,
      Iterable<Rows.Uasc> uascRows) {
    Outcomes out = new Outcomes();
    List<Rows.Header> headers = out.latestPerKey(list(headerRows), h -> "", "a header row for this child");
    List<Rows.Uasc> uasc = out.latestPerKey(list(uascRows), u -> "", "a uasc row for this child");
    Rows.Header header = headers.isEmpty() ? null : headers.get(0);
    headers.forEach(h -> out.fate(h, Fate.ACCEPTED));
    uasc.forEach(u -> out.fate(u, Fate.ACCEPTED));

    List<Rows.Episode> candidates = new ArrayList<>();
    for (Rows.Episode e : list(episodeRows)) {
      if (header == null) {
        out.reject(e, "CHILD", null, Rule.CHILD_NOT_IN_HEADER,
            "this child has no accepted header row in any return of " + la + " (missing, or rejected: see the header rejects)");
      } else if (e.decom().isBefore(header.dob())) {
        out.reject(e, "DECOM", Ssda903Dates.format(e.decom()), Rule.DECOM_BEFORE_DOB,
            "DECOM " + Ssda903Dates.format(e.decom()) + " is before the child's date of birth ("
                + where(header) + ")");
      } else if (AgeBand.ageOn(header.dob(), e.decom()) >= 18) {
        out.reject(e, "DECOM", Ssda903Dates.format(e.decom()), Rule.AGE_18_OR_OVER,
            "the child is " + AgeBand.ageOn(header.dob(), e.decom()) + " on DECOM "
                + Ssda903Dates.format(e.decom()) + "; SSDA903 covers children under 18 (date of birth from "
                + where(header) + ")");
      } else {
        candidates.add(e);
      }
    }
    List<Rows.Episode> merged = out.latestPerKey(candidates, Rows.Episode::decom, "an episode of this child starting on that DECOM");
    List<Rows.Episode> episodes = withoutOverlaps(merged, out);
    for (Rows.Episode e : episodes) {
      out.fate(e, Fate.ACCEPTED);
    }

    if (header == null) {
      return out.result(List.of(), List.of());
    }
    String childKey = pseudonymiser.childKey(la, child);
    List<Curated.Episode> curated = new ArrayList<>();
    List<Curated.Period> periods = new ArrayList<>();
    List<List<Rows.Episode>> grouped = periods(episodes);
    Curated.Period previous = null;
    for (int p = 0; p < grouped.size(); p++) {
      boolean followedByAnother = p < grouped.size() - 1;
      Curated.Period period = period(childKey, la, p + 1, grouped.get(p), followedByAnother, previous, header, !uasc.isEmpty());
      periods.add(period);
      for (Rows.Episode e : grouped.get(p)) {
        PostcodeLookup.Result place = postcodes.lookup(e.homePostcode());
        if (place.status() == PostcodeLookup.Status.UNMAPPED) {
          out.unmapped.add(new Curated.UnmappedPostcode(la, place.outwardCode() == null ? "(unreadable)" : place.outwardCode()));
        }
        curated.add(new Curated.Episode(
            childKey, la, e.collectionYear(), inputs.file(e.fileId()).relativePath(), e.line(), p + 1,
            e.decom(), e.dec(), e.rne(), e.legalStatus(), e.categoryOfNeed(), e.placement(), e.provider(),
            PlacementGroup.of(e.placement(), e.provider()).label(), e.rec(), e.reasonPlaceChange(),
            AgeBand.ageOn(header.dob(), e.decom()), place.district(), place.status().label()));
      }
      previous = period;
    }
    return out.result(curated, periods);
  }

  /** Accepted episodes in start order; an overlap rejects the older return's episode. */
  private List<Rows.Episode> withoutOverlaps(List<Rows.Episode> merged, Outcomes out) {
    List<Rows.Episode> sorted = new ArrayList<>(merged);
    sorted.sort(Comparator.comparing(Rows.Episode::decom));
    List<Rows.Episode> kept = new ArrayList<>();
    for (Rows.Episode e : sorted) {
      Rows.Episode last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      boolean overlaps = last != null && (last.dec() == null || e.decom().isBefore(last.dec()));
      if (!overlaps) {
        kept.add(e);
      } else if (e.collectionYear() > last.collectionYear()) {
        kept.set(kept.size() - 1, e);
        out.reject(last, "DECOM", Ssda903Dates.format(last.decom()), Rule.OVERLAPPING_EPISODE,
            "this episode " + span(last) + " overlaps the episode " + span(e) + " in the later "
                + CollectionYear.label(e.collectionYear()) + " return (" + where(e) + "), which is kept");
      } else {
        out.reject(e, "DECOM", Ssda903Dates.format(e.decom()), Rule.OVERLAPPING_EPISODE,
            "this episode " + span(e) + " overlaps the episode " + span(last) + " (" + where(last) + ")");
      }
    }
    return kept;
  }

  /** Splits start-ordered episodes into care periods. */
  private static List<List<Rows.Episode>> periods(List<Rows.Episode> episodes) {
    List<List<Rows.Episode>> periods = new ArrayList<>();
    Rows.Episode previous = null;
    for (Rows.Episode e : episodes) {
      boolean startsPeriod = previous == null
          || "S".equals(e.rne())
          || e.decom().isAfter(previous.dec())
          || leftCare(previous.rec());
      if (startsPeriod) {
        periods.add(new ArrayList<>());
      }
      periods.get(periods.size() - 1).add(e);
      previous = e;
    }
    return periods;
  }

  private Curated.Period period(
      String childKey, String la, int number, List<Rows.Episode> episodes, boolean followedByAnother,
      Curated.Period previous, Rows.Header header, boolean uasc) {
    Rows.Episode first = episodes.get(0);
    Rows.Episode last = episodes.get(episodes.size() - 1);
    // A later period means the child left, whatever the last REC says.
    boolean ended = last.dec() != null && (leftCare(last.rec()) || followedByAnother);
    LocalDate observedUntil = last.dec() != null ? last.dec() : CollectionYear.end(last.collectionYear());
    Map<PlacementGroup, Integer> days = new EnumMap<>(PlacementGroup.class);
    for (PlacementGroup g : PlacementGroup.values()) {
      days.put(g, 0);
    }
    for (Rows.Episode e : episodes) {
      LocalDate end = e.dec() == null || e.dec().isAfter(observedUntil) ? observedUntil : e.dec();
      days.merge(PlacementGroup.of(e.placement(), e.provider()), days(e.decom(), end), Integer::sum);
    }
    int age = AgeBand.ageOn(header.dob(), first.decom());
    AgeBand band = AgeBand.ofAge(age);
    PostcodeLookup.Result home = postcodes.lookup(first.homePostcode());
    return new Curated.Period(
        childKey, la, number, first.decom(),
        "S".equals(first.rne()) || previous != null,
        ended ? last.dec() : null,
        last.dec() == null ? null : last.rec(),
        ended, observedUntil, adultFrom(header.dob()), days(first.decom(), observedUntil),
        ended && returnHomeCodes.contains(last.rec()),
        previous != null,
        previous == null ? null : days(previous.periodEnd(), first.decom()),
        previous == null ? null : previous.endReason(),
        age, band.label(), band.contractGroup().orElse(null),
        header.sex(), header.ethnic(), uasc, home.district(), home.status().label(),
        first.legalStatus(), first.categoryOfNeed(), PlacementGroup.of(first.placement(), first.provider()).label(),
        episodes.size(),
        days.get(PlacementGroup.FOSTER_IN_HOUSE), days.get(PlacementGroup.FOSTER_AGENCY),
        days.get(PlacementGroup.RESIDENTIAL), days.get(PlacementGroup.OTHER));
  }

  /**
   * The first day of the month the child turns 18: SSDA903 records no care after the 18th
   * birthday, so follow-up is censored here. Month precision on purpose: the date of birth itself
   * never leaves ingest, and censoring up to a month early only loses a little follow-up.
   */
  static LocalDate adultFrom(LocalDate dob) {
    return dob.plusYears(18).withDayOfMonth(1);
  }

  private static boolean leftCare(String rec) {
    return rec != null && rec.startsWith("E");
  }

  private static int days(LocalDate from, LocalDate to) {
    return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
  }

  private String where(Rows.Row row) {
    return inputs.file(row.fileId()).relativePath() + " line " + row.line();
  }

  private static String span(Rows.Episode e) {
    return Ssda903Dates.format(e.decom()) + " to " + (e.dec() == null ? "open" : Ssda903Dates.format(e.dec()));
  }

  private static <T> List<T> list(Iterable<T> rows) {
    List<T> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }

  /** The fates and rejects of one child's rows, as they are decided. */
  private final class Outcomes {
    private final List<Reject> rejects = new ArrayList<>();
    private final List<RowFate> fates = new ArrayList<>();
    private final List<Curated.UnmappedPostcode> unmapped = new ArrayList<>();

    void fate(Rows.Row row, Fate fate) {
      fates.add(new RowFate(row.fileId(), row.line(), fate));
    }

    void reject(Rows.Row row, String field, String value, Rule rule, String message) {
      InputFile file = inputs.file(row.fileId());
      rejects.add(new Reject(file.relativePath(), row.line(), file.kind().label(), row.collectionYear(), field, value, rule, message));
      fate(row, Fate.REJECTED);
    }

    /**
     * Keeps, for each key, the row of the latest return (then the later file, then the first
     * line); the same key again in the same return is a duplicate, in an older return superseded.
     * Returns the kept rows; every other row gets its fate here.
     */
    <T extends Rows.Row> List<T> latestPerKey(List<T> rows, Function<T, Object> key, String what) {
      Map<Object, List<T>> byKey = new LinkedHashMap<>();
      for (T row : rows) {
        byKey.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
      }
      List<T> kept = new ArrayList<>();
      for (List<T> group : byKey.values()) {
        group.sort(Comparator.<T>comparingInt(Rows.Row::collectionYear).reversed()
            .thenComparing(Comparator.<T>comparingInt(Rows.Row::fileId).reversed())
            .thenComparingLong(Rows.Row::line));
        T winner = group.get(0);
        List<T> sameReturn = new ArrayList<>(List.of(winner));
        for (T row : group.subList(1, group.size())) {
          T firstOfItsReturn = sameReturn.stream()
              .filter(r -> r.fileId() == row.fileId() && r.collectionYear() == row.collectionYear())
              .findFirst().orElse(null);
          if (firstOfItsReturn != null) {
            reject(row, null, null, Rule.DUPLICATE_IN_RETURN,
                "the " + CollectionYear.label(row.collectionYear()) + " return already has " + what
                    + " (line " + firstOfItsReturn.line() + ")");
          } else {
            sameReturn.add(row);
            fate(row, Fate.SUPERSEDED);
          }
        }
        kept.add(winner);
      }
      return kept;
    }

    Result result(List<Curated.Episode> episodes, List<Curated.Period> periods) {
      return new Result(episodes, periods, rejects, fates, unmapped);
    }
  }
}
