package org.sibmodel.io;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.sibmodel.format.Formats;

/**
 * The reports' charts (XChart, drawn headless as PNG) in one style: white, a title that says what
 * the reader should see, axes labelled through {@link Formats} (£0, £1m, £2m; 0%, 50%, 100%),
 * never an exponent.
 */
public final class Charts {
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private Charts() {}

  /** A line chart in the house style; {@code title} is prefixed "SYNTHETIC DATA: " where the data are. */
  public static XYChart xy(int width, int height, String title, boolean synthetic, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title(title, synthetic)).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    style(chart.getStyler());
    return chart;
  }

  /** A bar chart in the house style. */
  public static CategoryChart bars(int width, int height, String title, boolean synthetic, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title(title, synthetic)).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    return chart;
  }

  /**
   * The y axis in pounds: £0, £500k, £1m. XChart widens its tick spacing until every label is
   * different, so a label never rounds away what tells two ticks apart (that would never end).
   */
  public static void poundsOnY(AxesChartStyler styler) {
    styler.setyAxisTickLabelsFormattingFunction(Charts::pounds);
  }

  /** The y axis as percentages of a share from 0 to 1 (labels as exact as the ticks, as above). */
  public static void percentOnY(AxesChartStyler styler) {
    styler.setyAxisTickLabelsFormattingFunction(v -> Formats.number(100 * v, 6) + "%");
  }

  /** A tick in pounds: short where that is exact (£1.5m), else in full (£1,512,500). */
  public static String pounds(double v) {
    String shortForm = Formats.moneyShort(v);
    double a = Math.abs(v);
    double unit = a >= 1e6 ? (a >= 1e7 ? 1e5 : 1e4) : a >= 1e4 ? 1e3 : a >= 1e3 ? 100 : 1;
    return Math.abs(v / unit - Math.rint(v / unit)) < 1e-6 ? shortForm : Formats.money(v);
  }

  /**
   * A histogram of {@code values}: about {@code bins} bars of a round width (1, 2 or 5 times a power
   * of ten), each labelled by its lower edge through {@code label}; the y axis counts iterations.
   */
  public static CategoryChart histogram(double[] values, int bins, String title, boolean synthetic, String xTitle,
      DoubleFunction<String> label) {
    CategoryChart chart = bars(560, 340, title, synthetic, xTitle, "iterations");
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setAvailableSpaceFill(0.96).setOverlapped(true);
    chart.getStyler().setSeriesColors(new Color[] {new Color(43, 108, 176)});
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (values.length == 0) {
      min = 0;
      max = 1;
    }
    double width = roundWidth((max - min) / bins);
    double start = Math.floor(min / width) * width;
    int n = Math.max(1, (int) Math.ceil((max - start) / width + 1e-9));
    if (start + n * width <= max) {
      n++;
    }
    int[] counts = new int[n];
    for (double v : values) {
      counts[Math.min(n - 1, (int) Math.floor((v - start) / width))]++;
    }
    List<String> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Every other label where there are many bars, so they do not overprint.
      x.add(n > 14 && i % 2 == 1 ? " ".repeat(i) : label.apply(start + i * width));
      y.add(counts[i]);
    }
    chart.addSeries("iterations", x, y);
    return chart;
  }

  /** A round step at least {@code raw}: 1, 2, 2.5 or 5 times a power of ten. */
  public static double roundWidth(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String title(String title, boolean synthetic) {
    return (synthetic ? "SYNTHETIC: " : "") + title;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleFont(TITLE);
    s.setAxisTitleFont(TEXT);
    s.setAxisTickLabelsFont(TEXT);
    s.setLegendFont(TEXT);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setPlotGridLinesColor(new Color(225, 228, 232));
    s.setChartTitleBoxVisible(false);
  }
}
