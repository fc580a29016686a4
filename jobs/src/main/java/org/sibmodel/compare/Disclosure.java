package org.sibmodel.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control as in official statistics on children looked after: no published count is
 * below 5, and no count of 1 to 4 children can be worked out from the published ones by adding and
 * subtracting them.
 *
 * <p>Every count is the size of a set of care periods (or children). The sets are split into atoms
 * (elements that belong to exactly the same sets), so each count is a 0/1 vector over atoms, and
 * a count can be derived from published counts exactly when its vector is in their linear span.
 * Primary suppression hides counts below 5; secondary suppression then hides published counts,
 * least important first, until no small count (1 to 4, including complements such as "still in
 * care" = periods less those who left) is in the span of what remains. Suppressed cells are empty
 * and named in a {@code suppressed} column, never shown as zero.
 */
final class Disclosure {
  /** Counts below this are suppressed. */
  static final int MINIMUM = 5;
  private static final double TOLERANCE = 1e-9;

  private Disclosure() {}

  static boolean publishable(long count) {
    return count >= MINIMUM;
  }

  /**
   * The counts to suppress.
   *
   * @param published the counts the tables would publish, in order of importance (the last are
   *     given up first), each as the set of elements it counts
   * @param derived counts that are not published but follow from published ones (complements);
   *     they must not be recoverable either when they are 1 to 4
   */
  static Set<String> suppressed(Map<String, Set<String>> published, Map<String, Set<String>> derived) {
    Map<String, Set<String>> all = new LinkedHashMap<>(published);
    all.putAll(derived);
    Map<String, double[]> vectors = atomVectors(all);
    List<String> kept = new ArrayList<>();
    Set<String> suppressed = new LinkedHashSet<>();
    published.forEach((name, set) -> (publishable(set.size()) ? kept : suppressed).add(name));
    List<String> small = all.entrySet().stream().filter(e -> e.getValue().size() > 0 && e.getValue().size() < MINIMUM)
        .map(Map.Entry::getKey).toList();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String q : small) {
        if (!inSpan(vectors.get(q), kept, vectors)) {
          continue;
        }
        String victim = null;
        for (int i = kept.size() - 1; i >= 0 && victim == null; i--) {
          List<String> without = new ArrayList<>(kept);
          without.remove(i);
          if (!inSpan(vectors.get(q), without, vectors)) {
            victim = kept.get(i);
          }
        }
        if (victim == null) {
          // No single count breaks it: give up the least important one that shares elements with it.
          double[] v = vectors.get(q);
          for (int i = kept.size() - 1; i >= 0 && victim == null; i--) {
            double[] w = vectors.get(kept.get(i));
            for (int a = 0; a < v.length && victim == null; a++) {
              if (v[a] != 0 && w[a] != 0) {
                victim = kept.get(i);
              }
            }
          }
        }
        kept.remove(victim);
        suppressed.add(victim);
        changed = true;
        break;
      }
    }
    return suppressed;
  }

  /** Each set as a 0/1 vector over the atoms (elements grouped by the sets they belong to). */
  private static Map<String, double[]> atomVectors(Map<String, Set<String>> sets) {
    List<String> names = new ArrayList<>(sets.keySet());
    Map<String, BitKey> signatureOf = new HashMap<>();
    for (int s = 0; s < names.size(); s++) {
      for (String element : sets.get(names.get(s))) {
        signatureOf.computeIfAbsent(element, e -> new BitKey(names.size())).bits[s] = true;
      }
    }
    Map<BitKey, Integer> atoms = new LinkedHashMap<>();
    signatureOf.values().forEach(k -> atoms.putIfAbsent(k, atoms.size()));
    Map<String, double[]> vectors = new LinkedHashMap<>();
    for (int s = 0; s < names.size(); s++) {
      double[] v = new double[atoms.size()];
      for (Map.Entry<BitKey, Integer> atom : atoms.entrySet()) {
        v[atom.getValue()] = atom.getKey().bits[s] ? 1 : 0;
      }
      vectors.put(names.get(s), v);
    }
    return vectors;
  }

  /** Whether v is a linear combination of the named vectors (Gaussian elimination with partial pivoting). */
  static boolean inSpan(double[] v, List<String> basis, Map<String, double[]> vectors) {
    if (isZero(v)) {
      return true;
    }
    List<double[]> rows = new ArrayList<>();
    basis.forEach(b -> rows.add(vectors.get(b).clone()));
    int rank = rank(rows);
    List<double[]> with = new ArrayList<>();
    basis.forEach(b -> with.add(vectors.get(b).clone()));
    with.add(v.clone());
    return rank(with) == rank;
  }

  private static int rank(List<double[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    int columns = rows.get(0).length;
    int rank = 0;
    for (int c = 0; c < columns && rank < rows.size(); c++) {
      int pivot = rank;
      for (int r = rank + 1; r < rows.size(); r++) {
        if (Math.abs(rows.get(r)[c]) > Math.abs(rows.get(pivot)[c])) {
          pivot = r;
        }
      }
      if (Math.abs(rows.get(pivot)[c]) < TOLERANCE) {
        continue;
      }
      double[] p = rows.get(pivot);
      rows.set(pivot, rows.get(rank));
      rows.set(rank, p);
      for (int r = rank + 1; r < rows.size(); r++) {
        double f = rows.get(r)[c] / p[c];
        if (f != 0) {
          double[] row = rows.get(r);
          for (int k = c; k < columns; k++) {
            row[k] -= f * p[k];
          }
        }
      }
      rank++;
    }
    return rank;
  }

  private static boolean isZero(double[] v) {
    for (double x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** Which sets an element belongs to. */
  private static final class BitKey {
    final boolean[] bits;

    BitKey(int n) {
      bits = new boolean[n];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BitKey k && java.util.Arrays.equals(bits, k.bits);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bits);
    }
  }

  /** Collects a row's published values, naming what it suppresses. */
  static final class Cells {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> suppressed = new ArrayList<>();

    Cells put(String field, Object value) {
      values.put(field, value);
      return this;
    }

    /** A count, or suppressed. */
    Cells count(String field, long n, boolean hidden) {
      return hidden || !publishable(n) ? suppress(field) : put(field, n);
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

    /** The values with the {@code suppressed} column. */
    Map<String, Object> row() {
      Map<String, Object> row = new LinkedHashMap<>(values);
      row.put("suppressed", suppressed.isEmpty() ? null : String.join(", ", suppressed));
      return row;
    }
  }
}
