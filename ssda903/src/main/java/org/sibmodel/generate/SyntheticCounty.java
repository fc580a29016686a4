package org.sibmodel.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sibmodel.random.Sampling;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;

/**
 * The synthetic county's children in care: every child who first enters care between the model's
 * simulation start and 31 March of the last collection year, with their whole care history. Plain
 * Java, no Spark.
 *
 * <p>First entries per district, age band and calendar month are Poisson draws from one stream
 * per (district, band); children are numbered in order of entry, and each child's life is drawn
 * from a stream keyed by (seed, child number), so the same seed gives the same county.
 *
 * @param children in order of first entry (child number)
 */
public record SyntheticCounty(SyntheticCountyModel model, long seed, int lastYear, List<SyntheticChild> children) {
  /** CHILD ids are 7-digit numbers: 1,000,000 plus a scramble of the child number. */
  private static final long ID_SPACE = 9_000_000L;

  /** Coprime with ID_SPACE (= 2^6 3^2 5^6), so the scramble is one-to-one. */
  private static final long ID_MULTIPLIER = 7_368_787L;

  public SyntheticCounty {
    children = List.copyOf(children);
  }

  public static SyntheticCounty simulate(SyntheticCountyModel model, long seed, int lastYear) {
    LocalDate horizon = CollectionYear.end(lastYear);
    if (!model.simulationStart().isBefore(horizon)) {
      throw new IllegalArgumentException(
          "simulation start " + model.simulationStart() + " is not before the end of collection year " + lastYear);
    }
    ChildLife life = new ChildLife(model, Schemas.ssda903Codes(), ResidentialHomes.draw(model, seed));
    List<SyntheticCountyModel.DistrictRates> districts = model.districts();
    AgeBand[] bands = AgeBand.values();
    SplittableRandom[][] arrivals = new SplittableRandom[districts.size()][bands.length];
    for (int d = 0; d < districts.size(); d++) {
      for (AgeBand band : bands) {
        arrivals[d][band.ordinal()] = Streams.of(seed, Streams.ARRIVALS, d, band.ordinal());
      }
    }
    List<Arrival> arrivalsInOrder = new ArrayList<>();
    YearMonth last = YearMonth.from(horizon);
    for (YearMonth month = YearMonth.from(model.simulationStart()); !month.isAfter(last); month = month.plusMonths(1)) {
      for (int d = 0; d < districts.size(); d++) {
        SyntheticCountyModel.DistrictRates district = districts.get(d);
        for (AgeBand band : bands) {
          int n = Sampling.poisson(arrivals[d][band.ordinal()], district.firstEntriesPerMonth(band));
          for (int k = 0; k < n; k++) {
            arrivalsInOrder.add(new Arrival(district, band, month));
          }
        }
      }
    }
    // Lives are independent given their arrival and stream, so they may be drawn in parallel; the
    // ordered collect keeps child-number order.
    List<SyntheticChild> children =
        IntStream.range(0, arrivalsInOrder.size())
            .parallel()
            .mapToObj(
                i -> {
                  Arrival a = arrivalsInOrder.get(i);
                  return life.live(i, childId(seed, i), a.district(), a.band(), a.month(), horizon, Streams.of(seed, Streams.CHILD, i));
                })
            .toList();
    return new SyntheticCounty(model, seed, lastYear, children);
  }

  /** The children in order of CHILD id, as the returns list them. */
  public List<SyntheticChild> childrenById() {
    List<SyntheticChild> byId = new ArrayList<>(children);
    byId.sort(Comparator.comparing(SyntheticChild::id));
    return byId;
  }

  private record Arrival(SyntheticCountyModel.DistrictRates district, AgeBand band, YearMonth month) {}

  /** The CHILD id of child number {@code index}: unique within a run, different between seeds. */
  static String childId(long seed, int index) {
    if (index < 0 || index >= ID_SPACE) {
      throw new IllegalArgumentException("child number " + index + " is outside 0 to " + (ID_SPACE - 1));
    }
    long offset = Math.floorMod(Streams.key(seed, Streams.CHILD_IDS), ID_SPACE);
    return Long.toString(1_000_000L + Math.floorMod((index + offset) * ID_MULTIPLIER, ID_SPACE));
  }
}
