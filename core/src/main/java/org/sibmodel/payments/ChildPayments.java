package org.sibmodel.payments;

import java.util.List;

/** A child's assessment with its payment lines, in the order they were earned. */
public record ChildPayments(String childId, SubCohort subCohort, long price, Assessment assessment, List<PaymentLine> lines)
    implements java.io.Serializable {
  public ChildPayments {
    lines = List.copyOf(lines);
  }
}
