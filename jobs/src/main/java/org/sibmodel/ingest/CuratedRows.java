package org.sibmodel.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;

/** Maps ingest's records to rows of their declared datasets: the one place fields meet columns. */
final class CuratedRows {
  static final StructType EPISODES = SparkSchemas.of("care_episodes");
  static final StructType PERIODS = SparkSchemas.of("care_periods");
  static final StructType REJECTS = SparkSchemas.of("ingest_rejects");
  static final StructType RECONCILIATION = SparkSchemas.of("ingest_reconciliation");
  static final StructType ENTRIES = SparkSchemas.of("care_entries");
  static final StructType UNMAPPED = SparkSchemas.of("unmapped_postcodes");

  private CuratedRows() {}

  static Row episode(Curated.Episode e) {
    return RowBuilder.of(EPISODES)
        .set("child_key", e.childKey())
        .set("la", e.la())
        .set("collection_year", e.collectionYear())
        .set("source_file", e.sourceFile())
        .set("source_line", e.sourceLine())
        .set("period_number", e.periodNumber())
        .set("episode_start", e.episodeStart())
        .set("episode_end", e.episodeEnd())
        .set("rne", e.rne())
        .set("legal_status", e.legalStatus())
        .set("category_of_need", e.categoryOfNeed())
        .set("placement", e.placement())
        .set("placement_provider", e.placementProvider())
        .set("placement_group", e.placementGroup())
        .set("reason_ceased", e.reasonCeased())
        .set("reason_place_change", e.reasonPlaceChange())
        .set("age_at_start", e.ageAtStart())
        .set("district", e.district())
        .set("district_status", e.districtStatus())
        .build();
  }

  static Row period(Curated.Period p) {
    return RowBuilder.of(PERIODS)
        .set("child_key", p.childKey())
        .set("la", p.la())
        .set("period_number", p.periodNumber())
        .set("period_start", p.periodStart())
        .set("start_observed", p.startObserved())
        .set("period_end", p.periodEnd())
        .set("end_reason", p.endReason())
        .set("ended", p.ended())
        .set("observed_until", p.observedUntil())
        .set("adult_from", p.adultFrom())
        .set("duration_days", p.durationDays())
        .set("returned_home", p.returnedHome())
        .set("is_reentry", p.isReentry())
        .set("days_since_previous_exit", p.daysSincePreviousExit())
        .set("previous_end_reason", p.previousEndReason())
        .set("age_at_entry", p.ageAtEntry())
        .set("age_band", p.ageBand())
        .set("contract_age_group", p.contractAgeGroup())
        .set("sex", p.sex())
        .set("ethnic_group", p.ethnicGroup())
        .set("uasc", p.uasc())
        .set("district", p.district())
        .set("district_status", p.districtStatus())
        .set("legal_status_at_entry", p.legalStatusAtEntry())
        .set("category_of_need_at_entry", p.categoryOfNeedAtEntry())
        .set("placement_group_at_entry", p.placementGroupAtEntry())
        .set("episodes", p.episodes())
        .set("days_foster_in_house", p.daysFosterInHouse())
        .set("days_foster_agency", p.daysFosterAgency())
        .set("days_residential", p.daysResidential())
        .set("days_other", p.daysOther())
        .build();
  }

  static Row reject(Reject r) {
    return RowBuilder.of(REJECTS)
        .set("source_file", r.sourceFile())
        .set("line", r.line())
        .set("dataset", r.dataset())
        .set("collection_year", r.collectionYear())
        .set("field", r.field())
        .set("value", r.value())
        .set("rule", r.rule().name())
        .set("message", r.message())
        .build();
  }
}
