package org.sibmodel.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GeneralizedLinearRegression;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionModel;
import org.apache.spark.ml.regression.GeneralizedLinearRegressionTrainingSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * spark-mllib's Poisson GLM (log link, fitted by IRLS) as the entry models use it: rows in a fixed
 * order on one partition, and a fit that must converge.
 *
 * <p>The fit's sums over the design (treeAggregate) are merged in the order its tasks finish, so
 * over several partitions the coefficients move in the last digits from run to run and between
 * local mode and a cluster. It therefore reads one partition with the rows in a fixed order. The
 * rows travel in slices of about 2,000 (some 300 KB) and meet in a shuffle: one slice would ship
 * the whole design inside one task, which Spark warns about, as it would a local relation.
 *
 * <p>Spark starts IRLS from the counts themselves, with 0.1 for a zero count. Where the counts run
 * to thousands next to many zeros that start is far from the answer: on the external multi-year
 * sample replicated 200 times (`sib bench ingest --k 200`) IRLS took 50 iterations, and replicated
 * 1,000 times it ran all 100 without converging (calibrate wrote an intercept of 16.5, 10^-8
 * entries fitted where 18,000 were observed). A Poisson model's estimates do not depend on the
 * counts' scale (counts divided by s give the same coefficients and an intercept smaller by log s),
 * so the counts are fitted divided by a power of two that brings those with entries to about one
 * on average (IRLS then took 6 iterations at K=1000), and the intercept, deviances and standard
 * errors are put back on the counts' own scale. Counts that already average under two (a county's
 * cells by district, band and month) are fitted as they are. A fit that does not converge on the
 * rescaled counts is tried once on the counts themselves.
 */
final class PoissonGlm {
  /** Spark's IRLS runs at most this many iterations; a fit that used them all has not converged. */
  static final int MAX_ITERATIONS = 100;

  /**
   * A converged fit on the counts' own scale. {@code standardErrors} are Spark's Poisson ones, the
   * intercept's last; {@code countScale} is what the counts were divided by (1 if they were not).
   */
  record Fit(double intercept, double[] coefficients, double[] standardErrors, double deviance, double nullDeviance,
      long residualDf, double countScale, GeneralizedLinearRegressionTrainingSummary summary) {
    /**
     * Akaike's information criterion of the fit with fitted means {@code mu} of {@code counts}:
     * Spark's where the counts were not rescaled, else the same formula (Poisson log-likelihood at
     * the whole counts, plus twice the number of coefficients with the intercept) on their own scale.
     */
    double aic(List<Double> counts, double[] mu) {
      if (countScale == 1) {
        return summary.aic();
      }
      double logLikelihood = 0;
      for (int i = 0; i < mu.length; i++) {
        logLikelihood += logLikelihood(counts.get(i), mu[i]);
      }
      return -2 * logLikelihood + 2 * (coefficients.length + 1);
    }
  }

  /** The Poisson log-likelihood of a count {@code y} at mean {@code mu}. */
  static double logLikelihood(double y, double mu) {
    return y * Math.log(mu) - mu - Gamma.logGamma(y + 1);
  }

  private PoissonGlm() {}

  /** Fits counts {@code y} on rows {@code x} (an intercept added), with {@code offset} per row when not null. */
  static Fit fit(SparkSession spark, double[][] x, double[] y, double[] offset) {
    double scale = countScale(y);
    Fit fit = fitScaled(spark, x, y, offset, scale);
    if (fit == null && scale > 1) {
      fit = fitScaled(spark, x, y, offset, 1);
    }
    if (fit == null) {
      throw new IllegalStateException("the Poisson model of entries did not converge: Spark's IRLS used all "
          + MAX_ITERATIONS + " iterations on the counts" + (scale > 1 ? " divided by " + (long) scale + " and on the counts themselves" : "")
          + " (" + y.length + " cells). Please report this with the calibration window and districts.");
    }
    return fit;
  }

  /**
   * The power of two nearest below the mean of the counts that are not zero (at least 1): dividing
   * by it is exact in binary floating point.
   */
  static double countScale(double[] y) {
    double sum = 0;
    int positive = 0;
    for (double v : y) {
      if (v > 0) {
        sum += v;
        positive++;
      }
    }
    return positive == 0 || sum / positive < 2 ? 1 : Math.scalb(1.0, Math.getExponent(sum / positive));
  }

  /** The fit on counts divided by {@code scale}, put back on their own scale; null if IRLS did not converge. */
  private static Fit fitScaled(SparkSession spark, double[][] x, double[] y, double[] offset, double scale) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("cell", DataTypes.IntegerType, false),
        DataTypes.createStructField("label", DataTypes.DoubleType, false),
        DataTypes.createStructField("offset", DataTypes.DoubleType, false),
        DataTypes.createStructField("features", SQLDataTypes.VectorType(), false)));
    double logScale = Math.log(scale);
    List<Row> data = new ArrayList<>(y.length);
    for (int i = 0; i < y.length; i++) {
      data.add(RowFactory.create(i, y[i] / scale, offset == null ? -logScale : offset[i] - logScale, Vectors.dense(x[i])));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> frame = spark.createDataFrame(jsc.parallelize(data, Math.max(4, y.length / 2_000)), schema)
        .repartition(1).sortWithinPartitions("cell").cache();
    try {
      GeneralizedLinearRegression glm = new GeneralizedLinearRegression()
          .setFamily("poisson").setLink("log").setMaxIter(MAX_ITERATIONS).setTol(1e-10).setRegParam(0.0);
      if (offset != null || scale != 1) {
        glm.setOffsetCol("offset");
      }
      GeneralizedLinearRegressionModel model = glm.fit(frame);
      GeneralizedLinearRegressionTrainingSummary summary = model.summary();
      if (summary.numIterations() >= MAX_ITERATIONS) {
        return null;
      }
      // The offset carried -log(scale), so the intercept is already on the counts' own scale.
      double[] se = summary.coefficientStandardErrors().clone();
      for (int i = 0; i < se.length; i++) {
        se[i] /= Math.sqrt(scale);
      }
      return new Fit(model.intercept(), model.coefficients().toArray(), se, summary.deviance() * scale,
          summary.nullDeviance() * scale, summary.residualDegreeOfFreedom(), scale, summary);
    } finally {
      frame.unpersist();
    }
  }
}
