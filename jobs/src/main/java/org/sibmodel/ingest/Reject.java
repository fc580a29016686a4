package org.sibmodel.ingest;

import java.io.Serializable;

/**
 * One rule an input row broke (a row of {@code ingest_rejects}).
 *
 * @param value the offending value, or {@link #WITHHELD} for personal fields
 */
public record Reject(
    String sourceFile,
    long line,
    String dataset,
    Integer collectionYear,
    String field,
    String value,
    Rule rule,
    String message)
    implements Serializable {

  public static final String WITHHELD = "(withheld)";

  /** The rules ingest enforces; names as in the ingest_rejects schema. */
  public enum Rule {
    MALFORMED_ROW,
    MISSING_VALUE,
    BAD_DATE,
    BAD_YEAR,
    UNKNOWN_CODE,
    DATE_IN_FUTURE,
    DATE_AFTER_RETURN,
    DEC_BEFORE_DECOM,
    LEFT_CARE_WITHOUT_DEC,
    DEC_WITHOUT_REC,
    DUPLICATE_IN_RETURN,
    CHILD_NOT_IN_HEADER,
    DECOM_BEFORE_DOB,
    AGE_18_OR_OVER,
    OVERLAPPING_EPISODE
  }
}
