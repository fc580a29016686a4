package org.sibmodel.payments;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sibmodel.provenance.RunOptions;

/**
 * Options of {@code sib payments}, validated once.
 *
 * @param children monitoring data of referred children (CSV or Parquet)
 * @param spells their care spells (CSV or Parquet)
 * @param terms terms file, or null for the specification's terms
 * @param price P for every sub-cohort, or null to keep the terms' tariff
 * @param contractStart contract start, or null to keep the terms'
 * @param asOf what is payable so far at this date, or null for the whole history
 * @param out output folder
 */
public record PaymentsOptions(
    String children, String spells, Path terms, BigDecimal price, LocalDate contractStart, LocalDate asOf, String out) implements RunOptions {

  public PaymentsOptions {
    RunOptions.required("--children", children);
    RunOptions.required("--spells", spells);
    RunOptions.required("--out", out);
    if (price != null && (price.signum() < 0 || price.stripTrailingZeros().scale() > 2)) {
      throw new IllegalArgumentException("--price " + price.toPlainString() + ": expected pounds and pence, not negative");
    }
  }

  /** The contract terms the run uses: the file (or the defaults), then --price and --contract-start. */
  public ContractTerms contractTerms() {
    ContractTerms t = terms == null ? TermsFile.defaults() : TermsFile.read(terms);
    if (price != null) {
      t = t.withPrice(price);
    }
    if (contractStart != null) {
      t = t.withContractStart(contractStart);
    }
    return t;
  }
}
