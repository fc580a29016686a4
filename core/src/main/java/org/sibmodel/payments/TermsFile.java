package org.sibmodel.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.config.ConfigTree;

/**
 * Reads contract terms from YAML. A file states only what it changes: it is laid over the
 * defaults ({@code default-terms.yaml}, the specification's values). An unknown field, a value of
 * the wrong kind or a value the rules refuse is an error naming the file, the field and the value.
 */
public final class TermsFile {
  private static final String DEFAULTS = "default-terms.yaml";

  private TermsFile() {}

  /** The specification's terms. */
  public static ContractTerms defaults() {
    return parse(ConfigTree.defaults(TermsFile.class, DEFAULTS, "default terms"));
  }

  /** Terms from a file, over the defaults. */
  public static ContractTerms read(Path file) {
    if (!java.nio.file.Files.exists(file)) {
      throw new IllegalArgumentException("--terms " + file + ": no such file");
    }
    return parse(ConfigTree.read(file, TermsFile.class, DEFAULTS, List.of()));
  }

  /** Terms from YAML text, over the defaults; {@code source} names it in messages. */
  public static ContractTerms fromYaml(String yaml, String source) {
    return parse(ConfigTree.fromYaml(yaml, source, TermsFile.class, DEFAULTS, List.of()));
  }

  /** Terms from a parsed section of a larger file (a scenario's contract), over the defaults. */
  public static ContractTerms fromTree(JsonNode section, String source) {
    return parse(ConfigTree.over(section, source, TermsFile.class, DEFAULTS, List.of()));
  }

  /** Every field of the terms as a terms file's tree: reading it back gives the same terms. */
  public static ObjectNode toTree(ContractTerms t) {
    ObjectNode tree = ConfigTree.section();
    ObjectNode contract = tree.putObject("contract");
    contract.put("start", t.contractStart().toString());
    contract.put("referral_months", t.referralMonths());
    contract.put("outcome_months", t.outcomeMonths());
    contract.put("payment_lag_months", t.paymentLagMonths());
    ObjectNode stability = tree.putObject("stability");
    stability.put("milestone_months", t.milestoneMonths());
    stability.put("tracking_days", t.trackingDays());
    stability.put("max_entries", t.maxEntries());
    stability.put("max_pause_days", t.maxPauseDays());
    com.fasterxml.jackson.databind.node.ArrayNode codes = stability.putArray("return_home_codes");
    t.returnHomeCodes().stream().sorted().forEach(codes::add);
    ObjectNode shares = tree.putObject("shares");
    shares.put("stability", t.shares().stability());
    shares.put("milestone_fraction", t.shares().milestoneFraction());
    shares.put("family_star", t.shares().familyStar());
    shares.put("my_star", t.shares().myStar());
    shares.put("attendance", t.shares().attendance());
    shares.put("reading", t.shares().reading());
    ObjectNode secondary = tree.putObject("secondary");
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      secondary.put(o.key() + "_months", t.assessmentMonths().get(o));
    }
    secondary.put("requires_home", t.secondaryRequiresHome());
    ObjectNode tariff = tree.putObject("tariff");
    t.tariff().forEach((cohort, price) -> tariff.put(cohort.key(), price));
    ObjectNode caps = tree.putObject("caps");
    caps.put("total", t.totalCap());
    caps.put("per_financial_year", t.financialYearCap());
    return tree;
  }

  /** A list of codes: every element text. */
  private static java.util.Set<String> codes(ConfigTree r, String path) {
    JsonNode list = r.node(path);
    if (list == null || !list.isArray()) {
      throw r.wrong(path, "a list of SSDA903 codes such as [E4A, E4B, E13]");
    }
    java.util.Set<String> codes = new java.util.TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      codes.add(r.text(path + "." + i));
    }
    return codes;
  }

  private static ContractTerms parse(ConfigTree r) {
    return r.build(() -> {
      Map<SecondaryOutcome, Integer> months = new EnumMap<>(SecondaryOutcome.class);
      for (SecondaryOutcome o : SecondaryOutcome.values()) {
        months.put(o, r.integer("secondary." + o.key() + "_months"));
      }
      Map<SubCohort, BigDecimal> tariff = new LinkedHashMap<>();
      for (SubCohort c : SubCohort.all()) {
        tariff.put(c, r.decimal("tariff." + c.key()));
      }
      Shares shares = new Shares(
          r.decimal("shares.stability"), r.decimal("shares.milestone_fraction"), r.decimal("shares.family_star"),
          r.decimal("shares.my_star"), r.decimal("shares.attendance"), r.decimal("shares.reading"));
      return new ContractTerms(
          r.date("contract.start"), r.integer("contract.referral_months"), r.integer("contract.outcome_months"),
          r.integer("contract.payment_lag_months"), r.integer("stability.milestone_months"),
          r.integer("stability.tracking_days"), r.integer("stability.max_entries"),
          r.integer("stability.max_pause_days"), codes(r, "stability.return_home_codes"), shares, months, r.bool("secondary.requires_home"), tariff,
          r.optionalDecimal("caps.total"), r.optionalDecimal("caps.per_financial_year"));
    });
  }
}
