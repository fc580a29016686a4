package org.sibmodel.simulate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

/**
 * The values of every summarised column, gathered by the tasks that simulate and write the
 * iteration rows, so the summary and fan-chart tables come from that one pass rather than from
 * re-reading the written table once per group of columns (a fifth of {@code sib simulate}'s time
 * at 10^5 iterations, on one core). The driver holds them: about 170 doubles an iteration (130 MB
 * at 10^5 iterations), which travel with the tasks' results; a run whose values would take more
 * than half of {@code spark.driver.maxResultSize} does not gather, and summarises the table instead.
 * Figures are the same either way, to the last bit ({@link ExactSummary}).
 */
public final class GatheredValues implements Serializable {
  private final CollectionAccumulator<ExactSummary.Block> blocks;

  private GatheredValues(CollectionAccumulator<ExactSummary.Block> blocks) {
    this.blocks = blocks;
  }

  /** Gathering for {@code n} iterations of each kernel, or empty when they are too many to hold. */
  public static Optional<GatheredValues> start(SparkSession spark, List<Kernel> kernels, int n) {
    long bytes = 0;
    for (Kernel k : kernels) {
      bytes += 8L * n * columns(k).size();
    }
    long limit = spark.sparkContext().getConf().getSizeAsBytes("spark.driver.maxResultSize", "1g");
    if (limit > 0 && bytes > limit / 2) {
      return Optional.empty();
    }
    return Optional.of(new GatheredValues(spark.sparkContext().collectionAccumulator("summarised values")));
  }

  /** The columns gathered of a kernel's iterations: the summary's, then the fan chart's. */
  static List<ExactSummary.Column> columns(Kernel kernel) {
    List<ExactSummary.Column> columns = new ArrayList<>(SimulateJob.summaryColumns(kernel.financialYears().size()));
    columns.addAll(SimulateJob.monthColumns(kernel.months()));
    return columns;
  }

  /** An empty block for iterations {@code from..to-1} of kernel {@code index}; {@link #add} it when full. */
  ExactSummary.Block block(int index, Kernel kernel, long from, long to) {
    return new ExactSummary.Block(index, from, to, columns(kernel));
  }

  void add(ExactSummary.Block block) {
    blocks.add(block);
  }

  /** Kernel {@code index}'s summary and fan-chart tables, once its rows are written. */
  public SimulateJob.Tables tables(int index, Kernel kernel, int n) {
    List<ExactSummary.Block> own = blocks.value().stream().filter(b -> b.kernel() == index).toList();
    List<ExactSummary.Stats> stats = ExactSummary.of(own, n);
    int summary = SimulateJob.summaryColumns(kernel.financialYears().size()).size();
    return new SimulateJob.Tables(SimulateJob.summaryRows(stats.subList(0, summary), kernel.scenario().name(), kernel.financialYears()),
        SimulateJob.monthRows(stats.subList(summary, stats.size()), kernel.scenario().name(), kernel.firstMonth()));
  }
}
