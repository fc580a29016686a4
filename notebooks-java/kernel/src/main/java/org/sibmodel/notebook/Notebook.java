package org.sibmodel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sibmodel.spark.SparkRuntime;

/**
 * What a notebook's cells can call without a prefix (the kernel imports it statically): the one
 * local SparkSession, the repository's folder, readers of the outputs, display and a few chart and
 * statistics helpers. Plain static methods over the project's own classes, so a cell reads as
 * ordinary Java.
 */
public final class Notebook {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkRuntime runtime;

  private Notebook() {}

  /**
   * The notebook's SparkSession: local, on every core, started by the first call (6 to 9 s) and
   * shared by every later cell ({@link SparkRuntime}, as the {@code sib} commands use it).
   */
  public static synchronized SparkSession spark() {
    if (runtime == null) {
      runtime = new SparkRuntime("local[*]", false);
    }
    return runtime.session();
  }

  /** Cancels the running Spark jobs, if a session was started (the kernel's interrupt). */
  static synchronized void cancelSparkJobs() {
    if (runtime != null) {
      runtime.session().sparkContext().cancelAllJobs();
    }
  }

  /** Stops the session, if one was started (the kernel's shutdown). */
  static synchronized void stopSpark() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /**
   * The repository's folder: {@code -Dsib.home} as {@code bin/sib} and the kernelspec set it, else
   * the working folder's parent when that is {@code notebooks-java/} (where Jupyter starts kernels),
   * else the working folder.
   */
  public static Path home() {
    String home = System.getProperty("sib.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath().normalize();
    }
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName() != null && here.getFileName().toString().equals("notebooks-java") ? here.getParent() : here;
  }

  /** A Parquet dataset the sib commands wrote (a folder). */
  public static Dataset<Row> parquet(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + ": no such dataset (run bin/sib demo first, or set SIB_OUTPUTS to an outputs folder)");
    }
    return spark().read().parquet(folder.toString());
  }

  /** A JSON file (summary.json, params.json, run.json) as a tree. */
  public static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read it as JSON: " + e.getMessage(), e);
    }
  }

  /** Whether a dataset has a column (outputs gain columns as the model grows). */
  public static boolean hasColumn(Dataset<?> data, String column) {
    return List.of(data.columns()).contains(column);
  }

  /** Shows a value now, as the kernel shows a cell's value, so that one cell can show several. */
  public static void display(Object value) {
    BaseKernel kernel = BaseKernel.notebookKernel();
    kernel.display(value instanceof DisplayData data ? data : kernel.getRenderer().render(value));
  }

  /** Shows text written in Markdown (a conclusion with its numbers in it). */
  public static void markdown(String text) {
    DisplayData data = new DisplayData(text);
    data.putMarkdown(text);
    display(data);
  }

  /** Pounds to the pound, for sentences: £1,234,567 or -£533,588. */
  public static String pounds(double amount) {
    return (amount < 0 ? "-£" : "£") + String.format(java.util.Locale.UK, "%,.0f", Math.abs(amount));
  }

  /** The first {@code maxRows} rows of a Dataset, or of a list or array of rows, records or maps, as a table. */
  public static Table table(Object rows, int maxRows) {
    if (rows instanceof Dataset<?> data) {
      return Table.of(data, maxRows);
    }
    return Table.ofItems(rows, maxRows).orElseThrow(() -> new IllegalArgumentException(
        "table: expected a Dataset or a list or array of Spark rows, records or maps, got " + (rows == null ? "null" : rows.getClass().getName())));
  }

  /** A numeric column of a small Dataset, in its order (nulls as NaN). */
  public static double[] doubles(Dataset<Row> data, String column) {
    return data.select(column).collectAsList().stream()
        .mapToDouble(r -> r.isNullAt(0) ? Double.NaN : ((Number) r.get(0)).doubleValue()).toArray();
  }

  /** A numeric column of a small Dataset as the list XChart's category charts take. */
  public static List<Double> numbers(Dataset<Row> data, String column) {
    return java.util.Arrays.stream(doubles(data, column)).boxed().toList();
  }

  /** A column of a small Dataset as text, in its order. */
  public static List<String> strings(Dataset<Row> data, String column) {
    return data.select(column).collectAsList().stream().map(r -> r.isNullAt(0) ? null : String.valueOf(r.get(0))).toList();
  }

  /** A date column of a small Dataset as the {@link Date}s XChart puts on a time axis (midnight UTC). */
  public static List<Date> dates(Dataset<Row> data, String column) {
    return data.select(column).collectAsList().stream().map(r -> date(r.getAs(0))).toList();
  }

  /** A day as XChart's time axis takes it (midnight UTC). */
  public static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * The {@code p}-th percentile (0 to 100) by linear interpolation between order statistics, as the
   * simulation's summaries compute theirs (R-7, commons-math3).
   */
  public static double percentile(double[] values, double p) {
    return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, p);
  }

  /**
   * A fan chart: the median as a dark line between lighter P10 and P90 lines, over months.
   *
   * @param yTitle the unit of the values, e.g. "pounds"
   */
  public static XYChart fan(String title, String yTitle, List<Date> months, double[] p10, double[] p50, double[] p90) {
    XYChart chart = new XYChartBuilder().width(760).height(380).title(title).xAxisTitle("month").yAxisTitle(yTitle).build();
    chart.getStyler().setDatePattern("yyyy-MM");
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    java.awt.Color light = new java.awt.Color(120, 160, 215);
    line(chart, "P90", months, p90, light, 1.5f);
    line(chart, "P50", months, p50, new java.awt.Color(20, 60, 140), 2.5f);
    line(chart, "P10", months, p10, light, 1.5f);
    return chart;
  }

  private static void line(XYChart chart, String name, List<Date> x, double[] y, java.awt.Color colour, float width) {
    XYSeries series = chart.addSeries(name, x, java.util.Arrays.stream(y).boxed().toList());
    series.setMarker(SeriesMarkers.NONE).setLineColor(colour).setLineWidth(width);
  }
}
