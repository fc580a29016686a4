package org.sibmodel.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/** The curated records ingest writes, one record type per output dataset (see data-schemas). */
public final class Curated {
  private Curated() {}

  /** A row of {@code care_episodes}. */
  public record Episode(
      String childKey,
      String la,
      int collectionYear,
      String sourceFile,
      long sourceLine,
      int periodNumber,
      LocalDate episodeStart,
      LocalDate episodeEnd,
      String rne,
      String legalStatus,
      String categoryOfNeed,
      String placement,
      String placementProvider,
      String placementGroup,
      String reasonCeased,
      String reasonPlaceChange,
      int ageAtStart,
      String district,
      String districtStatus)
      implements Serializable {}

  /** A row of {@code care_periods}. */
  public record Period(
      String childKey,
      String la,
      int periodNumber,
      LocalDate periodStart,
      boolean startObserved,
      LocalDate periodEnd,
      String endReason,
      boolean ended,
      LocalDate observedUntil,
      LocalDate adultFrom,
      int durationDays,
      boolean returnedHome,
      boolean isReentry,
      Integer daysSincePreviousExit,
      String previousEndReason,
      int ageAtEntry,
      String ageBand,
      String contractAgeGroup,
      String sex,
      String ethnicGroup,
      boolean uasc,
      String district,
      String districtStatus,
      String legalStatusAtEntry,
      String categoryOfNeedAtEntry,
      String placementGroupAtEntry,
      int episodes,
      int daysFosterInHouse,
      int daysFosterAgency,
      int daysResidential,
      int daysOther)
      implements Serializable {}

  /** An accepted episode whose home postcode the lookup did not cover. */
  public record UnmappedPostcode(String la, String outwardCode) implements Serializable {}
}
