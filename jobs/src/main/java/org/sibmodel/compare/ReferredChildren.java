package org.sibmodel.compare;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.io.SmallCsv;

/**
 * The {@code --referred} file: the children referred to the service, by the same CHILD id the
 * council's SSDA903 returns use ({@code child_id}, with an optional {@code la} column where the
 * curated data hold several authorities), and optionally the date of referral ({@code referred_on},
 * or {@code start_date} as in the monitoring data's children.csv): a referred child's entries
 * before it are then neither referred nor a comparison. Ids are pseudonymised as they are read,
 * with the key ingest used, and never kept or written in clear.
 *
 * @param rows data rows read
 * @param duplicates rows repeating an id already read (counted once)
 */
record ReferredChildren(String source, List<Id> ids, long rows, long duplicates) {

  /** An id as read: its row, the id, the authority (null: the curated data's only one) and the referral date (null: none given). */
  record Id(long row, String child, String la, LocalDate referredOn) {}

  /** The ids, each row either used or a reason; a malformed file stops with every problem listed. */
  static ReferredChildren read(Path file) {
    SmallCsv csv = SmallCsv.read(file, "--referred", "a header with child_id (and optionally la)");
    List<String> header = csv.header();
    int id = header.contains("child_id") ? header.indexOf("child_id") : header.indexOf("child");
    int la = header.indexOf("la");
    int date = header.contains("referred_on") ? header.indexOf("referred_on") : header.indexOf("start_date");
    if (id < 0) {
      throw new IllegalArgumentException(file + " row 1: no child_id column (header: " + String.join(",", header) + ")");
    }
    List<Id> ids = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    long duplicates = 0;
    for (SmallCsv.Line line : csv.lines()) {
      long row = line.row();
      if (line.error() != null) {
        problems.add(file + " row " + row + ": " + line.error());
        continue;
      }
      String child = line.get(id);
      String authority = line.get(la).isEmpty() ? null : line.get(la);
      LocalDate referredOn = null;
      String dateText = line.get(date);
      if (!dateText.isEmpty()) {
        try {
          referredOn = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
          problems.add(file + " row " + row + ": " + header.get(date) + " = " + dateText + ": expected a date yyyy-mm-dd");
          continue;
        }
      }
      if (child.isEmpty()) {
        problems.add(file + " row " + row + ": child_id is empty (every row must name a child)");
      } else if (!seen.add(authority + "\u0000" + child)) {
        duplicates++;
      } else {
        ids.add(new Id(row, child, authority, referredOn));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.size() + " malformed row(s) in the referred file:\n  "
          + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
          + (problems.size() > 20 ? "\n  ..." : ""));
    }
    return new ReferredChildren(file.toString(), ids, csv.lines().size(), duplicates);
  }

  /**
   * The ids' child keys, as ingest made them, with their referral dates (null where none).
   *
   * @param authorities the authorities in the curated data: a row without la takes the only one
   */
  Map<String, LocalDate> childKeys(Pseudonymiser pseudonymiser, List<String> authorities) {
    Map<String, LocalDate> keys = new LinkedHashMap<>();
    for (Id i : ids) {
      String la = i.la();
      if (la == null) {
        if (authorities.size() != 1) {
          throw new IllegalArgumentException(source + " row " + i.row() + ": la is empty, and the curated data hold "
              + authorities.size() + " authorities (" + String.join(", ", authorities) + "): give an la column");
        }
        la = authorities.get(0);
      } else if (!authorities.contains(la)) {
        throw new IllegalArgumentException(source + " row " + i.row() + ": la = " + la + ": not in the curated data (which hold "
            + String.join(", ", authorities) + ")");
      }
      keys.put(pseudonymiser.childKey(la, i.child()), i.referredOn());
    }
    return keys;
  }
}
