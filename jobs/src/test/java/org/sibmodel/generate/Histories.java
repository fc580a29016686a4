package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Care histories rebuilt from the written returns the way an ingest job would (spec/ssda903.md):
 * episodes merged across returns on (CHILD, DECOM) with the latest return winning, then split
 * into periods at RNE S. Independent of the generator's internal model, so figures measured here
 * test what the files say.
 */
final class Histories {
  /** A period as the files show it; {@code end} null while still open at the last 31 March. */
  record Period(String child, LocalDate dob, LocalDate start, boolean startObserved, LocalDate end, String exitCode, List<Map<String, String>> episodes) {}

  final Map<String, List<Period>> byChild = new TreeMap<>();

  Histories(Collection<ReturnFiles> returnsInYearOrder) {
    Map<String, Map<LocalDate, Map<String, String>>> episodes = new HashMap<>();
    Map<String, LocalDate> dob = new HashMap<>();
    for (ReturnFiles r : returnsInYearOrder) {
      for (Map<String, String> h : r.header()) {
        dob.put(h.get("CHILD"), ReturnChecker.parseOrNull(h.get("DOB")));
      }
      for (Map<String, String> e : r.episodes()) {
        episodes.computeIfAbsent(e.get("CHILD"), k -> new TreeMap<>()).put(ReturnChecker.parseOrNull(e.get("DECOM")), e);
      }
    }
    for (Map.Entry<String, Map<LocalDate, Map<String, String>>> c : episodes.entrySet()) {
      List<Period> periods = new ArrayList<>();
      List<Map<String, String>> current = new ArrayList<>();
      for (Map<String, String> e : c.getValue().values()) {
        if ("S".equals(e.get("RNE")) && !current.isEmpty()) {
          periods.add(period(c.getKey(), dob.get(c.getKey()), current));
          current = new ArrayList<>();
        }
        current.add(e);
      }
      periods.add(period(c.getKey(), dob.get(c.getKey()), current));
      byChild.put(c.getKey(), periods);
    }
  }

  private static Period period(String child, LocalDate dob, List<Map<String, String>> episodes) {
    Map<String, String> first = episodes.get(0);
    Map<String, String> last = episodes.get(episodes.size() - 1);
    String rec = last.get("REC");
    boolean ended = rec != null && rec.startsWith("E");
    return new Period(
        child,
        dob,
        ReturnChecker.parseOrNull(first.get("DECOM")),
        "S".equals(first.get("RNE")),
        ended ? ReturnChecker.parseOrNull(last.get("DEC")) : null,
        ended ? rec : null,
        List.copyOf(episodes));
  }

  List<Period> periods() {
    List<Period> all = new ArrayList<>();
    byChild.values().forEach(all::addAll);
    all.sort(Comparator.comparing(Period::child).thenComparing(Period::start));
    return all;
  }
}
