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
 * least important first, until no small count (1 to 4: a cohort's, a complement such as "still in
 * care" = periods less those who left, or any atom) is in the span of what remains. Suppressed cells are empty
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
   *     they must not be recoverable either when they are 1 to 4, and nor must any atom of 1 to 4
   *     (say the entries of the one district no cohort names, as all less the named districts)
   */
  static Set<String> suppressed(Map<String, Set<String>> published, Map<String, Set<String>> derived) {
    Map<String, Set<String>> all = new LinkedHashMap<>(published);
    all.putAll(derived);
    Atoms atoms = Atoms.of(all);
    List<String> kept = new ArrayList<>();
    Set<String> suppressed = new LinkedHashSet<>();
    published.forEach((name, set) -> (publishable(set.size()) ? kept : suppressed).add(name));
    List<double[]> small = new ArrayList<>();
    all.forEach((name, set) -> {
      if (set.size() > 0 && !publishable(set.size())) {
        small.add(atoms.vectors.get(name));
      }
    });
    for (int a = 0; a < atoms.sizes.length; a++) {
      if (!publishable(atoms.sizes[a])) {
        double[] unit = new double[atoms.sizes.length];
        unit[a] = 1;
        small.add(unit);
      }
    }
    Basis basis = Basis.of(kept, atoms.vectors);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (double[] q : small) {
        if (!basis.contains(q)) {
          continue;
        }
        String victim = null;
        for (int i = kept.size() - 1; i >= 0 && victim == null; i--) {
          List<String> without = new ArrayList<>(kept);
          without.remove(i);
          if (!Basis.of(without, atoms.vectors).contains(q)) {
            victim = kept.get(i);
          }
        }
        if (victim == null) {
          // No single count breaks it: give up the least important one that shares elements with it.
          for (int i = kept.size() - 1; i >= 0 && victim == null; i--) {
            double[] w = atoms.vectors.get(kept.get(i));
            for (int a = 0; a < q.length && victim == null; a++) {
              if (q[a] != 0 && w[a] != 0) {
                victim = kept.get(i);
              }
            }
          }
        }
        kept.remove(victim);
        suppressed.add(victim);
        basis = Basis.of(kept, atoms.vectors);
        changed = true;
        break;
      }
    }
    return suppressed;
  }

  /** The sets as 0/1 vectors over atoms (elements grouped by the sets they belong to), and each atom's size. */
  private record Atoms(Map<String, double[]> vectors, int[] sizes) {
    static Atoms of(Map<String, Set<String>> sets) {
      List<String> names = new ArrayList<>(sets.keySet());
      Map<String, BitKey> signatureOf = new HashMap<>();
      for (int s = 0; s < names.size(); s++) {
        for (String element : sets.get(names.get(s))) {
          signatureOf.computeIfAbsent(element, e -> new BitKey(names.size())).bits[s] = true;
        }
      }
      Map<BitKey, Integer> index = new LinkedHashMap<>();
      Map<Integer, Integer> sizes = new HashMap<>();
      signatureOf.values().forEach(k -> sizes.merge(index.computeIfAbsent(k, x -> index.size()), 1, Integer::sum));
      Map<String, double[]> vectors = new LinkedHashMap<>();
      for (int s = 0; s < names.size(); s++) {
        double[] v = new double[index.size()];
        for (Map.Entry<BitKey, Integer> atom : index.entrySet()) {
          v[atom.getValue()] = atom.getKey().bits[s] ? 1 : 0;
        }
        vectors.put(names.get(s), v);
      }
      int[] atomSizes = new int[index.size()];
      sizes.forEach((a, n) -> atomSizes[a] = n);
      return new Atoms(vectors, atomSizes);
    }
  }

  /** The span of some vectors in row echelon form, to test whether a vector is a combination of them. */
  static final class Basis {
    private final List<double[]> rows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    static Basis of(List<String> names, Map<String, double[]> vectors) {
      Basis b = new Basis();
      names.forEach(n -> b.add(vectors.get(n)));
      return b;
    }

    /** Adds a vector (reduced against the rows so far); a dependent one adds nothing. */
    void add(double[] v) {
      double[] r = reduce(v);
      int pivot = -1;
      for (int c = 0; c < r.length && pivot < 0; c++) {
        if (Math.abs(r[c]) > TOLERANCE) {
          pivot = c;
        }
      }
      if (pivot >= 0) {
        rows.add(r);
        pivots.add(pivot);
      }
    }

    boolean contains(double[] v) {
      for (double x : reduce(v)) {
        if (Math.abs(x) > TOLERANCE) {
          return false;
        }
      }
      return true;
    }

    private double[] reduce(double[] v) {
      double[] r = v.clone();
      for (int i = 0; i < rows.size(); i++) {
        int p = pivots.get(i);
        if (r[p] != 0) {
          double[] row = rows.get(i);
          double f = r[p] / row[p];
          for (int c = 0; c < r.length; c++) {
            r[c] -= f * row[c];
          }
          r[p] = 0;
        }
      }
      return r;
    }
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

    /** The values with the {@code suppressed} column. */
    Map<String, Object> row() {
      Map<String, Object> row = new LinkedHashMap<>(values);
      row.put("suppressed", suppressed.isEmpty() ? null : String.join(", ", suppressed));
      return row;
    }
  }
}
