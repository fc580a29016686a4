package org.sibmodel.payments;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sibmodel.cli.OutOption;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib payments}: outcome payments due for actual referred children, to check an invoice. */
@Command(
    name = "payments",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Work out the outcome payments due for referred children from monitoring data, under the"
          + " payment mechanism (spec/payment-mechanism.md): per child, per payment line, by month"
          + " and by financial year, with any caps applied in payment order. Bad rows are rejected"
          + " with their reasons; a child with a rejected spell is not paid on incomplete data."
    })
public final class PaymentsCommand implements Callable<Integer> {

  private final SparkSessions spark;

  @Option(names = "--children", required = true, paramLabel = "FILE",
      description = "Referred children, CSV or Parquet: child_id, pathway, age_band, start_date, family_star, my_star, attendance, reading.")
  String children;

  @Option(names = "--spells", required = true, paramLabel = "FILE",
      description = "Their care spells after day 0, CSV or Parquet: child_id, entry_date, exit_date (empty = still in care).")
  String spells;

  @Option(names = "--terms", paramLabel = "FILE",
      description = "Contract terms (YAML); fields not given keep the specification's values. Default: the specification's terms.")
  Path terms;

  @Option(names = "--price", paramLabel = "POUNDS", description = "P, the maximum payment per child, for every sub-cohort.")
  BigDecimal price;

  @Option(names = "--contract-start", paramLabel = "DATE",
      description = "Contract start (yyyy-mm-dd); the contract ends 84 months later (with the default 60 + 24 months).")
  LocalDate contractStart;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "What is payable so far at this date: later days are not yet earned; a spell open at it and already longer"
          + " than 8 weeks has stopped payments, a shorter one is pending (status IN_PROGRESS).")
  LocalDate asOf;

  @Mixin OutOption out;

  public PaymentsCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() {
    PaymentsOptions options = new PaymentsOptions(children, spells, terms, price, contractStart, asOf, out.value());
    PaymentsSummary summary = PaymentsJob.run(spark, options);
    System.out.print(summary.describe());
    return 0;
  }
}
