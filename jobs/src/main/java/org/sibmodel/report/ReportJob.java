package org.sibmodel.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.SibVersion;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.RunInfo;
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
  public record Written(String out, String html, String workbook, boolean syntheticData, int scenarios) {}

  public static Written run(SparkSession spark, String results, String outDir) {
    return run(() -> spark, results, outDir);
  }

  public static Written run(Supplier<SparkSession> sparkSession, String results, String outDir) {
    Instant started = Instant.now();
    SparkSession spark = sparkSession.get();
    JsonNode summary = readSummary(spark, results);
    List<String> scenarios = new ArrayList<>();
    summary.path("scenarios").forEach(s -> scenarios.add(s.path("name").asText()));
    List<String> years = new ArrayList<>();
    summary.path("financial_years").forEach(y -> years.add(y.asText()));
    Map<String, Map<String, Double>> probabilities = new LinkedHashMap<>();
    summary.path("scenarios").forEach(s -> {
      Map<String, Double> p = new LinkedHashMap<>();
      s.path("probabilities").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
      probabilities.put(s.path("name").asText(), p);
    });

    List<Row> summaryRows = read(spark, results, "scenario_summary").collectAsList();
    Map<String, Row> index = ReportTables.index(summaryRows);
    List<Row> affordability = ReportTables.affordability(scenarios, index, probabilities);
    List<Row> cashFlow = ReportTables.cashFlow(scenarios, years, index);
    List<Row> months = read(spark, results, "scenario_months").collectAsList();
    List<Row> sensitivity = read(spark, results, "sensitivity").collectAsList();
    List<Row> breakEven = read(spark, results, "break_even").collectAsList();
    String base = summary.path("base").asText();
    Dataset<Row> baseIterations = read(spark, results, "scenario_iterations").filter("scenario = '" + base.replace("'", "''") + "'")
        .orderBy("iteration");
    double[] payments = baseIterations.select("outcome_payments").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();
    double[] net = baseIterations.select("net_position").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).toArray();

    try (OutputDir out = OutputDir.stage(outDir, spark.sparkContext().hadoopConfiguration())) {
      DriverTables.write(spark, out, "affordability", ReportTables.AFFORDABILITY, affordability);
      DriverTables.write(spark, out, "cash_flow", ReportTables.CASH_FLOW, cashFlow);
      DriverTables.write(spark, out, "break_even", breakEven);
      DriverTables.write(spark, out, "sensitivity", sensitivity);
      boolean synthetic = summary.path("synthetic_data").asBoolean(false);
      List<String> about = new ArrayList<>();
      if (synthetic) {
        about.add("SYNTHETIC DATA: the parameters were calibrated on care data made by sib generate. The figures describe the model, not a real council.");
      }
      about.add("Affordability of the edge-of-care outcomes contract: base scenario " + base + ", " + summary.path("iterations").asInt()
          + " iterations a scenario (seed " + summary.path("seed").asLong() + ").");
      about.add("Sheets: affordability (per scenario: mean, P10, P50, P90; probabilities), cash_flow (by financial year, April to March),"
          + " break_even, sensitivity, assumptions. Money in nominal pounds.");
      about.add("Made by sib " + SibVersion.get() + " from " + results + ".");
      Workbook.write(out, "workbook.xlsx", about, List.of(
          new Workbook.Sheet("affordability", "affordability", ReportTables.AFFORDABILITY, affordability),
          new Workbook.Sheet("cash_flow", "cash_flow", ReportTables.CASH_FLOW, cashFlow),
          new Workbook.Sheet("break_even", "break_even", SparkSchemas.of("break_even"), breakEven),
          new Workbook.Sheet("sensitivity", "sensitivity", SparkSchemas.of("sensitivity"), sensitivity)));
      out.writeText("report.html", ReportHtml.html(new ReportHtml.Inputs(summary, scenarios, affordability, cashFlow, months,
          sensitivity, breakEven, payments, net)));
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("results", results);
      options.put("out", outDir);
      out.writeText("summary.json", Json.write(Map.of("synthetic_data", synthetic, "scenarios", scenarios, "base", base,
          "affordability_rows", affordability.size(), "cash_flow_rows", cashFlow.size())));
      out.writeText(OutputDir.RUN_FILE, Json.write(new RunInfo("sib", SibVersion.get(), "report", options, started, Instant.now(),
          spark.version(), spark.sparkContext().master(), List.of())));
      out.commit();
      return new Written(out.target(), out.targetPath("report.html"), out.targetPath("workbook.xlsx"), synthetic, scenarios.size());
    }
  }


  private static Dataset<Row> read(SparkSession spark, String results, String dataset) {
    Path path = new Path(results, dataset);
    try {
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        throw new InputFormatException("--results " + results + " has no " + dataset + "/: give the output folder of sib scenarios");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spark.read().parquet(path.toString());
  }

  private static JsonNode readSummary(SparkSession spark, String results) {
    Path path = new Path(results, "summary.json");
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new InputFormatException("--results " + results + " has no summary.json: give the output folder of sib scenarios");
      }
      try (InputStream in = fs.open(path)) {
        JsonNode node = Json.mapper().readTree(in);
        if (!node.has("scenarios") || !node.has("break_even")) {
          throw new InputFormatException(path + " is not the summary of sib scenarios (no scenarios or break_even)");
        }
        return node;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
