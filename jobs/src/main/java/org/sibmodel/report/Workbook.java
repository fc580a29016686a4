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
 * The workbook for finance teams: one sheet per table, numbers stored as numbers, the unit of
 * each column in its header, and a first sheet that says what the data are (synthetic or not).
 */
final class Workbook {
  private Workbook() {}

  /** A sheet: its name, the table's declared dataset and rows. */
  record Sheet(String name, String dataset, StructType schema, List<Row> rows) {}

  static void write(OutputDir out, String name, List<String> about, List<Sheet> sheets) {
    try (OutputStream stream = out.create(name)) {
      org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(stream, "sib", "1.0");
      Worksheet readme = wb.newWorksheet("about");
      for (int i = 0; i < about.size(); i++) {
        readme.value(i, 0, about.get(i));
      }
      readme.width(0, 120);
      for (Sheet sheet : sheets) {
        Worksheet ws = wb.newWorksheet(sheet.name());
        StructField[] fields = sheet.schema().fields();
        for (int c = 0; c < fields.length; c++) {
          ws.value(0, c, header(sheet.dataset(), fields[c].name()));
          ws.style(0, c).bold().set();
          ws.width(c, Math.max(12, Math.min(40, fields[c].name().length() + 8)));
        }
        for (int r = 0; r < sheet.rows().size(); r++) {
          Row row = sheet.rows().get(r);
          for (int c = 0; c < fields.length; c++) {
            if (row.isNullAt(c)) {
              continue;
            }
            Object v = row.get(c);
            if (v instanceof Number n) {
              ws.value(r + 1, c, n instanceof BigDecimal d ? d : n.doubleValue());
              ws.style(r + 1, c).format(format(sheet.dataset(), fields[c].name())).set();
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
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the workbook " + name + ": " + e.getMessage(), e);
    }
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

  private static String format(String dataset, String field) {
    FieldSpec spec = Schemas.dataset(dataset).requireField(field);
    return "pounds".equals(spec.unit()) ? "#,##0" : "#,##0.####";
  }

}
