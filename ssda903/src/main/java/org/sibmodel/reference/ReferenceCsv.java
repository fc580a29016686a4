package org.sibmodel.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Small reference tables: CSV with a header row, '#' comment lines, UTF-8. */
final class ReferenceCsv {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder()
          .setCommentMarker('#')
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private ReferenceCsv() {}

  static InputStream resource(String name) {
    InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream("reference/" + name);
    if (in == null) {
      throw new IllegalStateException("bundled reference table missing: reference/" + name);
    }
    return in;
  }

  /** Reads every record, checking that the header has the expected columns. */
  static List<CSVRecord> read(InputStream in, String source, List<String> columns) {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      var parser = FORMAT.parse(reader);
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
      if (!header.containsAll(columns)) {
        throw new IllegalArgumentException(
            source + ": expected a header row with columns " + columns + ", found " + header);
      }
      return parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }
}
