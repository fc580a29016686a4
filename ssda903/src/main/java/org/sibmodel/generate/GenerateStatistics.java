package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.vocabulary.PlacementGroup;

/** Measures the calibration figures of {@link GenerateSummary} on the simulated children. */
final class GenerateStatistics {
  static final List<String> CONTRACT_GROUPS = List.of("0-4", "5-9", "10-15", "16-17");
  static final List<String> PLACEMENT_TYPES =
      List.of("council_foster", "agency_foster", "kinship", "childrens_home", "supported", "parents", "other");
  private static final Set<String> KINSHIP = Set.of("U1", "U2", "U3");
  private static final Set<String> OTHER_FOSTER = Set.of("U4", "U5", "U6");

  private GenerateStatistics() {}

  /** The contract's age group of an age band (0-4, 5-9, 10-15, 16-17). */
  static String contractGroup(AgeBand band) {
    return band.contractGroup().orElse(band.label());
  }

  /**
   * The placement categories of the 2024 FOI survey (figures.md): foster care with the council's
   * own or another public carer, with an agency, with relatives or friends (U1-U3), children's homes
   * (K2), supported accommodation (H5), placed with parents (P1), and other.
   */
  static String placementType(String place, String provider) {
    if (KINSHIP.contains(place)) {
      return "kinship";
    }
    if (OTHER_FOSTER.contains(place)) {
      return "PR4".equals(provider) || "PR5".equals(provider) ? "agency_foster" : "council_foster";
    }
    return switch (place) {
      case "K2" -> "childrens_home";
      case "H5" -> "supported";
      case "P1" -> "parents";
      default -> "other";
    };
  }

  static GenerateSummary summarise(
      GenerateOptions options, SyntheticCounty county, List<Ssda903Return> returns, PostcodeLookup lookup,
      Set<String> returnedHome) {
    LocalDate first = CollectionYear.start(options.firstYear());
    LocalDate last = CollectionYear.end(options.lastYear());
    LocalDate observedYearBefore = last.minusYears(1);
    SyntheticCountyModel model = county.model();
    Map<String, SyntheticCountyModel.DistrictRates> districts = new LinkedHashMap<>();
    int under18 = 0;
    for (SyntheticCountyModel.DistrictRates d : model.districts()) {
      districts.put(d.name(), d);
      under18 += d.under18();
    }

    Map<String, Integer> entriesByBand = zeros(bandLabels());
    Map<String, Integer> firstEntriesByBand = zeros(bandLabels());
    Map<String, Integer> entriesObserved = zeros(CONTRACT_GROUPS);
    Map<String, Integer> leftWithinYear = zeros(CONTRACT_GROUPS);
    int returnsHome = 0;
    int backWithinYear = 0;
    Map<String, Integer> placementTypes = zeros(PLACEMENT_TYPES);
    Map<String, Integer> placementGroups = new LinkedHashMap<>();
    for (PlacementGroup g : PlacementGroup.values()) {
      placementGroups.put(g.label(), 0);
    }
    int atMarch = 0;
    for (SyntheticChild child : county.children()) {
      List<CarePeriod> periods = child.periods();
      for (int i = 0; i < periods.size(); i++) {
        CarePeriod p = periods.get(i);
        if (p.start().isBefore(first) || p.start().isAfter(last)) {
          continue;
        }
        AgeBand band = AgeBand.ofAge(AgeBand.ageOn(child.dob(), p.start()));
        increment(entriesByBand, band.label());
        if (i == 0) {
          increment(firstEntriesByBand, band.label());
        }
        if (!p.start().isAfter(observedYearBefore)) {
          increment(entriesObserved, contractGroup(band));
          if (!p.end().isAfter(p.start().plusYears(1))) {
            increment(leftWithinYear, contractGroup(band));
          }
        }
      }
      for (int i = 0; i < periods.size(); i++) {
        CarePeriod p = periods.get(i);
        if (returnedHome.contains(p.exitCode())
            && !p.end().isBefore(first)
            && !p.end().isAfter(observedYearBefore)
            && AgeBand.ageOn(child.dob(), p.end()) < 17) {
          returnsHome++;
          if (i + 1 < periods.size() && !periods.get(i + 1).start().isAfter(p.end().plusYears(1))) {
            backWithinYear++;
          }
        }
      }
      for (int year = options.firstYear(); year <= options.lastYear(); year++) {
        Episode e = episodeOn(child, CollectionYear.end(year));
        if (e != null) {
          atMarch++;
          increment(placementTypes, placementType(e.place(), e.placeProvider()));
          increment(placementGroups, PlacementGroup.of(e.place(), e.placeProvider()).label());
        }
      }
    }

    List<GenerateSummary.Year> years = new ArrayList<>();
    Set<String> inReturns = new HashSet<>();
    for (Ssda903Return r : returns) {
      r.header().forEach(row -> inReturns.add(row.get(0)));
      years.add(year(r, county, districts, under18, lookup));
    }

    Map<String, Integer> entriesByGroup = zeros(CONTRACT_GROUPS);
    entriesByBand.forEach((band, n) -> entriesByGroup.merge(contractGroup(AgeBand.ofLabel(band)), n, Integer::sum));
    Map<String, GenerateSummary.Share> left = new LinkedHashMap<>();
    for (String g : CONTRACT_GROUPS) {
      left.put(g, GenerateSummary.Share.of(leftWithinYear.get(g), entriesObserved.get(g)));
    }
    return new GenerateSummary(
        true,
        options.out(),
        options.firstYear(),
        options.lastYear(),
        options.seed(),
        inReturns.size(),
        county.children().size(),
        years,
        shares(entriesByGroup),
        shares(entriesByBand),
        shares(firstEntriesByBand),
        left,
        GenerateSummary.Share.of(backWithinYear, returnsHome),
        shares(placementTypes),
        shares(placementGroups));
  }

