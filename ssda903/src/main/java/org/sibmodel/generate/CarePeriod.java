package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * A period of care: contiguous episodes from an entry (RNE S) to leaving care (an E code).
 *
 * @param start the entry date (DECOM of the first episode)
 * @param end the date the child left care (DEC of the last episode)
 * @param exitCategory the exit category drawn for the period ({@link SyntheticCountyModel.Exits})
 */
public record CarePeriod(LocalDate start, LocalDate end, String exitCategory, List<Episode> episodes) {

  public CarePeriod {
    episodes = List.copyOf(episodes);
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("care period from " + start + ": no episodes");
    }
    Episode first = episodes.get(0);
    if (!first.decom().equals(start) || !"S".equals(first.rne())) {
      throw new IllegalArgumentException(
          "care period from " + start + ": first episode must start it with RNE S, was " + first.decom() + " " + first.rne());
    }
    for (int i = 1; i < episodes.size(); i++) {
      Episode previous = episodes.get(i - 1);
      Episode next = episodes.get(i);
      if (!previous.dec().equals(next.decom()) || previous.leftCare() || "S".equals(next.rne())) {
        throw new IllegalArgumentException(
            "care period from " + start + ": episode " + (i + 1) + " (" + next.decom() + ", RNE " + next.rne()
                + ") does not continue episode " + i + " (DEC " + previous.dec() + ", REC " + previous.rec() + ")");
      }
    }
    Episode last = episodes.get(episodes.size() - 1);
    if (!last.dec().equals(end) || !last.leftCare()) {
      throw new IllegalArgumentException(
          "care period from " + start + ": last episode must end it on " + end + " with an E code, was "
              + last.dec() + " " + last.rec());
    }
  }

  public String exitCode() {
    return episodes.get(episodes.size() - 1).rec();
  }

  public String homePost() {
    return episodes.get(0).homePost();
  }

  /** Whether the child is looked after on this date (entered on or before it, not yet left). */
  public boolean inCareOn(LocalDate date) {
    return !start.isAfter(date) && end.isAfter(date);
  }
}
