package org.sibmodel.generate;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sibmodel.generate.SyntheticCountyModel.Exits;
import org.sibmodel.generate.SyntheticCountyModel.Legal;
import org.sibmodel.generate.SyntheticCountyModel.Placements;
import org.sibmodel.generate.SyntheticCountyModel.Postcodes;
import org.sibmodel.schemas.CodeList;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.CollectionYear;

/**
 * Simulates one child's life in care, from the first entry to the last exit, with every draw
 * taken from the child's own stream. Stateless apart from the model and the provider pool, so one
 * instance serves all children.
 */
final class ChildLife {
  private static final List<String> FOSTER = List.of("U1", "U2", "U3", "U4", "U5", "U6");
  private static final List<String> EMERGENCY = List.of("L1", "L2", "L3");

  private final SyntheticCountyModel model;
  private final CodeList recCodes;
  private final ResidentialHomes homes;
  private final List<String> districtNames;

  ChildLife(SyntheticCountyModel model, Ssda903Codes codes, ResidentialHomes homes) {
    this.model = model;
    this.recCodes = codes.list("REC");
    this.homes = homes;
    this.districtNames = List.copyOf(model.postcodes().homeSectorsByDistrict().keySet());
  }

  /**
   * A child who first enters care in {@code month} aged within {@code band}. Periods that would
   * start after {@code horizon} are not simulated (no return shows them); a period open at the
   * horizon is simulated to its end.
   */
  SyntheticChild live(
      int index, String id, SyntheticCountyModel.DistrictRates district, AgeBand band, YearMonth month,
      LocalDate horizon, SplittableRandom rng) {
    LocalDate entry = month.atDay(1 + rng.nextInt(month.lengthOfMonth()));
    LocalDate oldest = entry.minusYears(band.high() + 1L).plusDays(1);
    LocalDate youngest = entry.minusYears(band.low());
    LocalDate dob = oldest.plusDays(rng.nextLong(DAYS.between(oldest, youngest) + 1));
    boolean uasc = rng.nextDouble() < model.entries().uascShare(band);
    SyntheticCountyModel.People people = model.people();
    String sex = rng.nextDouble() < (uasc ? people.uascMaleShare() : people.maleShare()) ? "1" : "2";
    Weights ethnicity =
        uasc ? people.ethnicityUasc() : district.target() ? people.ethnicityTargetDistricts() : people.ethnicityOtherDistricts();
    String ethnic = ethnicity.draw(rng);
    String home = firstHomePostcode(district.name(), uasc, rng);

    LocalDate eighteen = SyntheticChild.eighteenthBirthday(dob);
    List<CarePeriod> periods = new ArrayList<>();
    LocalDate start = entry;
    SyntheticCountyModel.ReEntry reEntry = model.reEntry();
    while (true) {
      CarePeriod period = period(start, dob, district.name(), uasc, home, rng);
      periods.add(period);
      if (uasc || !reEntry.after().contains(period.exitCode()) || rng.nextDouble() >= reEntry.everShare()) {
        break;
      }
      double gapYears = -Math.log(1 - rng.nextDouble()) / reEntry.ratePerYear();
      long gap = Math.max(reEntry.minGapDays(), (long) Math.ceil(gapYears * Weibull.YEAR_DAYS));
      LocalDate next = period.end().plusDays(gap);
      if (!next.isBefore(eighteen) || next.isAfter(horizon)) {
        break;
      }
      if (rng.nextDouble() < model.postcodes().movedAtReEntryShare() && isDistrictSector(district.name(), home)) {
        home = pick(model.postcodes().homeSectorsByDistrict().get(district.name()), rng);
      }
      start = next;
    }
    return new SyntheticChild(index, id, district.name(), uasc, sex, dob, ethnic, periods);
  }

