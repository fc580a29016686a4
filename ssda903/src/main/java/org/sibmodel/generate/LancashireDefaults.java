package org.sibmodel.generate;

import static org.sibmodel.generate.SyntheticCountyModel.Exits.ADOPTION;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.AGE_ASSESSED;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.AT_18;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.CAO;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.CUSTODY;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.INDEPENDENT;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.MOVED_ABROAD;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.OTHER;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.RETURN_HOME;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.SGO;
import static org.sibmodel.generate.SyntheticCountyModel.Exits.TRANSFER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.generate.SyntheticCountyModel.DistrictRates;
import org.sibmodel.generate.SyntheticCountyModel.Entries;
import org.sibmodel.generate.SyntheticCountyModel.ExitRule;
import org.sibmodel.generate.SyntheticCountyModel.Exits;
import org.sibmodel.generate.SyntheticCountyModel.Expected;
import org.sibmodel.generate.SyntheticCountyModel.Legal;
import org.sibmodel.generate.SyntheticCountyModel.People;
import org.sibmodel.generate.SyntheticCountyModel.Placements;
import org.sibmodel.generate.SyntheticCountyModel.Postcodes;
import org.sibmodel.generate.SyntheticCountyModel.ReEntry;
import org.sibmodel.reference.District;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;

/**
 * The synthetic county's parameters and where each comes from. "seed 000" is the Lancashire
 * edge-of-care specification, "figures.md" is spec/figures.md; "(assumed)" marks a plausible
 * value with no source, chosen so the returns look like real ones, and "(derived)" arithmetic on a
 * sourced figure. The entry rates are not set here: {@link #model} solves them from the districts'
 * target rates of children looked after.
 */
public final class LancashireDefaults {
  /** Latest start of the simulation; earlier when the first return needs 18 years before it. */
  static final LocalDate LATEST_SIMULATION_START = LocalDate.of(1993, 4, 1);

  /** Share of unaccompanied asylum-seeking children among first entrants aged 13-17 (assumed). */
  static final double UASC_SHARE = 0.03;

  private LancashireDefaults() {}

  /** The model for the 12 bundled districts, for returns starting with collection year firstYear. */
  public static SyntheticCountyModel model(int firstYear) {
    return model(District.lancashire(), PostcodeLookup.lancashire(), firstYear);
  }

