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
    m.put("milestones_without_effect", "children");
    m.put("care_days_avoided", "days");
    m.put("outcome_payments", "pounds");
    m.put("payments_without_effect", "pounds");
    m.put("deadweight_share", "share");
    m.put("outcomes_fund", "pounds");
    m.put("council_cost", "pounds");
    m.put("council_side_costs", "pounds");
    m.put("cost_per_care_day_avoided", "pounds a day");
    m.put("gross_savings", "pounds");
    m.put("cashable_savings", "pounds");
    m.put("savings_in_term", "pounds");
    m.put("savings_after_term", "pounds");
    m.put("net_position", "pounds");
    m.put("npv_real", "pounds");
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

  /** The cash flow's columns (their mean, P10, P50 and P90) and the by-year metric each is of. */
  private static final Map<String, String> CASH_FLOW_COLUMNS = Map.of(
      "payments", "payments_by_year", "outcomes_fund", "outcomes_fund_by_year", "council_cost", "council_cost_by_year",
      "council_side_costs", "council_side_costs_by_year",
      "savings", "cashable_savings_by_year", "net", "net_position_by_year", "net_real", "net_position_real_by_year",
      "cumulative_net", "cumulative_net_position_by_year");

  static List<Row> cashFlow(List<String> scenarios, List<String> years, Map<String, Row> index) {
    List<Row> rows = new ArrayList<>();
    RowBuilder b = RowBuilder.of(CASH_FLOW);
    for (String s : scenarios) {
      for (String y : years) {
        b.set("scenario", s).set("financial_year", y);
        boolean complete = true;
        for (Map.Entry<String, String> column : CASH_FLOW_COLUMNS.entrySet()) {
          Row r = index.get(s + "|" + column.getValue() + "|" + y);
          if (r == null) {
            complete = false;
            break;
          }
          b.set(column.getKey() + "_p10", r.getAs("p10")).set(column.getKey() + "_p50", r.getAs("p50"))
              .set(column.getKey() + "_p90", r.getAs("p90")).set(column.getKey() + "_mean", r.getAs("mean"));
        }
        if (complete) {
          rows.add(b.build());
        }
      }
    }
    return rows;
  }
}