  private String firstHomePostcode(String district, boolean uasc, SplittableRandom rng) {
    Postcodes p = model.postcodes();
    double u = rng.nextDouble();
    if (uasc) {
      return u < p.uascMissingShare() ? "" : pick(p.homeSectorsByDistrict().get(district), rng);
    }
    if (u < p.missingShare()) {
      return "";
    }
    if (u < p.missingShare() + p.outOfCountyShare()) {
      return pick(p.outOfCountySectors(), rng);
    }
    return pick(p.homeSectorsByDistrict().get(district), rng);
  }

  private boolean isDistrictSector(String district, String home) {
    return model.postcodes().homeSectorsByDistrict().get(district).contains(home);
  }

  /** One period of care from {@code start}: its length, exit, legal path and placements. */
  private CarePeriod period(
      LocalDate start, LocalDate dob, String district, boolean uasc, String home, SplittableRandom rng) {
    AgeBand band = AgeBand.ofAge(AgeBand.ageOn(dob, start));
    LocalDate eighteen = SyntheticChild.eighteenthBirthday(dob);
    long days = Math.max(1, (long) Math.ceil(model.duration(band).sampleDays(rng)));
    LocalDate end = start.plusDays(days);
    boolean atEighteen = !end.isBefore(eighteen);
    if (atEighteen) {
      end = eighteen;
    }
    Exits exits = model.exits();
    String category =
        atEighteen
            ? Exits.AT_18
            : uasc
                ? exits.uasc().draw(rng)
                : exits.rule(AgeBand.ageOn(dob, end), DAYS.between(start, end)).categories().draw(rng);
    Legal legal = model.legal();
    String cin = (uasc ? legal.uascCin() : legal.cin()).draw(rng);
    String firstLs = (uasc ? legal.uascAtEntry() : legal.atEntry().get(band.label())).draw(rng);

    // Changes within the period, by day: a new legal status, a new placement, or both.
    TreeMap<LocalDate, Change> changes = new TreeMap<>();
    addLegalChanges(changes, start, end, firstLs, Exits.ADOPTION.equals(category), rng);
    LocalDate supportedMove = addPlacementMoves(changes, start, end, dob, band, uasc, rng);
    Placement first = placement(model.placements().mixByAge().get(band.label()).draw(rng), district, home, rng);
    List<Episode> episodes =
        episodes(changes, start, end, dob, firstLs, first, cin, district, home, supportedMove, category, rng);
    return new CarePeriod(start, end, category, episodes);
  }

  /**
   * The legal path from the status at entry (emergency protection, then an interim order or s20,
   * then a full care order), cut at the end of the period; before an adoption, a placement order
   * and then a placement for adoption.
   */
  private void addLegalChanges(
      TreeMap<LocalDate, Change> changes, LocalDate start, LocalDate end, String firstLs, boolean adoption,
      SplittableRandom rng) {
    Legal legal = model.legal();
    LocalDate t = start;
    String ls = firstLs;
    for (int step = 0; step < 4; step++) {
      String next;
      if (EMERGENCY.contains(ls)) {
        t = t.plusDays(legal.emergencyDays().draw(rng));
        next = legal.afterEmergency().draw(rng);
      } else if ("J1".equals(ls) && rng.nextDouble() < legal.remandToS20Share()) {
        t = t.plusDays(legal.remandDays().draw(rng));
        next = "V2";
      } else if ("V2".equals(ls) && rng.nextDouble() < legal.s20ToInterimShare()) {
        t = t.plusDays(legal.s20Days().draw(rng));
        next = "C1";
      } else if ("C1".equals(ls) && rng.nextDouble() < legal.interimToFullShare()) {
        t = t.plusDays(legal.interimDays().draw(rng));
        next = "C2";
      } else {
        break;
      }
      if (!t.isBefore(end)) {
        break;
      }
      changes.computeIfAbsent(t, d -> new Change()).ls = next;
      ls = next;
    }
    if (adoption) {
      LocalDate order = latest(start.plusDays(7), end.minusDays(legal.placementOrderDaysBeforeAdoption().draw(rng)));
      changes.tailMap(order, true).clear();
      changes.computeIfAbsent(order, d -> new Change()).ls = "E1";
      LocalDate placed =
          latest(order.plusDays(7), end.minusDays(model.placements().adoptionPlacementDays().draw(rng)));
      if (placed.isBefore(end)) {
        Change c = changes.computeIfAbsent(placed, d -> new Change());
        c.placement = true;
        c.adoption = true;
      }
    }
  }

