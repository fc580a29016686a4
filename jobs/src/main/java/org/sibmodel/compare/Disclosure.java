package org.sibmodel.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control as in official statistics on children looked after: any published count below
 * 5 is suppressed, and so is anything it determines (a proportion, an interval, a complement).
 * Secondary suppression stops a suppressed count being recovered by arithmetic from others: when a
 * suppressed cohort's units are exactly a published cohort's units less other published cohorts'
 * (say a district = the county less the rest), the larger cohort is suppressed too, until nothing
 * suppressed can be recovered. Suppressed cells are empty and named in a {@code suppressed} column,
 * never shown as zero.
 */
final class Disclosure {
  /** Counts below this are suppressed. */
  static final int MINIMUM = 5;

  private Disclosure() {}

  /** Whether a count may be published: 5 or more, with its complement (if any) 5 or more too. */
  static boolean publishable(long count) {
    return count >= MINIMUM;
  }

  /**
   * The cohorts whose count of some measure must be suppressed: those below 5 (primary), then
   * those from which a suppressed one could be worked out (secondary).
   *
   * @param members each cohort's units counted by the measure (the sets the published counts count)
   */
  static Set<String> suppressed(Map<String, Set<String>> members) {
    Set<String> suppressed = new LinkedHashSet<>();
    members.forEach((cohort, units) -> {
      if (!publishable(units.size())) {
        suppressed.add(cohort);
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String hidden : new ArrayList<>(suppressed)) {
        for (Map.Entry<String, Set<String>> bigger : members.entrySet()) {
          if (suppressed.contains(bigger.getKey()) || !bigger.getValue().containsAll(members.get(hidden))
              || bigger.getValue().size() == members.get(hidden).size()) {
            continue;
          }
          if (coveredByPublished(difference(bigger.getValue(), members.get(hidden)), members, suppressed)) {
            suppressed.add(bigger.getKey());
            changed = true;
          }
        }
      }
    }
    return suppressed;
  }

  /** Whether a set is exactly the union of disjoint published cohorts (so its size can be added up). */
  private static boolean coveredByPublished(Set<String> rest, Map<String, Set<String>> members, Set<String> suppressed) {
    if (rest.isEmpty()) {
      return true;
    }
    Set<String> covered = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : members.entrySet()) {
      if (suppressed.contains(e.getKey()) || e.getValue().isEmpty() || !rest.containsAll(e.getValue())) {
        continue;
      }
      if (e.getValue().stream().noneMatch(covered::contains)) {
        covered.addAll(e.getValue());
      }
    }
    return covered.equals(rest);
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  /** Collects a row's published values, naming what it suppresses. */
  static final class Cells {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> suppressed = new ArrayList<>();

    Cells put(String field, Object value) {
      values.put(field, value);
      return this;
    }

    /** A count: published if it and the given complement are publishable and its cohort is not suppressed. */
    Cells count(String field, long n, boolean cohortSuppressed) {
      return cohortSuppressed || !publishable(n) ? suppress(field) : put(field, n);
    }

    Cells suppress(String... fields) {
      for (String f : fields) {
        values.put(f, null);
        if (!suppressed.contains(f)) {
          suppressed.add(f);
        }
      }
      return this;
    }

    boolean isSuppressed(String field) {
      return suppressed.contains(field);
    }

    Map<String, Object> values() {
      return values;
    }

    String suppressedNames() {
      return suppressed.isEmpty() ? null : String.join(", ", suppressed);
    }
  }
}
