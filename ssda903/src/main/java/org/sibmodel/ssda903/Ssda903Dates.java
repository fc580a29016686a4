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
    LocalDate plain = plain(s, text);
    if (plain != null) {
      return plain;
    }
    int cut = Math.max(s.indexOf(' '), s.indexOf('T'));
    String datePart = cut > 0 ? s.substring(0, cut) : s;
    String timePart = cut > 0 ? s.substring(cut) : "";
    if (MIDNIGHT.matcher(timePart).matches()) {
      Matcher uk = UK.matcher(datePart);
      if (uk.matches()) {
        return calendarDate(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)), text);
      }
      Matcher iso = ISO.matcher(datePart);
      if (iso.matches()) {
        return calendarDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)), text);
      }
    }
    throw new DateTimeParseException(
        "'" + text + "' is not a date in dd/mm/yyyy or yyyy-mm-dd form", text, 0);
  }

  /**
   * Exactly {@code dd/mm/yyyy} or {@code yyyy-mm-dd}, the digits read where they stand: most dates
   * of most files, parsed without the regular expressions (ingest parses millions). Null for any
   * other text, which the patterns then judge.
   */
  private static LocalDate plain(String s, String text) {
    if (s.length() != 10) {
      return null;
    }
    if (s.charAt(2) == '/' && s.charAt(5) == '/') {
      int day = digits(s, 0, 2);
      int month = digits(s, 3, 5);
      int year = digits(s, 6, 10);
      return day < 0 || month < 0 || year < 0 ? null : calendarDate(year, month, day, text);
    }
    if (s.charAt(4) == '-' && s.charAt(7) == '-') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      return day < 0 || month < 0 || year < 0 ? null : calendarDate(year, month, day, text);
    }
    return null;
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static LocalDate calendarDate(int year, int month, int day, String text) {
    try {
      return LocalDate.of(year, month, day);
    } catch (java.time.DateTimeException e) {
      throw new DateTimeParseException("'" + text + "' is not a calendar date: " + e.getMessage(), text, 0);
    }
  }

  /** Formats a date the DfE way, for messages. */
  public static String format(LocalDate date) {
    return UK_OUT.format(date);
  }
}
