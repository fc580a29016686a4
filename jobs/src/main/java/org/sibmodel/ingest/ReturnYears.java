package org.sibmodel.ingest;

import java.io.Serializable;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the label of a return (a yearly folder's name or a YEAR value) into its collection year,
 * named by the year it ends (2019 = April 2018 to March 2019).
 *
 * <p>Labels like {@code 2018-19} or {@code 2018_19} say which year is meant. A bare {@code 2018}
 * does not: tools use it both for the year a return starts and the year it ends. The job reads
 * bare labels one way for the whole run ({@link Convention}), chosen from the episode dates
 * unless {@code --year-labels} says. An unlabelled single return takes {@code --year} or the year
 * of its latest date.
 */
public final class ReturnYears implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern SPAN = Pattern.compile("(\\d{4})\\s*[-_/]\\s*(\\d{2}|\\d{4})");
  private static final Pattern BARE = Pattern.compile("\\d{4}");

  /** How a bare four-digit label is read. */
  public enum Convention {
    /** 2018 = the return for April 2018 to March 2019 (collection year 2019). */
    START,
    /** 2018 = the return for April 2017 to March 2018 (collection year 2018), the DfE naming. */
    END;

    public static Convention parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final Convention bareLabels;
  private final Integer unlabelledYear;

  /**
   * @param bareLabels how to read bare four-digit labels
   * @param unlabelledYear collection year of rows with no label (a single return), or null if none
   */
  public ReturnYears(Convention bareLabels, Integer unlabelledYear) {
    this.bareLabels = bareLabels;
    this.unlabelledYear = unlabelledYear;
  }

  public Convention bareLabels() {
    return bareLabels;
  }

  public Integer unlabelledYear() {
    return unlabelledYear;
  }

  /** Whether a label is a bare four-digit year (whose reading needs the convention). */
  public static boolean isBare(String label) {
    return label != null && BARE.matcher(label.trim()).matches();
  }

  /** The collection year a spelled-out label names ({@code 2018-19} → 2019), if it is one. */
  public static OptionalInt explicitYear(String label) {
    Matcher m = SPAN.matcher(label.trim());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    int first = Integer.parseInt(m.group(1));
    String second = m.group(2);
    int end = second.length() == 4 ? Integer.parseInt(second) : (first / 100) * 100 + Integer.parseInt(second);
    if (second.length() == 2 && end < first) {
      end += 100;
    }
    return end == first + 1 ? OptionalInt.of(end) : OptionalInt.empty();
  }

  /** Whether a label can be read as a collection year at all. */
  public static boolean isLabel(String label) {
    return isBare(label) || explicitYear(label).isPresent();
  }

  /**
   * The collection year of a label, or of an unlabelled row when {@code label} is null.
   *
   * @throws IllegalArgumentException when the label is not a year label
   */
  public int collectionYear(String label) {
    if (label == null) {
      if (unlabelledYear == null) {
        throw new IllegalStateException("no collection year known for unlabelled rows");
      }
      return unlabelledYear;
    }
    if (isBare(label)) {
      int year = Integer.parseInt(label.trim());
      return bareLabels == Convention.START ? year + 1 : year;
    }
    return explicitYear(label)
        .orElseThrow(
            () -> new IllegalArgumentException(
                "'" + label + "' is not a collection year (expected 2019, 2018-19 or 2018_19)"));
  }
}
