package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.vocabulary.AgeBand;

/**
 * The exact parameters that generate the synthetic county: what {@code generator_truth.json}
 * records, so a calibration job run on the synthetic returns can be checked against the truth.
 * Rates are per calendar month, durations in days, shares in 0 to 1. Maps keyed by age band use
 * the {@link AgeBand} labels (0-4, 5-7, 8-9, 10-12, 13-15, 16-17), in that order. Built by
 * {@link LancashireDefaults#model}, which cites the source of each figure.
 *
 * @param simulationStart first day of the simulated arrivals (burn-in): at least 18 years before the
 *     first return, so every child in the returns entered care inside the simulation and the stock
 *     at the first 31 March is at its steady state
 * @param entries how children enter care
 * @param districts entry rates per district and age band, solved so the expected number looked after
 *     at 31 March equals the district's target
 * @param durations length of each care period by age band at its start (Weibull), cut at the 18th
 *     birthday
 * @param reEntry re-entry to care after a return home
 * @param exits why periods end
 * @param legal legal status and category of need
 * @param placements placements, moves and providers
 * @param people sex and ethnicity
 * @param postcodes home and placement postcodes
 * @param expected what the parameters imply (computed numerically, not sampled)
 */
public record SyntheticCountyModel(
    LocalDate simulationStart,
    Entries entries,
    List<DistrictRates> districts,
    Map<String, Weibull> durations,
    ReEntry reEntry,
    Exits exits,
    Legal legal,
    Placements placements,
    People people,
    Postcodes postcodes,
    Expected expected) {

  public SyntheticCountyModel {
    require(simulationStart != null, "simulationStart is missing");
    require(districts != null && !districts.isEmpty(), "districts: none given");
    districts = List.copyOf(districts);
    durations = byBand("durations", durations);
    require(entries != null && reEntry != null && exits != null && legal != null, "a model part is missing");
    require(placements != null && people != null && postcodes != null && expected != null, "a model part is missing");
  }

  /**
   * The same county with every district's population and entry rates multiplied by {@code factor}
   * (a smaller or larger authority with the same rates per child, durations and mixes): entries
   * are Poisson, so expected entries and children looked after scale with them.
   */
  public SyntheticCountyModel scaled(double factor) {
    require(factor > 0 && Double.isFinite(factor), "scale factor must be positive, was " + factor);
    List<DistrictRates> scaled = districts.stream()
        .map(d -> new DistrictRates(d.name(), d.target(), (int) Math.round(d.under18() * factor), d.targetRatePerTenThousand(),
            d.targetLookedAfter() * factor, times(d.firstEntriesPerMonth(), factor), times(d.expectedEntriesPerMonth(), factor),
            d.expectedLookedAfter() * factor))
        .toList();
    Expected e = expected;
    Expected scaledExpected = new Expected(e.method(), e.yearsInCarePerFirstEntry(), e.entriesPerFirstEntry(), e.entryAgeMix(),
        e.countyLookedAfter() * factor, e.countyRatePerTenThousand());
    return new SyntheticCountyModel(simulationStart, entries, scaled, durations, reEntry, exits, legal, placements, people, postcodes,
        scaledExpected);
  }

  private static Map<String, Double> times(Map<String, Double> byBand, double factor) {
    Map<String, Double> out = new LinkedHashMap<>();
    byBand.forEach((band, v) -> out.put(band, v * factor));
    return out;
  }

  /** The period-length distribution of an age band. */
  Weibull duration(AgeBand band) {
    return durations.get(band.label());
  }

  /**
   * How children enter care.
   *
   * @param process the count model, in words
   * @param trendPerYear relative change of the entry rate per year (0: none)
   * @param seasonality seasonal pattern of entries ("none")
   * @param targetAgeMix share of all entries (first entries and re-entries) by age band at entry
   * @param firstEntryAgeMix share of first entries by age band, solved so that all entries follow
   *     targetAgeMix once re-entries (which are older) are added
   * @param ageWithinBand how age at entry is spread within a band
   * @param uascShareOf13To17 share of first entrants aged 13 to 17 who are unaccompanied
   *     asylum-seeking children
   */
  public record Entries(
      String process,
      double trendPerYear,
      String seasonality,
      Map<String, Double> targetAgeMix,
      Map<String, Double> firstEntryAgeMix,
      String ageWithinBand,
      double uascShareOf13To17) {
    public Entries {
      targetAgeMix = shares("entries.targetAgeMix", targetAgeMix);
      firstEntryAgeMix = shares("entries.firstEntryAgeMix", firstEntryAgeMix);
      requireShare("entries.uascShareOf13To17", uascShareOf13To17);
      require(trendPerYear == 0, "entries.trendPerYear: only a flat rate (0) is simulated, was " + trendPerYear);
    }

    /** The share of first entrants of this band who are unaccompanied asylum-seeking children. */
    double uascShare(AgeBand firstBand) {
      return uascShare(firstBand, uascShareOf13To17);
    }

    static double uascShare(AgeBand firstBand, double shareOf13To17) {
      return firstBand.low() >= 13 ? shareOf13To17 : 0;
    }
  }

  /**
   * One district's entry rates.
   *
   * @param firstEntriesPerMonth Poisson mean of first entries per calendar month, by age band
   * @param expectedEntriesPerMonth expected entries per month including re-entries, by age band
   *     (what a calibration of entries from the returns should recover)
   * @param expectedLookedAfter expected children looked after at 31 March (steady state)
   */
  public record DistrictRates(
      String name,
      boolean target,
      int under18,
      double targetRatePerTenThousand,
      double targetLookedAfter,
      Map<String, Double> firstEntriesPerMonth,
      Map<String, Double> expectedEntriesPerMonth,
      double expectedLookedAfter) {
    public DistrictRates {
      require(name != null && !name.isBlank(), "district name is missing");
      firstEntriesPerMonth = byBand("districts." + name + ".firstEntriesPerMonth", firstEntriesPerMonth);
      expectedEntriesPerMonth = byBand("districts." + name + ".expectedEntriesPerMonth", expectedEntriesPerMonth);
      firstEntriesPerMonth.forEach(
          (band, rate) ->
              require(rate >= 0 && rate < 700, "districts." + name + ".firstEntriesPerMonth[" + band + "] = " + rate));
    }

    double firstEntriesPerMonth(AgeBand band) {
      return firstEntriesPerMonth.get(band.label());
    }
  }

  /**
   * Re-entry after a return home: a cure (mixture) model. A share {@code everShare} of children
   * who go home would come back some day, after an exponential gap with rate {@code ratePerYear};
   * the rest never do. A re-entry after the 18th birthday cannot happen.
   *
   * @param after the REC codes after which a child may re-enter (returns home)
   * @param minGapDays the smallest gap between leaving and coming back, so a re-entry is always a new
   *     period after a gap
   * @param shareWithin12Months P(re-entry within 12 months of going home), implied
   * @param shareWithin5Years P(re-entry within 5 years), implied
   */
  public record ReEntry(
      List<String> after,
      double everShare,
      double ratePerYear,
      int minGapDays,
      boolean uascReEnter,
      double shareWithin12Months,
      double shareWithin5Years) {
    public ReEntry {
      after = List.copyOf(after);
      requireShare("reEntry.everShare", everShare);
      require(ratePerYear > 0, "reEntry.ratePerYear must be positive, was " + ratePerYear);
      require(minGapDays >= 1, "reEntry.minGapDays must be at least 1, was " + minGapDays);
    }
  }

  /**
   * An exit rule: for a period that ends (not at the 18th birthday) at an age and duration in
   * these inclusive ranges, the chance of each exit category.
   */
  public record ExitRule(int minAge, int maxAge, int minDays, int maxDays, Weights categories) {
    public ExitRule {
      require(minAge >= 0 && maxAge <= 17 && minAge <= maxAge, "exit rule ages " + minAge + "-" + maxAge);
      require(minDays >= 0 && minDays <= maxDays, "exit rule days " + minDays + "-" + maxDays);
      categories.shares().keySet().forEach(c -> require(Exits.CATEGORIES.contains(c), "exit rule: unknown category " + c));
    }

    boolean matches(int age, long days) {
      return age >= minAge && age <= maxAge && days >= minDays && days <= maxDays;
    }
  }

  /**
   * Why periods end. The exit category is drawn when the period's length is known: from the first
   * matching rule by age at exit and duration, from {@code uasc} for unaccompanied children, or
   * {@code eighteenth_birthday} when care ends at the 18th birthday. The REC code is then drawn from
   * {@code codes} of the category.
   *
   * @param notes the rules that refine a code once the period's episodes are known
   */
  public record Exits(
      List<ExitRule> rules,
      Weights uasc,
      Map<String, Weights> codes,
      List<String> notes) {
    static final String RETURN_HOME = "return_home";
    static final String ADOPTION = "adoption";
    static final String SGO = "special_guardianship";
    static final String CAO = "child_arrangements_order";
    static final String INDEPENDENT = "independent_living";
    static final String CUSTODY = "custody";
    static final String TRANSFER = "other_authority";
    static final String OTHER = "other";
    static final String AGE_ASSESSED = "age_assessed_18_or_over";
    static final String MOVED_ABROAD = "moved_abroad";
    static final String AT_18 = "eighteenth_birthday";
    static final List<String> CATEGORIES =
        List.of(RETURN_HOME, ADOPTION, SGO, CAO, INDEPENDENT, CUSTODY, TRANSFER, OTHER, AGE_ASSESSED, MOVED_ABROAD, AT_18);

    public Exits {
      rules = List.copyOf(rules);
      codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
      notes = List.copyOf(notes);
      for (String c : CATEGORIES) {
        require(codes.containsKey(c), "exits.codes: category " + c + " has no codes");
      }
      for (int age = 0; age <= 17; age++) {
        for (long days : new long[] {1, 100, 300, 1000, 7000}) {
          int a = age;
          long d = days;
          require(rules.stream().anyMatch(r -> r.matches(a, d)), "exits.rules: no rule for age " + age + " and " + days + " days");
        }
      }
    }

    /** The rule for a period ending at this age (whole years) after this many days. */
    ExitRule rule(int ageAtExit, long days) {
      for (ExitRule r : rules) {
        if (r.matches(ageAtExit, days)) {
          return r;
        }
      }
      throw new IllegalStateException("no exit rule for age " + ageAtExit + " and " + days + " days");
    }

    /** P(return home) for a period that ends before the 18th birthday, for a child who is not UASC. */
    double returnHomeShare(int ageAtExit, long days) {
      return rule(ageAtExit, days).categories().share(RETURN_HOME);
    }
  }

  /**
   * Legal status over a period: the status at entry by age band, then the usual court path
   * (police protection or emergency protection order, then an interim care order or s20; an
   * interim order becomes a full care order; some s20 accommodations go to court; a placement order
   * before an adoption). Each step happens after a uniform number of days in the stated range, if
   * the period lasts that long.
   *
   * @param withPlacementChangeShare chance that a change of legal status comes with a change of
   *     placement on the same day (RNE T/U/B rather than L)
   * @param bothChangedRne the RNE code of an episode that starts with both changes
   */
  public record Legal(
      Map<String, Weights> atEntry,
      Weights uascAtEntry,
      Weights afterEmergency,
      DayRange emergencyDays,
      double interimToFullShare,
      DayRange interimDays,
      double s20ToInterimShare,
      DayRange s20Days,
      double remandToS20Share,
      DayRange remandDays,
      DayRange placementOrderDaysBeforeAdoption,
      double withPlacementChangeShare,
      Weights bothChangedRne,
      Weights cin,
      Weights uascCin) {
    public Legal {
      atEntry = byBand("legal.atEntry", atEntry);
      for (DayRange range : List.of(emergencyDays, interimDays, s20Days, remandDays, placementOrderDaysBeforeAdoption)) {
        require(range.minDays() >= 1, "legal: a change needs at least 1 day after the previous one, range was " + range);
      }
      requireShare("legal.interimToFullShare", interimToFullShare);
      requireShare("legal.s20ToInterimShare", s20ToInterimShare);
      requireShare("legal.remandToS20Share", remandToS20Share);
      requireShare("legal.withPlacementChangeShare", withPlacementChangeShare);
    }
  }

  /**
   * Placements. Each new placement's category is drawn from the mix of the child's age band on
   * that day, then its PLACE/PLACE_PROVIDER pair from the category's codes. Moves follow a Poisson
   * process at {@code movesPerYear} of the age band at the period's start, plus one early move
   * (out of an emergency placement) with chance {@code earlyMoveShare}. A child in care after their
   * 16th birthday moves to supported accommodation with chance {@code supportedAfter16Share}, a
   * uniform number of days in {@code supportedAfter16Days} after the birthday. An adoption is
   * preceded by a placement for adoption.
   *
   * @param mixByAge share of new placements by category, by age band
   * @param codesByCategory "PLACE/PLACE_PROVIDER" pairs of each category
   * @param adoption the placement for adoption before an adoption order
   * @param adoptionPlacementDays days before the adoption order that the child is placed for adoption
   * @param reasonPlaceChange REASON_PLACE_CHANGE of an episode that starts with a change of
   *     placement, recorded from collection year {@code reasonPlaceChangeFromYear}
   * @param residentialHomes number of children's homes and residential care homes (K2, R1) in the
   *     provider pool; each has a 7-digit URN and a postcode sector
   */
  public record Placements(
      Map<String, Weights> mixByAge,
      Map<String, Weights> codesByCategory,
      Weights adoption,
      DayRange adoptionPlacementDays,
      Map<String, Double> movesPerYear,
      double earlyMoveShare,
      DayRange earlyMoveDays,
      double supportedAfter16Share,
      DayRange supportedAfter16Days,
      Weights reasonPlaceChange,
      int reasonPlaceChangeFromYear,
      int residentialHomes,
      double residentialHomesOutOfCountyShare) {
    static final String SUPPORTED = "supported";

    public Placements {
      mixByAge = byBand("placements.mixByAge", mixByAge);
      movesPerYear = byBand("placements.movesPerYear", movesPerYear);
      codesByCategory = Collections.unmodifiableMap(new LinkedHashMap<>(codesByCategory));
      for (Weights mix : mixByAge.values()) {
        for (String category : mix.shares().keySet()) {
          require(codesByCategory.containsKey(category), "placements: category " + category + " has no codes");
        }
      }
      requireShare("placements.earlyMoveShare", earlyMoveShare);
      requireShare("placements.supportedAfter16Share", supportedAfter16Share);
      require(codesByCategory.containsKey(SUPPORTED), "placements: category " + SUPPORTED + " has no codes");
      requireShare("placements.residentialHomesOutOfCountyShare", residentialHomesOutOfCountyShare);
      require(residentialHomes > 0, "placements.residentialHomes must be positive, was " + residentialHomes);
    }
  }

  /** Sex and ethnicity of the children. */
  public record People(
      double maleShare,
      double uascMaleShare,
      Weights ethnicityTargetDistricts,
      Weights ethnicityOtherDistricts,
      Weights ethnicityUasc) {
    public People {
      requireShare("people.maleShare", maleShare);
      requireShare("people.uascMaleShare", uascMaleShare);
    }
  }

  /**
   * Postcodes. A child's home postcode sector is drawn once per child from the sectors of their
   * district (those the bundled lookup maps back to it), except a share missing and a share from
   * just outside the county (which the lookup leaves unmapped). It is the same on every episode of a
   * period; at a re-entry the family may have moved within the district.
   *
   * @param homeSectorsByDistrict the sectors each district's home postcodes are drawn from
   */
  public record Postcodes(
      double missingShare,
      double outOfCountyShare,
      List<String> outOfCountySectors,
      double uascMissingShare,
      double movedAtReEntryShare,
      double placementMissingShare,
      double placementInHomeDistrictShare,
      double placementOutOfCountyShare,
      List<String> placementOutOfCountySectors,
      Map<String, List<String>> homeSectorsByDistrict) {
    public Postcodes {
      requireShare("postcodes.missingShare", missingShare);
      requireShare("postcodes.outOfCountyShare", outOfCountyShare);
      requireShare("postcodes.uascMissingShare", uascMissingShare);
      requireShare("postcodes.movedAtReEntryShare", movedAtReEntryShare);
      requireShare("postcodes.placementMissingShare", placementMissingShare);
      requireShare("postcodes.placementInHomeDistrictShare", placementInHomeDistrictShare);
      requireShare("postcodes.placementOutOfCountyShare", placementOutOfCountyShare);
      outOfCountySectors = List.copyOf(outOfCountySectors);
      placementOutOfCountySectors = List.copyOf(placementOutOfCountySectors);
      homeSectorsByDistrict = Collections.unmodifiableMap(new LinkedHashMap<>(homeSectorsByDistrict));
      homeSectorsByDistrict.forEach(
          (d, sectors) -> require(!sectors.isEmpty(), "postcodes: district " + d + " has no home sectors"));
    }
  }

  /**
   * What the parameters imply, computed on a fine age grid (see {@link ExpectedStay}).
   *
   * @param yearsInCarePerFirstEntry expected total years in care (all periods, re-entries included,
   *     to the 18th birthday) per first entry, by age band at first entry
   * @param entriesPerFirstEntry expected entries (the first and any re-entries) per first entry, by
   *     band at first entry and then band at entry
   * @param countyLookedAfter expected children looked after at 31 March, county
   */
  public record Expected(
      String method,
      Map<String, Double> yearsInCarePerFirstEntry,
      Map<String, Map<String, Double>> entriesPerFirstEntry,
      Map<String, Double> entryAgeMix,
      double countyLookedAfter,
      double countyRatePerTenThousand) {}

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  static void requireShare(String name, double value) {
    require(value >= 0 && value <= 1, name + " must be a share in 0 to 1, was " + value);
  }

  /** Copies a map keyed by age band label, checking that every band is there, in band order. */
  static <T> Map<String, T> byBand(String name, Map<String, T> map) {
    require(map != null, name + " is missing");
    Map<String, T> ordered = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      T value = map.get(band.label());
      require(value != null, name + ": age band " + band.label() + " is missing");
      ordered.put(band.label(), value);
    }
    require(map.size() == ordered.size(), name + ": unknown age bands in " + map.keySet());
    return Collections.unmodifiableMap(ordered);
  }

  private static Map<String, Double> shares(String name, Map<String, Double> map) {
    Map<String, Double> ordered = byBand(name, map);
    double total = ordered.values().stream().mapToDouble(Double::doubleValue).sum();
    require(Math.abs(total - 1) < 1e-9, name + " must sum to 1, sums to " + total);
    ordered.forEach((band, share) -> requireShare(name + "[" + band + "]", share));
    return ordered;
  }
}
