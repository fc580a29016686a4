package org.sibmodel.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A matched comparison for a referred cohort: the chance of being in the first cohort given age
 * band, district, legal status and category of need at entry, earlier care periods and year of
 * entry (logistic regression, spark-mllib), then 1:1 nearest-neighbour matching on the logit of
 * that propensity without replacement, within a caliper of 0.2 standard deviations of the logit
 * (Austin 2011; the SD pooled as the root of the mean of the two groups' variances). Balance is the standardised mean difference of every covariate level before and
 * after; the outcome is the mean paired difference in days in care in the 24 months from entry.
 *
 * <p>Deterministic: levels are sorted, the regression runs on one slice (so its sums never depend
 * on the order tasks finish in), logits are rounded to 1e-9 before matching and the caliper is
 * worked out from the rounded logits, and ties go to the smaller unit id.
 */
final class PropensityMatching {
  /** Caliper in standard deviations of the logit of the propensity score (Austin 2011). */
  static final double CALIPER_SD = 0.2;
  /**
   * L2 penalty on the standardised coefficients (Spark's regParam: the mean log-loss plus
   * regParam / 2 times the squared norm). It keeps the fit finite where a level is all treated or
   * all controls (quasi-separation): there the unpenalised likelihood has no maximum, and with
   * 0.001 on raw indicators L-BFGS's line search failed on the demo's data ("ERROR LBFGS: Failure!").
   * Matching needs a ranking of the propensity, not unbiased coefficients, so a little shrinkage
   * costs nothing (the balance table shows what matching achieved).
   */
  static final double REG_PARAM = 0.01;
  /** L-BFGS stops when the objective changes by less than this (relative); much tighter fails in rounding. */
  static final double TOLERANCE = 1e-6;
  static final int MAX_ITERATIONS = 500;
  private static final int SLICES = 1;

  /** One covariate: how to read it from a unit. */
  record Covariate(String name, Function<Unit, String> level) {}

  static final List<Covariate> COVARIATES = List.of(
      new Covariate("age band at entry", Unit::ageBand),
      new Covariate("district", Unit::district),
      new Covariate("legal status at entry", u -> u.legalStatus() == null ? "not recorded" : u.legalStatus()),
      new Covariate("category of need at entry", u -> u.categoryOfNeed() == null ? "not recorded" : u.categoryOfNeed()),
      new Covariate("earlier care periods", u -> u.priorPeriods() >= 3 ? "3 or more" : String.valueOf(u.priorPeriods())),
      new Covariate("year of entry", u -> String.valueOf(u.start().getYear())));

  /** A covariate level's balance: standardised mean difference before and after matching, and the counts behind it. */
  record Balance(String covariate, String level, double smdBefore, double smdAfter, long treatedBefore, long controlBefore,
      long treatedAfter, long controlAfter) {}

  /** How the propensity model's fit went: L-BFGS iterations, and whether it converged before its limit. */
  record Fit(int iterations, boolean converged) {}

  /** A matched pair. */
  record Pair(Unit treated, Unit control, double distance) {}

  /**
   * What matching found.
   *
   * @param unmatched treated units with no control inside the caliper (left out of the estimate)
   * @param naive mean difference in days in care in the eligible (unmatched) sample
   * @param estimate mean paired difference in the matched sample, with its 95% t interval
   */
  record Result(int treated, int controls, List<Pair> pairs, int unmatched, double caliper, List<Balance> balance, double naive,
      double estimate, double lower, double upper, double pValue, Fit fit) {
    double maxAbsSmdBefore() {
      return balance.stream().mapToDouble(b -> Math.abs(b.smdBefore())).max().orElse(0);
    }

    double maxAbsSmdAfter() {
      return balance.stream().filter(b -> !Double.isNaN(b.smdAfter())).mapToDouble(b -> Math.abs(b.smdAfter())).max().orElse(0);
    }
  }

  private PropensityMatching() {}

  /**
   * Matches each treated unit to its nearest control.
   *
   * @param treated units of the first (referred) cohort, each followed for 24 months
   * @param controls units of the comparison cohort, each followed for 24 months
   * @param outcome the outcome compared (days in care in 24 months)
   */
  static Result match(SparkSession spark, List<Unit> treated, List<Unit> controls, ToDoubleFunction<Unit> outcome) {
    if (treated.size() < 2 || controls.size() < 2) {
      throw new IllegalArgumentException("matching needs at least 2 units on each side; got " + treated.size() + " and " + controls.size());
    }
    List<Unit> all = new ArrayList<>(treated);
    all.addAll(controls);
    Design design = Design.of(all);
    Fitted fitted = fit(spark, design, treated, controls);
    double[] logits = fitted.logits();
    Map<String, Double> logitOf = new LinkedHashMap<>();
    double[] rounded = new double[logits.length];
    for (int i = 0; i < all.size(); i++) {
      rounded[i] = Math.rint(logits[i] * 1e9) / 1e9;
      logitOf.put(all.get(i).id(), rounded[i]);
    }
    double[] treatedLogits = Arrays.copyOfRange(rounded, 0, treated.size());
    double[] controlLogits = Arrays.copyOfRange(rounded, treated.size(), rounded.length);
    double caliper = CALIPER_SD * Math.sqrt((variance(treatedLogits) + variance(controlLogits)) / 2);
    List<Pair> pairs = nearestNeighbours(treated, controls, logitOf, caliper);

    List<Unit> matchedTreated = pairs.stream().map(Pair::treated).toList();
    List<Unit> matchedControls = pairs.stream().map(Pair::control).toList();
    List<Balance> balance = new ArrayList<>();
    for (Covariate c : COVARIATES) {
      for (String level : design.levels.get(c.name())) {
        ToDoubleFunction<Unit> is = u -> c.level().apply(u).equals(level) ? 1 : 0;
        double p1 = mean(treated, is);
        double p0 = mean(controls, is);
        double pooledSd = Math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2);
        double before = pooledSd == 0 ? 0 : (p1 - p0) / pooledSd;
        double after = pairs.isEmpty() ? Double.NaN
            : pooledSd == 0 ? 0 : (mean(matchedTreated, is) - mean(matchedControls, is)) / pooledSd;
        balance.add(new Balance(c.name(), level, before, after, count(treated, is), count(controls, is), count(matchedTreated, is),
            count(matchedControls, is)));
      }
    }
    double naive = mean(treated, outcome) - mean(controls, outcome);
    double[] d = pairs.stream().mapToDouble(p -> outcome.applyAsDouble(p.treated()) - outcome.applyAsDouble(p.control())).toArray();
    double estimate = Double.NaN;
    double lower = Double.NaN;
    double upper = Double.NaN;
    double pValue = Double.NaN;
    if (d.length >= 2) {
      estimate = Statistics.mean(d);
      double se = sd(d) / Math.sqrt(d.length);
      TDistribution t = new TDistribution(d.length - 1);
      double q = t.inverseCumulativeProbability(0.975);
      lower = estimate - q * se;
      upper = estimate + q * se;
      pValue = se == 0 ? (estimate == 0 ? 1 : 0) : 2 * (1 - t.cumulativeProbability(Math.abs(estimate / se)));
    }
    return new Result(treated.size(), controls.size(), pairs, treated.size() - pairs.size(), caliper, balance, naive, estimate, lower,
        upper, pValue, fitted.fit());
  }

  /** Greedy matching, hardest first (highest propensity), each control used once. */
  private static List<Pair> nearestNeighbours(List<Unit> treated, List<Unit> controls, Map<String, Double> logitOf, double caliper) {
    TreeMap<Double, List<Unit>> available = new TreeMap<>();
    controls.stream().sorted(Comparator.comparing(Unit::id))
        .forEach(c -> available.computeIfAbsent(logitOf.get(c.id()), k -> new ArrayList<>()).add(c));
    List<Unit> order = treated.stream()
        .sorted(Comparator.comparing((Unit u) -> -logitOf.get(u.id())).thenComparing(Unit::id)).toList();
    List<Pair> pairs = new ArrayList<>();
    for (Unit t : order) {
      double x = logitOf.get(t.id());
      Map.Entry<Double, List<Unit>> below = available.floorEntry(x);
      Map.Entry<Double, List<Unit>> above = available.ceilingEntry(x);
      Map.Entry<Double, List<Unit>> nearest = below == null ? above
          : above == null ? below
          : (x - below.getKey() <= above.getKey() - x) ? below : above;
      if (nearest == null || Math.abs(nearest.getKey() - x) > caliper) {
        continue;
      }
      Unit c = nearest.getValue().remove(0);
      if (nearest.getValue().isEmpty()) {
        available.remove(nearest.getKey());
      }
      pairs.add(new Pair(t, c, Math.abs(nearest.getKey() - x)));
    }
    pairs.sort(Comparator.comparing((Pair p) -> p.treated().id()));
    return pairs;
  }

  private record Fitted(double[] logits, Fit fit) {}

  /**
   * The logit of each unit's propensity (treated first, then controls, as in the design). Spark
   * standardises each indicator (divides it by its standard deviation) for the fit and the
   * penalty, and returns the coefficients on the indicators' own scale: rare levels otherwise
   * make the problem badly conditioned. The vectors stay sparse, so the one slice stays a small
   * task (Spark warns above 1,000 KiB).
   */
  private static Fitted fit(SparkSession spark, Design design, List<Unit> treated, List<Unit> controls) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("label", DataTypes.DoubleType, false),
        DataTypes.createStructField("features", SQLDataTypes.VectorType(), false)));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < design.x.length; i++) {
      rows.add(RowFactory.create(i < treated.size() ? 1.0 : 0.0, Vectors.dense(design.x[i]).compressed()));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> frame = spark.createDataFrame(jsc.parallelize(rows, SLICES), schema);
    LogisticRegressionModel model = new LogisticRegression().setMaxIter(MAX_ITERATIONS).setTol(TOLERANCE).setRegParam(REG_PARAM)
        .setElasticNetParam(0).setStandardization(true).fit(frame);
    int iterations = model.summary().totalIterations();
    double[] beta = model.coefficients().toArray();
    double[] logits = new double[design.x.length];
    for (int i = 0; i < design.x.length; i++) {
      double z = model.intercept();
      for (int j = 0; j < beta.length; j++) {
        z += beta[j] * design.x[i][j];
      }
      logits[i] = z;
    }
    return new Fitted(logits, new Fit(iterations, iterations < MAX_ITERATIONS));
  }

  /** Indicator columns for every covariate level except the commonest (the reference). */
  private record Design(Map<String, List<String>> levels, double[][] x) {
    static Design of(List<Unit> units) {
      Map<String, List<String>> levels = new LinkedHashMap<>();
      List<String[]> columns = new ArrayList<>();
      for (Covariate c : COVARIATES) {
        Map<String, Integer> counts = new TreeMap<>();
        units.forEach(u -> counts.merge(c.level().apply(u), 1, Integer::sum));
        levels.put(c.name(), List.copyOf(counts.keySet()));
        String reference = counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        counts.keySet().stream().filter(l -> !l.equals(reference)).forEach(l -> columns.add(new String[] {c.name(), l}));
      }
      Map<String, Covariate> byName = new LinkedHashMap<>();
      COVARIATES.forEach(c -> byName.put(c.name(), c));
      double[][] x = new double[units.size()][columns.size()];
      for (int i = 0; i < units.size(); i++) {
        for (int j = 0; j < columns.size(); j++) {
          x[i][j] = byName.get(columns.get(j)[0]).level().apply(units.get(i)).equals(columns.get(j)[1]) ? 1 : 0;
        }
      }
      return new Design(levels, x);
    }
  }

  private static double mean(List<Unit> units, ToDoubleFunction<Unit> f) {
    return units.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static long count(List<Unit> units, ToDoubleFunction<Unit> is) {
    return units.stream().filter(u -> is.applyAsDouble(u) == 1).count();
  }

  private static double sd(double[] x) {
    return Math.sqrt(variance(x));
  }

  private static double variance(double[] x) {
    double m = Statistics.mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return ss / (x.length - 1);
  }
}
