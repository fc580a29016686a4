// The cohort comparisons written by `sib compare` (or `sib demo`, step 7).
// Run: bin/sib-jshell notebooks-java/02-cohort-comparison.jsh   (after bin/sib demo)
// Set COMPARISON to another compare output to look at that instead.
// Every count here has been through disclosure control: an empty cell is suppressed, not zero.
import org.apache.spark.sql.*;
import static org.apache.spark.sql.functions.*;

var comparison = System.getenv().getOrDefault("COMPARISON", "work/demo/comparison");
var spark = new org.sibmodel.spark.SparkRuntime("local[*]", false).session();

System.out.println("Cohorts, their sizes and entries a year per 10,000 children:");
spark.read().parquet(comparison + "/compare_cohorts").select("cohort", "periods", "children", "entries_per_10000", "suppressed").
    show(50, false);

System.out.println("Differences (first cohort minus second) with 95% intervals, where the interval excludes 0:");
spark.read().parquet(comparison + "/compare_differences").
    filter(col("lower").gt(0).or(col("upper").lt(0))).
    select("comparison", "measure", "estimate", "lower", "upper", "p_value").
    show(50, false);

System.out.println("Balance of the matched comparison: the levels still worst balanced after matching:");
spark.read().parquet(comparison + "/compare_balance").
    filter(col("smd_after").isNotNull()).
    orderBy(abs(col("smd_after")).desc()).
    select("comparison", "covariate", "level", "smd_before", "smd_after").
    show(10, false);

System.out.println("Share still in care at 6, 12 and 24 months (the published grid points nearest each):");
var km = spark.read().parquet(comparison + "/compare_km");
for (int months : new int[] {6, 12, 24}) {
  double days = months * 365.25 / 12;
  km.filter(col("time_days").leq(days)).
      groupBy("comparison", "cohort").agg(min("survival").as("still_in_care_" + months + "m")).
      orderBy("comparison", "cohort").show(20, false);
}
/exit