  /**
   * Changes of placement: an early move out of an emergency placement, moves at the age band's
   * rate, a move to supported accommodation after the 16th birthday, and some moves that come with
   * a change of legal status. None after a placement for adoption. Returns the day of the move to
   * supported accommodation, or null.
   */
  private LocalDate addPlacementMoves(
      TreeMap<LocalDate, Change> changes, LocalDate start, LocalDate end, LocalDate dob, AgeBand band, boolean uasc,
      SplittableRandom rng) {
    Placements placements = model.placements();
    List<LocalDate> moves = new ArrayList<>();
    LocalDate supportedMove = null;
    if (rng.nextDouble() < placements.earlyMoveShare()) {
      moves.add(start.plusDays(placements.earlyMoveDays().draw(rng)));
    }
    double movesPerDay = placements.movesPerYear().get(band.label()) / Weibull.YEAR_DAYS;
    LocalDate m = start;
    while (true) {
      m = m.plusDays(Math.max(1, (long) Math.ceil(-Math.log(1 - rng.nextDouble()) / movesPerDay)));
      if (!m.isBefore(end)) {
        break;
      }
      moves.add(m);
    }
    LocalDate sixteen = dob.plusYears(16);
    if (!uasc && end.isAfter(sixteen) && rng.nextDouble() < placements.supportedAfter16Share()) {
      LocalDate move = latest(sixteen, start).plusDays(placements.supportedAfter16Days().draw(rng));
      if (move.isAfter(start) && move.isBefore(end)) {
        moves.add(move);
        supportedMove = move;
      }
    }
    LocalDate adoptionPlacement = null;
    for (Map.Entry<LocalDate, Change> e : List.copyOf(changes.entrySet())) {
      if (e.getValue().adoption) {
        adoptionPlacement = e.getKey();
      } else if (rng.nextDouble() < model.legal().withPlacementChangeShare()) {
        moves.add(e.getKey());
      }
    }
    for (LocalDate move : moves) {
      if (move.isAfter(start) && move.isBefore(end) && (adoptionPlacement == null || move.isBefore(adoptionPlacement))) {
        changes.computeIfAbsent(move, d -> new Change()).placement = true;
      }
    }
    return supportedMove;
  }

  /** The period's contiguous episodes, one per change, the last ending with the exit code. */
  private List<Episode> episodes(
      TreeMap<LocalDate, Change> changes, LocalDate start, LocalDate end, LocalDate dob, String firstLs,
      Placement firstPlacement, String cin, String district, String home, LocalDate supportedMove, String category,
      SplittableRandom rng) {
    Placements placements = model.placements();
    Legal legal = model.legal();
    List<Episode> episodes = new ArrayList<>();
    Placement placement = firstPlacement;
    String ls = firstLs;
    LocalDate decom = start;
    String rne = "S";
    String reason = "";
    for (Map.Entry<LocalDate, Change> e : changes.entrySet()) {
      LocalDate date = e.getKey();
      Change change = e.getValue();
      boolean legalChange = change.ls != null && !change.ls.equals(ls);
      if (!legalChange && !change.placement) {
        continue;
      }
      episodes.add(episode(decom, date, rne, ls, cin, placement, "X1", reason, home));
      if (legalChange) {
        ls = change.ls;
      }
      if (change.placement) {
        if (change.adoption) {
          placement = adoptionPlacement(placements.adoption().draw(rng));
        } else if (date.equals(supportedMove)) {
          placement = placement(Placements.SUPPORTED, district, home, rng);
        } else {
          AgeBand bandNow = AgeBand.ofAge(AgeBand.ageOn(dob, date));
          placement = placement(placements.mixByAge().get(bandNow.label()).draw(rng), district, home, rng);
        }
      }
      rne = change.placement ? (legalChange ? legal.bothChangedRne().draw(rng) : "P") : "L";
      reason = "";
      if (change.placement && CollectionYear.of(date) >= placements.reasonPlaceChangeFromYear()) {
        reason = change.adoption ? "CARPL" : placements.reasonPlaceChange().draw(rng);
      }
      decom = date;
    }
    String exitCode = exitCode(category, ls, placement.place, CollectionYear.of(end), rng);
    episodes.add(episode(decom, end, rne, ls, cin, placement, exitCode, reason, home));
    return episodes;
  }

