package org.sibmodel.params;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calibrated parameters the simulation draws from ({@code params.json}, written by
 * {@code sib calibrate}, read by {@code sib simulate}): entry rates with the
 * covariance of their coefficients, time in care and re-entry by age band, placement mix by age
 * band, and every pooling decision. Units: days, entries per month, shares. Every record checks
 * its values when it is made, so a parameter set built in Java (a notebook) is checked as one read
 * from a file is.
 */
public record ParameterSet(
    String description,
    boolean syntheticData,
    String curated,
    Window window,
    Entries entries,
    Map<String, Survival> timeInCare,
    Map<String, Survival> reentry,
    Map<String, Map<String, Double>> placementMix,
    List<PoolingDecision> pooling)
    implements java.io.Serializable {

  public ParameterSet {
    Objects.requireNonNull(entries, "entries is missing");
    Objects.requireNonNull(timeInCare, "time_in_care is missing");
    Objects.requireNonNull(reentry, "reentry is missing");
    Objects.requireNonNull(placementMix, "placement_mix is missing");
    placementMix.forEach((band, shares) -> {
      double sum = 0;
      for (Map.Entry<String, Double> share : shares.entrySet()) {
        Checks.share("placement_mix." + band + "." + share.getKey(), share.getValue());
        sum += share.getValue();
      }
      if (!shares.isEmpty() && Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("placement_mix." + band + ": the shares sum to " + sum + "; they must sum to 1");
      }
    });
    pooling = pooling == null ? List.of() : List.copyOf(pooling);
  }

  /** A cell estimated with others, or not at all, and why (see sib calibrate). */
  public record PoolingDecision(String component, String cell, long cases, String pooledInto, String reason) implements java.io.Serializable {}

  /** The data calibrated on. */
  public record Window(LocalDate from, LocalDate to, LocalDate dataEnd, List<String> districts) implements java.io.Serializable {
    public Window {
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("window: to " + to + " is before from " + from);
      }
    }
  }

  /**
   * The entry model. Log expected entries per month = the sum of the coefficients of a cell's terms;
   * trend_per_year is per year from {@code window.to}; the season terms multiply sin and cos of
   * 2 pi (month - 1) / 12.
   */
  public record Entries(
      String model, String reference, List<String> terms, double[] coefficients, double[][] covariance,
      double dispersion, boolean quasiPoisson, List<Rate> rates) implements java.io.Serializable {
    public Entries {
      Objects.requireNonNull(rates, "entries.rates is missing");
      if (terms != null && coefficients != null && terms.size() != coefficients.length) {
        throw new IllegalArgumentException("entries: " + terms.size() + " terms but " + coefficients.length + " coefficients");
      }
      if (coefficients != null && covariance != null) {
        Checks.square("entries.covariance", covariance, coefficients.length);
      }
      // NaN: not measurable (no residual degrees of freedom).
      if (dispersion <= 0 || Double.isInfinite(dispersion)) {
        throw new IllegalArgumentException("entries.dispersion = " + dispersion + ": must be positive");
      }
    }
  }

  /** Expected entries per month at the window's end (season averaged) and the standard error of its log. */
  public record Rate(String district, String ageBand, double perMonth, Double logStdError, String estimatedAs) implements java.io.Serializable {
    public Rate {
      String where = "entries.rates (" + district + ", " + ageBand + ")";
      if (!(perMonth >= 0) || Double.isInfinite(perMonth)) {
        throw new IllegalArgumentException(where + ": per_month = " + perMonth + ": must be a number not below 0");
      }
      if (logStdError != null && (!(logStdError >= 0) || logStdError.isInfinite())) {
        throw new IllegalArgumentException(where + ": log_std_error = " + logStdError + ": must not be negative");
      }
    }
  }

  /**
   * A survival model of one fine age band: S(t) = (1 - everShare) + everShare x exp(-(t/scale)^shape),
   * t in days; {@code group} is the band or pool it was estimated in; covariance is of
   * (log shape, log scale) for the Weibull, (logit everShare, log shape, log scale) for the cure model.
   * Shape and scale are null where the band could not be estimated ({@code note} says why).
   */
  public record Survival(
      String group, String model, Double shape, Double scaleDays, Double everShare, double[][] covariance, int n,
      int events, Map<String, Double> kmShareByMonths, String note) implements java.io.Serializable {
    public Survival {
      String where = "survival fit of " + group;
      if (shape != null) {
        Checks.positive(where + ": shape", shape);
      }
      if (scaleDays != null) {
        Checks.positive(where + ": scale_days", scaleDays);
      }
      if (everShare != null) {
        Checks.share(where + ": ever_share", everShare);
      }
      if (covariance != null) {
        Checks.square(where + ": covariance", covariance, covariance.length);
      }
      if (n < 0 || events < 0 || events > n) {
        throw new IllegalArgumentException(where + ": " + events + " events of " + n + " cases: expected 0 <= events <= cases");
      }
    }
  }

  /** Value checks shared by the records above; messages name the field and the value. */
  private static final class Checks {
    private Checks() {}

    static void share(String field, Double value) {
      if (value == null || !(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(field + " = " + value + ": must be a share between 0 and 1");
      }
    }

    static void positive(String field, double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(field + " = " + value + ": must be positive");
      }
    }

    static void square(String field, double[][] matrix, int size) {
      for (double[] row : matrix) {
        if (row == null || row.length != size || matrix.length != size) {
          throw new IllegalArgumentException(field + ": must be a " + size + " x " + size + " matrix");
        }
      }
    }
  }
}
