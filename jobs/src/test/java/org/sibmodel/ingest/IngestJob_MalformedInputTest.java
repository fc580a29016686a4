package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/** Malformed files: each gets its clear error (nothing written) or its reject reason. */
class IngestJob_MalformedInputTest {
  private static final String HEADER_ROWS = Fixtures.lines(Fixtures.HEADER_COLUMNS,
      "1,1,01/06/2009,WBRI,,,", "2,2,15/01/2012,APKN,,,", "3,1,03/03/2005,WBRI,,,");
  private static final String EPISODE_ROWS = Fixtures.lines(Fixtures.EPISODES_COLUMNS,
      "1,10/05/2018,S,C2,N1,U4,PR1,01/09/2018,X1,PLACE,BB10 3,,",
      "1,01/09/2018,P,C2,N1,K2,PR4,,,,BB10 3,,1234567",
      "2,20/06/2018,S,V2,N4,U1,PR1,20/08/2018,E4A,,PR1 5,,",
      "3,02/02/2019,S,C1,N1,U6,PR4,,,,FY1 4,,");

  @TempDir Path tmp;

  private IngestSummary ingest(Path input, Path out) {
    return IngestJob.run(TestSpark.session(), new IngestOptions(
        input.toString(), out.toString(), null, "Lancashire", Fixtures.keyFile(tmp), "auto", null, LocalDate.of(2026, 1, 1)));
  }

  private Path goodReturn(String name) {
    Path input = tmp.resolve(name);
    Fixtures.write(input, "2018-19/header.csv", HEADER_ROWS);
    Fixtures.write(input, "2018-19/episodes.csv", EPISODE_ROWS);
    return input;
  }

  @Test
  void crlfLineEndsAndAByteOrderMarkReadTheSameAsPlainFiles() throws IOException {
    Path plain = goodReturn("plain");
    Path windows = tmp.resolve("windows");
    Files.createDirectories(windows.resolve("2018-19"));
    for (String file : List.of("header.csv", "episodes.csv")) {
      String text = Files.readString(plain.resolve("2018-19").resolve(file)).replace("\n", "\r\n");
      Files.write(windows.resolve("2018-19").resolve(file), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    }
    IngestSummary a = ingest(plain, tmp.resolve("out-plain"));
    IngestSummary b = ingest(windows, tmp.resolve("out-windows"));
    assertEquals(a.rows(), b.rows());
    assertEquals(new IngestSummary.Counts(7, 7, 0, 0), b.rows());
    SparkSession spark = TestSpark.session();
    List<Row> pa = spark.read().parquet(tmp.resolve("out-plain/care_periods").toString()).collectAsList();
    List<Row> pb = spark.read().parquet(tmp.resolve("out-windows/care_periods").toString()).collectAsList();
    assertEquals(pa, pb);
    assertEquals(3, pb.size());
  }

  @Test
  void wrongColumnsStopTheRunAndNameWhatWasExpected() throws IOException {
    Path input = goodReturn("in");
    Path out = tmp.resolve("out");
    ingest(input, out);
    String before = Files.readString(out.resolve("summary.json"));
    Fixtures.write(input, "2018-19/episodes.csv", Fixtures.lines(
        "CHILD,DATE_STARTED,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
        "1,10/05/2018,S,C2,N1,U4,PR1,,,,BB10 3,,"));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ingest(input, out));
    assertTrue(e.getMessage().contains("2018-19/episodes.csv line 1"), e.getMessage());
    assertTrue(e.getMessage().contains("lacks DECOM"), e.getMessage());
    assertTrue(e.getMessage().contains("CHILD,DECOM,RNE"), e.getMessage());
    assertEquals(before, Files.readString(out.resolve("summary.json")), "the earlier output is untouched");
    try (var siblings = Files.list(tmp)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("staging")), "no staging folder left");
    }
  }

  @Test
  void aFileWithoutItsHeaderRowOrEmptyIsAnError() {
    Path input = goodReturn("in");
    Fixtures.write(input, "2018-19/header.csv", Fixtures.lines("1,1,01/06/2009,WBRI,,,"));
    InputFormatException noHeader = assertThrows(InputFormatException.class, () -> ingest(input, tmp.resolve("out")));
    assertTrue(noHeader.getMessage().contains("is the header row missing?"), noHeader.getMessage());
    Fixtures.write(input, "2018-19/header.csv", "");
    InputFormatException empty = assertThrows(InputFormatException.class, () -> ingest(input, tmp.resolve("out")));
    assertTrue(empty.getMessage().contains("2018-19/header.csv: the file is empty"), empty.getMessage());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void aMissingHeaderFileOrAStrayFolderIsAnError() throws IOException {
    Path input = goodReturn("in");
    Files.delete(input.resolve("2018-19/header.csv"));
    InputFormatException e = assertThrows(InputFormatException.class, () -> ingest(input, tmp.resolve("out")));
    assertTrue(e.getMessage().contains("2018-19/ has no header file"), e.getMessage());
    Path other = goodReturn("other");
    Fixtures.write(other, "misc/episodes.csv", EPISODE_ROWS);
    Fixtures.write(other, "misc/header.csv", HEADER_ROWS);
    InputFormatException misc = assertThrows(InputFormatException.class, () -> ingest(other, tmp.resolve("out")));
    assertTrue(misc.getMessage().contains("misc/ is not named by a collection year"), misc.getMessage());
  }

  @Test
  void badDatesUnknownCodesAndDuplicatedRowsAreRejectedWithTheirLine() {
    Path input = goodReturn("in");
    Fixtures.write(input, "2018-19/episodes.csv", EPISODE_ROWS
        + "3,02/02/2019,S,C1,N1,U6,PR4,,,,FY1 4,,\n"
        + "1,1/13/2018,S,C2,N1,U4,PR1,,,,BB10 3,,\n"
        + "2,21/08/2018,S,C2,N1,XX,PR1,,,,BB10 3,,\n");
    IngestSummary summary = ingest(input, tmp.resolve("out"));
    assertEquals(new IngestSummary.Counts(10, 7, 3, 0), summary.rows());
    List<Row> rejects = TestSpark.session().read().parquet(tmp.resolve("out/ingest_rejects").toString())
        .orderBy("line").collectAsList();
    assertEquals(List.of(6L, 7L, 8L), rejects.stream().map(r -> r.<Long>getAs("line")).toList());
    assertEquals(List.of("DUPLICATE_IN_RETURN", "BAD_DATE", "UNKNOWN_CODE"),
        rejects.stream().map(r -> r.<String>getAs("rule")).toList());
    assertEquals("PLACE", rejects.get(2).getAs("field"));
    assertEquals("XX", rejects.get(2).getAs("value"));
  }

  @Test
  void anUnrelatedFolderIsNeverOverwritten() throws IOException {
    Path input = goodReturn("in");
    Path precious = Fixtures.write(tmp, "precious/notes.txt", "keep me").getParent();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ingest(input, precious));
    assertTrue(e.getMessage().contains("not an earlier sib output"), e.getMessage());
    assertEquals("keep me", Files.readString(precious.resolve("notes.txt")));
  }

  @Test
  void withoutAKeyNothingIsRead() {
    Path input = goodReturn("in");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IngestJob.run(TestSpark.session(),
        new IngestOptions(input.toString(), tmp.resolve("out").toString(), null, "Lancashire", tmp.resolve("none.key"),
            "auto", null, LocalDate.of(2026, 1, 1))));
    assertTrue(e.getMessage().contains("none.key"), e.getMessage());
  }
}
