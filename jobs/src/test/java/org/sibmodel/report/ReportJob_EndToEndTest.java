package org.sibmodel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.scenarios.ScenariosJob;
import org.sibmodel.scenarios.ScenariosOptions;
import org.sibmodel.simulate.SimulateJob;
import org.sibmodel.simulate.SimulateOptions;
import org.sibmodel.spark.SchemaCheck;
import org.sibmodel.testing.Browser;
import org.sibmodel.testing.TestSpark;

/** sib scenarios then sib report on the example parameter set: the report renders, the workbook agrees, break-even holds. */
class ReportJob_EndToEndTest {
  private static final int ITERATIONS = 200;
  private static final int SENSITIVITY_ITERATIONS = 60;
  @TempDir static Path tmp;
  private static Path params;
  private static Path results;
  private static Path report;

  @BeforeAll
  static void runScenariosAndReport() throws Exception {
    params = Files.createDirectories(tmp.resolve("params")).resolve("params.json");
    try (InputStream in = ReportJob_EndToEndTest.class.getResourceAsStream("/simulate/params.json")) {
      Files.copy(in, params);
    }
    results = tmp.resolve("results");
    report = tmp.resolve("report");
    ScenariosJob.run(TestSpark.session(), new ScenariosOptions(null, params.toString(), results.toString(), ITERATIONS, SENSITIVITY_ITERATIONS));
    ReportJob.run(TestSpark.session(), new ReportOptions(results.toString(), report.toString(), false));
  }

  @Test
  void theHtmlReportRendersItsChartsAndTablesInHeadlessChromium() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium is not installed here (.ci/run installs it)");
    Browser.Page page = Browser.render(report.resolve("report.html"), tmp.resolve("chromium-profile"));
    assertEquals(4, page.body().get("images-loaded"), "two fan charts and two histograms loaded");
    assertTrue(page.body().get("tables") >= 6, "affordability (2), cash flow (2), break-even, switching values, assumptions");
    assertTrue(page.body().get("svgs") >= 14, "the tornado's bars (two per input)");
    assertTrue(page.dom().contains("SYNTHETIC DATA"), "the page says the data are synthetic");
    assertTrue(page.text().contains("Executive summary") && page.text().contains("Break-even price per child")
        && page.text().contains("Cash flow by financial year"));
  }

  @Test
  void theWorkbookReadsBackAsTheParquetTables() throws Exception {
    SparkSession spark = TestSpark.session();
    List<Row> affordability = spark.read().parquet(report.resolve("affordability").toString()).collectAsList();
    List<Row> cashFlow = spark.read().parquet(report.resolve("cash_flow").toString()).collectAsList();
    try (ReadableWorkbook wb = new ReadableWorkbook(report.resolve("workbook.xlsx").toFile())) {
      List<String> sheets = new ArrayList<>();
      wb.getSheets().forEach(s -> sheets.add(s.getName()));
      assertEquals(List.of("about", "affordability", "cash_flow", "break_even", "sensitivity"), sheets);
      assertTrue(wb.getFirstSheet().read().get(0).getCellText(0).startsWith("SYNTHETIC DATA"));
      compare(wb.getSheets().filter(s -> s.getName().equals("affordability")).findFirst().orElseThrow(), affordability);
      compare(wb.getSheets().filter(s -> s.getName().equals("cash_flow")).findFirst().orElseThrow(), cashFlow);
      List<org.dhatim.fastexcel.reader.Row> header = wb.getSheets().filter(s -> s.getName().equals("cash_flow")).findFirst()
          .orElseThrow().read().subList(0, 1);
      assertEquals("payments_p50 (£)", header.get(0).getCellText(3), "units in the headers");
    }
    for (String dataset : List.of("affordability", "cash_flow", "break_even", "sensitivity")) {
      assertEquals(List.of(), SchemaCheck.problems(spark.read().parquet(report.resolve(dataset).toString()), dataset), dataset);
    }
  }

  /** Every numeric cell equals the Parquet value (numbers stored as numbers, not text). */
  private static void compare(Sheet sheet, List<Row> parquet) throws Exception {
    List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
    assertEquals(parquet.size() + 1, rows.size(), sheet.getName());
    int numbers = 0;
    for (int r = 0; r < parquet.size(); r++) {
      Row expected = parquet.get(r);
      org.dhatim.fastexcel.reader.Row actual = rows.get(r + 1);
      for (int c = 0; c < expected.length(); c++) {
        if (expected.get(c) instanceof Double d) {
          assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, actual.getCell(c).getType(), sheet.getName() + " " + r + "," + c);
          assertEquals(d, actual.getCellAsNumber(c).orElseThrow().doubleValue(), Math.abs(d) * 1e-12 + 1e-9);
          numbers++;
        } else if (expected.get(c) instanceof String s) {
          assertEquals(s, actual.getCellText(c));
        }
      }
    }
    assertTrue(numbers > 0);
  }

  @Test
  void reSimulatingAtTheBreakEvenTariffPutsTheMedianNetWithinItsAccuracyOfZero() throws Exception {
    SparkSession spark = TestSpark.session();
    Row p50 = spark.read().parquet(results.resolve("break_even").toString()).filter("percentile = 'P50'").head();
    Double tariff = p50.getAs("tariff");
    assertNotNull(tariff, "a break-even tariff was found: " + p50.getAs("note"));
    double accuracy = p50.getAs("value_accuracy");
    String measure = p50.getAs("measure");
    Path scenario = Files.writeString(tmp.resolve("at-break-even.yaml"), String.format(java.util.Locale.ROOT,
        "contract:\n  tariff: {diversion_5_9: %.2f, diversion_10_15: %.2f, reunification_5_9: %.2f, reunification_10_15: %.2f}\n",
        tariff, tariff, tariff, tariff));
    SimulateJob.run(spark, new SimulateOptions(scenario, params.toString(), tmp.resolve("again").toString(), SENSITIVITY_ITERATIONS, null, null));
    Row net = spark.read().parquet(tmp.resolve("again/simulation_summary").toString())
        .filter("metric = '" + measure + "' and financial_year is null").head();
    double median = net.getAs("p50");
    assertTrue(median >= -accuracy && median <= accuracy, "P50 " + measure + " " + median + " at £" + tariff + ", accuracy " + accuracy);
    assertTrue(median >= 0, "at the break-even tariff the median is at least zero: " + median);
  }

  @Test
  void theResultsHoldEveryScenarioAndTheirSchemas() {
    SparkSession spark = TestSpark.session();
    assertEquals(9, spark.read().parquet(results.resolve("scenario_iterations").toString()).select("scenario").distinct().count(),
        "the base and the eight default variants");
    for (String[] d : new String[][] {{"scenario_summary", "simulation_summary"}, {"scenario_months", "simulation_months"},
        {"sensitivity", "sensitivity"}, {"break_even", "break_even"}}) {
      assertEquals(List.of(), SchemaCheck.problems(spark.read().parquet(results.resolve(d[0]).toString()), d[1]), d[0]);
    }
  }
}
