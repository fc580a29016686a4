package org.sibmodel.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.ssda903.Ssda903Dates;

/**
 * The rules an ingest job rejects SSDA903 rows by (the generate brief's list), checked on one
 * return as written, independently of the generator's code. Returns one message per broken rule
 * and row; an empty list means the return is valid.
 */
final class ReturnChecker {
  static final List<String> HEADER = List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB");
  static final List<String> EPISODES =
      List.of(
          "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
          "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");
  static final List<String> UASC = List.of("CHILD", "SEX", "DOB", "DUC");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Map<String, String> EPISODE_CODES =
      Map.of("RNE", "RNE", "LS", "LS", "CIN", "CIN", "PLACE", "PLACE", "PLACE_PROVIDER", "PLACE_PROVIDER",
          "REC", "REC", "REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE");

  private ReturnChecker() {}

  static List<String> problems(ReturnFiles r, Ssda903Codes codes) {
    List<String> problems = new ArrayList<>();
    int year = r.year();
    LocalDate from = CollectionYear.start(year);
    LocalDate to = CollectionYear.end(year);
    String where = CollectionYear.label(year);
    for (String text : r.rawTexts()) {
      if (text.indexOf('\r') >= 0) {
        problems.add(where + ": a file has CR line ends");
      }
      if (text.indexOf('"') >= 0) {
        problems.add(where + ": a file has quoted values");
      }
    }
    expectColumns(problems, where + " header", r.headerColumns(), HEADER);
    expectColumns(problems, where + " episodes", r.episodeColumns(), EPISODES);
    expectColumns(problems, where + " uasc", r.uascColumns(), UASC);

    Map<String, LocalDate> dob = new HashMap<>();
    for (Map<String, String> h : r.header()) {
      String child = h.get("CHILD");
      String at = where + " header CHILD " + child;
      if (h.containsKey("_fields")) {
        problems.add(at + ": wrong number of fields");
      }
      required(problems, at, h, "CHILD", "SEX", "DOB");
      code(problems, at, codes, "SEX", h.get("SEX"), year);
      if (!empty(h.get("ETHNIC"))) {
        code(problems, at, codes, "ETHNIC", h.get("ETHNIC"), year);
      }
      LocalDate birth = date(problems, at, "DOB", h.get("DOB"));
      if (birth != null && birth.isAfter(to)) {
        problems.add(at + ": DOB " + h.get("DOB") + " after 31 March of the collection year");
      }
      if (dob.put(child, birth) != null) {
        problems.add(at + ": child twice in the header");
      }
    }

    Map<String, List<Map<String, String>>> byChild = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Map<String, String> e : r.episodes()) {
      String child = e.get("CHILD");
      String at = where + " episodes CHILD " + child + " DECOM " + e.get("DECOM");
      if (e.containsKey("_fields")) {
        problems.add(at + ": wrong number of fields");
      }
      required(problems, at, e, "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE");
      for (Map.Entry<String, String> c : EPISODE_CODES.entrySet()) {
        String value = e.get(c.getKey());
        if (!empty(value)) {
          code(problems, at, codes, c.getValue(), value, year);
        }
      }
      if (!keys.add(child + "|" + e.get("DECOM"))) {
        problems.add(at + ": duplicate (CHILD, DECOM)");
      }
      if (!dob.containsKey(child)) {
        problems.add(at + ": child missing from the header");
      }
      LocalDate decom = date(problems, at, "DECOM", e.get("DECOM"));
      LocalDate dec = empty(e.get("DEC")) ? null : date(problems, at, "DEC", e.get("DEC"));
      String rec = e.get("REC");
      if (dec != null && empty(rec)) {
        problems.add(at + ": DEC without REC");
      }
      if (dec == null && !empty(rec)) {
        problems.add(at + ": REC " + rec + " with empty DEC");
      }
      if (decom != null) {
        if (decom.isAfter(to)) {
          problems.add(at + ": DECOM after 31 March of the collection year");
        }
        if (dec != null && dec.isBefore(decom)) {
          problems.add(at + ": DEC " + e.get("DEC") + " before DECOM");
        }
        if (dec != null && dec.isBefore(from)) {
          problems.add(at + ": ended before the collection year, should not be in this return");
        }
        LocalDate birth = dob.get(child);
        if (birth != null) {
          if (decom.isBefore(birth)) {
            problems.add(at + ": DECOM before DOB " + Ssda903Dates.format(birth));
          } else if (AgeBand.ageOn(birth, decom) >= 18) {
            problems.add(at + ": aged 18 or over at DECOM");
          }
        }
      }
      if (dec != null && dec.isAfter(to)) {
        problems.add(at + ": DEC after 31 March of the collection year");
      }
      String place = e.get("PLACE");
      String urn = e.get("URN");
      if (("K2".equals(place) || "R1".equals(place)) != (urn != null && urn.matches("[0-9]{7}"))) {
        problems.add(at + ": URN '" + urn + "' for PLACE " + place + " (7 digits for K2 and R1 only)");
      }
      byChild.computeIfAbsent(child, k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<Map<String, String>>> c : byChild.entrySet()) {
      List<Map<String, String>> episodes = new ArrayList<>(c.getValue());
      episodes.removeIf(e -> parseOrNull(e.get("DECOM")) == null);
      episodes.sort(Comparator.comparing(e -> parseOrNull(e.get("DECOM"))));
      for (int i = 1; i < episodes.size(); i++) {
        Map<String, String> prev = episodes.get(i - 1);
        Map<String, String> next = episodes.get(i);
        String at = where + " episodes CHILD " + c.getKey() + " DECOM " + next.get("DECOM");
        LocalDate prevDec = parseOrNull(prev.get("DEC"));
        LocalDate nextDecom = parseOrNull(next.get("DECOM"));
        if (prevDec == null || prevDec.isAfter(nextDecom)) {
          problems.add(at + ": overlaps the episode from " + prev.get("DECOM"));
        } else if ("X1".equals(prev.get("REC"))) {
          if (!prevDec.equals(nextDecom) || "S".equals(next.get("RNE"))) {
            problems.add(at + ": does not continue the episode from " + prev.get("DECOM") + " that ended X1");
          }
        } else if (!"S".equals(next.get("RNE")) || !nextDecom.isAfter(prevDec)) {
          problems.add(at + ": starts a new period without RNE S after a gap");
        }
      }
    }

    Set<String> withEpisodes = byChild.keySet();
    for (String child : dob.keySet()) {
      if (!withEpisodes.contains(child)) {
        problems.add(where + " header CHILD " + child + ": no episode in this return");
      }
    }
    Set<String> uascChildren = new HashSet<>();
    for (Map<String, String> u : r.uasc()) {
      String at = where + " uasc CHILD " + u.get("CHILD");
      required(problems, at, u, "CHILD", "SEX", "DOB");
      code(problems, at, codes, "SEX", u.get("SEX"), year);
      if (!uascChildren.add(u.get("CHILD"))) {
        problems.add(at + ": twice");
      }
      if (!dob.containsKey(u.get("CHILD"))) {
        problems.add(at + ": not in this return's header");
      }
      date(problems, at, "DOB", u.get("DOB"));
      if (!empty(u.get("DUC"))) {
        date(problems, at, "DUC", u.get("DUC"));
      }
    }
    return problems;
  }

  private static void expectColumns(List<String> problems, String where, List<String> actual, List<String> expected) {
    if (!actual.equals(expected)) {
      problems.add(where + ": columns " + actual + ", expected " + expected);
    }
  }

  private static void required(List<String> problems, String at, Map<String, String> row, String... fields) {
    for (String f : fields) {
      if (empty(row.get(f))) {
        problems.add(at + ": " + f + " is missing");
      }
    }
  }

  private static void code(List<String> problems, String at, Ssda903Codes codes, String list, String value, int year) {
    if (value != null && !codes.list(list).isValid(value, year)) {
      problems.add(at + ": " + list + " '" + value + "' is not valid in collection year " + year);
    }
  }

  private static LocalDate date(List<String> problems, String at, String field, String value) {
    if (empty(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value, DATE);
    } catch (DateTimeParseException e) {
      problems.add(at + ": " + field + " '" + value + "' is not dd/mm/yyyy");
      return null;
    }
  }

  static LocalDate parseOrNull(String value) {
    if (empty(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value, DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static boolean empty(String value) {
    return value == null || value.isEmpty();
  }
}
