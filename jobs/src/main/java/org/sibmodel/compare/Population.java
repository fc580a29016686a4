package org.sibmodel.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sibmodel.io.SmallCsv;
import org.sibmodel.vocabulary.AgeBand;

/**
 * The {@code --population} file: children living in each district by age band (columns district,
 * age_band, children; bands 0-4, 5-7, 8-9, 10-12, 13-15, 16-17), for entries per 10,000 children.
 */
record Population(String source, Map<String, Map<String, Long>> children) {

  static Population read(Path file) {
    SmallCsv csv = SmallCsv.read(file, "--population", "the header district,age_band,children");
    List<String> header = csv.header();
    int d = header.indexOf("district");
    int b = header.indexOf("age_band");
    int n = header.indexOf("children");
    if (d < 0 || b < 0 || n < 0) {
      throw new IllegalArgumentException(file + " row 1: expected the columns district, age_band, children; found "
          + String.join(",", header));
    }
    Map<String, Map<String, Long>> children = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (SmallCsv.Line line : csv.lines()) {
      String where = file + " row " + line.row();
      if (line.error() != null) {
        problems.add(where + ": " + line.error());
        continue;
      }
      String[] f = line.fields();
      if (f.length <= Math.max(d, Math.max(b, n))) {
        problems.add(where + ": " + f.length + " fields; expected " + header.size());
        continue;
      }
      String band = f[b].trim();
      try {
        AgeBand.ofLabel(band);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": age_band = " + band + ": not one of 0-4, 5-7, 8-9, 10-12, 13-15, 16-17");
        continue;
      }
      long count;
      try {
        count = Long.parseLong(f[n].trim());
      } catch (NumberFormatException e) {
        problems.add(where + ": children = " + f[n].trim() + ": expected a whole number");
        continue;
      }
      if (count < 0) {
        problems.add(where + ": children = " + count + ": must not be negative");
        continue;
      }
      if (children.computeIfAbsent(f[d].trim(), k -> new LinkedHashMap<>()).put(band, count) != null) {
        problems.add(where + ": " + f[d].trim() + " / " + band + " appears twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.size() + " problem(s) in the population file:\n  " + String.join("\n  ", problems));
    }
    return new Population(file.toString(), children);
  }

  /**
   * Children of a cohort's districts and age bands, or null where the file lacks one of them.
   *
   * @param districts the cohort's districts, or empty for every district in the file less {@code except}
   * @param bands the cohort's fine age bands, or empty for all
   */
  Long children(List<String> districts, List<String> except, List<String> bands) {
    List<String> ds = districts.isEmpty()
        ? children.keySet().stream().filter(x -> !except.contains(x)).toList() : districts;
    List<String> bs = bands.isEmpty() ? List.of(AgeBand.values()).stream().map(AgeBand::label).toList() : bands;
    long total = 0;
    for (String district : ds) {
      Map<String, Long> byBand = children.get(district);
      if (byBand == null) {
        return null;
      }
      for (String band : bs) {
        Long c = byBand.get(band);
        if (c == null) {
          return null;
        }
        total += c;
      }
    }
    return total;
  }
}
