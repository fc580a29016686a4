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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.scenarios.ScenariosJob;
import org.sibmodel.scenarios.ScenariosOptions;
import org.sibmodel.simulate.GreenBook;
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
      assertEquals(List.of("about", "assumptions", "cash_flow_audit", "affordability", "cash_flow", "break_even", "sensitivity"), sheets);
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

  @Test
  void theCashFlowAuditsFormulasRecomputeTheParquetFiguresToThePenny() throws Exception {
    SparkSession spark = TestSpark.session();
    List<Row> years = spark.read().parquet(report.resolve("cash_flow").toString()).filter("scenario = 'default'").orderBy("financial_year")
        .collectAsList();
    java.util.Map<String, Double> means = new java.util.HashMap<>();
    spark.read().parquet(report.resolve("affordability").toString()).filter("scenario = 'default'").collectAsList()
        .forEach(r -> means.put(r.getAs("measure"), r.getAs("mean")));
    try (XSSFWorkbook wb = new XSSFWorkbook(report.resolve("workbook.xlsx").toFile())) {
      FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
      org.apache.poi.ss.usermodel.Sheet audit = wb.getSheet("cash_flow_audit");
      int formulas = 0;
      for (org.apache.poi.ss.usermodel.Row row : audit) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.FORMULA) {
            assertEquals(CellType.NUMERIC, evaluator.evaluate(cell).getCellType(), cell.getAddress() + " " + cell.getCellFormula());
            formulas++;
          }
        }
      }
      int n = years.size();
      assertEquals(5 * n + 8 + 1, formulas, "council cost, net, cumulative, discount factor, discounted net a year; 8 totals; the NPV");
      double rate = audit.getRow(1).getCell(1).getNumericCellValue();
      assertEquals(0.035, rate, 1e-12, "the Green Book rate, an input cell");
      for (int i = 0; i < n; i++) {
        org.apache.poi.ss.usermodel.Row row = audit.getRow(Workbook.AUDIT_FIRST_YEAR_ROW + i);
        Row expected = years.get(i);
        assertEquals(expected.<String>getAs("financial_year"), row.getCell(0).getStringCellValue());
        assertEquals(expected.<Double>getAs("council_cost_mean"), value(evaluator, row.getCell(4)), 0.01, "council cost " + i);
        assertEquals(expected.<Double>getAs("net_mean"), value(evaluator, row.getCell(7)), 0.01, "net " + i);
        assertEquals(expected.<Double>getAs("cumulative_net_mean"), value(evaluator, row.getCell(8)), 0.01, "cumulative " + i);
        assertEquals(GreenBook.discountFactor(i, 0, 0.035), value(evaluator, row.getCell(10)), 1e-12, "discount factor " + i);
      }
      org.apache.poi.ss.usermodel.Row total = audit.getRow(Workbook.AUDIT_FIRST_YEAR_ROW + n);
      assertEquals(means.get("outcome_payments"), value(evaluator, total.getCell(2)), 0.01, "total payments");
      assertEquals(means.get("outcomes_fund"), value(evaluator, total.getCell(3)), 0.01, "total outcomes fund");
      assertEquals(means.get("council_cost"), value(evaluator, total.getCell(4)), 0.01, "total council cost");
      assertEquals(means.get("council_side_costs"), value(evaluator, total.getCell(5)), 0.01, "total own costs");
      assertEquals(means.get("cashable_savings"), value(evaluator, total.getCell(6)), 0.01, "total cashable savings");
      assertEquals(means.get("net_position"), value(evaluator, total.getCell(7)), 0.01, "total net position");
      Cell npv = audit.getRow(Workbook.AUDIT_FIRST_YEAR_ROW + n + 2).getCell(1);
      assertEquals(means.get("npv_real"), value(evaluator, npv), 0.01, "the real NPV");

      // Changing a cell recomputes: £1,000 more paid in the second year is £1,000 less net; no discounting sums the real net.
      double netBefore = value(evaluator, total.getCell(7));
      Cell paid = audit.getRow(Workbook.AUDIT_FIRST_YEAR_ROW + 1).getCell(2);
      paid.setCellValue(paid.getNumericCellValue() + 1000);
      audit.getRow(1).getCell(1).setCellValue(0.0);
      evaluator.clearAllCachedResultValues();
      assertEquals(netBefore - 1000, value(evaluator, total.getCell(7)), 0.01);
      assertEquals(years.stream().mapToDouble(r -> r.<Double>getAs("net_real_mean")).sum(), value(evaluator, npv), 0.01);
      assertEquals(Workbook.POUNDS, total.getCell(7).getCellStyle().getDataFormatString(), "finance's format");
    }
  }

  @Test
  void theAssumptionsSheetHasEveryInputOfTheScenarioWithItsUnitAndSource() throws Exception {
    JsonNode scenario = new ObjectMapper(new YAMLFactory()).readTree(results.resolve("scenario.yaml").toFile());
    List<String> paths = new ArrayList<>();
    leaves(scenario, "", paths);
    try (XSSFWorkbook wb = new XSSFWorkbook(report.resolve("workbook.xlsx").toFile())) {
      org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("assumptions");
      java.util.Map<String, org.apache.poi.ss.usermodel.Row> rows = new java.util.HashMap<>();
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        if (row.getRowNum() > 0) {
          rows.put(row.getCell(0).getStringCellValue(), row);
        }
      }
      assertTrue(paths.size() > 80, "the scenario's inputs: " + paths.size());
      for (String path : paths) {
        org.apache.poi.ss.usermodel.Row row = rows.get(path);
        assertNotNull(row, "the assumptions sheet lists " + path);
        assertTrue(!row.getCell(3).getStringCellValue().isBlank(), path + " has a source");
      }
      assertEquals(0.035, rows.get("economics.discount_rate").getCell(1).getNumericCellValue(), 1e-12);
      assertEquals("share", rows.get("economics.discount_rate").getCell(2).getStringCellValue());
      assertEquals("0.0%", rows.get("economics.discount_rate").getCell(1).getCellStyle().getDataFormatString());
      assertEquals("lognormal: mean 0.65, sd 0.1", rows.get("effect.hazard_ratio").getCell(1).getStringCellValue());
      assertTrue(rows.get("effect.hazard_ratio").getCell(3).getStringCellValue().startsWith("ASSUMPTION"));
      assertTrue(rows.get("costs.weekly.foster_agency.pounds").getCell(3).getStringCellValue().startsWith("CMA"));
      assertEquals("table", rows.get("referrals.source").getCell(1).getStringCellValue(), "an input called source is an input");
      assertTrue(rows.get("referrals.acceptance").getCell(3).getStringCellValue().startsWith("ASSUMPTION"),
          rows.get("referrals.acceptance").getCell(3).getStringCellValue());
    }
  }

  /** Every input of the base scenario: its leaves, a distribution being one; a scenario set's variants are not inputs. */
  private static void leaves(JsonNode node, String path, List<String> out) {
    if (node.isObject() && !node.has("distribution")) {
      node.fields().forEachRemaining(e -> {
        if (!(path.isEmpty() && e.getKey().equals("variants")) && !(e.getKey().equals("source") && node.has("pounds"))) {
          leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
      });
    } else {
      out.add(path);
    }
  }

  private static double value(FormulaEvaluator evaluator, Cell cell) {
    return cell.getCellType() == CellType.FORMULA ? evaluator.evaluate(cell).getNumberValue() : cell.getNumericCellValue();
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
