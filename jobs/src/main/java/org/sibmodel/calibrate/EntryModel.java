package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.vocabulary.AgeBand;

/**
 * Entries to care per month by district and age band: a Poisson count model with a log link,
 * fitted with spark-mllib's GeneralizedLinearRegression ({@link PoissonGlm}):
 *
 * <pre>log E[entries] = intercept + district + age band + trend x (years from the window's end)
 *                    + a sin(2 pi m / 12) + b cos(2 pi m / 12)</pre>
 *
 * The trend is measured from the window's end, so intercept + district + band is the rate at the
 * end of the data. Over-dispersion is measured by the Pearson chi-square over its degrees of
 * freedom; where it exceeds 1 the model is read as quasi-Poisson and every standard error (and the
 * covariance the simulation draws rates from) is scaled by it. The covariance is (X'WX)^-1 at the
 * fitted means, whose diagonal is checked against Spark's own standard errors.
 *
 * <p>Small cells are pooled first ({@link Pooling}): a district with fewer entries than the
 * minimum joins "Other districts (pooled)", a fine age band of 5 to 15 joins its contract group;
 * rates of pooled cells are split by their observed share of the pool.
 */
final class EntryModel {
  static final String OTHER_DISTRICTS = "Other districts (pooled)";

  /** One observed cell: district x age band x month. */
  record Cell(String district, String band, LocalDate month, long entries) {}

  /** A coefficient with its standard errors (Poisson, and as used: quasi-Poisson if scaled). */
  record Coefficient(String term, double estimate, double stdError, double stdErrorUsed, double z, double pValue) {}

  /** The expected entries per month of a district and fine age band at the end of the window. */
  record Rate(String district, String band, double perMonth, double logStdError, long observed, String estimatedAs) {}

  /** Observed and fitted entries of one month, all cells. */
  record MonthFit(LocalDate month, long observed, double fitted) {}

  /**
   * The fitted model. {@code terms}, {@code coefficients} and {@code covariance} are what params.json
   * carries; {@code levels} are the district levels of {@link DistrictLevelModel} (empty here, where
   * districts are terms).
   */
  record Fit(
      List<String> terms, List<Coefficient> coefficients, double[][] covariance, double dispersion, boolean quasi,
      double deviance, double nullDeviance, long residualDf, double aic, long observations, long entries,
      List<Rate> rates, List<MonthFit> months, LocalDate windowStart, LocalDate windowEnd, String reference,
      List<Coefficient> levels) {}

  private EntryModel() {}

  static Fit fit(SparkSession spark, List<Cell> unordered, int minimumCases, Pooling pooling) {
    // The fit adds up over cells: a fixed order makes it the same to the last digit whatever order Spark collected them in.
    List<Cell> cells = unordered.stream().sorted(java.util.Comparator.comparing(Cell::district).thenComparing(Cell::band)
        .thenComparing(Cell::month)).toList();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no months of entries in the window: nothing to calibrate entries on");
    }
    LocalDate first = cells.stream().map(Cell::month).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = cells.stream().map(Cell::month).max(LocalDate::compareTo).orElseThrow();
    long total = cells.stream().mapToLong(Cell::entries).sum();
    if (total == 0) {
      throw new IllegalArgumentException("no entries to care in the window " + first + " to " + last.plusMonths(1).minusDays(1)
          + ": entry rates cannot be estimated");
    }

    // Pool small districts, then small fine bands of 5 to 15.
    Map<String, Long> byDistrict = totals(cells, true);
    Map<String, String> districtLevel = new TreeMap<>();
    byDistrict.forEach((d, n) -> {
      if (n < minimumCases) {
        districtLevel.put(d, OTHER_DISTRICTS);
        pooling.add("entries", d, n, OTHER_DISTRICTS, n + " entries, fewer than " + minimumCases + ": estimated with the other small districts");
      } else {
        districtLevel.put(d, d);
      }
    });
    Map<String, String> bandLevel = bandLevels(cells, minimumCases, pooling);
    Map<String, Long> levelTotals = levelTotals(cells, districtLevel, bandLevel, pooling);

    List<String> districts = levelTotals.keySet().stream().filter(k -> k.startsWith("d:") && levelTotals.get(k) > 0)
        .map(k -> k.substring(2)).toList();
    List<String> bands = bandLevel.values().stream().distinct().filter(b -> levelTotals.getOrDefault("b:" + b, 0L) > 0).toList();
    // The reference levels are the largest district and band, so every other coefficient is a contrast with a well-estimated cell.
    String refDistrict = districts.stream().max((a, b) -> Long.compare(levelTotals.get("d:" + a), levelTotals.get("d:" + b))).orElseThrow();
    String refBand = bands.stream().max((a, b) -> Long.compare(levelTotals.get("b:" + a), levelTotals.get("b:" + b))).orElseThrow();
    List<String> terms = new ArrayList<>();
    List<String> districtTerms = districts.stream().filter(d -> !d.equals(refDistrict)).toList();
    List<String> bandTerms = bands.stream().filter(b -> !b.equals(refBand)).toList();
    districtTerms.forEach(d -> terms.add("district=" + d));
    bandTerms.forEach(b -> terms.add("age_band=" + b));
    terms.add("trend_per_year");
    terms.add("season_sin");
    terms.add("season_cos");

