package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.ingest.Reject.Rule;
import org.sibmodel.ingest.RowFate.Fate;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.testing.Fixtures;

/** One child's rows from several returns, resolved: merging, rejects, periods, fates. */
class ChildResolver_HistoryTest {
  @TempDir Path dir;
  private InputSet inputs;
  private ChildResolver resolver;
  private final List<Rows.Episode> episodes = new ArrayList<>();
  private final List<Rows.Header> headers = new ArrayList<>();
  private final List<Rows.Uasc> uasc = new ArrayList<>();
  private long line = 2;

  @BeforeEach
  void setUp() {
    for (String year : List.of("2016-17", "2017-18", "2018-19")) {
      Fixtures.write(dir, year + "/episodes.csv", Fixtures.EPISODES_COLUMNS + "\n");
      Fixtures.write(dir, year + "/header.csv", Fixtures.HEADER_COLUMNS + "\n");
      Fixtures.write(dir, year + "/uasc.csv", Fixtures.UASC_COLUMNS + "\n");
    }
    inputs = InputDiscovery.discover(new Configuration(), dir.toString());
    resolver = new ChildResolver(Pseudonymiser.withKey(Fixtures.TEST_KEY, "test"), PostcodeLookup.lancashire(), inputs,
        Schemas.ssda903Codes().group("returned_home"));
  }

  private int fileId(int year, Ssda903File kind) {
    String label = (year - 1) + "-" + String.format("%02d", year % 100);
    return inputs.files().stream().filter(f -> f.folderLabel().equals(label) && f.kind() == kind).findFirst().orElseThrow().id();
  }

  private Rows.Episode episode(int year, String decom, String rne, String place, String provider, String dec, String rec) {
    Rows.Episode e = new Rows.Episode(fileId(year, Ssda903File.EPISODES), line++, "Lancashire", year, "101",
        LocalDate.parse(decom), rne, "C2", "N1", place, provider, dec == null ? null : LocalDate.parse(dec), rec,
        null, "BB10 3");
    episodes.add(e);
    return e;
  }

  private Rows.Header header(int year, String dob) {
    Rows.Header h = new Rows.Header(fileId(year, Ssda903File.HEADER), line++, "Lancashire", year, "101", "1",
        LocalDate.parse(dob), "WBRI");
    headers.add(h);
    return h;
  }

  private ChildResolver.Result resolve() {
    ChildResolver.Result result = resolver.resolve("Lancashire", "101", episodes, headers, uasc);
    // Every row given gets exactly one fate.
    assertEquals(episodes.size() + headers.size() + uasc.size(), result.fates().size());
    assertEquals(result.fates().size(), result.fates().stream().map(f -> f.fileId() + ":" + f.line()).distinct().count());
    return result;
  }

  private static Map<Long, Fate> fates(ChildResolver.Result r) {
    return r.fates().stream().collect(Collectors.toMap(RowFate::line, RowFate::fate));
  }

  @Test
  void anEpisodeOpenAtYearEndIsReplacedByTheNextReturnsClosedCopy() {
    header(2018, "2009-06-01");
    header(2019, "2009-06-01");
    Rows.Episode open = episode(2018, "2018-01-10", "S", "U4", "PR1", null, null);
    Rows.Episode closed = episode(2019, "2018-01-10", "S", "U4", "PR1", "2018-07-10", "E4A");
    ChildResolver.Result r = resolve();
    assertEquals(Fate.SUPERSEDED, fates(r).get(open.line()));
    assertEquals(Fate.ACCEPTED, fates(r).get(closed.line()));
    assertEquals(1, r.episodes().size());
    Curated.Period p = r.periods().get(0);
    assertEquals(LocalDate.parse("2018-07-10"), p.periodEnd());
    assertTrue(p.ended() && p.returnedHome() && p.startObserved());
    assertEquals(181, p.durationDays());
    assertEquals("8-9", p.ageBand());
    assertEquals("5-9", p.contractAgeGroup());
    assertEquals("Burnley", p.district());
  }

