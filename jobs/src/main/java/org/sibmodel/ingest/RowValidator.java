package org.sibmodel.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.ingest.Reject.Rule;
import org.sibmodel.io.CsvLine;
import org.sibmodel.io.RawRow;
import org.sibmodel.schemas.CodeList;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.FieldSpec;
import org.sibmodel.schemas.FieldType;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.ssda903.Ssda903Dates;

/**
 * The row-level rules: every declared field is checked against its schema (required, date, code
 * valid in the row's collection year), then the rules of each file (an episode cannot end before
 * it starts; an E code means DEC is set; no date after the return's year or after today). A row
 * either becomes a typed {@link Rows.Row} or a list of {@link Reject}s, one per rule broken.
 */
final class RowValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The outcome for one row: exactly one of {@code row} and {@code rejects} is non-empty. */
  record Result(int fileId, long line, Rows.Row row, List<Reject> rejects) implements Serializable {
    boolean rejected() {
      return !rejects.isEmpty();
    }
  }

  /**
   * What validation needs to know of one file, worked out once rather than for every row: the
   * declared fields it has, each with its column's index, and its dataset's DEC and REC fields.
   */
  private record Columns(InputFile file, List<FieldSpec> fields, int[] index, FieldSpec dec, FieldSpec rec) {
    static Columns of(InputFile file) {
      DatasetSchema schema = file.kind().schema();
      List<FieldSpec> fields = schema.fields().stream()
          .filter(f -> !f.optionalColumn() && file.hasColumn(f.name()))
          .toList();
      int[] index = fields.stream().mapToInt(f -> file.columns().get(f.name())).toArray();
      FieldSpec dec = file.kind() == Ssda903File.EPISODES ? schema.requireField("DEC") : null;
      FieldSpec rec = file.kind() == Ssda903File.EPISODES ? schema.requireField("REC") : null;
      return new Columns(file, fields, index, dec, rec);
    }
  }

  private final InputSet inputs;
  /** Each file's {@link Columns}, by file id: worked out where the validator runs, on first use. */
  private transient List<Columns> columnsByFile;
  private final ReturnYears years;
  private final Ssda903Codes codes;
  private final String defaultLa;
  private final LocalDate today;

  RowValidator(InputSet inputs, ReturnYears years, Ssda903Codes codes, String defaultLa, LocalDate today) {
    this.inputs = inputs;
    this.years = years;
    this.codes = codes;
    this.defaultLa = defaultLa;
    this.today = today;
  }

  Result validate(RawRow raw) {
    Columns columns = columns(raw.fileId());
    InputFile file = columns.file();
    Check check = new Check(file, raw.line());
    String[] values;
    try {
      values = CsvLine.split(raw.text());
    } catch (IllegalArgumentException e) {
      check.fail(null, null, Rule.MALFORMED_ROW, "the line is " + e.getMessage());
      return check.result(null);
    }
    if (values.length != file.headerWidth()) {
      check.fail(null, null, Rule.MALFORMED_ROW,
          "the row has " + values.length + " fields; the header row has " + file.headerWidth());
      return check.result(null);
    }
    Integer year = collectionYear(file, values, check);
    check.year = year;
    Map<String, Object> parsed = new HashMap<>();
    for (int i = 0; i < columns.fields().size(); i++) {
      FieldSpec field = columns.fields().get(i);
      String value = InputFile.value(values, columns.index()[i]);
      if (value == null) {
        if (field.required()) {
          check.fail(field, null, Rule.MISSING_VALUE, field.name() + " is empty; it is required");
        }
        continue;
      }
      if (field.type() == FieldType.DATE) {
        try {
          parsed.put(field.name(), Ssda903Dates.parse(value));
        } catch (DateTimeParseException e) {
          check.fail(field, value, Rule.BAD_DATE, field.name() + " " + e.getMessage());
        }
        continue;
      }
      if (field.codelist() != null && year != null) {
        CodeList list = codes.list(field.codelist());
        if (!list.isValid(value, year)) {
          check.fail(field, value, Rule.UNKNOWN_CODE,
              field.name() + " '" + value + "' is not a code of the " + CollectionYear.label(year)
                  + " collection (" + (list.contains(value) ? "not valid that year" : "unknown code")
                  + "; valid: " + String.join(" ", list.validCodes(year)) + ")");
          continue;
        }
      }
      parsed.put(field.name(), value);
    }
    if (year != null) {
      checkDates(columns, parsed, year, check);
    }
    if (!check.rejects.isEmpty()) {
      return check.result(null);
    }
    String la = file.value(values, "LA");
    if (la == null) {
      la = defaultLa;
    }
    return check.result(typed(file, raw.line(), la, year, parsed));
  }

  private Columns columns(int fileId) {
    if (columnsByFile == null) {
      columnsByFile = inputs.files().stream().map(Columns::of).toList();
    }
    return columnsByFile.get(fileId);
  }

  private Integer collectionYear(InputFile file, String[] values, Check check) {
    String label = file.folderLabel();
    if (file.hasColumn("YEAR")) {
      label = file.value(values, "YEAR");
      if (label == null) {
        check.fail("YEAR", false, null, Rule.BAD_YEAR, "YEAR is empty; rows of a file with a YEAR column need one");
        return null;
      }
      if (!ReturnYears.isLabel(label)) {
        check.fail("YEAR", false, label, Rule.BAD_YEAR,
            "YEAR '" + label + "' is not a collection year (expected 2019 or 2018-19)");
        return null;
      }
    }
    return years.collectionYear(label);
  }

  private void checkDates(Columns columns, Map<String, Object> parsed, int year, Check check) {
    LocalDate returnEnd = CollectionYear.end(year);
    for (FieldSpec field : columns.fields()) {
      if (!(parsed.get(field.name()) instanceof LocalDate date)) {
        continue;
      }
      // DUC is the date a child stops being an asylum seeker: usually the 18th birthday, ahead.
      if (field.name().equals("DUC")) {
        continue;
      }
      if (date.isAfter(today)) {
        check.fail(field, Ssda903Dates.format(date), Rule.DATE_IN_FUTURE,
            field.name() + " " + Ssda903Dates.format(date) + " is after today (" + Ssda903Dates.format(today) + ")");
      } else if (date.isAfter(returnEnd)) {
        check.fail(field, Ssda903Dates.format(date), Rule.DATE_AFTER_RETURN,
            field.name() + " " + Ssda903Dates.format(date) + " is after the end of the "
                + CollectionYear.label(year) + " return (" + Ssda903Dates.format(returnEnd) + ")");
      }
    }
    if (columns.file().kind() != Ssda903File.EPISODES) {
      return;
    }
    LocalDate decom = (LocalDate) parsed.get("DECOM");
    LocalDate dec = (LocalDate) parsed.get("DEC");
    String rec = (String) parsed.get("REC");
    FieldSpec decField = columns.dec();
    FieldSpec recField = columns.rec();
    if (decom != null && dec != null && dec.isBefore(decom)) {
      check.fail(decField, Ssda903Dates.format(dec), Rule.DEC_BEFORE_DECOM,
          "DEC " + Ssda903Dates.format(dec) + " is before DECOM " + Ssda903Dates.format(decom));
    }
    if (dec == null && rec != null && rec.startsWith("E")) {
      check.fail(recField, rec, Rule.LEFT_CARE_WITHOUT_DEC,
          "REC " + rec + " says the child left care but DEC is empty");
    }
    if (dec != null && rec == null) {
      check.fail(recField, null, Rule.DEC_WITHOUT_REC,
          "DEC is " + Ssda903Dates.format(dec) + " but REC is empty; an ended episode needs its reason");
    }
  }

  private static Rows.Row typed(InputFile file, long line, String la, int year, Map<String, Object> v) {
    String child = (String) v.get("CHILD");
    return switch (file.kind()) {
      case EPISODES -> new Rows.Episode(
          file.id(), line, la, year, child, (LocalDate) v.get("DECOM"), (String) v.get("RNE"),
          (String) v.get("LS"), (String) v.get("CIN"), (String) v.get("PLACE"),
          (String) v.get("PLACE_PROVIDER"), (LocalDate) v.get("DEC"), (String) v.get("REC"),
          (String) v.get("REASON_PLACE_CHANGE"), (String) v.get("HOME_POST"));
      case HEADER -> new Rows.Header(
          file.id(), line, la, year, child, (String) v.get("SEX"), (LocalDate) v.get("DOB"), (String) v.get("ETHNIC"));
      case UASC -> new Rows.Uasc(file.id(), line, la, year, child, (LocalDate) v.get("DOB"));
    };
  }

  /** Collects the rejects of one row. */
  private static final class Check {
    private final InputFile file;
    private final long line;
    private final List<Reject> rejects = new ArrayList<>();
    private Integer year;

    Check(InputFile file, long line) {
      this.file = file;
      this.line = line;
    }

    void fail(FieldSpec field, String value, Rule rule, String message) {
      fail(field == null ? null : field.name(), field != null && field.personal(), value, rule, message);
    }

    /** Records a broken rule; a personal value is withheld from both the value and the message. */
    void fail(String fieldName, boolean personal, String value, Rule rule, String message) {
      String shown = value;
      if (value != null && personal) {
        shown = Reject.WITHHELD;
        message = message.replace(value, Reject.WITHHELD);
      }
      rejects.add(new Reject(file.relativePath(), line, file.kind().label(), year, fieldName, shown, rule, message));
    }

    Result result(Rows.Row row) {
      return new Result(file.id(), line, row, List.copyOf(rejects));
    }
  }
}
