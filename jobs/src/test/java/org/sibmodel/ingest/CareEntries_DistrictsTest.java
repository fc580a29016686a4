package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sibmodel.vocabulary.AgeBand;

class CareEntries_DistrictsTest {
  private static final List<String> TABLE = List.of("Burnley", "Chorley", "Preston");
  private static final LocalDate[] YEAR_2019 = {LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 31)};
  private static final String BAND = AgeBand.values()[2].label();

  private static Map<String, TreeSet<String>> districtsByLa(CareEntries entries) {
    Map<String, TreeSet<String>> districts = new TreeMap<>();
    for (Row r : entries.rows()) {
      districts.computeIfAbsent(r.getAs("la"), k -> new TreeSet<>()).add(r.getAs("district"));
    }
    return districts;
  }

  @Test
  void oneAuthorityHasEveryDistrictOfTheTableWithItsZeros() {
    Map<CareEntries.Cell, CareEntries.Count> counted =
        Map.of(new CareEntries.Cell("Lancashire", "Preston", BAND, LocalDate.of(2019, 6, 1)), new CareEntries.Count(3, 2, 1));

    CareEntries entries = CareEntries.build(counted, Map.of("Lancashire", YEAR_2019), TABLE);

    assertEquals(Map.of("Lancashire", new TreeSet<>(List.of("Burnley", "Chorley", "Preston", "Unknown"))), districtsByLa(entries));
    assertEquals(4 * AgeBand.values().length * 12, entries.rows().size());
    assertEquals(3, entries.inWindow());
  }

  @Test
  void severalAuthoritiesHaveTheDistrictsOfTheirOwnEntriesOnly() {
    Map<CareEntries.Cell, CareEntries.Count> counted = new LinkedHashMap<>();
    counted.put(new CareEntries.Cell("Lancashire", "Burnley", BAND, LocalDate.of(2019, 6, 1)), new CareEntries.Count(2, 2, 0));
    counted.put(new CareEntries.Cell("Lancashire", "Preston", BAND, LocalDate.of(2018, 6, 1)), new CareEntries.Count(1, 1, 0));
    counted.put(new CareEntries.Cell("Southwark", "Unknown", BAND, LocalDate.of(2019, 7, 1)), new CareEntries.Count(4, 3, 1));
    Map<String, LocalDate[]> coverage = Map.of("Lancashire", YEAR_2019, "Southwark", YEAR_2019);

    CareEntries entries = CareEntries.build(counted, coverage, TABLE);

    assertEquals(Map.of(
            "Lancashire", new TreeSet<>(List.of("Burnley", "Preston", "Unknown")),
            "Southwark", new TreeSet<>(List.of("Unknown"))),
        districtsByLa(entries));
    assertEquals(6, entries.inWindow());
    assertEquals(1, entries.outsideWindow(), "Preston's entry of June 2018 precedes the first return");
    Row southwark = entries.rows().stream()
        .filter(r -> r.getAs("la").equals("Southwark") && r.getAs("age_band").equals(BAND) && r.getAs("month").equals(LocalDate.of(2019, 7, 1)))
        .findFirst().orElseThrow();
    assertEquals(List.of(4L, 3L, 1L), List.of(southwark.getAs("entries"), southwark.getAs("first_entries"), southwark.getAs("reentries")));
  }
}
