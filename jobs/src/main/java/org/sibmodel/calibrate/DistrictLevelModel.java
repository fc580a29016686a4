package org.sibmodel.calibrate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.spark.sql.SparkSession;

/**
 * The entry model of {@link EntryModel} for the data of several authorities, where districts are
 * too many to be columns of the design:
 *
 * <pre>log E[entries] = level(district) + age band + trend x (years from the window's end)
 *                    + a sin(2 pi m / 12) + b cos(2 pi m / 12)</pre>
 *
 * <p>Each district ("authority / district") has its own level, a fixed effect as in the one-hot
 * model, but it enters spark-mllib's GeneralizedLinearRegression as an offset: the GLM fits only
 * the intercept, the age bands, the trend and the season (at most nine features whatever the
 * number of districts), and between fits each district's offset is moved by log(observed /
 * fitted) entries until every district's fitted entries equal its observed ones, which is the
 * score equation of a district level. The result is the maximum likelihood estimate of the
 * one-hot model. With 150 authorities of 12 districts the one-hot design would have 1,800
 * columns: inside the 4,096 that MLlib's normal-equation solver allows, but a dense design of a
 * million rows by 1,800 columns, and a covariance of that size in params.json. Where every
 * district covers the same months (the case of returns of the same years) the first fit is
 * already the answer, because the band, trend and season sums are the same for every district.
 *
 * <p>Standard errors come from the full information matrix of (district levels, shared terms),
 * with the diagonal block of the levels eliminated (a Schur complement): each rate's standard
 * error includes the uncertainty of its district's level and of the shared terms. Over-dispersion
 * is the Pearson chi-square over n - districts - shared terms; where it exceeds 1 every standard
 * error is scaled (quasi-Poisson). Districts with fewer entries than the minimum are pooled within
 * their authority ("authority / Other districts (pooled)"); age bands as in {@link EntryModel}.
 * params.json carries the shared terms and their covariance; the levels are in
 * entry_coefficients, and each rate carries its own standard error.
 */
final class DistrictLevelModel {
  /** The authority of a district named "authority / district" (see {@link CalibrationData}). */
  static final String SEPARATOR = " / ";

  /** Largest change of a district's log level at which the offsets are taken as converged. */
  private static final double TOLERANCE = 1e-8;

  /** Rounds of fitting and moving the offsets before giving up (the unbalanced case converges in a few). */
  private static final int MAX_ROUNDS = 50;

  private DistrictLevelModel() {}

  static EntryModel.Fit fit(SparkSession spark, List<EntryModel.Cell> unordered, int minimumCases, Pooling pooling) {
    List<EntryModel.Cell> cells = unordered.stream().sorted(java.util.Comparator.comparing(EntryModel.Cell::district)
        .thenComparing(EntryModel.Cell::band).thenComparing(EntryModel.Cell::month)).toList();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("no months of entries in the window: nothing to calibrate entries on");
    }
    LocalDate first = cells.stream().map(EntryModel.Cell::month).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = cells.stream().map(EntryModel.Cell::month).max(LocalDate::compareTo).orElseThrow();
    long total = cells.stream().mapToLong(EntryModel.Cell::entries).sum();
    if (total == 0) {
      throw new IllegalArgumentException("no entries to care in the window " + first + " to " + last.plusMonths(1).minusDays(1)
          + ": entry rates cannot be estimated");
    }

