package org.sibmodel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sibmodel.io.SmallCsv;
import org.sibmodel.reference.District;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.ssda903.Ssda903Dates;

/**
 * The demo's referral list and population file. The synthetic county has no service in it, so the
 * demo makes up a referral list with a selection effect like a real one: children entering care
 * from April 2014 to March 2017, more often from the four target districts and aged 10 to 15,
 * each referred a month before that entry (the list's start_date, as in the monitoring data). The
 * matched comparison should then find no difference in days in care beyond chance, while the
 * unmatched one reflects who was picked.
 */
final class DemoReferrals {
  static final LocalDate FROM = LocalDate.of(2014, 4, 1);
  static final LocalDate TO = LocalDate.of(2017, 3, 31);

  private DemoReferrals() {}

  /** Writes referred.csv (child_id, start_date) from the sample's returns; returns how many children it names. */
  static int write(Path sample, Path file, long seed) throws IOException {
    Map<String, LocalDate> birth = new HashMap<>();
    Map<String, String[]> firstEntry = new TreeMap<>();
    PostcodeLookup postcodes = PostcodeLookup.lancashire();
    List<Path> years;
    try (Stream<Path> s = Files.list(sample)) {
      years = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path year : years) {
      for (String[] h : rows(year.resolve("header.csv"))) {
        birth.putIfAbsent(h[0], Ssda903Dates.parse(h[2]));
      }
      for (String[] e : rows(year.resolve("episodes.csv"))) {
        if (e[2].equals("S")) {
          firstEntry.putIfAbsent(e[0] + "/" + e[1], e);
        }
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, LocalDate> referred = new LinkedHashMap<>();
    for (String[] e : firstEntry.values()) {
      LocalDate start = Ssda903Dates.parse(e[1]);
      LocalDate born = birth.get(e[0]);
      if (start.isBefore(FROM) || start.isAfter(TO) || born == null || referred.containsKey(e[0])) {
        continue;
      }
      String district = postcodes.lookup(e[10]).district();
      boolean target = District.lancashire().stream().anyMatch(d -> d.target() && d.name().equals(district));
      String band = AgeBand.ofAge(AgeBand.ageOn(born, start)).label();
      boolean older = band.equals("10-12") || band.equals("13-15");
      double chance = (target ? 0.12 : 0.02) * (older ? 3 : 1);
      if (rng.nextDouble() < chance) {
        referred.put(e[0], start.minusMonths(1));
      }
    }
    StringBuilder csv = new StringBuilder("child_id,start_date\n");
    referred.forEach((id, on) -> csv.append(id).append(',').append(on).append('\n'));
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return referred.size();
  }

  /**
   * An approximate population file: each district's children under 18 (reference/lancashire-districts.csv)
   * spread evenly over single years of age.
   */
  static void writePopulation(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("district,age_band,children\n");
    for (District d : District.lancashire()) {
      for (AgeBand band : AgeBand.values()) {
        long children = Math.round(d.under18() * (band.high() - band.low() + 1) / 18.0);
        csv.append(d.name()).append(',').append(band.label()).append(',').append(children).append('\n');
      }
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  /** The data rows of one of the sample's files (which sib generate wrote well-formed), none if it is absent. */
  private static List<String[]> rows(Path csv) {
    return Files.exists(csv) ? SmallCsv.read(csv, "sample", "a header").lines().stream().map(SmallCsv.Line::fields).toList() : List.of();
  }

}
