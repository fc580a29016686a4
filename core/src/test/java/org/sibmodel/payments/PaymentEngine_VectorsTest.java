package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14 test children of spec/payment-vectors.csv (copied into test resources unchanged), each
 * reproduced to the penny: P = 10,000, contract start 2019-09-01 (end 2026-09-01), lag 1 month.
 */
class PaymentEngine_VectorsTest {
  private static final PaymentEngine ENGINE =
      new PaymentEngine(TermsFile.defaults().withPrice(new BigDecimal("10000")).withContractStart(LocalDate.of(2019, 9, 1)));

  static Stream<CSVRecord> vectors() throws IOException {
    try (Reader in = new InputStreamReader(
        PaymentEngine_VectorsTest.class.getResourceAsStream("/payment-vectors.csv"), StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesTheVector(CSVRecord v) {
    List<ChildHistory.Spell> spells = new ArrayList<>();
    if (!v.get("spells").isBlank()) {
      for (String spell : v.get("spells").split(";")) {
        String[] parts = spell.split("/", -1);
        spells.add(new ChildHistory.Spell(LocalDate.parse(parts[0]), parts[1].isBlank() ? null : LocalDate.parse(parts[1])));
      }
    }
    List<SecondaryOutcome> achieved = new ArrayList<>();
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      if (v.get(o.key()).equals("1")) {
        achieved.add(o);
      }
    }
    ChildHistory child = ChildHistory.of(v.get("vector"), SubCohort.all().get(0), LocalDate.parse(v.get("start_date")),
        spells, achieved.toArray(SecondaryOutcome[]::new));

    ChildPayments result = ENGINE.assess(child);
    Assessment a = result.assessment();
    String id = v.get("vector") + " " + v.get("description");
    assertEquals(PaymentStatus.valueOf(v.get("status")), a.status(), id);
    assertEquals(Integer.parseInt(v.get("payable_days")), a.payableDays(), id);
    assertEquals(new BigDecimal(v.get("milestone")), Money.pounds(a.milestone()), id);
    assertEquals(new BigDecimal(v.get("daily")), Money.pounds(a.daily()), id);
    assertEquals(new BigDecimal(v.get("secondary")), Money.pounds(a.secondary()), id);
    assertEquals(new BigDecimal(v.get("total")), Money.pounds(a.total()), id);
    assertEquals(a.total(), result.lines().stream().mapToLong(PaymentLine::pence).sum(), id + ": lines add up");
    assertEquals(Integer.parseInt(v.get("first_paid_month")),
        result.lines().stream().mapToInt(PaymentLine::paymentYyyymm).min().orElseThrow(), id);
    assertEquals(Integer.parseInt(v.get("last_paid_month")),
        result.lines().stream().mapToInt(PaymentLine::paymentYyyymm).max().orElseThrow(), id);
  }
}