  static SyntheticCountyModel model(List<District> districts, PostcodeLookup lookup, int firstYear) {
    LocalDate earliestNeeded = CollectionYear.start(firstYear).minusYears(18);
    LocalDate start = earliestNeeded.isBefore(LATEST_SIMULATION_START) ? earliestNeeded : LATEST_SIMULATION_START;
    Map<String, Weibull> durations = durations();
    ReEntry reEntry = reEntry();
    Exits exits = exits();
    Map<String, Double> targetMix = targetAgeMix();

    // Expected stay and re-entries per first entry, per band; unaccompanied children never re-enter.
    AgeBand[] bands = AgeBand.values();
    ExpectedStay.PerFirstEntry[] perFirst = new ExpectedStay.PerFirstEntry[bands.length];
    for (AgeBand band : bands) {
      ExpectedStay.PerFirstEntry withReEntry = ExpectedStay.of(band, durations, exits, reEntry, true);
      double uasc = Entries.uascShare(band, UASC_SHARE);
      perFirst[band.ordinal()] =
          uasc == 0 ? withReEntry : withReEntry.mix(ExpectedStay.of(band, durations, exits, reEntry, false), uasc);
    }

    // First-entry mix such that all entries (first + re-entries) follow the target mix. Re-entries
    // are never younger than the first entry, so the system is triangular.
    double[] first = new double[bands.length];
    for (AgeBand b : bands) {
      double fromYounger = 0;
      for (AgeBand a : bands) {
        if (a.ordinal() < b.ordinal()) {
          fromYounger += first[a.ordinal()] * perFirst[a.ordinal()].entriesByBand()[b.ordinal()];
        }
      }
      double f = (targetMix.get(b.label()) - fromYounger) / perFirst[b.ordinal()].entriesByBand()[b.ordinal()];
      if (f < 0) {
        throw new IllegalStateException(
            "re-entries alone exceed the target share of entries aged " + b.label() + "; lower the re-entry rate");
      }
      first[b.ordinal()] = f;
    }
    double firstTotal = 0;
    for (double f : first) {
      firstTotal += f;
    }
    Map<String, Double> firstMix = new LinkedHashMap<>();
    double yearsPerFirstEntry = 0;
    double[] entriesPerFirst = new double[bands.length];
    for (AgeBand a : bands) {
      double share = first[a.ordinal()] / firstTotal;
      firstMix.put(a.label(), share);
      yearsPerFirstEntry += share * perFirst[a.ordinal()].yearsInCare();
      for (AgeBand b : bands) {
        entriesPerFirst[b.ordinal()] += share * perFirst[a.ordinal()].entriesByBand()[b.ordinal()];
      }
    }

    // Little's law per district: looked after = first entries per month x 12 x years per first entry.
    List<DistrictRates> rates = new ArrayList<>();
    double countyExpected = 0;
    int countyUnder18 = 0;
    for (District d : districts) {
      double perMonth = d.targetLookedAfter() / (12 * yearsPerFirstEntry);
      Map<String, Double> firstRates = new LinkedHashMap<>();
      Map<String, Double> allRates = new LinkedHashMap<>();
      double expected = 0;
      for (AgeBand a : bands) {
        double rate = perMonth * firstMix.get(a.label());
        firstRates.put(a.label(), rate);
        expected += 12 * rate * perFirst[a.ordinal()].yearsInCare();
        allRates.put(a.label(), perMonth * entriesPerFirst[a.ordinal()]);
      }
      rates.add(
          new DistrictRates(
              d.name(), d.target(), d.under18(), d.claRatePerTenThousand(), d.targetLookedAfter(), firstRates, allRates, expected));
      countyExpected += expected;
      countyUnder18 += d.under18();
    }

    Map<String, Double> years = new LinkedHashMap<>();
    Map<String, Map<String, Double>> entries = new LinkedHashMap<>();
    Map<String, Double> entryMix = new LinkedHashMap<>();
    double allEntries = 0;
    for (double e : entriesPerFirst) {
      allEntries += e;
    }
    for (AgeBand a : bands) {
      years.put(a.label(), perFirst[a.ordinal()].yearsInCare());
      Map<String, Double> row = new LinkedHashMap<>();
      for (AgeBand b : bands) {
        row.put(b.label(), perFirst[a.ordinal()].entriesByBand()[b.ordinal()]);
      }
      entries.put(a.label(), row);
      entryMix.put(a.label(), entriesPerFirst[a.ordinal()] / allEntries);
    }
    Expected expected =
        new Expected(
            "Renewal equation on a half-month age grid (ExpectedStay), then Little's law with a"
                + " constant entry rate: looked after at 31 March = 12 x first entries per month x"
                + " years in care per first entry. Deterministic, not sampled.",
            years,
            entries,
            entryMix,
            countyExpected,
            countyExpected / countyUnder18 * 10_000);

    Entries entryModel =
        new Entries(
            "Poisson count of first entries per district x age band x calendar month, independent",
            0,
            "none",
            targetMix,
            firstMix,
            "uniform: date of birth uniform over the dates that give an age in the band on the entry day",
            UASC_SHARE);
    return new SyntheticCountyModel(
        start, entryModel, rates, durations, reEntry, exits, legal(), placements(), people(), postcodes(districts, lookup),
        expected);
  }

  /**
   * Share of all entries by age band. Seed 000 1.6: 0-4 ~45%, 5-9 ~20%, 10-15 ~25%, 16-17 the rest.
   * The split inside 5-9 follows the years in each band (derived); inside 10-15 it leans to 13-15,
   * as entries rise through the teens (DfE 2024 starts by age, figures.md; assumed split).
   */
  static Map<String, Double> targetAgeMix() {
    Map<String, Double> mix = new LinkedHashMap<>();
    mix.put("0-4", 0.45);
    mix.put("5-7", 0.12);
    mix.put("8-9", 0.08);
    mix.put("10-12", 0.11);
    mix.put("13-15", 0.14);
    mix.put("16-17", 0.10);
    return mix;
  }

