// A first look at the curated care data written by `sib ingest` (or `sib demo`).
// Run: bin/sib-jshell notebooks-java/01-curated-care-data.jsh   (after bin/sib demo)
// Set CURATED to another ingest output to look at that instead.
// (jshell runs a line as soon as it is a complete statement: chained calls end lines with a dot.)
import org.apache.spark.sql.*;
import static org.apache.spark.sql.functions.*;

var curated = System.getenv().getOrDefault("CURATED", "work/demo/curated");
var spark = new org.sibmodel.spark.SparkRuntime("local[*]", false).session();
var periods = spark.read().parquet(curated + "/care_periods");
var entries = spark.read().parquet(curated + "/care_entries");

System.out.println("Care periods with an observed entry, by age band at entry:");
periods.filter(col("start_observed")).groupBy("age_band").count().orderBy("age_band").show();

System.out.println("Share leaving care within 12 months, of entries observed for 12 months or until they left:");
var observedAYear = col("ended").or(col("duration_days").geq(365));
periods.filter(col("start_observed").and(observedAYear)).
    groupBy("age_band").
    agg(count(lit(1)).as("entries"),
        avg(when(col("ended").and(col("duration_days").lt(365)), 1.0).otherwise(0.0)).as("left_within_12_months")).
    orderBy("age_band").show();

System.out.println("Entries to care a year, by district (all ages):");
entries.groupBy(col("district"), year(col("month")).as("year")).agg(sum("entries").as("entries")).
    groupBy("district").pivot("year").sum("entries").orderBy("district").show(20, false);

System.out.println("Re-entries after a return home, and the share within a year of it:");
periods.filter(col("is_reentry").and(col("previous_end_reason").isin("E4A", "E4B", "E13"))).
    agg(count(lit(1)).as("reentries_after_return_home"),
        avg(when(col("days_since_previous_exit").lt(365), 1.0).otherwise(0.0)).as("share_within_a_year")).
    show();

spark.stop();
/exit
