package org.sibmodel.reference;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps a child's home postcode (usually reduced to the sector, {@code BB10 3}) to a local authority
 * district, through a table of postcode prefixes: outward codes ({@code BB10}) and sectors
 * ({@code BB6 8}); the sector wins over its outward code. Postcodes not in the table are reported
 * as unmapped, never guessed. Holds no personal data: only the table.
 */
public final class PostcodeLookup implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern POSTCODE =
      Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)(?:\\s*([0-9])(?:[A-Z]{2})?)?$");

  /** How a postcode fared in the lookup. */
  public enum Status {
    MAPPED,
    UNMAPPED,
    MISSING;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The lookup's answer.
   *
   * @param district the district when mapped, else null
   * @param outwardCode the postcode district (for example FY1) when the postcode could be read,
   *     else null; safe to publish in counts, unlike the postcode itself
   */
  public record Result(Status status, String district, String outwardCode) {}

  private final String source;
  private final Map<String, String> districtByPrefix;

  private PostcodeLookup(String source, Map<String, String> districtByPrefix) {
    this.source = source;
    this.districtByPrefix = Map.copyOf(districtByPrefix);
  }

  /** The bundled, approximate Lancashire table (see reference/lancashire-postcodes.csv). */
  public static PostcodeLookup lancashire() {
    return from(ReferenceCsv.resource("lancashire-postcodes.csv"), "bundled reference/lancashire-postcodes.csv");
  }

  /** A table from a file with columns {@code prefix,district}. */
  public static PostcodeLookup fromFile(Path file) {
    try {
      return from(Files.newInputStream(file), file.toString());
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new IllegalArgumentException("--postcodes " + file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read postcode table " + file + ": " + e.getMessage(), e);
    }
  }

  static PostcodeLookup from(InputStream in, String source) {
    List<CSVRecord> records = ReferenceCsv.read(in, source, List.of("prefix", "district"));
    Map<String, String> table = new HashMap<>();
    for (CSVRecord r : records) {
      String prefix = normalise(r.get("prefix"))
          .orElseThrow(() -> new IllegalArgumentException(
              source + " line " + r.getParser().getCurrentLineNumber()
                  + ": prefix '" + r.get("prefix") + "' is not an outward code (BB10) or a sector (BB10 3)"));
      String district = r.get("district");
      if (district.isBlank()) {
        throw new IllegalArgumentException(
            source + ": prefix " + prefix + " has no district (line " + r.getRecordNumber() + ")");
      }
      String previous = table.put(prefix, district);
      if (previous != null && !previous.equals(district)) {
        throw new IllegalArgumentException(
            source + ": prefix " + prefix + " is mapped to both " + previous + " and " + district);
      }
    }
    if (table.isEmpty()) {
      throw new IllegalArgumentException(source + ": the postcode table has no rows");
    }
    return new PostcodeLookup(source, table);
  }

  /** Where the table came from, for run metadata. */
  public String source() {
    return source;
  }

  /** Every district the table can give, sorted. */
  public List<String> districts() {
    return List.copyOf(new TreeSet<>(districtByPrefix.values()));
  }

  /** The prefixes (outward codes and sectors) that map to a district, sorted. */
  public List<String> prefixesOf(String district) {
    return districtByPrefix.entrySet().stream()
        .filter(e -> e.getValue().equals(district))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  public Result lookup(String homePostcode) {
    if (homePostcode == null || homePostcode.isBlank()) {
      return new Result(Status.MISSING, null, null);
    }
    Matcher m = POSTCODE.matcher(homePostcode.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return new Result(Status.UNMAPPED, null, null);
    }
    String outward = m.group(1);
    String district = null;
    if (m.group(2) != null) {
      district = districtByPrefix.get(outward + " " + m.group(2));
    }
    if (district == null) {
      district = districtByPrefix.get(outward);
    }
    return district == null
        ? new Result(Status.UNMAPPED, null, outward)
        : new Result(Status.MAPPED, district, outward);
  }

  /** "BB10 3" for "bb10 3", "BB10 3AB" or "BB103"; "BB10" for an outward code alone. */
  static Optional<String> normalise(String prefix) {
    Matcher m = POSTCODE.matcher(prefix.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2));
  }
}
