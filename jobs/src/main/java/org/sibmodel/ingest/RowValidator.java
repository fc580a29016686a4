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
   * declared fields it has, each with its column's index and code list, where each field's value
   * sits among a row's parsed values, the LA and YEAR columns, and its dataset's DEC and REC fields.
   */
  private record Columns(
      InputFile file, List<FieldSpec> fields, int[] index, CodeList[] codeLists, Map<String, Integer> position,
      int laColumn, int yearColumn, FieldSpec dec, FieldSpec rec) {
    static Columns of(InputFile file, Ssda903Codes codes) {
      DatasetSchema schema = file.kind().schema();
      List<FieldSpec> fields = schema.fields().stream()
          .filter(f -> !f.optionalColumn() && file.hasColumn(f.name()))
          .toList();
      int[] index = fields.stream().mapToInt(f -> file.columns().get(f.name())).toArray();
      CodeList[] codeLists = fields.stream().map(f -> f.codelist() == null ? null : codes.list(f.codelist())).toArray(CodeList[]::new);
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        position.put(fields.get(i).name(), i);
      }
      FieldSpec dec = file.kind() == Ssda903File.EPISODES ? schema.requireField("DEC") : null;
      FieldSpec rec = file.kind() == Ssda903File.EPISODES ? schema.requireField("REC") : null;
      return new Columns(file, fields, index, codeLists, Map.copyOf(position),
          file.columns().getOrDefault("LA", -1), file.columns().getOrDefault("YEAR", -1), dec, rec);
    }

    /** A field's parsed value in a row (null when the file lacks the column or the row the value). */
    Object get(Object[] parsed, String field) {
      Integer i = position.get(field);
      return i == null ? null : parsed[i];
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
    Integer year = collectionYear(columns, values, check);
    check.year = year;
    Object[] parsed = new Object[columns.fields().size()];
    for (int i = 0; i < parsed.length; i++) {
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
          parsed[i] = Ssda903Dates.parse(value);
        } catch (DateTimeParseException e) {
          check.fail(field, value, Rule.BAD_DATE, field.name() + " " + e.getMessage());
        }
        continue;
      }
      CodeList list = columns.codeLists()[i];
      if (list != null && year != null) {
        if (!list.isValid(value, year)) {
          check.fail(field, value, Rule.UNKNOWN_CODE,
              field.name() + " '" + value + "' is not a code of the " + CollectionYear.label(year)
                  + " collection (" + (list.contains(value) ? "not valid that year" : "unknown code")
                  + "; valid: " + String.join(" ", list.validCodes(year)) + ")");
          continue;
        }
      }
      parsed[i] = value;
    }
    if (year != null) {
      checkDates(columns, parsed, year, check);
    }
    if (!check.rejects.isEmpty()) {
      return check.result(null);
    }
    String la = columns.laColumn() < 0 ? null : InputFile.value(values, columns.laColumn());
    if (la == null) {
      la = defaultLa;
    }
    return check.result(typed(columns, raw.line(), la, year, parsed));
  }

  private Columns columns(int fileId) {
    if (columnsByFile == null) {
      columnsByFile = inputs.files().stream().map(f -> Columns.of(f, codes)).toList();
    }
    return columnsByFile.get(fileId);
  }

  private Integer collectionYear(Columns columns, String[] values, Check check) {
    String label = columns.file().folderLabel();
    if (columns.yearColumn() >= 0) {
      label = InputFile.value(values, columns.yearColumn());
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

  private void checkDates(Columns columns, Object[] parsed, int year, Check check) {
    LocalDate returnEnd = CollectionYear.end(year);
    for (int i = 0; i < parsed.length; i++) {
      if (!(parsed[i] instanceof LocalDate date)) {
        continue;
      }
      FieldSpec field = columns.fields().get(i);
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
    LocalDate decom = (LocalDate) columns.get(parsed, "DECOM");
    LocalDate dec = (LocalDate) columns.get(parsed, "DEC");
    String rec = (String) columns.get(parsed, "REC");
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

  private static Rows.Row typed(Columns columns, long line, String la, int year, Object[] parsed) {
    InputFile file = columns.file();
    String child = (String) columns.get(parsed, "CHILD");
    return switch (file.kind()) {
      case EPISODES -> new Rows.Episode(
          file.id(), line, la, year, child, (LocalDate) columns.get(parsed, "DECOM"), (String) columns.get(parsed, "RNE"),
          (String) columns.get(parsed, "LS"), (String) columns.get(parsed, "CIN"), (String) columns.get(parsed, "PLACE"),
          (String) columns.get(parsed, "PLACE_PROVIDER"), (LocalDate) columns.get(parsed, "DEC"),
          (String) columns.get(parsed, "REC"), (String) columns.get(parsed, "REASON_PLACE_CHANGE"),
          (String) columns.get(parsed, "HOME_POST"));
      case HEADER -> new Rows.Header(
          file.id(), line, la, year, child, (String) columns.get(parsed, "SEX"), (LocalDate) columns.get(parsed, "DOB"),
          (String) columns.get(parsed, "ETHNIC"));
      case UASC -> new Rows.Uasc(file.id(), line, la, year, child, (LocalDate) columns.get(parsed, "DOB"));
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
