package org.sibmodel.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sibmodel.reference.PostcodeLookup.Status;

class PostcodeLookup_MappingTest {
  private final PostcodeLookup lancashire = PostcodeLookup.lancashire();

  @Test
  void mapsSectorsAndOutwardCodes() {
    assertEquals("Burnley", lancashire.lookup("BB10 3").district());
    assertEquals("Burnley", lancashire.lookup("bb10 3xy").district());
    assertEquals("Burnley", lancashire.lookup("BB103").district());
    assertEquals("Preston", lancashire.lookup("PR1").district());
  }

  @Test
  void aSectorEntryWinsOverItsOutwardCode() {
    assertEquals("Hyndburn", lancashire.lookup("BB6 7").district());
    assertEquals("Ribble Valley", lancashire.lookup("BB6 8").district());
    assertEquals("West Lancashire", lancashire.lookup("PR4 6").district());
    assertEquals("Fylde", lancashire.lookup("PR4 2").district());
  }

  @Test
  void outOfCountyAndUnreadablePostcodesAreUnmappedNotGuessed() {
    PostcodeLookup.Result blackpool = lancashire.lookup("FY1 4");
    assertEquals(Status.UNMAPPED, blackpool.status());
    assertEquals("FY1", blackpool.outwardCode());
    assertNull(blackpool.district());
    assertEquals(Status.UNMAPPED, lancashire.lookup("not a postcode").status());
    assertEquals(Status.MISSING, lancashire.lookup("  ").status());
    assertEquals(Status.MISSING, lancashire.lookup(null).status());
  }

  @Test
  void bundledTableCoversTheTwelveDistricts() {
    assertEquals(
        List.of("Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle", "Preston", "Ribble Valley",
            "Rossendale", "South Ribble", "West Lancashire", "Wyre"),
        lancashire.districts());
    assertEquals(
        lancashire.districts(), District.lancashire().stream().map(District::name).sorted().toList());
  }

  @Test
  void aTableWithBadPrefixesOrConflictsIsRefused() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> PostcodeLookup.from(stream("prefix,district\nBB10 3 X,Burnley\n"), "t.csv"));
    assertTrue(bad.getMessage().contains("BB10 3 X"), bad.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> PostcodeLookup.from(stream("prefix,district\nBB10,Burnley\nbb10,Pendle\n"), "t.csv"));
    assertTrue(twice.getMessage().contains("both Burnley and Pendle"), twice.getMessage());
    IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
        () -> PostcodeLookup.from(stream("sector,lad\nBB10,Burnley\n"), "t.csv"));
    assertTrue(columns.getMessage().contains("[prefix, district]"), columns.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PostcodeLookup.fromFile(Path.of("/no/such/file.csv")));
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
