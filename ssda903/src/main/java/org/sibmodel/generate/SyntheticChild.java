package org.sibmodel.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic child and every period of care they have, in order. No real child: every field is
 * drawn from the model.
 *
 * @param index the child's number in the simulation, which keys their random stream
 * @param id the CHILD identifier written to the returns (7 digits, unique)
 * @param district the district whose entry process the child came from (the truth; the returns
 *     carry only the home postcode)
 * @param sex SSDA903 SEX code (1 male, 2 female)
 * @param ethnic SSDA903 ETHNIC code
 */
public record SyntheticChild(
    int index,
    String id,
    String district,
    boolean uasc,
    String sex,
    LocalDate dob,
    String ethnic,
    List<CarePeriod> periods) {

  public SyntheticChild {
    periods = List.copyOf(periods);
    if (id == null || !id.matches("[0-9]{7}")) {
      throw new IllegalArgumentException("child " + index + ": id must be 7 digits, was '" + id + "'");
    }
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("child " + id + ": no care periods");
    }
    if (periods.get(0).start().isBefore(dob)) {
      throw new IllegalArgumentException("child " + id + ": enters care " + periods.get(0).start() + " before birth " + dob);
    }
    for (int i = 1; i < periods.size(); i++) {
      if (!periods.get(i).start().isAfter(periods.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "child " + id + ": period " + (i + 1) + " starts " + periods.get(i).start()
                + ", not after the previous one ended " + periods.get(i - 1).end());
      }
    }
    CarePeriod last = periods.get(periods.size() - 1);
    if (last.end().isAfter(eighteenthBirthday(dob)) || !last.episodes().get(last.episodes().size() - 1).decom().isBefore(eighteenthBirthday(dob))) {
      throw new IllegalArgumentException("child " + id + ": care continues past the 18th birthday " + eighteenthBirthday(dob));
    }
  }

  public LocalDate eighteenthBirthday() {
    return eighteenthBirthday(dob);
  }

  static LocalDate eighteenthBirthday(LocalDate dob) {
    return dob.plusYears(18);
  }
}