  private String exitCode(String category, String finalLs, String finalPlace, int year, SplittableRandom rng) {
    Exits exits = model.exits();
    String code = exits.codes().get(category).draw(rng);
    if (Exits.AT_18.equals(category) && "E17".equals(code) && !FOSTER.contains(finalPlace)) {
      code = "E5";
    }
    if (Exits.SGO.equals(category) && !recCodes.isValid(code, year)) {
      code = code.equals("E45") || code.equals("E46") ? "E43" : "E44";
    }
    if (!Exits.RETURN_HOME.equals(category) && !Exits.AT_18.equals(category) && "J1".equals(finalLs)) {
      code = "E14";
    }
    if (!recCodes.isValid(code, year)) {
      throw new IllegalStateException("exit code " + code + " (" + category + ") is not valid in collection year " + year);
    }
    return code;
  }

  private static Episode episode(
      LocalDate decom, LocalDate dec, String rne, String ls, String cin, Placement p, String rec, String reason, String home) {
    String plPost = "P1".equals(p.place) ? home : p.plPost;
    return new Episode(decom, dec, rne, ls, cin, p.place, p.provider, rec, reason, home, plPost, p.urn);
  }

  /** A new placement of this category: its codes, and where it is. */
  private Placement placement(String category, String district, String home, SplittableRandom rng) {
    Placements placements = model.placements();
    String[] codes = placements.codesByCategory().get(category).draw(rng).split("/");
    String place = codes[0];
    if (ResidentialHomes.PLACES.contains(place)) {
      ResidentialHomes.Home h = homes.pick(place, rng);
      return new Placement(place, codes[1], h.sector(), h.urn());
    }
    Postcodes p = model.postcodes();
    double u = rng.nextDouble();
    String plPost;
    if (u < p.placementMissingShare()) {
      plPost = "";
    } else if (u < p.placementMissingShare() + p.placementOutOfCountyShare()) {
      plPost = pick(p.placementOutOfCountySectors(), rng);
    } else if (u < p.placementMissingShare() + p.placementOutOfCountyShare() + p.placementInHomeDistrictShare()) {
      plPost = pick(p.homeSectorsByDistrict().get(district), rng);
    } else {
      plPost = pick(p.homeSectorsByDistrict().get(pick(districtNames, rng)), rng);
    }
    return new Placement(place, codes[1], plPost, "");
  }

  private Placement adoptionPlacement(String codes) {
    String[] parts = codes.split("/");
    // Adopters' addresses are withheld in practice; the return leaves PL_POST blank.
    return new Placement(parts[0], parts[1], "", "");
  }

  private static <T> T pick(List<T> items, SplittableRandom rng) {
    return items.get(rng.nextInt(items.size()));
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** What changes on one day. */
  private static final class Change {
    String ls;
    boolean placement;
    boolean adoption;
  }

  private record Placement(String place, String provider, String plPost, String urn) {}
}
