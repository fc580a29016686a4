package org.sibmodel.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What ingest did, for summary.json and the console: every count a reader needs to trust it.
 *
 * @param syntheticSource the input folder holds a generator_truth.json: the returns were made by
 *     {@code sib generate}, and later stages must label what they show as synthetic
 */
public record IngestSummary(
    String out,
    String layout,
    List<String> files,
    List<String> ignoredFiles,
    Map<String, List<String>> ignoredColumns,
    String returnYears,
    boolean syntheticSource,
    List<Authority> authorities,
    Counts rows,
    Map<String, Counts> rowsByDataset,
    Map<String, Long> rejectsByRule,
    long children,
    long episodes,
    Periods periods,
    Entries entries,
    Postcodes postcodes,
    List<Map<String, Object>> reconciliation) {

  /** Counts under this are pooled or suppressed where they could be published. */
  public static final int SMALL_COUNT = 5;

  /** An authority in the data and the span its returns cover. */
  public record Authority(String la, java.time.LocalDate from, java.time.LocalDate to) {}

  /** Rows read and what became of them. */
  public record Counts(long read, long accepted, long rejected, long superseded) {
    Counts plus(Counts o) {
      return new Counts(read + o.read, accepted + o.accepted, rejected + o.rejected, superseded + o.superseded);
    }
  }

  /** Care periods built. */
  public record Periods(long total, long startObserved, long ended, long stillInCare, long reentries, long returnedHome) {}

  /** Entries counted in care_entries. */
  public record Entries(long counted, long beforeFirstReturn) {}

  /** Home postcode lookup outcomes, by care period, and the unmapped outward codes. */
  public record Postcodes(String table, long mapped, long unmapped, long missing, Map<String, Long> unmappedByOutwardCode) {}

  static IngestSummary of(
      InputSet inputs, YearDecision years, IngestOptions options, IngestCounts counts, List<Row> reconciliation,
      CareEntries entries, List<Row> unmapped, Map<String, java.time.LocalDate[]> coverage, String out) {
    Map<String, Counts> byDataset = new LinkedHashMap<>();
    Counts total = new Counts(0, 0, 0, 0);
    List<Map<String, Object>> recon = new ArrayList<>();
    for (Row r : reconciliation) {
      Counts c = new Counts(r.getAs("rows_read"), r.getAs("accepted"), r.getAs("rejected"), r.getAs("superseded"));
      byDataset.merge(r.getAs("dataset"), c, Counts::plus);
      total = total.plus(c);
      Map<String, Object> row = new LinkedHashMap<>();
      for (String field : r.schema().fieldNames()) {
        row.put(field, r.getAs(field));
      }
      recon.add(row);
    }
    IngestCounts.Resolved p = counts.resolved();
    Map<String, Long> outward = new LinkedHashMap<>();
    unmapped.forEach(r -> outward.merge(r.getString(0) + " " + r.getString(1), r.getLong(2), Long::sum));
    return new IngestSummary(
        out,
        inputs.layout().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        inputs.files().stream().map(InputFile::relativePath).toList(),
        inputs.ignored(),
        inputs.extraColumns(),
        years.explanation(),
        inputs.ignored().stream().anyMatch(f -> f.endsWith("generator_truth.json")),
        coverage.entrySet().stream().map(e -> new Authority(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
        total,
        byDataset,
        new TreeMap<>(counts.rules()),
        p.children(),
        p.episodes(),
        new Periods(p.periods(), p.startObserved(), p.ended(), p.stillInCare(), p.reentries(), p.returnedHome()),
        new Entries(entries.inWindow(), entries.outsideWindow()),
        new Postcodes(options.postcodes() == null ? "bundled Lancashire table (approximate)" : options.postcodes().toString(),
            p.mapped(), p.unmapped(), p.missing(), outward),
        recon);
  }

  /** The console report. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("Read ").append(files.size()).append(" files (").append(layout).append("); ").append(returnYears).append(".\n");
    if (!ignoredFiles.isEmpty()) {
      s.append("Not read (not header, episodes or uasc): ").append(String.join(", ", ignoredFiles)).append('\n');
    }
    for (Authority a : authorities) {
      s.append("Returns of ").append(a.la()).append(" cover ").append(a.from()).append(" to ").append(a.to()).append(".\n");
    }
    ignoredColumns.forEach((file, cols) ->
        s.append("Ignored columns in ").append(file).append(": ").append(String.join(", ", cols)).append('\n'));
    s.append("\nReconciliation (rows read = accepted + rejected + superseded):\n");
    int width = Math.max(24, reconciliation.stream().mapToInt(r -> r.get("source_file").toString().length()).max().orElse(0));
    String format = "  %-" + width + "s %9s %9s %9s %11s%n";
    s.append(String.format(format, "file", "read", "accepted", "rejected", "superseded"));
    for (Map<String, Object> r : reconciliation) {
      s.append(String.format(format, r.get("source_file"), r.get("rows_read"), r.get("accepted"), r.get("rejected"), r.get("superseded")));
    }
    s.append(String.format(format, "total", rows.read(), rows.accepted(), rows.rejected(), rows.superseded()));
    if (!rejectsByRule.isEmpty()) {
      s.append("\nRejected rows by rule (a row may break several): ");
      List<String> parts = new ArrayList<>();
      rejectsByRule.forEach((rule, n) -> parts.add(rule + " " + n));
      s.append(String.join(", ", parts)).append('\n');
    }
    s.append('\n')
        .append(children).append(" children, ").append(episodes).append(" episodes, ")
        .append(periods.total()).append(" care periods (").append(periods.startObserved()).append(" with an observed entry, ")
        .append(periods.reentries()).append(" re-entries, ").append(periods.ended()).append(" ended, ")
        .append(periods.returnedHome()).append(" of them by a return home, ")
        .append(periods.stillInCare()).append(" still in care or censored).\n");
    s.append("Entries to care by month: ").append(entries.counted()).append(" counted");
    if (entries.beforeFirstReturn() > 0) {
      s.append(" (").append(entries.beforeFirstReturn()).append(" entries before the first return left out)");
    }
    s.append(".\n");
    s.append("Home postcodes (").append(postcodes.table()).append("), by care period: ")
        .append(postcodes.mapped()).append(" mapped to a district, ")
        .append(postcodes.unmapped()).append(" not in the table, ")
        .append(postcodes.missing()).append(" missing")
        .append(postcodes.unmapped() > 0 ? " (unmapped_postcodes.csv lists them by outward code)" : "")
        .append(".\n");
    s.append("\nOutputs in ").append(out).append(":\n")
        .append("  care_episodes/ care_periods/ care_entries/ ingest_rejects/ ingest_reconciliation/ unmapped_postcodes/ (Parquet)\n")
        .append("  care_entries.csv ingest_rejects.csv ingest_reconciliation.csv unmapped_postcodes.csv summary.json run.json\n");
    return s.toString();
  }
}
