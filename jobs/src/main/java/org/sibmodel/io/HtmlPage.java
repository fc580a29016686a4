package org.sibmodel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.sibmodel.format.Formats;

/**
 * The self-contained HTML reports' page: one style for all of them (readable margins, tables that
 * scroll inside their own box rather than widen the page, a print stylesheet for A4), the title,
 * what comes before the contents (the synthetic-data banner, an executive summary), a contents
 * list of the sections, and the sections. Charts are inlined as PNG, so a page opens offline.
 */
public final class HtmlPage {
  private static final String CSS = "*,*::before,*::after{box-sizing:border-box}"
      + "body{font-family:system-ui,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;font-size:16px;line-height:1.45;color:#1d2733;"
      + "max-width:62rem;margin:0 auto;padding:1.5rem 2rem 3rem}"
      + "h1{font-size:1.75rem;line-height:1.2;margin:.3em 0 .7em}h2{font-size:1.3rem;margin:2em 0 .6em;padding-bottom:.2em;"
      + "border-bottom:1px solid #cfd5dd}h3{font-size:1.05rem;margin:1.4em 0 .4em}p,li{max-width:48rem}"
      + ".scroll{overflow-x:auto;max-width:100%;margin:.6em 0 1.4em}"
      + "table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}"
      + "td,th{border:1px solid #c8ced6;padding:4px 8px;text-align:right;vertical-align:top}"
      + "th{background:#eef2f6;font-weight:600;vertical-align:bottom;text-align:left}th.n{text-align:right}td.t,td:first-child{text-align:left}"
      + "caption{text-align:left;font-weight:600;padding:.3em 0;caption-side:top}"
      + "img,svg{max-width:100%;height:auto}figure{margin:.6em 0 1.4em}figcaption{font-size:.9rem;color:#4a5563}"
      + ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1em}"
      + "nav.toc{background:#f6f8fa;border:1px solid #dde3ea;padding:.5em 1.2em;margin:1.2em 0}nav.toc ol{margin:.3em 0;padding-left:1.4em}"
      + "nav.toc a{color:#1f4e8c;text-decoration:none}"
      + ".synthetic{background:#fde2e2;border:2px solid #c00;padding:.5em 1em;font-weight:bold}.syn{color:#c00;font-size:.8em;font-weight:bold}"
      + ".note{color:#4a5563;font-size:.9rem}"
      + "@media print{@page{size:A4;margin:14mm 12mm}body{max-width:none;padding:0;font-size:10pt}"
      + "h2{break-after:avoid;page-break-after:avoid}tr,img,svg,figure,.keep{break-inside:avoid;page-break-inside:avoid}"
      + ".scroll{overflow:visible;break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}"
      + "caption{break-after:avoid}table{font-size:8pt}td,th{padding:2px 5px}nav.toc{display:none}a{color:inherit;text-decoration:none}"
      + ".grid{grid-template-columns:1fr 1fr}}";
  /** Right-aligned: what reads as a figure (starts with a digit, a sign, £, "<", "±", a dash for none, or is "c" for suppressed). */
  private static final Pattern FIGURE = Pattern.compile("([−+<£±–\\d].*|c|)", Pattern.DOTALL);

  private final String title;
  private final StringBuilder css = new StringBuilder();
  private final StringBuilder top = new StringBuilder();
  private final List<String[]> sections = new ArrayList<>();

  private HtmlPage(String title) {
    this.title = title;
  }

  /** A page with this title (also its heading). */
  public static HtmlPage titled(String title) {
    return new HtmlPage(title);
  }

  /** The page's own style rules, after the common ones. */
  public HtmlPage css(String rules) {
    css.append(rules);
    return this;
  }

  /** HTML shown before the contents list: a banner, the executive summary. */
  public HtmlPage top(String html) {
    top.append(html);
    return this;
  }

  /** A section: its heading goes into the contents list. */
  public HtmlPage section(String heading, String html) {
    sections.add(new String[] {heading, html});
    return this;
  }

  /** The page, with a load script that lets a headless browser test read what rendered. */
  public String render() {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").append(esc(title)).append("</title><style>")
        .append(CSS).append(css).append("</style></head><body><h1>").append(esc(title)).append("</h1>").append(top);
    if (sections.size() > 2) {
      h.append("<nav class=\"toc\" aria-label=\"contents\"><b>Contents</b><ol>");
      for (int i = 0; i < sections.size(); i++) {
        h.append("<li><a href=\"#s").append(i + 1).append("\">").append(esc(sections.get(i)[0])).append("</a></li>");
      }
      h.append("</ol></nav>");
    }
    for (int i = 0; i < sections.size(); i++) {
      h.append("<section id=\"s").append(i + 1).append("\"><h2>").append(esc(sections.get(i)[0])).append("</h2>")
          .append(sections.get(i)[1]).append("</section>");
    }
    h.append("<script>window.addEventListener('load',function(){var b=document.body,i=[].slice.call(document.images);"
        + "b.setAttribute('data-images-loaded',i.filter(function(x){return x.complete&&x.naturalWidth>0;}).length);"
        + "b.setAttribute('data-tables',document.querySelectorAll('table').length);"
        + "b.setAttribute('data-svgs',document.querySelectorAll('svg rect').length);"
        + "b.setAttribute('data-scroll-width',document.documentElement.scrollWidth);"
        + "b.setAttribute('data-inner-width',window.innerWidth);});</script>");
    return h.append("</body></html>\n").toString();
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
      return "<img alt=\"" + esc(chart.getTitle()) + "\" width=\"" + chart.getWidth() + "\" height=\"" + chart.getHeight()
          + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + chart.getTitle(), e);
    }
  }

  /**
   * A table in a box of its own that scrolls sideways when it is wider than the page. Cells are
   * plain text (escaped here); figures are right-aligned, words left-aligned.
   */
  public static String table(String caption, List<String> headers, List<List<String>> rows) {
    StringBuilder h = new StringBuilder("<div class=\"scroll\"><table>");
    if (caption != null) {
      h.append("<caption>").append(caption).append("</caption>");
    }
    h.append("<thead><tr>");
    for (int c = 0; c < headers.size(); c++) {
      int column = c;
      long figures = rows.stream().filter(r -> column < r.size() && isFigure(r.get(column))).count();
      h.append(c > 0 && figures * 2 > rows.size() ? "<th class=\"n\">" : "<th>").append(esc(headers.get(c))).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      h.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        h.append(cell(row.get(c), c == 0));
      }
      h.append("</tr>");
    }
    return h.append("</tbody></table></div>").toString();
  }

  /** One cell: a figure right-aligned, text left-aligned. */
  public static String cell(String text, boolean first) {
    String v = text == null ? Formats.NONE : text;
    return !first && !isFigure(v) ? "<td class=\"t\">" + esc(v) + "</td>" : "<td>" + esc(v) + "</td>";
  }

  private static boolean isFigure(String text) {
    return text == null || FIGURE.matcher(text).matches();
  }

  /** Wraps a table that is built elsewhere in the box that scrolls sideways. */
  public static String scroll(String tableHtml) {
    return "<div class=\"scroll\">" + tableHtml + "</div>";
  }

  /**
   * Escapes text for HTML, and keeps a minus with the pound sign after it (a word joiner, U+2060,
   * between them) so a line never breaks inside −£496,436.
   */
  public static String esc(Object text) {
    return text == null ? "" : text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace(Formats.MINUS + "£", Formats.MINUS + "\u2060£");
  }

  /** Lower-case words of a table's field name: "cumulative_net" reads "cumulative net". */
  public static String words(String field) {
    return field.replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