  /**
   * Period length by age band at its start. P(leave within 12 months): 0-4 50%, 5-9 35%, 10-15
   * "under 30%" taken as 27% (seed 000 1.6); 16-17 45% before the cut at 18 (assumed). Shapes below
   * 1 (assumed) give the falling exit hazard of care data.
   */
  static Map<String, Weibull> durations() {
    Map<String, Weibull> d = new LinkedHashMap<>();
    d.put("0-4", Weibull.withShareWithin12Months(0.75, 0.50));
    d.put("5-7", Weibull.withShareWithin12Months(0.70, 0.35));
    d.put("8-9", Weibull.withShareWithin12Months(0.70, 0.35));
    d.put("10-12", Weibull.withShareWithin12Months(0.70, 0.27));
    d.put("13-15", Weibull.withShareWithin12Months(0.70, 0.27));
    d.put("16-17", Weibull.withShareWithin12Months(0.80, 0.45));
    return d;
  }

  /**
   * Re-entry after going home: ~1 in 5 back within a year, ~30% within 5 years (figures.md, DfE
   * via NSPCC; Goldacre et al. 2022). A cure model p(1 - e^(-rt)) meets both with p = 0.301 and
   * r = 1.092 a year (derived: (1 - x^5)/(1 - x) = 1.5 for x = e^-r).
   */
  static ReEntry reEntry() {
    double p = 0.301;
    double r = 1.092;
    return new ReEntry(
        List.of("E4A", "E4B", "E13"), p, r, 1, false, p * (1 - Math.exp(-r)), p * (1 - Math.exp(-5 * r)));
  }

  /**
   * Exit categories by age at exit and duration (assumed, shaped on DfE national tables of why
   * children leave care: about a third go home, a tenth adopted, a tenth to special guardianship,
   * adoption almost only for under-5s after long stays).
   */
  static Exits exits() {
    int always = Integer.MAX_VALUE;
    List<ExitRule> rules =
        List.of(
            new ExitRule(0, 4, 270, always,
                Weights.of(RETURN_HOME, 0.30, ADOPTION, 0.40, SGO, 0.18, CAO, 0.05, TRANSFER, 0.02, OTHER, 0.05)),
            new ExitRule(0, 4, 0, 269,
                Weights.of(RETURN_HOME, 0.75, SGO, 0.08, CAO, 0.07, TRANSFER, 0.04, OTHER, 0.06)),
            new ExitRule(5, 9, 270, always,
                Weights.of(RETURN_HOME, 0.50, ADOPTION, 0.05, SGO, 0.20, CAO, 0.06, TRANSFER, 0.04, OTHER, 0.15)),
            new ExitRule(5, 9, 0, 269,
                Weights.of(RETURN_HOME, 0.75, SGO, 0.06, CAO, 0.05, TRANSFER, 0.04, OTHER, 0.10)),
            new ExitRule(10, 15, 0, always,
                Weights.of(RETURN_HOME, 0.62, SGO, 0.08, CAO, 0.04, TRANSFER, 0.04, CUSTODY, 0.03, OTHER, 0.19)),
            new ExitRule(16, 17, 0, always,
                Weights.of(RETURN_HOME, 0.40, INDEPENDENT, 0.30, TRANSFER, 0.03, CUSTODY, 0.04, OTHER, 0.23)));
    Map<String, Weights> codes = new LinkedHashMap<>();
    codes.put(RETURN_HOME, Weights.of("E4A", 0.75, "E4B", 0.15, "E13", 0.10));
    codes.put(ADOPTION, Weights.of("E11", 0.75, "E12", 0.25));
    codes.put(SGO, Weights.of("E45", 0.35, "E46", 0.15, "E47", 0.35, "E48", 0.15));
    codes.put(CAO, Weights.of("E41", 1.0));
    codes.put(INDEPENDENT, Weights.of("E5", 1.0));
    codes.put(CUSTODY, Weights.of("E7", 1.0));
    codes.put(TRANSFER, Weights.of("E3", 1.0));
    codes.put(OTHER, Weights.of("E8", 0.90, "E6", 0.05, "E16", 0.05));
    codes.put(AGE_ASSESSED, Weights.of("E15", 1.0));
    codes.put(MOVED_ABROAD, Weights.of("E16", 1.0));
    codes.put(AT_18, Weights.of("E5", 0.40, "E17", 0.30, "E8", 0.30));
    return new Exits(
        rules,
        Weights.of(AGE_ASSESSED, 0.25, MOVED_ABROAD, 0.10, INDEPENDENT, 0.25, TRANSFER, 0.10, OTHER, 0.30),
        codes,
        List.of(
            "Special guardianship: E45-E48 where the code list has them in the collection year of DEC;"
                + " before (2014 and earlier) E43 for E45/E46 (former foster carers) and E44 for E47/E48.",
            "A period that ends other than by a return home while the legal status is J1 (remand) ends"
                + " with E14 (accommodation on remand ended).",
            "At the 18th birthday E17 (staying put) is kept only from a foster placement (U1-U6); otherwise E5.",
            "Unaccompanied children never re-enter; their exits before 18 use the uasc categories."));
  }