  @Test
  void theSameEpisodeTwiceInOneReturnIsADuplicate() {
    header(2019, "2009-06-01");
    episode(2019, "2018-05-01", "S", "U4", "PR1", null, null);
    Rows.Episode again = episode(2019, "2018-05-01", "S", "U4", "PR1", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(Rule.DUPLICATE_IN_RETURN, r.rejects().get(0).rule());
    assertEquals(again.line(), r.rejects().get(0).line());
    assertEquals(1, r.episodes().size());
  }

  @Test
  void episodesOfAChildWithoutAHeaderAreRejected() {
    episode(2019, "2018-05-01", "S", "U4", "PR1", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(Rule.CHILD_NOT_IN_HEADER, r.rejects().get(0).rule());
    assertTrue(r.periods().isEmpty());
  }

  @Test
  void theLatestHeaderGivesTheDateOfBirth() {
    Rows.Header old = header(2018, "2001-01-01");
    Rows.Header latest = header(2019, "2009-06-01");
    episode(2019, "2018-05-01", "S", "U4", "PR1", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(Fate.SUPERSEDED, fates(r).get(old.line()));
    assertEquals(Fate.ACCEPTED, fates(r).get(latest.line()));
    assertEquals(8, r.periods().get(0).ageAtEntry());
  }

  @Test
  void episodesBeforeBirthOrAtEighteenAreRejected() {
    header(2019, "2000-06-01");
    episode(2019, "1999-05-01", "S", "U4", "PR1", "1999-06-01", "E4A");
    episode(2019, "2018-06-01", "S", "U4", "PR1", null, null);
    List<Rule> rules = resolve().rejects().stream().map(Reject::rule).toList();
    assertEquals(List.of(Rule.DECOM_BEFORE_DOB, Rule.AGE_18_OR_OVER), rules);
  }

  @Test
  void overlapsKeepTheLaterReturnsEpisode() {
    header(2019, "2009-06-01");
    // Still open in 2017-18, but the 2018-19 return shows a different episode from May 2018.
    Rows.Episode stale = episode(2018, "2018-01-10", "S", "U4", "PR1", null, null);
    Rows.Episode newer = episode(2019, "2018-05-01", "S", "K2", "PR4", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(Fate.REJECTED, fates(r).get(stale.line()));
    assertEquals(Fate.ACCEPTED, fates(r).get(newer.line()));
    assertEquals(Rule.OVERLAPPING_EPISODE, r.rejects().get(0).rule());
    assertTrue(r.rejects().get(0).message().contains("2018-19"), r.rejects().get(0).message());
  }

  @Test
  void withinOneReturnTheLaterStartingOverlapIsRejected() {
    header(2019, "2009-06-01");
    Rows.Episode first = episode(2019, "2018-05-01", "S", "U4", "PR1", "2018-09-01", "X1");
    Rows.Episode overlapping = episode(2019, "2018-08-01", "P", "U5", "PR1", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(Fate.ACCEPTED, fates(r).get(first.line()));
    assertEquals(Fate.REJECTED, fates(r).get(overlapping.line()));
  }

  @Test
  void periodsBreakAtStartsGapsAndExits() {
    header(2019, "2008-06-01");
    episode(2017, "2016-05-01", "S", "U4", "PR1", "2016-08-01", "X1");
    episode(2017, "2016-08-01", "P", "U6", "PR4", "2016-10-01", "E4B");
    // Re-entry 100 days after going home.
    episode(2017, "2017-01-09", "S", "K2", "PR4", "2017-02-01", "X1");
    // A gap after an X1 ending starts a new period even without RNE = S.
    episode(2018, "2017-03-01", "L", "U4", "PR1", null, null);
    ChildResolver.Result r = resolve();
    assertEquals(3, r.periods().size());
    Curated.Period first = r.periods().get(0);
    Curated.Period second = r.periods().get(1);
    Curated.Period third = r.periods().get(2);
    assertEquals(2, first.episodes());
    assertTrue(first.returnedHome());
    assertEquals(92, first.daysFosterInHouse());
    assertEquals(61, first.daysFosterAgency());
    assertTrue(second.isReentry());
    assertEquals(100, second.daysSincePreviousExit());
    assertEquals("E4B", second.previousEndReason());
    assertTrue(second.ended(), "a later period means the child left");
    assertEquals("X1", second.endReason());
    assertFalse(second.returnedHome());
    assertTrue(third.startObserved(), "the gap gives the start");
    assertFalse(third.ended());
    assertNull(third.periodEnd());
    // Censored at the end of the 2017-18 return, the last that shows the open episode.
    assertEquals(LocalDate.parse("2018-03-31"), third.observedUntil());
    for (Curated.Period p : r.periods()) {
      assertEquals(p.durationDays(), p.daysFosterInHouse() + p.daysFosterAgency() + p.daysResidential() + p.daysOther());
    }
    assertEquals(List.of(1, 1, 2, 3), r.episodes().stream().map(Curated.Episode::periodNumber).toList());
  }

  @Test
  void aFirstEpisodeThatIsNotAStartLeavesTheEntryUnobserved() {
    header(2019, "2008-06-01");
    episode(2019, "2016-02-01", "P", "U4", "PR1", null, null);
    Curated.Period p = resolve().periods().get(0);
    assertFalse(p.startObserved());
    assertFalse(p.isReentry());
  }

  @Test
  void unmappedHomePostcodesAreCountedByOutwardCode() {
    header(2019, "2008-06-01");
    episodes.add(new Rows.Episode(fileId(2019, Ssda903File.EPISODES), line++, "Lancashire", 2019, "101",
        LocalDate.parse("2018-05-01"), "S", "C2", "N1", "U4", "PR1", null, null, null, "FY1 4"));
    ChildResolver.Result r = resolve();
    assertEquals("unmapped", r.periods().get(0).districtStatus());
    assertNull(r.periods().get(0).district());
    assertEquals(List.of(new Curated.UnmappedPostcode("Lancashire", "FY1")), r.unmapped());
  }

  @Test
  void uascRowsFlagThePeriods() {
    header(2019, "2003-06-01");
    uasc.add(new Rows.Uasc(fileId(2018, Ssda903File.UASC), line++, "Lancashire", 2018, "101", LocalDate.parse("2003-06-01")));
    uasc.add(new Rows.Uasc(fileId(2019, Ssda903File.UASC), line++, "Lancashire", 2019, "101", LocalDate.parse("2003-06-01")));
    episode(2019, "2018-05-01", "S", "H5", "PR4", null, null);
    ChildResolver.Result r = resolve();
    assertTrue(r.periods().get(0).uasc());
    Map<Fate, Long> uascFates = r.fates().stream().filter(f -> f.fileId() == fileId(2018, Ssda903File.UASC)
        || f.fileId() == fileId(2019, Ssda903File.UASC)).collect(Collectors.groupingBy(RowFate::fate, Collectors.counting()));
    assertEquals(Map.of(Fate.ACCEPTED, 1L, Fate.SUPERSEDED, 1L), uascFates);
  }

  @Test
  void theChildKeyIsPseudonymised() {
    header(2019, "2008-06-01");
    episode(2019, "2018-05-01", "S", "U4", "PR1", null, null);
    ChildResolver.Result r = resolve();
    String key = r.periods().get(0).childKey();
    assertTrue(key.matches("[0-9a-f]{24}"));
    assertEquals(Pseudonymiser.withKey(Fixtures.TEST_KEY, "t").childKey("Lancashire", "101"), key);
    assertTrue(r.episodes().stream().allMatch(e -> e.childKey().equals(key)));
  }
}
