package org.sibmodel.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dhatim.fastexcel.Worksheet;
import org.sibmodel.io.OutputDir;
import org.sibmodel.schemas.FieldSpec;
import org.sibmodel.schemas.Schemas;

/**
 * The workbook for finance teams to audit: a first sheet that says what the data are (synthetic
 * or not), every input with its value, unit and source ({@code assumptions}), the base scenario's
 * cash flow with its totals, cumulative position, discount factors and NPV as Excel formulas over
 * the yearly cells ({@code cash_flow_audit}: change a cell and they recompute), and one sheet per
 * table with numbers stored as numbers, finance's number formats (£#,##0 with negatives in
 * brackets, percentages) and the unit of each column in its header.
 */
final class Workbook {
  /** Pounds as finance writes them: £1,234 and (£1,234) for a negative. */
  static final String POUNDS = "[$£-809]#,##0;([$£-809]#,##0)";
  static final String PERCENT = "0.0%";
  private static final String NUMBER = "#,##0.####";
  /** The fill of cells that hold the simulation's figures (inputs to the formulas). */
  private static final String INPUT_FILL = "FFF2CC";

  private Workbook() {}

  /** A sheet: its name, the table's declared dataset and rows. */
  record Sheet(String name, String dataset, StructType schema, List<Row> rows) {}

  /**
   * The base scenario's yearly means (means add up across years; percentiles do not), the
   * discount rate and the totals the formulas must reproduce.
   *
   * @param years financial year labels, the first is year 0 of the discounting
   * @param payments, fund, ownCosts, savings, realNet means by year (£; real net in pounds of the price year)
   */
  record CashFlowAudit(String scenario, int iterations, double discountRate, List<String> years, double[] payments, double[] fund,
      double[] ownCosts, double[] savings, double[] realNet) {}

  /** Rows of the audit sheet (0-based) and its columns, for the formulas and the tests. */
  static final int AUDIT_HEADER_ROW = 4;
  static final int AUDIT_FIRST_YEAR_ROW = 5;

