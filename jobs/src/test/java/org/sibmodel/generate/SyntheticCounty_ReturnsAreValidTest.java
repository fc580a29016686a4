package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.ssda903.CollectionYear;

/** Every row of the default synthetic returns passes the rules an ingest job rejects rows by. */
class SyntheticCounty_ReturnsAreValidTest {
  private final Ssda903Codes codes = Schemas.ssda903Codes();

  @Test
  void everyRowOfEveryReturnPassesTheIngestRules() {
    GeneratedSample sample = GeneratedSample.get();
    List<String> problems = new ArrayList<>();
    int rows = 0;
    for (ReturnFiles r : sample.returns.values()) {
      problems.addAll(ReturnChecker.problems(r, codes));
      rows += r.episodes().size();
    }
    assertTrue(rows > 30_000, "expected a full sample, got " + rows + " episode rows");
    assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
  }

  @Test
  void eachReturnHoldsExactlyTheEpisodesOpenDuringItsYear() {
    GeneratedSample sample = GeneratedSample.get();
    Histories histories = new Histories(sample.returns.values());
    for (ReturnFiles r : sample.returns.values()) {
      LocalDate from = CollectionYear.start(r.year());
      LocalDate to = CollectionYear.end(r.year());
      Set<String> expected = new HashSet<>();
      for (Histories.Period p : histories.periods()) {
        for (Map<String, String> e : p.episodes()) {
          LocalDate decom = ReturnChecker.parseOrNull(e.get("DECOM"));
          LocalDate dec = ReturnChecker.parseOrNull(e.get("DEC"));
          if (!decom.isAfter(to) && (dec == null || !dec.isBefore(from))) {
            expected.add(e.get("CHILD") + " " + e.get("DECOM"));
          }
        }
      }
      Set<String> actual = new HashSet<>();
      r.episodes().forEach(e -> actual.add(e.get("CHILD") + " " + e.get("DECOM")));
      assertEquals(expected, actual, "episodes of " + CollectionYear.label(r.year()));
    }
  }

  @Test
  void specialGuardianshipCodesFollowTheCodeListOfTheYear() {
    GeneratedSample sample = GeneratedSample.get();
    Set<String> before2015 = new HashSet<>();
    Set<String> from2015 = new HashSet<>();
    for (ReturnFiles r : sample.returns.values()) {
      for (Map<String, String> e : r.episodes()) {
        String rec = e.get("REC");
        if (rec.matches("E4[3-8]")) {
          (r.year() < 2015 ? before2015 : from2015).add(rec);
        }
      }
    }
    assertEquals(Set.of("E43", "E44"), before2015);
    assertEquals(Set.of("E45", "E46", "E47", "E48"), from2015);
  }

  @Test
  void childIdsAreSevenDigitsAndUniqueInEachHeader() {
    for (ReturnFiles r : GeneratedSample.get().returns.values()) {
      Set<String> ids = new HashSet<>();
      for (Map<String, String> h : r.header()) {
        assertTrue(h.get("CHILD").matches("[0-9]{7}"), h.get("CHILD"));
        assertTrue(ids.add(h.get("CHILD")), "CHILD " + h.get("CHILD") + " twice in " + r.year());
      }
    }
  }

  /** The checker must find each kind of fault, or the test above proves nothing. */
  @Test
  void checkerReportsEachBrokenRule() {
    String header =
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
            + "1,1,01/01/2010,WBRI,,,\n"
            + "2,1,01/01/1995,WBRI,,,\n"
            + "4,2,01/01/2012,WBRI,,,\n"
            + "6,,01/01/2012,WBRI,,,\n";
    String episodes =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "1,01/05/2013,S,C2,N1,U4,PR1,01/04/2013,X1,,,,\n"
            + "1,01/06/2013,P,XX,N1,U4,PR1,,E4A,,,,\n"
            + "1,01/07/2013,P,C2,N1,U4,PR1,01/08/2013,,,,,\n"
            + "1,01/09/2013,S,C2,N1,U4,PR1,01/10/2013,E45,,,,\n"
            + "1,01/09/2013,P,C2,N1,K2,PR4,01/10/2013,E4A,,,,1234567\n"
            + "2,01/05/2013,S,C2,N1,U4,PR1,,,,,,\n"
            + "3,01/05/2013,S,C2,N1,,PR1,,,,,,\n"
            + "6,01/05/2014,S,C2,N1,K2,PR4,,,,,,\n";
    String uasc = "CHILD,SEX,DOB,DUC\n7,1,01/01/2000,01/01/2018\n";
    List<String> problems = ReturnChecker.problems(ReturnFiles.of(2014, header, episodes, uasc), codes);
    for (String expected :
        List.of(
            "DEC 01/04/2013 before DECOM",
            "REC E4A with empty DEC",
            "LS 'XX' is not valid in collection year 2014",
            "DEC without REC",
            "REC 'E45' is not valid in collection year 2014",
            "duplicate (CHILD, DECOM)",
            "aged 18 or over at DECOM",
            "CHILD 3 DECOM 01/05/2013: child missing from the header",
            "PLACE is missing",
            "DECOM after 31 March",
            "SEX is missing",
            "overlaps",
            "header CHILD 4: no episode in this return",
            "URN '' for PLACE K2",
            "uasc CHILD 7: not in this return's header")) {
      assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "no problem mentions '" + expected + "' in " + problems);
    }
  }
}
