package org.sibmodel.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.testing.Browser;
import org.sibmodel.testing.ConsoleCapture;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.GoldenChecksums;
import org.sibmodel.testing.TestSpark;

/** {@code sib demo} end to end: the synthetic county's returns go in, and what comes out agrees with how they were made. */
class DemoCommand_EndToEndTest {
  /** A test key (not secret): made once by sib keygen for the golden list. */
  private static final String DEMO_KEY = "83b9142a9fcb2ea638b9a85eb28b3daa0ae28e6bba37dce1379eb47ab1d90d00\n";

  @TempDir static Path tmp;
  /** What the demo printed (standard output and error) and what it logged at WARN or above. */
  private static String console;
  private static List<String> warnings;

  /** One run of the demo for every test here (it takes two minutes). */
  @BeforeAll
  static void runTheDemo() throws Exception {
    TestSpark.session();
    System.setProperty("sib.home", Fixtures.sample("multi-year").getParent().getParent().getParent().toString());
    // A fixed key: pseudonyms order the children, so the key is an input to every table like the seed.
    Files.writeString(tmp.resolve("demo-pseudonymisation.key"), DEMO_KEY);
    try (ConsoleCapture capture = ConsoleCapture.start()) {
      assertEquals(0, Main.run("--master", "local[2]", "demo", "--out", tmp.toString()));
      console = capture.text();
      warnings = capture.warnings();
    }
  }

