package org.sibmodel.simulate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.random.Percentiles;

/**
 * Mean, standard deviation and exact percentiles of many columns of the iteration table. Values
 * are placed by iteration number before anything is added up, so every figure is the same whatever
 * partitioning produced or read the table (floating-point sums depend on order; here the order is
 * always 0, 1, 2, ...). Columns are done a group at a time, so memory holds one group's values.
 * Percentiles interpolate between order statistics as Spark's {@code percentile} does ({@link Percentiles});
 * a column with no values has percentiles of 0.
 */
final class ExactSummary {
  static final double[] PERCENTILES = {0.05, 0.10, 0.50, 0.90, 0.95};
  private static final int COLUMNS_PER_PASS = 80;

  /**
   * A column to summarise: a scalar column, one element of an array column, or (cumulative) the
   * sum of an array's elements up to and including one.
   */
  record Column(String name, int element, boolean cumulative) implements Serializable {
    Column(String name, int element) {
      this(name, element, false);
    }

    static Column scalar(String name) {
      return new Column(name, -1, false);
    }

    double value(Row r, int field) {
      if (element < 0) {
        return ((Number) r.get(field)).doubleValue();
      }
      List<Double> list = r.getList(field);
      if (!cumulative) {
        return list.get(element);
      }
      double sum = 0;
      for (int i = 0; i <= element; i++) {
        sum += list.get(i);
      }
      return sum;
    }
  }

  /** The statistics of one column; {@code n} counts the iterations with a value. */
  record Stats(Column column, long n, double mean, double sd, double[] percentiles) implements Serializable {
    double mcSe() {
      return n == 0 ? 0 : sd / Math.sqrt(n);
    }
  }

  private ExactSummary() {}

  static List<Stats> of(Dataset<Row> iterations, List<Column> columns, int n) {
    List<Stats> all = new ArrayList<>();
    for (int from = 0; from < columns.size(); from += COLUMNS_PER_PASS) {
      List<Column> group = List.copyOf(columns.subList(from, Math.min(columns.size(), from + COLUMNS_PER_PASS)));
      List<String> names = new ArrayList<>(List.of("iteration"));
      group.stream().map(Column::name).distinct().forEach(names::add);
      JavaRDD<Row> rows = iterations.select(names.get(0), names.subList(1, names.size()).toArray(String[]::new)).javaRDD();
      all.addAll(rows.coalesce(1).mapPartitions(it -> {
        double[][] values = new double[group.size()][n];
        for (double[] v : values) {
          Arrays.fill(v, Double.NaN);
        }
        while (it.hasNext()) {
          Row r = it.next();
          int i = Math.toIntExact(r.getLong(0));
          for (int c = 0; c < group.size(); c++) {
            int field = r.fieldIndex(group.get(c).name());
            if (r.isNullAt(field)) {
              continue;
            }
            values[c][i] = group.get(c).value(r, field);
          }
        }
        List<Stats> stats = new ArrayList<>(group.size());
        for (int c = 0; c < group.size(); c++) {
          stats.add(stats(group.get(c), values[c]));
        }
        return stats.iterator();
      }).collect());
    }
    return all;
  }

  /**
   * The values of some columns for one contiguous range of iterations, filled while the simulation
   * makes the range's rows ({@link #accept} in iteration order), so the summaries need no second
   * pass over the written table. Blocks of the same columns tiling 0..n-1 give exactly the figures
   * {@link #of(Dataset, List, int)} gives from the table.
   */
  static final class Block implements Serializable {
    private final int kernel;
    private final long from;
    private final double[][] values;
    private final List<Column> columns;
    private transient int[] fields;
    private int size;

    Block(int kernel, long from, long to, List<Column> columns) {
      this.kernel = kernel;
      this.from = from;
      this.columns = List.copyOf(columns);
      this.values = new double[columns.size()][Math.toIntExact(to - from)];
    }

    int kernel() {
      return kernel;
    }

    /** The next iteration's row; true when the block is full. */
    boolean accept(Row r) {
      if (fields == null) {
        fields = columns.stream().mapToInt(c -> r.fieldIndex(c.name())).toArray();
      }
      for (int c = 0; c < fields.length; c++) {
        values[c][size] = r.isNullAt(fields[c]) ? Double.NaN : columns.get(c).value(r, fields[c]);
      }
      return ++size == values[0].length;
    }
  }

  /**
   * The statistics of the blocks' columns, in column order. The blocks (one kernel's, in any order)
   * must tile iterations 0..n-1 exactly: a gap or an overlap is an error, not a quieter figure.
   */
  static List<Stats> of(List<Block> blocks, int n) {
    List<Block> ordered = blocks.stream().sorted(Comparator.comparingLong(b -> b.from)).toList();
    long next = 0;
    for (Block b : ordered) {
      if (b.from != next || b.size != b.values[0].length || !b.columns.equals(ordered.get(0).columns)) {
        throw new IllegalStateException("the gathered values do not tile iterations 0.." + (n - 1) + ": a block of "
            + b.size + " from " + b.from + " where " + next + " was next");
      }
      next += b.size;
    }
    if (next != n) {
      throw new IllegalStateException("gathered " + next + " iterations' values, expected " + n);
    }
    List<Column> columns = ordered.get(0).columns;
    // Columns are independent: summarise them in parallel; each one's values are still added in iteration order.
    return IntStream.range(0, columns.size()).parallel().mapToObj(c -> {
      double[] values = new double[n];
      for (Block b : ordered) {
        System.arraycopy(b.values[c], 0, values, Math.toIntExact(b.from), b.size);
      }
      return stats(columns.get(c), values);
    }).toList();
  }

  /** The statistics of values in iteration order; NaN marks an iteration without a value. */
  static Stats stats(Column column, double[] values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double squares = 0;
    double[] present = new double[n];
    int k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        squares += (v - mean) * (v - mean);
        present[k++] = v;
      }
    }
    Arrays.sort(present);
    double[] p = new double[PERCENTILES.length];
    for (int j = 0; j < p.length && n > 0; j++) {
      p[j] = Percentiles.of(present, PERCENTILES[j]);
    }
    return new Stats(column, n, mean, n < 2 ? 0 : Math.sqrt(squares / (n - 1)), p);
  }
}
