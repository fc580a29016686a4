package org.sibmodel.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code sib payments} worked out, for summary.json and the console. Amounts in pounds. */
public record PaymentsSummary(
    String out,
    Terms terms,
    Rows children,
    Rows spells,
    Map<String, Long> rejectsByRule,
    Map<String, Long> childrenByStatus,
    Money totals,
    Map<String, Money> byFinancialYear) {

  /** The contract terms used. */
  public record Terms(
      LocalDate contractStart, LocalDate contractEnd, LocalDate asOf, Map<String, BigDecimal> tariff,
      BigDecimal totalCap, BigDecimal financialYearCap, String source) {}

  /** Rows read and what became of them. */
  public record Rows(long read, long accepted, long rejected) {}

  /** Amounts due, removed by caps and paid, with what could not be paid after the contract end. */
  public record Money(
      BigDecimal milestone, BigDecimal daily, BigDecimal secondary, BigDecimal total, BigDecimal capped,
      BigDecimal paid, BigDecimal truncated) {}

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("Terms: contract ").append(terms.contractStart()).append(" to ").append(terms.contractEnd().minusDays(1))
        .append(" (").append(terms.source()).append("); P ").append(tariffText());
    if (terms.totalCap() != null || terms.financialYearCap() != null) {
      s.append("; caps: total ").append(pounds(terms.totalCap())).append(", per financial year ")
          .append(pounds(terms.financialYearCap()));
    }
    s.append(terms.asOf() == null ? "; whole history.\n" : "; payable so far as of " + terms.asOf() + ".\n");
    s.append(String.format("Rows: children %d read = %d accepted + %d rejected; spells %d read = %d accepted + %d rejected.%n",
        children.read(), children.accepted(), children.rejected(), spells.read(), spells.accepted(), spells.rejected()));
    if (!rejectsByRule.isEmpty()) {
      List<String> parts = new ArrayList<>();
      rejectsByRule.forEach((rule, n) -> parts.add(rule + " " + n));
      s.append("Rejected rows by rule (see rejects.csv): ").append(String.join(", ", parts)).append('\n');
    }
    List<String> statuses = new ArrayList<>();
    childrenByStatus.forEach((status, n) -> statuses.add(status + " " + n));
    s.append("Children by status: ").append(String.join(", ", statuses)).append('\n');
    s.append(String.format("Due: %s (milestone %s, daily %s, secondary %s); capped %s; paid %s; not payable after the contract end %s.%n",
        pounds(totals.total()), pounds(totals.milestone()), pounds(totals.daily()), pounds(totals.secondary()),
        pounds(totals.capped()), pounds(totals.paid()), pounds(totals.truncated())));
    s.append("Paid by financial year (April to March):\n");
    byFinancialYear.forEach((year, m) -> s.append(String.format("  %s  %14s%n", year, pounds(m.paid()))));
    s.append("\nOutputs in ").append(out).append(":\n")
        .append("  children.csv lines.csv monthly.csv financial_years.csv rejects.csv summary.json run.json\n")
        .append("  payment_children/ payment_lines/ payment_months/ payment_financial_years/ payment_rejects/ (Parquet)\n");
    return s.toString();
  }

  private String tariffText() {
    if (terms.tariff().values().stream().distinct().count() == 1) {
      return pounds(terms.tariff().values().iterator().next()) + " for every sub-cohort";
    }
    List<String> parts = new ArrayList<>();
    terms.tariff().forEach((cohort, price) -> parts.add(cohort + " " + pounds(price)));
    return String.join(", ", parts);
  }

  private static String pounds(BigDecimal amount) {
    return amount == null ? "none" : String.format("£%,.2f", amount);
  }
}