    Map<String, String> districtLevel = new TreeMap<>();
    EntryModel.totals(cells, true).forEach((d, n) -> {
      if (n < minimumCases) {
        String pool = authority(d) + SEPARATOR + EntryModel.OTHER_DISTRICTS;
        districtLevel.put(d, pool);
        pooling.add("entries", d, n, pool, n + " entries, fewer than " + minimumCases
            + ": estimated with the other small districts of its authority");
      } else {
        districtLevel.put(d, d);
      }
    });
    Map<String, String> bandLevel = EntryModel.bandLevels(cells, minimumCases, pooling);
    Map<String, Long> levelTotals = EntryModel.levelTotals(cells, districtLevel, bandLevel, pooling);
    List<String> districts = levelTotals.keySet().stream().filter(k -> k.startsWith("d:") && levelTotals.get(k) > 0)
        .map(k -> k.substring(2)).toList();
    List<String> bands = bandLevel.values().stream().distinct().filter(b -> levelTotals.getOrDefault("b:" + b, 0L) > 0).toList();
    String refBand = bands.stream().max((a, b) -> Long.compare(levelTotals.get("b:" + a), levelTotals.get("b:" + b))).orElseThrow();
    List<String> bandTerms = bands.stream().filter(b -> !b.equals(refBand)).toList();
    List<String> terms = new ArrayList<>();
    bandTerms.forEach(b -> terms.add("age_band=" + b));
    terms.add("trend_per_year");
    terms.add("season_sin");
    terms.add("season_cos");
    int k = terms.size();

    // Model rows: (district level, band level, month), pooled cells summed.
    Map<String, Integer> districtIndex = new LinkedHashMap<>();
    districts.forEach(d -> districtIndex.put(d, districtIndex.size()));
    Map<List<Object>, Long> rows = new LinkedHashMap<>();
    for (EntryModel.Cell c : cells) {
      String d = districtLevel.get(c.district());
      String b = bandLevel.get(c.band());
      if (levelTotals.get("d:" + d) == 0 || levelTotals.get("b:" + b) == 0) {
        continue;
      }
      rows.merge(List.of(d, b, c.month()), c.entries(), Long::sum);
    }
    int n = rows.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    int[] district = new int[n];
    List<LocalDate> months = new ArrayList<>(n);
    int row = 0;
    for (Map.Entry<List<Object>, Long> e : rows.entrySet()) {
      x[row] = shared((String) e.getKey().get(1), (LocalDate) e.getKey().get(2), last, bandTerms);
      y[row] = e.getValue();
      district[row] = districtIndex.get((String) e.getKey().get(0));
      months.add((LocalDate) e.getKey().get(2));
      row++;
    }
    double[] observed = new double[districts.size()];
    for (int i = 0; i < n; i++) {
      observed[district[i]] += y[i];
    }

