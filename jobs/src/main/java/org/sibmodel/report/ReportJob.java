package org.sibmodel.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.SibVersion;
import org.sibmodel.io.Chromium;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.io.StageInput;
import org.sibmodel.scenarios.ScenariosSummary;
import org.sibmodel.simulate.ScenarioSet;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.spark.SparkSchemas;

/**
 * {@code sib report}: turns the results of {@code sib scenarios} into what people read: the
 * affordability table, the cash flow by financial year, the break-even tariff and the sensitivity
 * as Parquet and CSV, an Excel workbook, and a self-contained HTML report.
 */
public final class ReportJob {
  private ReportJob() {}

  /** What was written. */
  public record Written(String out, String html, String pdf, String workbook, boolean syntheticData, int scenarios) {}

  public static Written run(SparkSession spark, ReportOptions options) {
    return run(() -> spark, options);
  }

  /** The base scenario's yearly means for the workbook's cash_flow_audit sheet. */
  static Workbook.CashFlowAudit audit(ScenariosSummary summary, List<Row> cashFlow, String scenarioYaml) {
    List<Row> base = cashFlow.stream().filter(r -> r.getAs("scenario").equals(summary.base())).toList();
    double rate = ScenarioSet.fromYaml(scenarioYaml, "scenario.yaml of the results").base().economics().discountRate();
    java.util.function.Function<String, double[]> column = f -> base.stream().mapToDouble(r -> r.<Double>getAs(f)).toArray();
    return new Workbook.CashFlowAudit(summary.base(), summary.iterations(), rate,
        base.stream().map(r -> r.<String>getAs("financial_year")).toList(), column.apply("payments_mean"), column.apply("outcomes_fund_mean"),
        column.apply("council_side_costs_mean"), column.apply("savings_mean"), column.apply("net_real_mean"));
  }

  public static Written run(Supplier<SparkSession> sparkSession, ReportOptions options) {
    Provenance provenance = Provenance.start(Stage.REPORT, options);
    SparkSession spark = sparkSession.get();
    StageInput results = StageInput.open(spark, Stage.SCENARIOS, "--results", options.results());
    provenance.stage(results);
    ScenariosSummary summary = results.json("summary.json", ScenariosSummary.class);
    List<String> scenarios = summary.scenarios().stream().map(ScenariosSummary.ScenarioFigures::name).toList();
    List<String> years = summary.financialYears();
    Map<String, Map<String, Double>> probabilities = new LinkedHashMap<>();
    summary.scenarios().forEach(s -> probabilities.put(s.name(), s.probabilities()));

    List<Row> summaryRows = results.dataset("scenario_summary", "simulation_summary").collectAsList();
    Map<String, Row> index = ReportTables.index(summaryRows);
    List<Row> affordability = ReportTables.affordability(scenarios, index, probabilities);
    List<Row> cashFlow = ReportTables.cashFlow(scenarios, years, index);
    List<Row> months = results.dataset("scenario_months", "simulation_months").collectAsList();
    List<Row> sensitivity = results.dataset("sensitivity").collectAsList();
    List<Row> breakEven = results.dataset("break_even").collectAsList();
    String base = summary.base();
    Dataset<Row> baseIterations = results.dataset("scenario_iterations", "simulation_iterations")
        .filter("scenario = '" + base.replace("'", "''") + "'").orderBy("iteration");
    double[] payments = baseIterations.select("outcome_payments").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();
    double[] net = baseIterations.select("net_position").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();

    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      DriverTables.write(spark, out, "affordability", ReportTables.AFFORDABILITY, affordability);
      DriverTables.write(spark, out, "cash_flow", ReportTables.CASH_FLOW, cashFlow);
      DriverTables.write(spark, out, "break_even", breakEven);
      DriverTables.write(spark, out, "sensitivity", sensitivity);
      boolean synthetic = summary.syntheticData();
      List<String> about = new ArrayList<>();
      if (synthetic) {
        about.add("SYNTHETIC DATA: the parameters were calibrated on care data made by sib generate. The figures describe the model, not a real council.");
      }
      about.add("Affordability of the edge-of-care outcomes contract: base scenario " + base + ", " + summary.iterations()
          + " iterations a scenario (seed " + summary.seed() + ").");
      about.add("Sheets: assumptions (every input of the base scenario: value, unit, source or ASSUMPTION), cash_flow_audit (the base"
          + " scenario's yearly means with the totals, cumulative position, discount factors and NPV as formulas), affordability (per"
          + " scenario: mean, P10, P50, P90; probabilities), cash_flow (by financial year, April to March: mean, P10, P50, P90),"
          + " break_even, sensitivity. Money in nominal pounds unless it says real; negative amounts in brackets.");
      about.add("Made by sib " + SibVersion.get() + " from " + options.results() + ".");
      String scenarioYaml = new String(results.bytes("scenario.yaml"), StandardCharsets.UTF_8);
      Workbook.write(out, "workbook.xlsx", about, Assumptions.of(scenarioYaml), audit(summary, cashFlow, scenarioYaml), List.of(
          new Workbook.Sheet("affordability", "affordability", ReportTables.AFFORDABILITY, affordability),
          new Workbook.Sheet("cash_flow", "cash_flow", ReportTables.CASH_FLOW, cashFlow),
          new Workbook.Sheet("break_even", "break_even", SparkSchemas.of("break_even"), breakEven),
          new Workbook.Sheet("sensitivity", "sensitivity", SparkSchemas.of("sensitivity"), sensitivity)));
      String html = ReportHtml.html(new ReportHtml.Inputs(summary, scenarios, affordability, cashFlow, months, sensitivity, breakEven,
          payments, net));
      out.writeText("report.html", html);
      if (options.pdf()) {
        Path browser = Chromium.find().orElseThrow(() -> new IllegalArgumentException("--pdf: no Chromium or Chrome found (looked for"
            + " chromium, chromium-browser, google-chrome on the PATH; SIB_CHROMIUM names another); install one, or leave out --pdf"));
        try (OutputStream pdf = out.create("report.pdf")) {
          pdf.write(Chromium.printToPdf(browser, html));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write report.pdf: " + e.getMessage(), e);
        }
      }
      out.writeText("summary.json", Json.write(Map.of("synthetic_data", synthetic, "scenarios", scenarios, "base", base,
          "affordability_rows", affordability.size(), "cash_flow_rows", cashFlow.size())));
      provenance.write(out, spark);
      out.commit();
      return new Written(out.target(), out.targetPath("report.html"), options.pdf() ? out.targetPath("report.pdf") : null,
          out.targetPath("workbook.xlsx"), synthetic, scenarios.size());
    }
  }
}
