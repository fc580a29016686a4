package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.TestSpark;

/**
 * Monitoring data with the reason each spell ceased and the start of engagement: a spell that did
 * not end in a return home stops payment; the secondary outcomes count from engagement. The hand
 * workings are in PaymentEngine_HomeAndEngagementTest (core).
 */
class PaymentsJob_ReturnHomeTest {
  @TempDir Path tmp;

  @Test
  void theReasonAndTheEngagementDateAreRead() {
    Path children = Fixtures.write(tmp, "children.csv", Fixtures.lines(
        "child_id,pathway,age_band,start_date,engagement_start,family_star,my_star,attendance,reading",
        "home,DIVERSION,10-12,2020-01-15,,0,0,0,0",
        "adopted,DIVERSION,10-12,2020-01-15,,0,0,0,0",
        "reunified,REUNIFICATION,5-7,2020-03-01,2020-01-15,1,0,0,0",
        "late,DIVERSION,5-7,2020-03-01,2020-04-01,0,0,0,0"));
    Path spells = Fixtures.write(tmp, "spells.csv", Fixtures.lines(
        "child_id,entry_date,exit_date,reason_ceased",
        "home,2021-01-10,2021-01-31,E4A",
        "adopted,2021-01-10,2021-01-31,E11",
        "late,2021-01-10,2021-01-31,"));
    PaymentsSummary summary = PaymentsJob.run(TestSpark.session(), new PaymentsOptions(children.toString(), spells.toString(), null,
        null, null, null, tmp.resolve("out").toString()));
    Map<String, Row> byChild = TestSpark.session().read().parquet(tmp.resolve("out/payment_children").toString()).collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getAs("child_id"), r -> r));
    assertEquals("COMPLETED", byChild.get("home").getAs("status"));
    assertEquals(527, (int) byChild.get("home").getAs("payable_days"));
    assertEquals("STOPPED_NOT_HOME", byChild.get("adopted").getAs("status"));
    assertEquals(179, (int) byChild.get("adopted").getAs("payable_days"));
    assertEquals(0, new java.math.BigDecimal("250.00").compareTo(byChild.get("reunified").getAs("secondary")));
    // An engagement after day 0, and a closed spell without its reason: rejected, with the child.
    assertEquals(new PaymentsSummary.Rows(4, 3, 1), summary.children());
    assertEquals(new PaymentsSummary.Rows(3, 2, 1), summary.spells());
    assertEquals(Map.of("BAD_VALUE", 1L, "MISSING_VALUE", 1L), Map.of("BAD_VALUE", summary.rejectsByRule().get("BAD_VALUE"),
        "MISSING_VALUE", summary.rejectsByRule().get("MISSING_VALUE")));
  }
}
