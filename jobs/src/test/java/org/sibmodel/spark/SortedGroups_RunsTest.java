package org.sibmodel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortedGroups_RunsTest {
  private static <R> List<R> all(Iterator<R> results) {
    List<R> list = new ArrayList<>();
    results.forEachRemaining(list::add);
    return list;
  }

  @Test
  void eachRunOfEqualKeysIsOneGroupThenTheEndResultsOnce() {
    List<String> rows = List.of("a1", "a2", "b1", "c1", "c2", "c3");
    int[] endCalls = {0};
    List<String> out = all(SortedGroups.of(rows.iterator(), r -> r.charAt(0), group -> List.of(group.get(0).charAt(0) + "=" + group.size()),
        () -> {
          endCalls[0]++;
          return List.of("end");
        }));
    assertEquals(List.of("a=2", "b=1", "c=3", "end"), out);
    assertEquals(1, endCalls[0]);
  }

  @Test
  void groupsWithNoResultsAndNullKeysAreHandled() {
    List<String> rows = new ArrayList<>(List.of("x", "x", "y"));
    List<Integer> out = all(SortedGroups.of(rows.iterator(), r -> r.equals("x") ? null : r,
        group -> group.size() == 2 ? List.of() : List.of(group.size())));
    assertEquals(List.of(1), out);
    assertEquals(List.of("end"), all(SortedGroups.of(List.<String>of().iterator(), r -> r, g -> List.of("never"), () -> List.of("end"))));
  }
}
