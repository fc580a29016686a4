package org.sibmodel.calibrate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * Share of days in care in each placement group, by age band at entry, over the periods that
 * started in the window (costs in the simulation are days x the daily cost of the group). A band
 * with fewer periods than the minimum takes its contract group's mix, or all ages'.
 */
final class PlacementMix {
  private static final String[] DAY_COLUMNS = {"days_foster_in_house", "days_foster_agency", "days_residential", "days_other"};

  private final List<Row> rows;
  private final Map<String, Map<String, Double>> shares;

  private PlacementMix(List<Row> rows, Map<String, Map<String, Double>> shares) {
    this.rows = rows;
    this.shares = shares;
  }

  List<Row> rows() {
    return rows;
  }

  /** Band → placement group → share of days. */
  Map<String, Map<String, Double>> shares() {
    return shares;
  }

  static PlacementMix of(Dataset<Row> periods, int minimumCases, Pooling pooling) {
    Map<String, long[]> days = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      days.put(band.label(), new long[4]);
      counts.put(band.label(), 0L);
    }
    periods.groupBy("age_band").agg(count(lit(1)), sum(DAY_COLUMNS[0]), sum(DAY_COLUMNS[1]), sum(DAY_COLUMNS[2]), sum(DAY_COLUMNS[3]))
        .collectAsList().forEach(r -> {
          counts.put(r.getString(0), r.getLong(1));
          long[] d = days.get(r.getString(0));
          for (int i = 0; i < 4; i++) {
            d[i] = r.isNullAt(2 + i) ? 0 : r.getLong(2 + i);
          }
        });
    Map<String, long[]> pools = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      String pool = band.contractGroup().orElse(SurvivalGroups.ALL_AGES);
      add(pools.computeIfAbsent(pool, k -> new long[4]), days.get(band.label()));
      add(pools.computeIfAbsent(SurvivalGroups.ALL_AGES, k -> new long[4]), days.get(band.label()));
    }
    Map<String, Long> poolCounts = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      poolCounts.merge(band.contractGroup().orElse(SurvivalGroups.ALL_AGES), counts.get(band.label()), Long::sum);
      poolCounts.merge(SurvivalGroups.ALL_AGES, counts.get(band.label()), Long::sum);
    }

    List<Row> rows = new ArrayList<>();
    Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
    RowBuilder b = RowBuilder.of(SparkSchemas.of("placement_mix"));
    for (AgeBand band : AgeBand.values()) {
      long n = counts.get(band.label());
      String used = band.label();
      long[] mix = days.get(band.label());
      if (n < minimumCases) {
        String group = band.contractGroup().orElse(SurvivalGroups.ALL_AGES);
        used = poolCounts.getOrDefault(group, 0L) >= minimumCases ? group : SurvivalGroups.ALL_AGES;
        mix = pools.get(used);
        pooling.add("placement_mix", band.label(), n, used, n + " periods, fewer than " + minimumCases + ": takes the " + used + " mix");
      }
      long total = mix[0] + mix[1] + mix[2] + mix[3];
      Map<String, Double> bandShares = new LinkedHashMap<>();
      for (PlacementGroup g : PlacementGroup.values()) {
        double share = total == 0 ? 0.0 : (double) mix[g.ordinal()] / total;
        bandShares.put(g.label(), share);
        rows.add(b.set("age_band", band.label()).set("placement_group", g.label()).set("days", days.get(band.label())[g.ordinal()])
            .set("share", share).set("periods", n).set("estimated_as", used.equals(band.label()) ? "own band" : used).build());
      }
      shares.put(band.label(), bandShares);
    }
    return new PlacementMix(rows, shares);
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
