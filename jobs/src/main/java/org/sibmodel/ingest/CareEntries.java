package org.sibmodel.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.vocabulary.AgeBand;

/**
 * Entries to care by authority, district, age band and month, with explicit zeros, over the months
 * the returns cover (from the start of the first return to the end of the last). Only periods
 * whose start was observed count; entries before the first return are left out (only children
 * still in care by then are seen, so they would undercount) and reported.
 *
 * <p>The districts of an authority: with one authority in the data, every district of the postcode
 * table (the table is taken to be that authority's, so a district without an entry still has its
 * zeros); with several, those its own entries were counted in, as a regional or national table
 * holds other authorities' districts too (three London boroughs got a row per Lancashire district
 * and month, all zeros, and 150 authorities with a national table would have made 26 million
 * rows). Unknown (an unmapped or missing postcode) is always one.
 *
 * @param rows the care_entries rows, in key order (the table is at most authorities x months x
 *     districts x 6 bands, so it is assembled on the driver)
 * @param inWindow entries counted in the table
 * @param outsideWindow observed entries left out because they precede the first return
 */
record CareEntries(List<Row> rows, long inWindow, long outsideWindow) {
  static final String UNKNOWN_DISTRICT = CareData.UNKNOWN_DISTRICT;

  /** Where an entry is counted: an authority's district, age band and month. */
  record Cell(String la, String district, String ageBand, LocalDate month) implements Serializable {
    /** The cell of a care period whose start was observed; a period without a district counts as unknown. */
    static Cell of(Curated.Period p) {
      return new Cell(p.la(), p.district() == null ? UNKNOWN_DISTRICT : p.district(), p.ageBand(), p.periodStart().withDayOfMonth(1));
    }
  }

  /** The entries counted in a cell: first entries to care and re-entries. */
  record Count(long entries, long firstEntries, long reentries) implements Serializable {
    static final Count NONE = new Count(0, 0, 0);

    static Count of(Curated.Period p) {
      return p.isReentry() ? new Count(1, 0, 1) : new Count(1, 1, 0);
    }

    Count plus(Count o) {
      return new Count(entries + o.entries, firstEntries + o.firstEntries, reentries + o.reentries);
    }
  }

  /**
   * The table over every authority's window, from the entries counted by cell (those of periods
   * whose start was observed, wherever they fall).
   */
  static CareEntries build(Map<Cell, Count> counted, Map<String, LocalDate[]> coverage, List<String> tableDistricts) {
    long total = counted.values().stream().mapToLong(Count::entries).sum();

    Map<String, TreeSet<String>> districts = new TreeMap<>();
    coverage.keySet().forEach(la -> districts.put(la, new TreeSet<>(List.of(UNKNOWN_DISTRICT))));
    if (coverage.size() == 1) {
      districts.values().forEach(d -> d.addAll(tableDistricts));
    } else {
      counted.keySet().forEach(cell -> districts.get(cell.la()).add(cell.district()));
    }
    List<Row> rows = new ArrayList<>();
    long inWindow = 0;
    RowBuilder row = RowBuilder.of(CuratedRows.ENTRIES);
    for (Map.Entry<String, LocalDate[]> authority : new TreeMap<>(coverage).entrySet()) {
      String la = authority.getKey();
      LocalDate[] window = authority.getValue();
      for (String district : districts.get(la)) {
        for (AgeBand band : AgeBand.values()) {
          for (LocalDate month = window[0].withDayOfMonth(1); !month.isAfter(window[1]); month = month.plusMonths(1)) {
            Count count = counted.getOrDefault(new Cell(la, district, band.label(), month), Count.NONE);
            inWindow += count.entries();
            rows.add(row.set("la", la).set("district", district).set("age_band", band.label()).set("month", month)
                .set("entries", count.entries()).set("first_entries", count.firstEntries())
                .set("reentries", count.reentries()).build());
          }
        }
      }
    }
    return new CareEntries(rows, inWindow, total - inWindow);
  }
}
