package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.ssda903.Ssda903Dates;

/**
 * One collection year's SSDA903 return as a local authority would send it (spec/ssda903.md):
 * every episode open at any time in the year (DECOM on or before 31 March, and DEC empty or on or
 * after 1 April); an episode still open at 31 March has DEC and REC empty. The header has one row
 * per child with an episode in the return, the uasc file one per unaccompanied child among them.
 * CSV with a header row, dd/mm/yyyy dates, LF line ends, no LA or YEAR column (several
 * authorities in one file put an LA column first: {@link #headerLineWithLa}, {@link #rowsWithLa}).
 *
 * @param year the collection year (2019 = April 2018 to March 2019)
 */
public record Ssda903Return(int year, List<List<String>> header, List<List<String>> episodes, List<List<String>> uasc) {
  public static final List<String> HEADER_COLUMNS = List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB");
  public static final List<String> EPISODE_COLUMNS =
      List.of(
          "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
          "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");
  public static final List<String> UASC_COLUMNS = List.of("CHILD", "SEX", "DOB", "DUC");

  public Ssda903Return {
    header = List.copyOf(header);
    episodes = List.copyOf(episodes);
    uasc = List.copyOf(uasc);
  }

  /**
   * The return of {@code year}, children in the order given ({@link SyntheticCounty#childrenById}),
   * episodes by DECOM. Every code is checked against the code list of the year: a code the year
   * does not have is a bug in the generator.
   */
  public static Ssda903Return of(int year, List<SyntheticChild> children, Ssda903Codes codes) {
    LocalDate from = CollectionYear.start(year);
    LocalDate to = CollectionYear.end(year);
    List<List<String>> header = new ArrayList<>();
    List<List<String>> episodes = new ArrayList<>();
    List<List<String>> uasc = new ArrayList<>();
    for (SyntheticChild child : children) {
      int before = episodes.size();
      for (CarePeriod period : child.periods()) {
        if (period.start().isAfter(to) || period.end().isBefore(from)) {
          continue;
        }
        for (Episode e : period.episodes()) {
          if (e.decom().isAfter(to) || e.dec().isBefore(from)) {
            continue;
          }
          boolean ended = !e.dec().isAfter(to);
          List<String> row =
              List.of(
                  child.id(),
                  Ssda903Dates.format(e.decom()),
                  check(codes, year, child, "RNE", e.rne()),
                  check(codes, year, child, "LS", e.ls()),
                  check(codes, year, child, "CIN", e.cin()),
                  check(codes, year, child, "PLACE", e.place()),
                  check(codes, year, child, "PLACE_PROVIDER", e.placeProvider()),
                  ended ? Ssda903Dates.format(e.dec()) : "",
                  ended ? check(codes, year, child, "REC", e.rec()) : "",
                  e.reasonPlaceChange().isEmpty() ? "" : check(codes, year, child, "REASON_PLACE_CHANGE", e.reasonPlaceChange()),
                  e.homePost(),
                  e.plPost(),
                  e.urn());
          episodes.add(row);
        }
      }
      if (episodes.size() > before) {
        String sex = check(codes, year, child, "SEX", child.sex());
        String dob = Ssda903Dates.format(child.dob());
        header.add(List.of(child.id(), sex, dob, check(codes, year, child, "ETHNIC", child.ethnic()), "", "", ""));
        if (child.uasc()) {
          uasc.add(List.of(child.id(), sex, dob, Ssda903Dates.format(child.eighteenthBirthday())));
        }
      }
    }
    return new Ssda903Return(year, header, episodes, uasc);
  }

  public String headerCsv() {
    return csv(HEADER_COLUMNS, header);
  }

  public String episodesCsv() {
    return csv(EPISODE_COLUMNS, episodes);
  }

  public String uascCsv() {
    return csv(UASC_COLUMNS, uasc);
  }

  /**
   * The header line of a file holding several authorities' returns: an {@code LA} column first, then
   * {@code columns}, as a national extract is laid out.
   */
  public static String headerLineWithLa(List<String> columns) {
    StringBuilder out = new StringBuilder("LA,");
    appendRow(out, columns);
    return out.toString();
  }

  /** {@code rows} of this return (its header, episodes or uasc rows) with {@code la} first, no header line. */
  public static String rowsWithLa(String la, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      out.append(la).append(',');
      appendRow(out, row);
    }
    return out.toString();
  }

  /** The folder name of the return, "2018-19" for 2019. */
  public String folder() {
    return CollectionYear.label(year);
  }

  private static String check(Ssda903Codes codes, int year, SyntheticChild child, String field, String code) {
    if (!codes.list(field).isValid(code, year)) {
      throw new IllegalStateException(
          "synthetic return " + CollectionYear.label(year) + ", CHILD " + child.id() + ": " + field + " '" + code
              + "' is not valid in collection year " + year);
    }
    return code;
  }

  /** Plain CSV: the values are codes, dates, digits and postcodes, which never need quoting. */
  private static String csv(List<String> columns, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    appendRow(out, columns);
    for (List<String> row : rows) {
      appendRow(out, row);
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        throw new IllegalStateException("CSV value needs quoting, which the synthetic returns never do: '" + v + "'");
      }
      if (i > 0) {
        out.append(',');
      }
      out.append(v);
    }
    out.append('\n');
  }
}
