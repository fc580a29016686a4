package org.sibmodel.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/** Input rows that passed the row-level rules, typed. Each keeps its file and line. */
public final class Rows {
  private Rows() {}

  /** A row of any SSDA903 file, with the child and return it belongs to. */
  public sealed interface Row extends Serializable permits Episode, Header, Uasc {
    int fileId();

    long line();

    String la();

    int collectionYear();

    String child();
  }

  /** An episodes row. {@code dec} and {@code rec} are null while the episode is open. */
  public record Episode(
      int fileId,
      long line,
      String la,
      int collectionYear,
      String child,
      LocalDate decom,
      String rne,
      String legalStatus,
      String categoryOfNeed,
      String placement,
      String provider,
      LocalDate dec,
      String rec,
      String reasonPlaceChange,
      String homePostcode)
      implements Row {}

  /** A header row. */
  public record Header(
      int fileId, long line, String la, int collectionYear, String child, String sex, LocalDate dob, String ethnic)
      implements Row {}

  /** A uasc row. */
  public record Uasc(int fileId, long line, String la, int collectionYear, String child, LocalDate dob)
      implements Row {}
}
