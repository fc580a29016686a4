package org.sibmodel.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Where a command gets its Spark session: the process's one session, started on first use (a
 * session costs seconds; a run that fails its checks never starts one) and stopped by whoever
 * owns it ({@code Main} for the command line). Commands receive one instead of asking their parent
 * command; jobs take it as the {@link Supplier} it is.
 */
@FunctionalInterface
public interface SparkSessions extends Supplier<SparkSession> {}