  /**
   * Legal status (assumed, following the usual route through court: emergency protection, then an
   * interim care order after days, a full care order after the ~26-week care proceedings limit,
   * Children and Families Act 2014 s14; older children mostly accommodated under s20). Category of
   * need: abuse or neglect for about 60% of children looked after (DfE national tables, rounded).
   */
  static Legal legal() {
    Map<String, Weights> atEntry = new LinkedHashMap<>();
    atEntry.put("0-4", Weights.of("C1", 0.45, "V2", 0.27, "L2", 0.08, "L1", 0.05, "C2", 0.15));
    Weights middle = Weights.of("C1", 0.35, "V2", 0.40, "L1", 0.08, "L2", 0.05, "C2", 0.12);
    atEntry.put("5-7", middle);
    atEntry.put("8-9", middle);
    atEntry.put("10-12", middle);
    atEntry.put("13-15", Weights.of("V2", 0.58, "C1", 0.22, "L1", 0.08, "C2", 0.07, "J1", 0.05));
    atEntry.put("16-17", Weights.of("V2", 0.65, "C1", 0.12, "L1", 0.08, "C2", 0.05, "J1", 0.10));
    return new Legal(
        atEntry,
        Weights.of("V2", 1.0),
        Weights.of("C1", 0.70, "V2", 0.30),
        new DayRange(2, 14),
        0.85,
        new DayRange(120, 300),
        0.15,
        new DayRange(30, 365),
        0.50,
        new DayRange(14, 120),
        new DayRange(240, 420),
        0.25,
        Weights.of("T", 0.85, "U", 0.10, "B", 0.05),
        Weights.of("N1", 0.60, "N2", 0.03, "N3", 0.03, "N4", 0.08, "N5", 0.13, "N6", 0.03, "N7", 0.01, "N8", 0.09),
        Weights.of("N8", 1.0));
  }

