package org.sibmodel.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sibmodel.schemas.DatasetSchema;
import org.sibmodel.schemas.FieldSpec;

/**
 * The header row of a CSV input, checked against the dataset's declared columns before any data
 * is read: columns are matched by name, case-insensitively, in any order; a UTF-8 byte-order mark
 * is allowed; a missing column, a repeated one or an empty file is an {@link InputFormatException}
 * naming the file and the columns expected.
 *
 * @param columns index of each declared column present (names as declared)
 * @param extra columns the file has beyond the declared ones (ignored)
 * @param width number of columns in the header row
 */
public record CsvHeader(Map<String, Integer> columns, List<String> extra, int width) {

  public static CsvHeader read(FileSystem fs, Path path, String shownAs, DatasetSchema schema) throws IOException {
    String first;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
      first = reader.readLine();
    }
    List<String> expected = schema.requiredColumns();
    if (first == null || first.replace("\uFEFF", "").isBlank()) {
      throw new InputFormatException(shownAs + ": the file is empty; expected a header row " + String.join(",", expected));
    }
    String[] names;
    try {
      names = CsvLine.split(first.replace("\uFEFF", ""));
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(shownAs + " line 1: the header row is " + e.getMessage());
    }
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      Optional<FieldSpec> declared = schema.fields().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
      if (declared.isEmpty()) {
        extra.add(names[i]);
        continue;
      }
      if (columns.put(declared.get().name(), i) != null) {
        throw new InputFormatException(shownAs + " line 1: column " + declared.get().name() + " appears twice");
      }
    }
    List<String> missing = expected.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputFormatException(
          shownAs + " line 1: the header row lacks " + String.join(", ", missing) + "; expected the "
              + schema.title().replaceAll(",? as read.*$", "") + " columns " + String.join(",", expected)
              + optionalColumns(schema) + ", found " + String.join(",", names)
              + (columns.isEmpty() ? " (is the header row missing?)" : ""));
    }
    return new CsvHeader(Map.copyOf(columns), List.copyOf(extra), names.length);
  }

  private static String optionalColumns(DatasetSchema schema) {
    List<String> optional = schema.fields().stream().filter(FieldSpec::optionalColumn).map(FieldSpec::name).toList();
    return optional.isEmpty() ? "" : " (optional: " + String.join(", ", optional) + ")";
  }
}
