package org.sibmodel.params;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The calibrated parameters the simulation draws from ({@code params.json}, written by
 * {@code sib calibrate}, read by {@code sib simulate}): entry rates with the
 * covariance of their coefficients, time in care and re-entry by age band, placement mix by age
 * band, and every pooling decision. Units: days, entries per month, shares.
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

  /** A cell estimated with others, or not at all, and why (see sib calibrate). */
  public record PoolingDecision(String component, String cell, long cases, String pooledInto, String reason) implements java.io.Serializable {}

  /** The data calibrated on. */
  public record Window(LocalDate from, LocalDate to, LocalDate dataEnd, List<String> districts) implements java.io.Serializable {}

  /**
   * The entry model. Log expected entries per month = the sum of the coefficients of a cell's terms;
   * trend_per_year is per year from {@code window.to}; the season terms multiply sin and cos of
   * 2 pi (month - 1) / 12.
   */
  public record Entries(
      String model, String reference, List<String> terms, double[] coefficients, double[][] covariance,
      double dispersion, boolean quasiPoisson, List<Rate> rates) implements java.io.Serializable {}

  /** Expected entries per month at the window's end (season averaged) and the standard error of its log. */
  public record Rate(String district, String ageBand, double perMonth, Double logStdError, String estimatedAs) implements java.io.Serializable {}

  /**
   * A survival model of one fine age band: S(t) = (1 - everShare) + everShare x exp(-(t/scale)^shape),
   * t in days; {@code group} is the band or pool it was estimated in; covariance is of
   * (log shape, log scale) for the Weibull, (logit everShare, log shape, log scale) for the cure model.
   */
  public record Survival(
      String group, String model, Double shape, Double scaleDays, Double everShare, double[][] covariance, int n,
      int events, Map<String, Double> kmShareByMonths, String note) implements java.io.Serializable {}
}
