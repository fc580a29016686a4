package org.sibmodel.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;

/** The affordability and cash-flow tables, from the scenario summaries and probabilities. */
final class ReportTables {
  static final StructType AFFORDABILITY = SparkSchemas.of("affordability");
  static final StructType CASH_FLOW = SparkSchemas.of("cash_flow");
  /** Measures of the affordability table, with their units, in the order they are shown. */
  static final Map<String, String> MEASURES = measures();

  private ReportTables() {}

  private static Map<String, String> measures() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("referrals", "children");
    m.put("milestones", "children");
    m.put("care_days_avoided", "days");
    m.put("outcome_payments", "pounds");
    m.put("outcomes_fund", "pounds");
    m.put("council_cost", "pounds");
    m.put("gross_savings", "pounds");
    m.put("cashable_savings", "pounds");
    m.put("net_position", "pounds");
    m.put("npv", "pounds");
    m.put("investor_peak_capital", "pounds");
    m.put("investor_net_return", "pounds");
    m.put("investor_irr", "pounds a year (rate)");
    return m;
  }

  /** Summary rows (scenario_summary) keyed by scenario, metric and year ("" for totals). */
  static Map<String, Row> index(List<Row> summary) {
    Map<String, Row> index = new LinkedHashMap<>();
    for (Row r : summary) {
      String year = r.isNullAt(r.fieldIndex("financial_year")) ? "" : r.getAs("financial_year");
      index.put(r.getAs("scenario") + "|" + r.getAs("metric") + "|" + year, r);
    }
    return index;
  }

  static List<Row> affordability(List<String> scenarios, Map<String, Row> index, Map<String, Map<String, Double>> probabilities) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(AFFORDABILITY);
    for (String s : scenarios) {
      for (Map.Entry<String, String> m : MEASURES.entrySet()) {
        Row r = index.get(s + "|" + m.getKey() + "|");
        if (r == null) {
          continue;
        }
        rows.add(b.set("scenario", s).set("measure", m.getKey()).set("unit", m.getValue()).set("mean", r.getAs("mean"))
            .set("p10", r.getAs("p10")).set("p50", r.getAs("p50")).set("p90", r.getAs("p90")).build());
      }
      probabilities.getOrDefault(s, Map.of()).forEach((name, p) -> rows.add(b.set("scenario", s).set("measure", "probability: " + name.replace('_', ' '))
          .set("unit", "probability").set("mean", p).set("p10", null).set("p50", null).set("p90", null).build()));
    }
    return rows;
  }

  static List<Row> cashFlow(List<String> scenarios, List<String> years, Map<String, Row> index) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(CASH_FLOW);
    for (String s : scenarios) {
      for (String y : years) {
        Row pay = index.get(s + "|payments_by_year|" + y);
        Row cost = index.get(s + "|council_cost_by_year|" + y);
        Row save = index.get(s + "|cashable_savings_by_year|" + y);
        Row net = index.get(s + "|cumulative_net_position_by_year|" + y);
        if (pay == null || cost == null || save == null || net == null) {
          continue;
        }
        b.set("scenario", s).set("financial_year", y);
        for (String[] f : new String[][] {{"payments", null}, {"council_cost", null}, {"savings", null}, {"cumulative_net", null}}) {
          Row r = switch (f[0]) {
            case "payments" -> pay;
            case "council_cost" -> cost;
            case "savings" -> save;
            default -> net;
          };
          b.set(f[0] + "_p10", r.getAs("p10")).set(f[0] + "_p50", r.getAs("p50")).set(f[0] + "_p90", r.getAs("p90"));
        }
        rows.add(b.build());
      }
    }
    return rows;
  }
}