  static void write(OutputDir out, String name, List<String> about, List<Assumptions.Input> assumptions, CashFlowAudit audit,
      List<Sheet> sheets) {
    try (OutputStream stream = out.create(name)) {
      org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(stream, "sib", "1.0");
      Worksheet readme = wb.newWorksheet("about");
      for (int i = 0; i < about.size(); i++) {
        readme.value(i, 0, about.get(i));
      }
      readme.width(0, 120);
      assumptionsSheet(wb.newWorksheet("assumptions"), assumptions);
      cashFlowAudit(wb.newWorksheet("cash_flow_audit"), audit);
      for (Sheet sheet : sheets) {
        table(wb.newWorksheet(sheet.name()), sheet);
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the workbook " + name + ": " + e.getMessage(), e);
    }
  }

  private static void assumptionsSheet(Worksheet ws, List<Assumptions.Input> inputs) {
    String[] headers = {"input (scenario file path)", "value", "unit", "source (ASSUMPTION where no source gives a number)"};
    for (int c = 0; c < headers.length; c++) {
      ws.value(0, c, headers[c]);
      ws.style(0, c).bold().set();
    }
    for (int r = 0; r < inputs.size(); r++) {
      Assumptions.Input in = inputs.get(r);
      ws.value(r + 1, 0, in.path());
      if (in.value() instanceof Double d) {
        ws.value(r + 1, 1, d);
        ws.style(r + 1, 1).format(in.unit().equals("share") ? PERCENT : in.unit().startsWith("£") ? POUNDS : NUMBER)
            .horizontalAlignment("right").set();
      } else {
        ws.value(r + 1, 1, String.valueOf(in.value()));
      }
      ws.value(r + 1, 2, in.unit());
      ws.value(r + 1, 3, in.source());
    }
    ws.width(0, 48);
    ws.width(1, 30);
    ws.width(2, 22);
    ws.width(3, 110);
    ws.freezePane(0, 1);
  }

  /** Column letters of the audit sheet. */
  private static final String[] AUDIT_HEADERS = {"financial year", "year (t)", "outcome payments (£)", "outcomes fund (£)",
      "council cost of payments (£) = payments - fund", "council's own costs (£)", "cashable savings (£)",
      "net position (£) = savings - cost - own costs", "cumulative net position (£)", "net position, real (£ of the price year)",
      "discount factor = 1 / (1 + rate) ^ t", "discounted real net (£)"};

  private static void cashFlowAudit(Worksheet ws, CashFlowAudit a) {
    int n = a.years().size();
    ws.value(0, 0, "Cash flow of the base scenario '" + a.scenario() + "': the mean of each year over " + a.iterations()
        + " iterations (means add up across years and columns; medians do not). Yellow cells are the simulation's figures;"
        + " the others are formulas over them, so changing a yellow cell or the discount rate recomputes the totals,"
        + " the cumulative position and the NPV.");
    ws.value(1, 0, "discount rate (real, a year; HM Treasury Green Book)");
    ws.value(1, 1, a.discountRate());
    ws.style(1, 1).format(PERCENT).fillColor(INPUT_FILL).set();
    ws.value(2, 0, "Money in nominal pounds (cash as paid) unless it says real. Year 0 is the contract's first financial year.");
    for (int c = 0; c < AUDIT_HEADERS.length; c++) {
      ws.value(AUDIT_HEADER_ROW, c, AUDIT_HEADERS[c]);
      ws.style(AUDIT_HEADER_ROW, c).bold().wrapText(true).verticalAlignment("top").set();
    }
    for (int i = 0; i < n; i++) {
      int r = AUDIT_FIRST_YEAR_ROW + i;
      int x = r + 1;
      ws.value(r, 0, a.years().get(i));
      ws.value(r, 1, i);
      input(ws, r, 2, a.payments()[i]);
      input(ws, r, 3, a.fund()[i]);
      formula(ws, r, 4, "C" + x + "-D" + x, POUNDS);
      input(ws, r, 5, a.ownCosts()[i]);
      input(ws, r, 6, a.savings()[i]);
      formula(ws, r, 7, "G" + x + "-E" + x + "-F" + x, POUNDS);
      formula(ws, r, 8, i == 0 ? "H" + x : "I" + (x - 1) + "+H" + x, POUNDS);
      input(ws, r, 9, a.realNet()[i]);
      formula(ws, r, 10, "1/(1+$B$2)^B" + x, "0.0000");
      formula(ws, r, 11, "J" + x + "*K" + x, POUNDS);
    }
    int total = AUDIT_FIRST_YEAR_ROW + n;
    int first = AUDIT_FIRST_YEAR_ROW + 1;
    int last = AUDIT_FIRST_YEAR_ROW + n;
    ws.value(total, 0, "total");
    ws.style(total, 0).bold().set();
    for (int c : new int[] {2, 3, 4, 5, 6, 7, 9, 11}) {
      String col = String.valueOf((char) ('A' + c));
      formula(ws, total, c, "SUM(" + col + first + ":" + col + last + ")", POUNDS);
      ws.style(total, c).format(POUNDS).bold().set();
    }
    ws.value(total + 2, 0, "net present value, real (Green Book): the sum of the discounted real net");
    formula(ws, total + 2, 1, "SUM(L" + first + ":L" + last + ")", POUNDS);
    ws.style(total + 2, 1).format(POUNDS).bold().set();
    ws.width(0, 34);
    for (int c = 1; c < AUDIT_HEADERS.length; c++) {
      ws.width(c, c == 1 ? 12 : 18);
    }
    ws.freezePane(1, AUDIT_FIRST_YEAR_ROW);
  }

  private static void input(Worksheet ws, int r, int c, double value) {
    ws.value(r, c, value);
    ws.style(r, c).format(POUNDS).fillColor(INPUT_FILL).set();
  }

  private static void formula(Worksheet ws, int r, int c, String expression, String format) {
    ws.formula(r, c, expression);
    ws.style(r, c).format(format).set();
  }

  private static void table(Worksheet ws, Sheet sheet) {
    StructField[] fields = sheet.schema().fields();
    for (int c = 0; c < fields.length; c++) {
      ws.value(0, c, header(sheet.dataset(), fields[c].name()));
      ws.style(0, c).bold().set();
      ws.width(c, Math.max(12, Math.min(40, fields[c].name().length() + 8)));
    }
    for (int r = 0; r < sheet.rows().size(); r++) {
      Row row = sheet.rows().get(r);
      String rowUnit = row.schema().getFieldIndex("unit").isDefined() && !row.isNullAt(row.fieldIndex("unit")) ? row.getAs("unit") : null;
      for (int c = 0; c < fields.length; c++) {
        if (row.isNullAt(c)) {
          continue;
        }
        Object v = row.get(c);
        if (v instanceof Number n) {
          ws.value(r + 1, c, n instanceof BigDecimal d ? d : n.doubleValue());
          ws.style(r + 1, c).format(format(sheet.dataset(), fields[c].name(), rowUnit)).set();
        } else if (v instanceof LocalDate d) {
          ws.value(r + 1, c, d);
          ws.style(r + 1, c).format("yyyy-mm-dd").set();
        } else if (v instanceof Boolean bool) {
          ws.value(r + 1, c, bool);
        } else {
          ws.value(r + 1, c, v.toString());
        }
      }
    }
    ws.freezePane(0, 1);
  }

  /** "mean (£)": the column name with its unit from the declared schema. */
  static String header(String dataset, String field) {
    FieldSpec spec = Schemas.dataset(dataset).requireField(field);
    String unit = spec.unit();
    if (unit == null) {
      return field;
    }
    return field + " (" + (unit.equals("pounds") ? "£" : unit) + ")";
  }

  /**
   * The number format of a cell: the column's declared unit, or for a table whose rows carry their
   * own unit (affordability), the row's: pounds as £#,##0, shares and probabilities as percentages.
   */
  private static String format(String dataset, String field, String rowUnit) {
    FieldSpec spec = Schemas.dataset(dataset).requireField(field);
    String unit = spec.unit() != null ? spec.unit() : rowUnit;
    if (unit == null) {
      return NUMBER;
    }
    if (unit.startsWith("pounds") && !unit.contains("rate")) {
      return POUNDS;
    }
    if (unit.equals("share") || unit.equals("probability") || unit.contains("rate")) {
      return PERCENT;
    }
    return unit.equals("children") || unit.equals("days") ? "#,##0" : NUMBER;
  }
}
