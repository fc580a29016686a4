package org.sibmodel.notebook;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.sibmodel.io.HtmlPage;

/**
 * Rows to show in a notebook: named columns and the first rows of a Dataset, a list of Spark rows,
 * records or maps. Shown as an HTML table, with a plain-text copy for consoles.
 *
 * @param columns column names
 * @param rows the rows shown, each as long as {@code columns}
 * @param more whether the data had more rows than are shown
 */
public record Table(List<String> columns, List<List<Object>> rows, boolean more) implements DisplayDataRenderable {
  /** Rows shown when a Dataset or list is a cell's value. */
  public static final int ROWS = 20;

  /** Formats with 0 to 4 decimals, by how many a number needs for about five significant digits. */
  private static final ThreadLocal<DecimalFormat[]> DECIMALS = ThreadLocal.withInitial(() -> {
    DecimalFormat[] formats = new DecimalFormat[5];
    for (int decimals = 0; decimals < formats.length; decimals++) {
      formats[decimals] = new DecimalFormat("#,##0" + (decimals == 0 ? "" : "." + "#".repeat(decimals)), DecimalFormatSymbols.getInstance(Locale.UK));
    }
    return formats;
  });

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copies = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copies.add(java.util.Collections.unmodifiableList(new ArrayList<>(row))); // values may be null
    }
    rows = List.copyOf(copies);
  }

  /** The first {@code limit} rows of a Dataset (one Spark job for {@code limit + 1} rows). */
  public static Table of(Dataset<?> data, int limit) {
    Dataset<Row> frame = data.toDF();
    List<Row> taken = frame.limit(limit + 1).collectAsList();
    List<List<Object>> rows = taken.stream().limit(limit).map(Table::values).toList();
    return new Table(Arrays.asList(frame.columns()), rows, taken.size() > limit);
  }

  /**
   * The first {@code limit} items of a list or array whose items are all Spark rows, all records or
   * all maps; empty for anything else (a list of strings stays text).
   */
  public static Optional<Table> ofItems(Object items, int limit) {
    List<?> list = asList(items);
    if (list == null || list.isEmpty() || list.stream().anyMatch(java.util.Objects::isNull)) {
      return Optional.empty();
    }
    Object first = list.get(0);
    List<String> columns;
    if (first instanceof Row row && row.schema() != null && list.stream().allMatch(Row.class::isInstance)) {
      columns = Arrays.asList(row.schema().fieldNames());
    } else if (first.getClass().isRecord() && list.stream().allMatch(i -> i.getClass() == first.getClass())) {
      columns = Arrays.stream(first.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    } else if (first instanceof Map<?, ?> && list.stream().allMatch(Map.class::isInstance)) {
      columns = list.stream().flatMap(m -> ((Map<?, ?>) m).keySet().stream()).map(String::valueOf).distinct().toList();
    } else {
      return Optional.empty();
    }
    List<List<Object>> rows = list.stream().limit(limit).map(i -> itemValues(i, columns)).toList();
    return Optional.of(new Table(columns, rows, list.size() > limit));
  }

  private static List<?> asList(Object items) {
    if (items instanceof List<?> list) {
      return list;
    }
    if (items instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (items != null && items.getClass().isArray() && !items.getClass().getComponentType().isPrimitive()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < Array.getLength(items); i++) {
        list.add(Array.get(items, i));
      }
      return list;
    }
    return null;
  }

  private static List<Object> values(Row row) {
    List<Object> values = new ArrayList<>(row.length());
    for (int i = 0; i < row.length(); i++) {
      values.add(row.get(i));
    }
    return values;
  }

  private static List<Object> itemValues(Object item, List<String> columns) {
    if (item instanceof Row row) {
      return values(row);
    }
    if (item instanceof Map<?, ?> map) {
      Map<String, Object> byName = new java.util.HashMap<>();
      map.forEach((k, v) -> byName.put(String.valueOf(k), v));
      return columns.stream().map(byName::get).toList();
    }
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : item.getClass().getRecordComponents()) {
      try {
        var accessor = component.getAccessor();
        accessor.setAccessible(true); // records declared in a cell are nested in JShell's wrapper classes
        values.add(accessor.invoke(item));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + item.getClass().getSimpleName(), e);
      }
    }
    return values;
  }

  /**
   * How a value reads in a table: numbers with thousands separators and about five significant
   * digits (no decimals from 10,000, at most four below 10), null as empty.
   */
  public static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      if (d != 0 && Math.abs(d) < 1e-4) {
        return String.format(Locale.ROOT, "%.3e", d);
      }
      int decimals = (int) Math.max(0, Math.min(4, 4 - Math.floor(Math.log10(Math.max(1, Math.abs(d))))));
      return DECIMALS.get()[decimals].format(d);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof scala.collection.Iterable<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    if (value.getClass().isArray()) {
      String wrapped = Arrays.deepToString(new Object[] {value}); // an array of any component type
      return wrapped.substring(1, wrapped.length() - 1);
    }
    return String.valueOf(value);
  }

  public String html() {
    StringBuilder html = new StringBuilder("<table class=\"sib-table\"><thead><tr>");
    columns.forEach(c -> html.append("<th>").append(HtmlPage.esc(c)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<Object> row : rows) {
      html.append("<tr>");
      row.forEach(v -> html.append("<td>").append(HtmlPage.esc(format(v))).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (more) {
      html.append("<p><em>The first ").append(rows.size()).append(" rows.</em></p>");
    }
    return html.toString();
  }

  /** The same table in fixed-width text, numbers aligned on the right. */
  public String text() {
    int[] widths = columns.stream().mapToInt(String::length).toArray();
    boolean[] numeric = new boolean[columns.size()];
    for (int i = 0; i < numeric.length; i++) {
      int column = i;
      numeric[i] = !rows.isEmpty() && rows.stream().allMatch(r -> r.get(column) == null || r.get(column) instanceof Number);
    }
    List<List<String>> cells = rows.stream().map(r -> r.stream().map(Table::format).toList()).toList();
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, columns, widths, numeric);
    for (List<String> row : cells) {
      line(text, row, widths, numeric);
    }
    if (more) {
      text.append("(the first ").append(rows.size()).append(" rows)\n");
    }
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> values, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String pad = " ".repeat(Math.max(0, widths[i] - values.get(i).length()));
      line.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + values.get(i) : values.get(i) + pad);
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }

  @Override
  public java.util.Set<MIMEType> getPreferredRenderTypes() {
    return java.util.Set.of(MIMEType.TEXT_HTML);
  }

  @Override
  public void render(RenderContext context) {
    context.renderIfRequested(MIMEType.TEXT_HTML, this::html);
    context.renderIfRequested(MIMEType.TEXT_PLAIN, this::text);
  }
}