  @Test
  void theConsoleHasNoErrorOrWarningLines() {
    assertTrue(console.contains("7/8 compare"), "the capture holds the demo's console, compare step included");
    assertEquals(List.of(), console.lines().filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).toList());
    assertEquals(List.of(), warnings, "nothing logged at WARN or ERROR (the propensity model converges)");
  }

  @Test
  void theThreeReportsReadAsMoneyPeopleReadItAndFitAt1024Pixels() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium is not installed here (.ci/run installs it)");
    for (String report : List.of("report/report.html", "params/report.html", "comparison/report.html")) {
      Browser.Page page = Browser.render(tmp.resolve(report), tmp.resolve("chromium-profile"));
      assertTrue(page.body().get("scroll-width") <= page.body().get("inner-width"),
          report + ": no horizontal overflow at 1,024 px: " + page.body());
      String text = page.text();
      Matcher exponent = Pattern.compile("[0-9]e[+-]?[0-9]").matcher(text);
      if (exponent.find()) {
        fail(report + ": scientific notation in " + text.substring(Math.max(0, exponent.start() - 60),
            Math.min(text.length(), exponent.end() + 20)));
      }
      assertFalse(text.contains("£-") || text.contains("-£"), report + ": money with a hyphen for a minus");
      assertTrue(text.contains("Contents"), report + ": a contents list");
    }
    Browser.Page affordability = Browser.render(tmp.resolve("report/report.html"), tmp.resolve("chromium-profile"));
    assertTrue(affordability.dom().contains("id=\"summary\"") && affordability.text().contains("Executive summary")
        && affordability.text().contains("break-even price per child") && affordability.text().contains("chance of a loss")
        && affordability.text().contains("The three assumptions that move the answer most"), "the executive summary");
  }

  @Test
  void theReportIsPrintedToAPdfOfSeveralPagesWithText() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium is not installed here (.ci/run installs it): the demo writes no PDF");
    Path pdf = tmp.resolve("report/report.pdf");
    assertTrue(Files.size(pdf) > 10_000, "report.pdf written");
    assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdfinfo")), "pdfinfo (Debian's poppler-utils) is not installed here:"
        + " the page count and text are not checked (.ci/run installs it)");
    String info = run("/usr/bin/pdfinfo", pdf.toString());
    Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
    assertTrue(pages.find(), info);
    assertTrue(Integer.parseInt(pages.group(1)) >= 2, "at least two pages: " + info);
    String text = run("/usr/bin/pdftotext", pdf.toString(), "-");
    assertTrue(text.contains("Executive summary") && text.contains("Break-even"), "the PDF has the report's text");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES));
    return out;
  }

  @Test
  void ingestRecoversEveryEntryTheGeneratorMadeAndRejectsNothing() throws Exception {
    SparkSession spark = TestSpark.session();
    assertEquals(List.of(), GoldenChecksums.differences(tmp, "demo-csv.sha256"),
        "every CSV of the demo is byte-identical to the golden list (regenerate only when numbers are meant to move)");
    assertTrue(Files.readString(tmp.resolve("payments/summary.json")).contains("99454.21"), "the worked example's total");
    assertTrue(Files.readString(tmp.resolve("params/report.html")).contains("SYNTHETIC DATA"), "the calibration report says so");
    assertTrue(Files.readString(tmp.resolve("simulation/summary.json")).contains("\"iterations\" : 2000"), "the simulation ran");
    assertTrue(Files.readString(tmp.resolve("report/report.html")).contains("Break-even tariff"), "the demo ends with the report");
    assertTrue(Files.isRegularFile(tmp.resolve("report/workbook.xlsx")));
    Path curated = tmp.resolve("curated");

    // The comparison: made-up referrals, every one found in the care data, matched with balance improved.
    JsonNode compared = new ObjectMapper().readTree(tmp.resolve("comparison/summary.json").toFile());
    JsonNode referred = compared.get("referred");
    assertTrue(referred.get("ids").asLong() > 100, "the demo refers a few hundred children");
    assertEquals(referred.get("ids").asLong(), referred.get("in_care_data").asLong(), "every referral was made from a child in care");
    JsonNode matched = compared.get("comparisons").findValue("matched: mean days in care per child in the 24 months after entry");
    assertTrue(matched.get("lower").asDouble() < matched.get("estimate").asDouble(), matched.toString());
    List<Row> balance = spark.read().parquet(tmp.resolve("comparison/compare_balance").toString()).filter("smd_before is not null")
        .collectAsList();
    double before = balance.stream().mapToDouble(r -> Math.abs(r.<Double>getAs("smd_before"))).max().orElseThrow();
    double after = balance.stream().mapToDouble(r -> Math.abs(r.<Double>getAs("smd_after"))).max().orElseThrow();
    assertTrue(after < before, "matching improves the worst imbalance: " + before + " -> " + after);
    String comparisonReport = Files.readString(tmp.resolve("comparison/report.html"));
    assertTrue(comparisonReport.contains("SYNTHETIC DATA") && comparisonReport.contains("<svg"), "synthetic banner and forest plots");

    JsonNode summary = new ObjectMapper().readTree(curated.resolve("summary.json").toFile());
    JsonNode rows = summary.get("rows");
    assertEquals(0, rows.get("rejected").asLong(), "synthetic returns are valid");
    assertEquals(rows.get("read").asLong(), rows.get("accepted").asLong() + rows.get("superseded").asLong());

    // Every entry to care the generator made in a collection year is counted in care_entries.
    JsonNode generated = new ObjectMapper().readTree(tmp.resolve("sample/summary.json").toFile());
    Dataset<Row> entries = spark.read().parquet(curated.resolve("care_entries").toString());
    for (JsonNode year : generated.get("years")) {
      int collectionYear = year.get("year").asInt();
      LocalDate from = CollectionYear.start(collectionYear);
      LocalDate to = CollectionYear.end(collectionYear);
      long counted = entries.filter(col("month").geq(from).and(col("month").leq(to))).agg(sum("entries")).head().getLong(0);
      assertEquals(year.get("entries").asLong(), counted, "entries in " + year.get("label").asText());
    }

    for (String dataset : List.of("care_episodes", "care_periods", "care_entries", "ingest_rejects",
        "ingest_reconciliation", "unmapped_postcodes")) {
      assertEquals(List.of(), SchemaCheck.problems(spark.read().parquet(curated.resolve(dataset).toString()), dataset));
    }
    assertTrue(Files.isRegularFile(tmp.resolve("sample/README.md")));
    assertTrue(Files.readString(tmp.resolve("sample/README.md")).toLowerCase().contains("synthetic"));
  }
}