    // Aggregate to model rows (pooled levels sum their cells).
    Map<List<Object>, Long> rows = new LinkedHashMap<>();
    for (Cell c : cells) {
      String d = districtLevel.get(c.district());
      String b = bandLevel.get(c.band());
      if (levelTotals.get("d:" + d) == 0 || levelTotals.get("b:" + b) == 0) {
        continue;
      }
      rows.merge(List.of(d, b, c.month()), c.entries(), Long::sum);
    }
    List<double[]> design = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    List<LocalDate> months = new ArrayList<>();
    rows.forEach((key, n) -> {
      design.add(features((String) key.get(0), (String) key.get(1), (LocalDate) key.get(2), last, districtTerms, bandTerms));
      counts.add((double) n);
      months.add((LocalDate) key.get(2));
    });

    PoissonGlm.Fit glm = PoissonGlm.fit(spark, design.toArray(double[][]::new),
        counts.stream().mapToDouble(Double::doubleValue).toArray(), null);

    // Fitted means, Pearson dispersion and the covariance (X'WX)^-1 with the intercept first.
    int p = terms.size() + 1;
    double[] beta = new double[p];
    beta[0] = glm.intercept();
    double[] coef = glm.coefficients();
    System.arraycopy(coef, 0, beta, 1, coef.length);
    double[][] xtwx = new double[p][p];
    double pearson = 0;
    double[] fitted = new double[design.size()];
    for (int i = 0; i < design.size(); i++) {
      double[] x = withIntercept(design.get(i));
      double mu = Math.exp(dot(beta, x));
      fitted[i] = mu;
      pearson += (counts.get(i) - mu) * (counts.get(i) - mu) / mu;
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          xtwx[a][b] += x[a] * mu * x[b];
        }
      }
    }
    long residualDf = glm.residualDf();
    double dispersion = residualDf > 0 ? pearson / residualDf : Double.NaN;
    boolean quasi = dispersion > 1.0;
    double scale = quasi ? dispersion : 1.0;
    RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(xtwx)).getSolver().getInverse();
    double[][] covariance = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        covariance[a][b] = inverse.getEntry(a, b) * scale;
      }
    }

    double[] sparkSe = glm.standardErrors();
    List<String> allTerms = new ArrayList<>();
    allTerms.add("intercept");
    allTerms.addAll(terms);
    List<Coefficient> coefficients = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      // Spark lists the intercept last.
      double se = i == 0 ? sparkSe[sparkSe.length - 1] : sparkSe[i - 1];
      double seUsed = Math.sqrt(covariance[i][i]);
      double z = beta[i] / seUsed;
      double pValue = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(Math.abs(z)));
      coefficients.add(new Coefficient(allTerms.get(i), beta[i], se, seUsed, z, pValue));
    }

    List<Rate> rates = rates(cells, districtLevel, bandLevel, levelTotals, districtTerms, bandTerms, beta, covariance, last);
    Map<LocalDate, long[]> observedByMonth = new TreeMap<>();
    Map<LocalDate, Double> fittedByMonth = new TreeMap<>();
    for (Cell c : cells) {
      observedByMonth.computeIfAbsent(c.month(), k -> new long[1])[0] += c.entries();
    }
    for (int i = 0; i < months.size(); i++) {
      fittedByMonth.merge(months.get(i), fitted[i], Double::sum);
    }
    List<MonthFit> monthFits = new ArrayList<>();
    observedByMonth.forEach((m, n) -> monthFits.add(new MonthFit(m, n[0], fittedByMonth.getOrDefault(m, 0.0))));
    return new Fit(allTerms, coefficients, covariance, dispersion, quasi, glm.deviance(), glm.nullDeviance(),
        residualDf, glm.aic(counts, fitted), design.size(), total, rates, monthFits, first, last.plusMonths(1).minusDays(1),
        "district " + refDistrict + ", age band " + refBand, List.of());
  }

  /** Each fine band's level: itself, or its contract group where it has fewer entries than the minimum. */
  static Map<String, String> bandLevels(List<Cell> cells, int minimumCases, Pooling pooling) {
    Map<String, Long> byBand = totals(cells, false);
    Map<String, String> bandLevel = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      long n = byBand.getOrDefault(band.label(), 0L);
      if (n < minimumCases && band.contractGroup().isPresent()) {
        bandLevel.put(band.label(), band.contractGroup().get());
        pooling.add("entries", band.label(), n, band.contractGroup().get(),
            n + " entries, fewer than " + minimumCases + ": estimated with the contract's " + band.contractGroup().get() + " group");
      } else {
        bandLevel.put(band.label(), band.label());
      }
    }
    return bandLevel;
  }

  /**
   * Entries of each district level ("d:" name) and band level ("b:" label). Levels with no entries at
   * all cannot be estimated (the MLE is minus infinity): left out, and said so in the pooling list.
   */
  static Map<String, Long> levelTotals(List<Cell> cells, Map<String, String> districtLevel, Map<String, String> bandLevel,
      Pooling pooling) {
    Map<String, Long> levelTotals = new TreeMap<>();
    for (Cell c : cells) {
      levelTotals.merge("d:" + districtLevel.get(c.district()), c.entries(), Long::sum);
      levelTotals.merge("b:" + bandLevel.get(c.band()), c.entries(), Long::sum);
    }
    levelTotals.forEach((level, n) -> {
      if (n == 0) {
        pooling.add("entries", level.substring(2), 0, "not estimated", "no entries in the window: its rate is taken as zero");
      }
    });
    return levelTotals;
  }

  static Map<String, Long> totals(List<Cell> cells, boolean byDistrict) {
    Map<String, Long> totals = new TreeMap<>();
    for (Cell c : cells) {
      totals.merge(byDistrict ? c.district() : c.band(), c.entries(), Long::sum);
    }
    return totals;
  }

  private static double[] features(String district, String band, LocalDate month, LocalDate last,
      List<String> districtTerms, List<String> bandTerms) {
    double[] x = new double[districtTerms.size() + bandTerms.size() + 3];
    int i = districtTerms.indexOf(district);
    if (i >= 0) {
      x[i] = 1;
    }
    int j = bandTerms.indexOf(band);
    if (j >= 0) {
      x[districtTerms.size() + j] = 1;
    }
    int k = districtTerms.size() + bandTerms.size();
    x[k] = ChronoUnit.MONTHS.between(last, month) / 12.0;
    double angle = 2 * Math.PI * (month.getMonthValue() - 1) / 12.0;
    x[k + 1] = Math.sin(angle);
    x[k + 2] = Math.cos(angle);
    return x;
  }

  /** Rates at the window's end, averaged over the season, split from pooled levels by observed share. */
  private static List<Rate> rates(List<Cell> cells, Map<String, String> districtLevel, Map<String, String> bandLevel,
      Map<String, Long> levelTotals, List<String> districtTerms, List<String> bandTerms, double[] beta,
      double[][] covariance, LocalDate last) {
    Map<List<String>, Long> observed = new TreeMap<>((a, b) -> (a.get(0) + "|" + a.get(1)).compareTo(b.get(0) + "|" + b.get(1)));
    Map<List<String>, Long> levelObserved = new LinkedHashMap<>();
    for (Cell c : cells) {
      observed.merge(List.of(c.district(), c.band()), c.entries(), Long::sum);
      levelObserved.merge(List.of(districtLevel.get(c.district()), bandLevel.get(c.band())), c.entries(), Long::sum);
    }
    int k = districtTerms.size() + bandTerms.size();
    double seasonMean = 0;
    for (int m = 0; m < 12; m++) {
      double angle = 2 * Math.PI * m / 12.0;
      seasonMean += Math.exp(beta[1 + k + 1] * Math.sin(angle) + beta[1 + k + 2] * Math.cos(angle)) / 12.0;
    }
    List<Rate> rates = new ArrayList<>();
    for (Map.Entry<List<String>, Long> e : observed.entrySet()) {
      String district = e.getKey().get(0);
      String band = e.getKey().get(1);
      String d = districtLevel.get(district);
      String b = bandLevel.get(band);
      boolean estimated = levelTotals.get("d:" + d) > 0 && levelTotals.get("b:" + b) > 0;
      if (!estimated) {
        rates.add(new Rate(district, band, 0.0, Double.NaN, e.getValue(), "not estimated: no entries"));
        continue;
      }
      double[] x = new double[beta.length];
      x[0] = 1;
      int i = districtTerms.indexOf(d);
      if (i >= 0) {
        x[1 + i] = 1;
      }
      int j = bandTerms.indexOf(b);
      if (j >= 0) {
        x[1 + districtTerms.size() + j] = 1;
      }
      double logRate = dot(beta, x);
      double variance = 0;
      for (int a = 0; a < x.length; a++) {
        for (int c = 0; c < x.length; c++) {
          variance += x[a] * covariance[a][c] * x[c];
        }
      }
      long pool = levelObserved.getOrDefault(List.of(d, b), 0L);
      double share = d.equals(district) && b.equals(band) ? 1.0 : pool == 0 ? 0.0 : (double) e.getValue() / pool;
      String as = share == 1.0 ? "own cell" : "pooled (" + d + ", " + b + "), split by observed share " + String.format("%.3f", share);
      rates.add(new Rate(district, band, Math.exp(logRate) * seasonMean * share, Math.sqrt(variance), e.getValue(), as));
    }
    return rates;
  }

  static double[] withIntercept(double[] x) {
    double[] y = new double[x.length + 1];
    y[0] = 1;
    System.arraycopy(x, 0, y, 1, x.length);
    return y;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