  /**
   * Placement categories and their codes. The mix by age is tuned so that the mix of children in
   * care at 31 March comes near the 2024 FOI survey of 150 councils (figures.md): council foster
   * 27.9%, agency foster 24.8%, kinship 15.6%, children's homes 11.4%, supported accommodation 9.8%,
   * placed with parents 6.0%, the rest other. Supported accommodation (H5) only from 16, and most
   * children still in care move there within a year of their 16th birthday: this county's entrants
   * are younger than England's (seed 000 1.6), so it takes a high share of 16-17s in supported
   * accommodation to reach the national 9.8%. More children's homes at 13-15 (assumed). Moves a
   * year (assumed): about two thirds of children looked after have one placement in a year (DfE
   * placement stability tables, broadly); teenagers move more.
   */
  static Placements placements() {
    Map<String, Weights> mix = new LinkedHashMap<>();
    mix.put("0-4", Weights.of(
        "council_foster", 0.34, "agency_foster", 0.22, "kinship", 0.21, "parents", 0.07,
        "family_centre", 0.03, "health", 0.005));
    mix.put("5-7", Weights.of(
        "council_foster", 0.33, "agency_foster", 0.28, "kinship", 0.18, "childrens_home", 0.03,
        "parents", 0.065, "residential_other", 0.01, "health", 0.005));
    mix.put("8-9", Weights.of(
        "council_foster", 0.32, "agency_foster", 0.29, "kinship", 0.18, "childrens_home", 0.07,
        "parents", 0.065, "residential_other", 0.015, "health", 0.005));
    mix.put("10-12", Weights.of(
        "council_foster", 0.28, "agency_foster", 0.30, "kinship", 0.13, "childrens_home", 0.21,
        "parents", 0.06, "residential_other", 0.015, "secure", 0.01, "health", 0.005));
    mix.put("13-15", Weights.of(
        "council_foster", 0.20, "agency_foster", 0.26, "kinship", 0.09, "childrens_home", 0.37,
        "parents", 0.06, "residential_other", 0.02, "secure", 0.015, "custody", 0.01, "health", 0.005));
    mix.put("16-17", Weights.of(
        "council_foster", 0.12, "agency_foster", 0.14, "kinship", 0.06, "childrens_home", 0.14,
        "supported", 0.60, "parents", 0.03, "independent_living", 0.02, "custody", 0.01));
    Map<String, Weights> codes = new LinkedHashMap<>();
    codes.put("council_foster", Weights.of("U4/PR1", 0.35, "U5/PR1", 0.05, "U6/PR1", 0.60));
    codes.put("agency_foster", Weights.of("U4/PR4", 0.25, "U6/PR4", 0.45, "U4/PR5", 0.10, "U6/PR5", 0.20));
    codes.put("kinship", Weights.of("U1/PR1", 0.30, "U2/PR1", 0.05, "U3/PR1", 0.60, "U3/PR2", 0.05));
    codes.put("childrens_home", Weights.of("K2/PR4", 0.80, "K2/PR1", 0.15, "K2/PR5", 0.05));
    codes.put("supported", Weights.of("H5/PR4", 0.65, "H5/PR1", 0.20, "H5/PR5", 0.15));
    codes.put("parents", Weights.of("P1/PR0", 1.0));
    codes.put("family_centre", Weights.of("R3/PR4", 0.60, "R3/PR1", 0.40));
    codes.put("residential_other", Weights.of("R1/PR4", 0.60, "S1/PR4", 0.25, "S1/PR5", 0.15));
    codes.put("health", Weights.of("R2/PR3", 1.0));
    codes.put("secure", Weights.of("K1/PR2", 0.60, "K1/PR1", 0.40));
    codes.put("custody", Weights.of("R5/PR3", 1.0));
    codes.put("independent_living", Weights.of("P2/PR1", 0.50, "P2/PR4", 0.50));
    Map<String, Double> moves = new LinkedHashMap<>();
    moves.put("0-4", 0.35);
    moves.put("5-7", 0.35);
    moves.put("8-9", 0.40);
    moves.put("10-12", 0.50);
    moves.put("13-15", 0.70);
    moves.put("16-17", 0.60);
    return new Placements(
        mix,
        codes,
        Weights.of("A6/PR1", 0.65, "A5/PR1", 0.20, "A6/PR5", 0.15),
        new DayRange(90, 240),
        moves,
        0.30,
        new DayRange(3, 60),
        0.85,
        new DayRange(0, 300),
        Weights.of(
            "CARPL", 0.35, "CREQB", 0.14, "CREQO", 0.10, "LAREQ", 0.10, "CHILD", 0.08, "ALLEG", 0.03,
            "STAND", 0.03, "CLOSE", 0.04, "APPRR", 0.02, "OTHER", 0.11),
        // REASON_PLACE_CHANGE entered the return in 2015-16 (DfE 903 guidance; assumed year).
        2016,
        80,
        0.40);
  }

