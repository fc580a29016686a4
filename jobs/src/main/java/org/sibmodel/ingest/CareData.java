package org.sibmodel.ingest;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Conventions of the curated care data that later stages rely on. */
public final class CareData {
  /** District of entries and periods whose home postcode is missing or not in the lookup. */
  public static final String UNKNOWN_DISTRICT = "Unknown";

  private CareData() {}

  /**
   * The periods with the column {@code gap}: days from the period's end to the same child's next
   * entry to care (its next period's {@code days_since_previous_exit}), null when no later period
   * of the child is in the data. A child's next period is the one of the same {@code la} and
   * {@code child_key} with {@code period_number + 1}; ingest numbers a child's periods from 1 in
   * date order.
   *
   * @param periods the periods to follow (care_periods or a filter of it)
   * @param all every period of the care data, where the next ones are looked up
   */
  public static Dataset<Row> withNextEntryGap(Dataset<Row> periods, Dataset<Row> all) {
    Dataset<Row> next = all.select(col("la").as("next_la"), col("child_key").as("next_child"),
        col("period_number").minus(1).as("next_follows"), col("days_since_previous_exit").as("gap"));
    return periods.join(next, periods.col("la").equalTo(next.col("next_la"))
            .and(periods.col("child_key").equalTo(next.col("next_child")))
            .and(periods.col("period_number").equalTo(next.col("next_follows"))), "left")
        .drop("next_la", "next_child", "next_follows");
  }
}