    double[] offset = Arrays.stream(observed).map(Math::log).toArray();
    double[] beta = new double[k];
    double intercept = 0;
    double[] mu = new double[n];
    for (int round = 1; ; round++) {
      PoissonGlm.Fit model = glm(spark, x, y, district, offset);
      intercept = model.intercept();
      beta = model.coefficients();
      double[] fitted = new double[districts.size()];
      for (int i = 0; i < n; i++) {
        mu[i] = Math.exp(offset[district[i]] + intercept + EntryModel.dot(beta, x[i]));
        fitted[district[i]] += mu[i];
      }
      double change = 0;
      for (int d = 0; d < offset.length; d++) {
        double step = Math.log(observed[d] / fitted[d]);
        change = Math.max(change, Math.abs(step));
        offset[d] += step;
      }
      if (change < TOLERANCE) {
        break;
      }
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("the district levels of the entry model did not converge in " + MAX_ROUNDS
            + " rounds (largest change of a log level " + change + ")");
      }
    }
    double[] level = new double[districts.size()];
    for (int d = 0; d < level.length; d++) {
      level[d] = offset[d] + intercept;
    }
    for (int i = 0; i < n; i++) {
      mu[i] = Math.exp(level[district[i]] + EntryModel.dot(beta, x[i]));
    }

    // Information matrix blocks: A (levels, diagonal), B (levels x shared), C (shared x shared).
    double[] a = new double[level.length];
    double[][] b = new double[level.length][k];
    double[][] c = new double[k][k];
    double pearson = 0;
    double deviance = 0;
    double logLikelihood = 0;
    for (int i = 0; i < n; i++) {
      int d = district[i];
      a[d] += mu[i];
      for (int p = 0; p < k; p++) {
        b[d][p] += mu[i] * x[i][p];
        for (int q = 0; q < k; q++) {
          c[p][q] += mu[i] * x[i][p] * x[i][q];
        }
      }
      pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
      deviance += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
      logLikelihood += PoissonGlm.logLikelihood(y[i], mu[i]);
    }
    double[][] schur = new double[k][k];
    for (int p = 0; p < k; p++) {
      for (int q = 0; q < k; q++) {
        double s = c[p][q];
        for (int d = 0; d < a.length; d++) {
          s -= b[d][p] * b[d][q] / a[d];
        }
        schur[p][q] = s;
      }
    }
    double[][] sharedInverse = new LUDecomposition(new Array2DRowRealMatrix(schur)).getSolver().getInverse().getData();
    long residualDf = n - level.length - k;
    double dispersion = residualDf > 0 ? pearson / residualDf : Double.NaN;
    boolean quasi = dispersion > 1.0;
    double scale = quasi ? dispersion : 1.0;

    double[][] covariance = new double[k][k];
    for (int p = 0; p < k; p++) {
      for (int q = 0; q < k; q++) {
        covariance[p][q] = sharedInverse[p][q] * scale;
      }
    }
    // Cov(level d, shared) = -B_d S^-1 / A_d; Var(level d) = 1 / A_d + B_d S^-1 B_d' / A_d^2.
    double[][] levelShared = new double[level.length][k];
    double[] levelVariance = new double[level.length];
    for (int d = 0; d < level.length; d++) {
      double quadratic = 0;
      for (int p = 0; p < k; p++) {
        double s = 0;
        for (int q = 0; q < k; q++) {
          s += b[d][q] * sharedInverse[q][p];
        }
        levelShared[d][p] = -s / a[d] * scale;
        quadratic += s * b[d][p];
      }
      levelVariance[d] = (1 / a[d] + quadratic / (a[d] * a[d])) * scale;
    }

    List<EntryModel.Coefficient> coefficients = new ArrayList<>();
    for (int p = 0; p < k; p++) {
      coefficients.add(coefficient(terms.get(p), beta[p], Math.sqrt(sharedInverse[p][p]), Math.sqrt(covariance[p][p])));
    }
    List<EntryModel.Coefficient> levels = new ArrayList<>();
    for (int d = 0; d < level.length; d++) {
      levels.add(coefficient("district=" + districts.get(d), level[d], Math.sqrt(levelVariance[d] / scale),
          Math.sqrt(levelVariance[d])));
    }

    List<EntryModel.Rate> rates = rates(cells, districtLevel, bandLevel, levelTotals, districtIndex, bandTerms, beta, covariance,
        level, levelVariance, levelShared);
    Map<LocalDate, long[]> observedByMonth = new TreeMap<>();
    Map<LocalDate, Double> fittedByMonth = new TreeMap<>();
    for (EntryModel.Cell cell : cells) {
      observedByMonth.computeIfAbsent(cell.month(), m -> new long[1])[0] += cell.entries();
    }
    for (int i = 0; i < n; i++) {
      fittedByMonth.merge(months.get(i), mu[i], Double::sum);
    }
    List<EntryModel.MonthFit> monthFits = new ArrayList<>();
    observedByMonth.forEach((m, count) -> monthFits.add(new EntryModel.MonthFit(m, count[0], fittedByMonth.getOrDefault(m, 0.0))));
    double mean = Arrays.stream(y).sum() / n;
    double nullDeviance = 0;
    for (double v : y) {
      nullDeviance += 2 * ((v > 0 ? v * Math.log(v / mean) : 0) - (v - mean));
    }
    double aic = -2 * logLikelihood + 2 * (level.length + k);
    return new EntryModel.Fit(terms, coefficients, covariance, dispersion, quasi, deviance, nullDeviance, residualDf, aic, n,
        total, rates, monthFits, first, last.plusMonths(1).minusDays(1),
        "each district's own level (" + level.length + " districts, fixed effects fitted as offsets), age band " + refBand,
        levels);
  }

  /** The authority part of "authority / district". */
  static String authority(String district) {
    int at = district.indexOf(SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException("district '" + district + "' is not named 'authority" + SEPARATOR + "district'");
    }
    return district.substring(0, at);
  }

  /** One Poisson fit of the shared terms with the districts' offsets ({@link PoissonGlm}). */
  private static PoissonGlm.Fit glm(SparkSession spark, double[][] x, double[] y, int[] district, double[] offset) {
    double[] rowOffset = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      rowOffset[i] = offset[district[i]];
    }
    return PoissonGlm.fit(spark, x, y, rowOffset);
  }

  private static double[] shared(String band, LocalDate month, LocalDate last, List<String> bandTerms) {
    double[] x = new double[bandTerms.size() + 3];
    int j = bandTerms.indexOf(band);
    if (j >= 0) {
      x[j] = 1;
    }
    int k = bandTerms.size();
    x[k] = ChronoUnit.MONTHS.between(last, month) / 12.0;
    double angle = 2 * Math.PI * (month.getMonthValue() - 1) / 12.0;
    x[k + 1] = Math.sin(angle);
    x[k + 2] = Math.cos(angle);
    return x;
  }

  private static EntryModel.Coefficient coefficient(String term, double estimate, double se, double seUsed) {
    double z = estimate / seUsed;
    double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
    return new EntryModel.Coefficient(term, estimate, se, seUsed, z, p);
  }

  /** Rates at the window's end, averaged over the season, split from pooled levels by observed share. */
  private static List<EntryModel.Rate> rates(List<EntryModel.Cell> cells, Map<String, String> districtLevel,
      Map<String, String> bandLevel, Map<String, Long> levelTotals, Map<String, Integer> districtIndex, List<String> bandTerms,
      double[] beta, double[][] covariance, double[] level, double[] levelVariance, double[][] levelShared) {
    Map<List<String>, Long> observed = new TreeMap<>(
        java.util.Comparator.<List<String>, String>comparing(l -> l.get(0)).thenComparing(l -> l.get(1)));
    Map<List<String>, Long> levelObserved = new LinkedHashMap<>();
    for (EntryModel.Cell c : cells) {
      observed.merge(List.of(c.district(), c.band()), c.entries(), Long::sum);
      levelObserved.merge(List.of(districtLevel.get(c.district()), bandLevel.get(c.band())), c.entries(), Long::sum);
    }
    int k = bandTerms.size();
    double seasonMean = 0;
    for (int m = 0; m < 12; m++) {
      double angle = 2 * Math.PI * m / 12.0;
      seasonMean += Math.exp(beta[k + 1] * Math.sin(angle) + beta[k + 2] * Math.cos(angle)) / 12.0;
    }
    List<EntryModel.Rate> rates = new ArrayList<>();
    for (Map.Entry<List<String>, Long> e : observed.entrySet()) {
      String districtName = e.getKey().get(0);
      String band = e.getKey().get(1);
      String d = districtLevel.get(districtName);
      String b = bandLevel.get(band);
      if (levelTotals.get("d:" + d) == 0 || levelTotals.get("b:" + b) == 0) {
        rates.add(new EntryModel.Rate(districtName, band, 0.0, Double.NaN, e.getValue(), "not estimated: no entries"));
        continue;
      }
      int di = districtIndex.get(d);
      int j = bandTerms.indexOf(b);
      double logRate = level[di] + (j >= 0 ? beta[j] : 0);
      double variance = levelVariance[di] + (j >= 0 ? covariance[j][j] + 2 * levelShared[di][j] : 0);
      long pool = levelObserved.getOrDefault(List.of(d, b), 0L);
      double share = d.equals(districtName) && b.equals(band) ? 1.0 : pool == 0 ? 0.0 : (double) e.getValue() / pool;
      String as = share == 1.0 ? "own cell" : "pooled (" + d + ", " + b + "), split by observed share " + String.format("%.3f", share);
      rates.add(new EntryModel.Rate(districtName, band, Math.exp(logRate) * seasonMean * share, Math.sqrt(variance), e.getValue(), as));
    }
    return rates;
  }
}