  /**
   * Sex and ethnicity (assumed): 55% boys among children looked after (DfE national tables,
   * rounded); mostly White British, with more children of Pakistani and Indian heritage in the
   * East Lancashire target districts and Preston, as in their populations (Census 2011, broadly).
   */
  static People people() {
    Weights other = Weights.of(
        "WBRI", 88.0, "WIRI", 0.3, "WOTH", 2.0, "WIRT", 0.3, "WROM", 0.4, "MWBC", 2.0, "MWBA", 0.5,
        "MWAS", 1.5, "MOTH", 1.5, "AIND", 0.5, "APKN", 1.0, "ABAN", 0.2, "AOTH", 0.3, "BCRB", 0.2,
        "BAFR", 0.4, "BOTH", 0.2, "CHNE", 0.1, "OOTH", 0.3, "REFU", 0.1, "NOBT", 0.2);
    Weights target = Weights.of(
        "WBRI", 79.0, "WIRI", 0.3, "WOTH", 2.5, "WIRT", 0.3, "WROM", 0.5, "MWBC", 2.0, "MWBA", 0.5,
        "MWAS", 2.5, "MOTH", 2.0, "AIND", 2.0, "APKN", 5.0, "ABAN", 0.8, "AOTH", 0.5, "BCRB", 0.2,
        "BAFR", 0.5, "BOTH", 0.2, "CHNE", 0.1, "OOTH", 0.5, "REFU", 0.1, "NOBT", 0.2);
    Weights uasc = Weights.of("AOTH", 35.0, "BAFR", 30.0, "OOTH", 25.0, "WOTH", 10.0);
    return new People(0.55, 0.92, target, other, uasc);
  }

  /**
   * Postcodes (assumed shares): 2% of children with no home postcode and 2% with one just outside
   * the county (Blackpool FY1-FY4, Blackburn with Darwen BB1-BB3 outside the county's sectors), so
   * ingest meets missing and unmapped postcodes; most unaccompanied children have none.
   */
  static Postcodes postcodes(List<District> districts, PostcodeLookup lookup) {
    Map<String, List<String>> home = new LinkedHashMap<>();
    for (District d : districts) {
      home.put(d.name(), homeSectors(d.name(), lookup));
    }
    List<String> outside = new ArrayList<>();
    for (String outward : List.of("FY1", "FY2", "FY3", "FY4", "BB1", "BB2", "BB3")) {
      for (int digit = 0; digit <= 9; digit++) {
        String sector = outward + " " + digit;
        if (lookup.lookup(sector).status() == PostcodeLookup.Status.UNMAPPED) {
          outside.add(sector);
        }
      }
    }
    return new Postcodes(
        0.02,
        0.02,
        outside,
        0.80,
        0.20,
        0.03,
        0.60,
        0.10,
        List.of("BL0 9", "BL9 8", "M24 1", "WN1 2", "L31 5", "CA1 2", "BD23 1", "OL11 3", "SK14 3", "WA9 1", "FY1 5", "BB2 4"),
        home);
  }

  /**
   * The sectors whose lookup gives this district: the table's sectors of the district, and each
   * outward code of the district with a sector digit 0-9, unless a sector entry sends that sector to
   * another district (PR4 is Fylde but PR4 0 is Preston).
   */
  static List<String> homeSectors(String district, PostcodeLookup lookup) {
    List<String> sectors = new ArrayList<>();
    for (String prefix : lookup.prefixesOf(district)) {
      List<String> candidates = new ArrayList<>();
      if (prefix.contains(" ")) {
        candidates.add(prefix);
      } else {
        for (int digit = 0; digit <= 9; digit++) {
          candidates.add(prefix + " " + digit);
        }
      }
      for (String sector : candidates) {
        if (district.equals(lookup.lookup(sector).district()) && !sectors.contains(sector)) {
          sectors.add(sector);
        }
      }
    }
    sectors.sort(null);
    return sectors;
  }
}
