package org.sibmodel.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every number of the outcome payment mechanism (spec/payment-mechanism.md), named and validated.
 * Read from a terms file ({@link TermsFile}); the defaults are the specification's values. Field
 * names in messages are the terms file's (for example {@code stability.tracking_days}).
 *
 * @param contractStart first day of the contract; the referral window opens here
 * @param referralMonths months in which children are referred (60)
 * @param outcomeMonths further months to realise outcomes (24); the contract ends after both
 * @param paymentLagMonths a line is paid this many calendar months after the month it was earned (1)
 * @param milestoneMonths the stability milestone falls this many calendar months after day 0 (6)
 * @param trackingDays days of the tracking period from the milestone (548, about 18 months)
 * @param maxEntries entries to care allowed in tracking; the next one fails the child (2: "more
 *     than two returns to care fails", seed 000 9.2.1)
 * @param maxPauseDays a spell in care up to this long pauses payment; a longer one stops it (56, 8
 *     weeks)
 * @param returnHomeCodes the SSDA903 reasons a spell ceased (REC) that count as a return to the
 *     family home: only those restart payment when monitoring data give the reason (seed 000 9.2.1:
 *     payment recommences when the child "returns to their family home")
 * @param shares how P splits between outcomes
 * @param assessmentMonths months after day 0 at which each secondary outcome is assessed
 * @param secondaryRequiresHome whether a secondary outcome is paid only while stability has not
 *     failed or stopped and the child is at home on its assessment date (false)
 * @param tariff P, the maximum outcome payment per child, in pounds, by sub-cohort
 * @param totalCap optional cap on all outcome payments, in pounds (null: none)
 * @param financialYearCap optional cap on outcome payments in any one financial year (null: none)
 */
public record ContractTerms(
    LocalDate contractStart,
    int referralMonths,
    int outcomeMonths,
    int paymentLagMonths,
    int milestoneMonths,
    int trackingDays,
    int maxEntries,
    int maxPauseDays,
    java.util.Set<String> returnHomeCodes,
    Shares shares,
    Map<SecondaryOutcome, Integer> assessmentMonths,
    boolean secondaryRequiresHome,
    Map<SubCohort, BigDecimal> tariff,
    BigDecimal totalCap,
    BigDecimal financialYearCap)
    implements java.io.Serializable {

  /** P may not exceed this (£10m), which keeps every amount well inside a long of pence. */
  static final BigDecimal MAX_PRICE = new BigDecimal("10000000");

  public ContractTerms {
    Objects.requireNonNull(contractStart, "contract.start is missing");
    atLeast("contract.referral_months", referralMonths, 1);
    atLeast("contract.outcome_months", outcomeMonths, 0);
    atLeast("contract.payment_lag_months", paymentLagMonths, 0);
    atLeast("stability.milestone_months", milestoneMonths, 0);
    atLeast("stability.tracking_days", trackingDays, 1);
    atLeast("stability.max_entries", maxEntries, 0);
    atLeast("stability.max_pause_days", maxPauseDays, 0);
    if (returnHomeCodes == null || returnHomeCodes.isEmpty()) {
      throw new IllegalArgumentException("stability.return_home_codes: at least one SSDA903 reason for a return home is needed");
    }
    for (String code : returnHomeCodes) {
      if (code == null || !code.matches("E[0-9A-Z]{1,3}")) {
        throw new IllegalArgumentException("stability.return_home_codes: '" + code + "' is not an SSDA903 reason episode ceased (E4A, E13, ...)");
      }
    }
    returnHomeCodes = java.util.Set.copyOf(returnHomeCodes);
    Objects.requireNonNull(shares, "shares are missing");
    Map<SecondaryOutcome, Integer> months = new EnumMap<>(SecondaryOutcome.class);
    for (SecondaryOutcome outcome : SecondaryOutcome.values()) {
      Integer m = assessmentMonths == null ? null : assessmentMonths.get(outcome);
      if (m == null) {
        throw new IllegalArgumentException("secondary." + outcome.key() + "_months is missing");
      }
      atLeast("secondary." + outcome.key() + "_months", m, 0);
      months.put(outcome, m);
    }
    assessmentMonths = months;
    Map<SubCohort, BigDecimal> prices = new LinkedHashMap<>();
    for (SubCohort cohort : SubCohort.all()) {
      BigDecimal p = tariff == null ? null : tariff.get(cohort);
      if (p == null) {
        throw new IllegalArgumentException("tariff." + cohort.key() + " is missing: P for every sub-cohort is needed");
      }
      money("tariff." + cohort.key(), p);
      if (p.compareTo(MAX_PRICE) > 0) {
        throw new IllegalArgumentException("tariff." + cohort.key() + " = " + p.toPlainString() + ": P above £10,000,000 is not a credible price per child");
      }
      prices.put(cohort, p);
    }
    tariff = prices;
    if (totalCap != null) {
      money("caps.total", totalCap);
    }
    if (financialYearCap != null) {
      money("caps.per_financial_year", financialYearCap);
    }
  }

  private static void atLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " = " + value + ": must be at least " + min);
    }
  }

  private static void money(String field, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " = " + value.toPlainString() + ": must not be negative");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(field + " = " + value.toPlainString() + ": pounds and pence, at most two decimal places");
    }
  }

  /** The first day after the contract: outcomes earned on or after it are not payable. */
  public LocalDate contractEnd() {
    return contractStart.plusMonths((long) referralMonths + outcomeMonths);
  }

  /** The last day a child may be referred (the day before the referral window closes). */
  public LocalDate referralEnd() {
    return contractStart.plusMonths(referralMonths);
  }

  public BigDecimal price(SubCohort cohort) {
    return tariff.get(cohort);
  }

  /** The same terms with P set for every sub-cohort ({@code sib payments --price}). */
  public ContractTerms withPrice(BigDecimal price) {
    Map<SubCohort, BigDecimal> prices = new LinkedHashMap<>();
    SubCohort.all().forEach(c -> prices.put(c, price));
    return new ContractTerms(contractStart, referralMonths, outcomeMonths, paymentLagMonths, milestoneMonths,
        trackingDays, maxEntries, maxPauseDays, returnHomeCodes, shares, assessmentMonths, secondaryRequiresHome, prices, totalCap,
        financialYearCap);
  }

  /** The same terms with other caps on outcome payments, pounds (null: none). */
  public ContractTerms withCaps(BigDecimal total, BigDecimal perFinancialYear) {
    return new ContractTerms(contractStart, referralMonths, outcomeMonths, paymentLagMonths, milestoneMonths,
        trackingDays, maxEntries, maxPauseDays, returnHomeCodes, shares, assessmentMonths, secondaryRequiresHome, tariff, total, perFinancialYear);
  }

  /** The same terms with another start date ({@code sib payments --contract-start}). */
  public ContractTerms withContractStart(LocalDate start) {
    return new ContractTerms(start, referralMonths, outcomeMonths, paymentLagMonths, milestoneMonths,
        trackingDays, maxEntries, maxPauseDays, returnHomeCodes, shares, assessmentMonths, secondaryRequiresHome, tariff, totalCap,
        financialYearCap);
  }
}
