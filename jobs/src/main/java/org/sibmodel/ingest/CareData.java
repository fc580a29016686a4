package org.sibmodel.ingest;

/** Conventions of the curated care data that later stages rely on. */
public final class CareData {
  /** District of entries and periods whose home postcode is missing or not in the lookup. */
  public static final String UNKNOWN_DISTRICT = "Unknown";

  private CareData() {}
}