  private static GenerateSummary.Year year(
      Ssda903Return r, SyntheticCounty county, Map<String, SyntheticCountyModel.DistrictRates> districts, int under18,
      PostcodeLookup lookup) {
    LocalDate from = CollectionYear.start(r.year());
    LocalDate to = CollectionYear.end(r.year());
    Map<String, Integer> byDistrict = zeros(List.copyOf(districts.keySet()));
    Map<String, Integer> byPostcode = new TreeMap<>();
    int entries = 0;
    int reEntries = 0;
    int leavers = 0;
    for (SyntheticChild child : county.children()) {
      List<CarePeriod> periods = child.periods();
      for (int i = 0; i < periods.size(); i++) {
        CarePeriod p = periods.get(i);
        if (!p.start().isBefore(from) && !p.start().isAfter(to)) {
          entries++;
          if (i > 0) {
            reEntries++;
          }
        }
        if (!p.end().isBefore(from) && !p.end().isAfter(to)) {
          leavers++;
        }
        if (p.inCareOn(to)) {
          increment(byDistrict, child.district());
          PostcodeLookup.Result home = lookup.lookup(p.homePost());
          String key = home.status() == PostcodeLookup.Status.MAPPED ? home.district() : home.status().label();
          byPostcode.merge(key, 1, Integer::sum);
        }
      }
    }
    Map<String, GenerateSummary.DistrictCount> counts = new LinkedHashMap<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : byDistrict.entrySet()) {
      SyntheticCountyModel.DistrictRates d = districts.get(e.getKey());
      counts.put(
          e.getKey(),
          new GenerateSummary.DistrictCount(e.getValue(), 10_000.0 * e.getValue() / d.under18(), d.targetRatePerTenThousand()));
      total += e.getValue();
    }
    return new GenerateSummary.Year(
        r.year(), r.folder(), r.header().size(), r.episodes().size(), r.uasc().size(), entries, reEntries, leavers,
        total, 10_000.0 * total / under18, counts, byPostcode);
  }

  /** The episode a child is in at the end of this day, or null. */
  static Episode episodeOn(SyntheticChild child, LocalDate date) {
    for (CarePeriod p : child.periods()) {
      if (p.inCareOn(date)) {
        for (Episode e : p.episodes()) {
          if (!e.decom().isAfter(date) && e.dec().isAfter(date)) {
            return e;
          }
        }
      }
    }
    return null;
  }

  private static List<String> bandLabels() {
    List<String> labels = new ArrayList<>();
    for (AgeBand band : AgeBand.values()) {
      labels.add(band.label());
    }
    return labels;
  }

  private static Map<String, Integer> zeros(List<String> keys) {
    Map<String, Integer> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k, 0));
    return map;
  }

  private static void increment(Map<String, Integer> counts, String key) {
    counts.merge(key, 1, Integer::sum);
  }

  private static Map<String, Double> shares(Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    counts.forEach((k, n) -> shares.put(k, total == 0 ? 0.0 : (double) n / total));
    return shares;
  }
}
