package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sibmodel.reference.PostcodeLookup;

/**
 * Home postcodes map back to the child's district through the bundled lookup, except the
 * deliberately missing ones and those from just outside the county, so an ingest job meets
 * every case.
 */
class SyntheticCounty_PostcodesTest {
  private final PostcodeLookup lookup = PostcodeLookup.lancashire();
  private final SyntheticCountyModel model = LancashireDefaults.model(2012);

  @Test
  void everyHomeSectorOfADistrictMapsBackToIt() {
    Map<String, List<String>> sectors = model.postcodes().homeSectorsByDistrict();
    assertEquals(12, sectors.size());
    sectors.forEach(
        (district, list) -> {
          assertFalse(list.isEmpty(), district);
          list.forEach(s -> assertEquals(district, lookup.lookup(s).district(), s));
        });
    // PR4 is Fylde in the table, but PR4 0 is Preston and PR4 4 South Ribble.
    assertTrue(sectors.get("Fylde").contains("PR4 1"));
    assertFalse(sectors.get("Fylde").contains("PR4 0"));
    assertFalse(sectors.get("Fylde").contains("PR4 4"));
    assertTrue(sectors.get("Preston").contains("PR4 0"));
  }

  @Test
  void outOfCountySectorsAreUnmapped() {
    List<String> outside = model.postcodes().outOfCountySectors();
    assertTrue(outside.contains("FY1 1") && outside.contains("BB2 3"), outside.toString());
    assertFalse(outside.contains("BB1 4"), "BB1 4 is Hyndburn");
    outside.forEach(s -> assertEquals(PostcodeLookup.Status.UNMAPPED, lookup.lookup(s).status(), s));
  }

  /**
   * In the default draw: 2% of children have no home postcode, 2% one outside the county (plus
   * most unaccompanied children, who have none); ~19,000 children, sd 0.1 points; 1 point allowed.
   */
  @Test
  void homePostcodesInTheReturnsMapToTheChildsDistrictOrAreDeliberatelyUnmapped() {
    GeneratedSample sample = GeneratedSample.get();
    SyntheticCounty county = SyntheticCounty.simulate(model, sample.options.seed(), sample.options.lastYear());
    Map<String, SyntheticChild> byId = new java.util.HashMap<>();
    county.children().forEach(c -> byId.put(c.id(), c));
    int rows = 0;
    for (ReturnFiles r : sample.returns.values()) {
      for (Map<String, String> e : r.episodes()) {
        SyntheticChild child = byId.get(e.get("CHILD"));
        PostcodeLookup.Result home = lookup.lookup(e.get("HOME_POST"));
        if (home.status() == PostcodeLookup.Status.MAPPED) {
          assertEquals(child.district(), home.district(), "CHILD " + child.id() + " HOME_POST " + e.get("HOME_POST"));
        } else if (home.status() == PostcodeLookup.Status.UNMAPPED) {
          assertTrue(model.postcodes().outOfCountySectors().contains(e.get("HOME_POST")), e.get("HOME_POST"));
        }
        rows++;
      }
    }
    assertTrue(rows > 30_000);

    int children = 0;
    int missing = 0;
    int unmapped = 0;
    for (SyntheticChild c : county.children()) {
      if (c.uasc()) {
        continue;
      }
      children++;
      PostcodeLookup.Status status = lookup.lookup(c.periods().get(0).homePost()).status();
      missing += status == PostcodeLookup.Status.MISSING ? 1 : 0;
      unmapped += status == PostcodeLookup.Status.UNMAPPED ? 1 : 0;
    }
    assertEquals(0.02, (double) missing / children, 0.01, "missing home postcodes");
    assertEquals(0.02, (double) unmapped / children, 0.01, "home postcodes outside the county");
  }

  @Test
  void homePostcodeIsTheSameOnEveryEpisodeOfAPeriod() {
    Histories histories = new Histories(GeneratedSample.get().returns.values());
    for (Histories.Period p : histories.periods()) {
      Set<String> homes = new HashSet<>();
      p.episodes().forEach(e -> homes.add(e.get("HOME_POST")));
      assertEquals(1, homes.size(), "CHILD " + p.child() + " period from " + p.start() + ": " + homes);
    }
  }

  @Test
  void mostUnaccompaniedChildrenHaveNoHomePostcode() {
    GeneratedSample sample = GeneratedSample.get();
    Set<String> uasc = new HashSet<>();
    sample.returns.values().forEach(r -> r.uasc().forEach(u -> uasc.add(u.get("CHILD"))));
    Histories histories = new Histories(sample.returns.values());
    int periods = 0;
    int missing = 0;
    for (String child : uasc) {
      for (Histories.Period p : histories.byChild.get(child)) {
        periods++;
        missing += p.episodes().get(0).get("HOME_POST").isEmpty() ? 1 : 0;
      }
    }
    assertTrue(periods >= 20, "UASC periods " + periods);
    assertTrue(missing > periods / 2, missing + " of " + periods + " UASC periods without a home postcode");
  }
}
