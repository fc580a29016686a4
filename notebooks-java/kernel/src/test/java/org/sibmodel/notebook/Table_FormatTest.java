package org.sibmodel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How values read in a notebook's tables. */
class Table_FormatTest {
  record Cell(String district, long entries, Double rate) {}

  @Test
  void numbersHaveSeparatorsAndAboutFiveSignificantDigits() {
    assertEquals("1,234,568", Table.format(1234567.891), "pounds to the pound");
    assertEquals("-533,588", Table.format(-533588.1632));
    assertEquals("1,288.2", Table.format(1288.1537));
    assertEquals("268.92", Table.format(268.9207));
    assertEquals("3.9002", Table.format(3.90015547));
    assertEquals("0.9914", Table.format(0.99142584));
    assertEquals("2.500e-05", Table.format(0.000025), "tiny p-values are not shown as 0");
    assertEquals("0", Table.format(0.0));
    assertEquals("NaN", Table.format(Double.NaN));
    assertEquals("15000", Table.format(15000L), "whole numbers as they are");
    assertEquals("10000.50", Table.format(new java.math.BigDecimal("10000.50")), "money to the penny");
    assertEquals("2019-09-01", Table.format(LocalDate.of(2019, 9, 1)));
    assertEquals("", Table.format(null), "suppressed or missing cells are empty, as in the CSV copies");
    assertEquals("[1.0, 2.5]", Table.format(new double[] {1, 2.5}));
  }

  @Test
  void recordsMapsAndArraysBecomeTables() {
    Table records = Table.ofItems(List.of(new Cell("Burnley", 867, 3.9), new Cell("Fylde", 279, null)), 20).orElseThrow();
    assertEquals(List.of("district", "entries", "rate"), records.columns());
    assertEquals(Arrays.asList("Fylde", 279L, null), records.rows().get(1));

    Map<String, Object> a = new LinkedHashMap<>();
    a.put("k", 1);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("k", 2);
    b.put("extra", "x");
    Table maps = Table.ofItems(new Object[] {a, b}, 1).orElseThrow();
    assertEquals(List.of("k", "extra"), maps.columns());
    assertEquals(1, maps.rows().size());
    assertTrue(maps.more());
    assertTrue(maps.html().endsWith("<p><em>The first 1 rows.</em></p>"));
  }

  @Test
  void otherListsAreNotTables() {
    assertTrue(Table.ofItems(List.of("a", "b"), 20).isEmpty());
    assertTrue(Table.ofItems(List.of(), 20).isEmpty());
    assertTrue(Table.ofItems(Arrays.asList(new Cell("a", 1, 1.0), null), 20).isEmpty());
    assertTrue(Table.ofItems(new int[] {1, 2}, 20).isEmpty());
  }

  @Test
  void htmlIsEscaped() {
    Table t = new Table(List.of("<b>"), List.of(List.of("a & b")), false);
    assertEquals("<table class=\"sib-table\"><thead><tr><th>&lt;b&gt;</th></tr></thead><tbody><tr><td>a &amp; b</td></tr></tbody></table>", t.html());
  }

  @Test
  void rowsMustMatchTheColumns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table(List.of("a", "b"), List.of(List.of(1)), false));
    assertEquals("a row has 1 values for 2 columns", e.getMessage());
  }
}
