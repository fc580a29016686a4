package org.sibmodel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Pieces of the self-contained HTML reports: escaping, charts inlined as PNG, the page's start and the synthetic-data banner. */
public final class HtmlPage {
  private static final String CSS = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}"
      + "table{border-collapse:collapse;margin:1em 0}"
      + "td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}"
      + ".synthetic{background:#fde2e2;border:2px solid #c00;padding:.5em 1em;font-weight:bold}img{max-width:100%}";

  private HtmlPage() {}

  /** From the doctype to the page's heading, with the reports' common style and the page's own rules. */
  public static String start(String title, String css) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>" + CSS + css
        + "</style></head><body><h1>" + esc(title) + "</h1>";
  }

  /** The banner of a page whose care data were made by {@code sib generate}. */
  public static String syntheticCareData() {
    return "<p class=\"synthetic\" id=\"synthetic\">SYNTHETIC DATA: the care data behind every chart and table here were made by"
        + " <code>sib generate</code>. They describe the model, not a real council.</p>";
  }

  /** A chart as an inline PNG, its title as the alternative text. */
  public static String img(Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return "<img alt=\"" + esc(chart.getTitle()) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + chart.getTitle(), e);
    }
  }

  public static String esc(Object text) {
    return text == null ? "" : text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
