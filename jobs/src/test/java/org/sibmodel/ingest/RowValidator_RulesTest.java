package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.ingest.Reject.Rule;
import org.sibmodel.io.RawRow;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.testing.Fixtures;

/** Each row-level rule on inline rows of a 2018-19 return (collection year 2019). */
class RowValidator_RulesTest {
  private static final LocalDate TODAY = LocalDate.of(2019, 6, 30);
  @TempDir Path dir;
  private InputSet inputs;
  private RowValidator validator;

  @BeforeEach
  void setUp() {
    Fixtures.write(dir, "2018-19/episodes.csv", Fixtures.EPISODES_COLUMNS + "\n");
    Fixtures.write(dir, "2018-19/header.csv", Fixtures.HEADER_COLUMNS + "\n");
    Fixtures.write(dir, "2018-19/uasc.csv", Fixtures.UASC_COLUMNS + "\n");
    Fixtures.write(dir, "2024-25/episodes.csv", Fixtures.EPISODES_COLUMNS + "\n");
    Fixtures.write(dir, "2024-25/header.csv", Fixtures.HEADER_COLUMNS + "\n");
    inputs = InputDiscovery.discover(new Configuration(), dir.toString());
    validator = validator(TODAY);
  }

  private RowValidator validator(LocalDate today) {
    return new RowValidator(inputs, new ReturnYears(ReturnYears.Convention.END, null), Schemas.ssda903Codes(), "Lancashire", today);
  }

  private RowValidator.Result episode(String line) {
    return validate("2018-19/episodes.csv", line);
  }

  private RowValidator.Result validate(String file, String line) {
    int id = inputs.files().stream().filter(f -> f.relativePath().equals(file)).findFirst().orElseThrow().id();
    return validator.validate(new RawRow(id, 7, line));
  }

  private static Reject only(RowValidator.Result result) {
    assertEquals(1, result.rejects().size(), result.rejects().toString());
    assertNull(result.row());
    return result.rejects().get(0);
  }

  @Test
  void aValidEpisodeBecomesATypedRow() {
    RowValidator.Result r = episode("101,05/05/2018,S,C2,N1,U4,PR1,,,,BB10 3,PR1 4,");
    assertFalse(r.rejected());
    Rows.Episode e = assertInstanceOf(Rows.Episode.class, r.row());
    assertEquals(LocalDate.of(2018, 5, 5), e.decom());
    assertEquals(2019, e.collectionYear());
    assertEquals("Lancashire", e.la());
    assertNull(e.dec());
  }

  @Test
  void isoDatesAreReadToo() {
    RowValidator.Result r = episode("101,2018-05-05,S,C2,N1,U4,PR1,2018-06-01,E4A,,BB10 3,,");
    assertFalse(r.rejected(), r.rejects().toString());
  }

  @Test
  void aRequiredValueMissingIsNamed() {
    Reject reject = only(episode("101,,S,C2,N1,U4,PR1,,,,BB10 3,,"));
    assertEquals(Rule.MISSING_VALUE, reject.rule());
    assertEquals("DECOM", reject.field());
    assertEquals("2018-19/episodes.csv", reject.sourceFile());
    assertEquals(7, reject.line());
  }

  @Test
  void anImpossibleDateIsABadDate() {
    Reject reject = only(episode("101,31/02/2018,S,C2,N1,U4,PR1,,,,BB10 3,,"));
    assertEquals(Rule.BAD_DATE, reject.rule());
    assertEquals("31/02/2018", reject.value());
    assertTrue(reject.message().contains("not a calendar date"), reject.message());
  }

  @Test
  void anUnknownCodeNamesTheYearAndTheValidCodes() {
    Reject reject = only(episode("101,05/05/2018,S,C2,N1,Q9,PR1,,,,BB10 3,,"));
    assertEquals(Rule.UNKNOWN_CODE, reject.rule());
    assertEquals("PLACE", reject.field());
    assertEquals(2019, reject.collectionYear());
    assertTrue(reject.message().contains("2018-19") && reject.message().contains("U4"), reject.message());
  }

  @Test
  void codeListsDependOnTheCollectionYear() {
    Reject early = only(episode("101,05/05/2018,S,C2,N1,K3,PR4,,,,BB10 3,,"));
    assertTrue(early.message().contains("not valid that year"), early.message());
    validator = validator(LocalDate.of(2025, 6, 1));
    RowValidator.Result later = validate("2024-25/episodes.csv", "101,05/05/2024,S,C2,N1,K3,PR4,,,,BB10 3,,");
    assertFalse(later.rejected(), later.rejects().toString());
  }

