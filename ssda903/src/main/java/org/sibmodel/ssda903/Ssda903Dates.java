package org.sibmodel.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as SSDA903 tools write them: {@code dd/mm/yyyy} (the DfE format, also {@code d/m/yyyy})
 * or ISO {@code yyyy-mm-dd}, optionally followed by a midnight time as spreadsheet exports add.
 * Strict: 31/02/2019 is not a date.
 */
public final class Ssda903Dates {
  private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MIDNIGHT = Pattern.compile("(?:[ T]00:00(?::00(?:\\.0+)?)?)?");
  private static final DateTimeFormatter UK_OUT =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Ssda903Dates() {}

  /**
   * Parses a date.
   *
   * @throws DateTimeParseException with a message saying which formats are accepted
   */
  public static LocalDate parse(String text) {
    String s = text.trim();
    int cut = Math.max(s.indexOf(' '), s.indexOf('T'));
    String datePart = cut > 0 ? s.substring(0, cut) : s;
    String timePart = cut > 0 ? s.substring(cut) : "";
    if (MIDNIGHT.matcher(timePart).matches()) {
      Matcher uk = UK.matcher(datePart);
      Matcher iso = ISO.matcher(datePart);
      try {
        if (uk.matches()) {
          return LocalDate.of(
              Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)));
        }
        if (iso.matches()) {
          return LocalDate.of(
              Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
      } catch (java.time.DateTimeException e) {
        throw new DateTimeParseException("'" + text + "' is not a calendar date: " + e.getMessage(), text, 0);
      }
    }
    throw new DateTimeParseException(
        "'" + text + "' is not a date in dd/mm/yyyy or yyyy-mm-dd form", text, 0);
  }

  /** Formats a date the DfE way, for messages. */
  public static String format(LocalDate date) {
    return UK_OUT.format(date);
  }
}
