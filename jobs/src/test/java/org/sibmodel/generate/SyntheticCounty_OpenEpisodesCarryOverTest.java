package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consecutive returns overlap as real ones do (spec/ssda903.md): an episode open at 31 March
 * (DEC and REC empty) appears again in the next return, unchanged but for DEC and REC.
 */
class SyntheticCounty_OpenEpisodesCarryOverTest {
  private static final List<String> UNCHANGED =
      List.of("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");

  @Test
  void everyEpisodeOpenAtAYearEndReappearsInTheNextReturn() {
    GeneratedSample sample = GeneratedSample.get();
    int carried = 0;
    int closedNextYear = 0;
    for (int year = GeneratedSample.FIRST_YEAR; year < GeneratedSample.LAST_YEAR; year++) {
      ReturnFiles now = sample.returns.get(year);
      ReturnFiles next = sample.returns.get(year + 1);
      Map<String, Map<String, String>> nextEpisodes = index(next.episodes());
      Map<String, Map<String, String>> nextHeader = new HashMap<>();
      next.header().forEach(h -> nextHeader.put(h.get("CHILD"), h));
      Map<String, Map<String, String>> header = new HashMap<>();
      now.header().forEach(h -> header.put(h.get("CHILD"), h));
      for (Map<String, String> e : now.episodes()) {
        String key = e.get("CHILD") + " " + e.get("DECOM");
        Map<String, String> again = nextEpisodes.get(key);
        if (e.get("DEC").isEmpty()) {
          carried++;
          assertNotNull(again, "open episode " + key + " of " + year + " is missing from " + (year + 1));
          for (String field : UNCHANGED) {
            assertEquals(e.get(field), again.get(field), field + " of " + key + " changed between returns");
          }
          if (!again.get("DEC").isEmpty()) {
            closedNextYear++;
          }
          Map<String, String> child = nextHeader.get(e.get("CHILD"));
          assertEquals(header.get(e.get("CHILD")), child, "header row of " + e.get("CHILD") + " changed");
        } else {
          assertFalse(nextEpisodes.containsKey(key), "episode " + key + " ended in " + year + " but is in " + (year + 1));
        }
      }
    }
    assertTrue(carried > 10_000, "expected thousands of open episodes, found " + carried);
    assertTrue(closedNextYear > 1_000, "expected many to end the next year, found " + closedNextYear);
  }

  private static Map<String, Map<String, String>> index(List<Map<String, String>> episodes) {
    Map<String, Map<String, String>> byKey = new HashMap<>();
    episodes.forEach(e -> byKey.put(e.get("CHILD") + " " + e.get("DECOM"), e));
    return byKey;
  }
}