  @Test
  void anEpisodeCannotEndBeforeItStarts() {
    assertEquals(Rule.DEC_BEFORE_DECOM, only(episode("101,05/05/2018,S,C2,N1,U4,PR1,04/05/2018,E4A,,BB10 3,,")).rule());
  }

  @Test
  void leavingCareNeedsAnEndDateAndAnEndDateNeedsAReason() {
    Reject noDec = only(episode("101,05/05/2018,S,C2,N1,U4,PR1,,E4A,,BB10 3,,"));
    assertEquals(Rule.LEFT_CARE_WITHOUT_DEC, noDec.rule());
    assertEquals("E4A", noDec.value());
    assertEquals(Rule.DEC_WITHOUT_REC, only(episode("101,05/05/2018,S,C2,N1,U4,PR1,06/05/2018,,,BB10 3,,")).rule());
    assertFalse(episode("101,05/05/2018,S,C2,N1,U4,PR1,,X1,,BB10 3,,").rejected(), "X1 on an open episode is harmless");
  }

  @Test
  void datesAfterTheReturnOrAfterTodayAreRejected() {
    Reject afterReturn = only(episode("101,05/04/2019,S,C2,N1,U4,PR1,,,,BB10 3,,"));
    assertEquals(Rule.DATE_AFTER_RETURN, afterReturn.rule());
    assertTrue(afterReturn.message().contains("31/03/2019"), afterReturn.message());
    validator = validator(LocalDate.of(2018, 12, 31));
    assertEquals(Rule.DATE_IN_FUTURE, only(episode("101,05/01/2019,S,C2,N1,U4,PR1,,,,BB10 3,,")).rule());
  }

  @Test
  void everyBrokenRuleIsReported() {
    List<Reject> rejects = episode("101,,S,C9,N1,Q9,PR1,,,,BB10 3,,").rejects();
    assertEquals(List.of(Rule.MISSING_VALUE, Rule.UNKNOWN_CODE, Rule.UNKNOWN_CODE), rejects.stream().map(Reject::rule).toList());
  }

  @Test
  void aRowOfTheWrongWidthOrBrokenQuotingIsMalformed() {
    Reject shortRow = only(episode("101,05/05/2018,S,C2,N1,U4,PR1"));
    assertEquals(Rule.MALFORMED_ROW, shortRow.rule());
    assertTrue(shortRow.message().contains("7 fields") && shortRow.message().contains("13"), shortRow.message());
    assertEquals(Rule.MALFORMED_ROW, only(episode("101,\"05/05/2018,S,C2,N1,U4,PR1,,,,BB10 3,,")).rule());
    assertFalse(episode("\"101\",\"05/05/2018\",S,C2,N1,U4,PR1,,,,\"BB10 3\",,").rejected());
  }

  @Test
  void personalValuesAreWithheldFromRejects() {
    Reject dob = only(validate("2018-19/header.csv", "101,1,32/01/2010,WBRI,,,"));
    assertEquals(Rule.BAD_DATE, dob.rule());
    assertEquals("DOB", dob.field());
    assertEquals(Reject.WITHHELD, dob.value());
    assertFalse(dob.message().contains("32/01/2010"), dob.message());
    Reject futureDob = only(validate("2018-19/header.csv", "101,1,2019-05-01,WBRI,,,"));
    assertEquals(Rule.DATE_AFTER_RETURN, futureDob.rule());
    assertFalse(futureDob.message().contains("01/05/2019"), futureDob.message());
  }

  @Test
  void headerAndUascRowsAreChecked() {
    assertInstanceOf(Rows.Header.class, validate("2018-19/header.csv", "101,2,01/01/2010,WBRI,,,").row());
    assertEquals(Rule.UNKNOWN_CODE, only(validate("2018-19/header.csv", "101,3,01/01/2010,WBRI,,,")).rule());
    // A date of cessation of UASC status in the future is normal: the 18th birthday.
    assertInstanceOf(Rows.Uasc.class, validate("2018-19/uasc.csv", "101,1,01/01/2003,01/01/2021").row());
  }
}
