package org.sibmodel.ingest;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.sibmodel.io.InputFormatException;
import org.sibmodel.io.RawRow;
import org.sibmodel.ssda903.CollectionYear;
import org.sibmodel.ssda903.Ssda903Dates;
import scala.Tuple2;

/**
 * Decides how the run reads return labels ({@link ReturnYears}), from the options or, where they
 * leave it open, from the episode dates, and says why in words for the summary.
 */
record YearDecision(ReturnYears years, String explanation) {

  static YearDecision decide(JavaRDD<RawRow> raw, InputSet inputs, IngestOptions options) {
    JavaRDD<Tuple2<String, LocalDate>> starts = episodeStarts(raw, inputs);
    ReturnYears.Convention convention;
    String why;
    if (!options.yearLabels().equals("auto")) {
      convention = ReturnYears.Convention.parse(options.yearLabels());
      why = "bare year labels read as the year each return " + (convention == ReturnYears.Convention.START ? "starts" : "ends") + " (--year-labels)";
    } else {
      // Votes: does DECOM fall in the April-March year that starts, or that ends, in the label?
      Tuple2<Long, Long> votes = starts
          .filter(t -> t._1() != null && ReturnYears.isBare(t._1()))
          .map(t -> {
            int label = Integer.parseInt(t._1().trim());
            int year = CollectionYear.of(t._2());
            return new Tuple2<>(year == label + 1 ? 1L : 0L, year == label ? 1L : 0L);
          })
          .fold(new Tuple2<>(0L, 0L), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
      convention = votes._1() > votes._2() ? ReturnYears.Convention.START : ReturnYears.Convention.END;
      why = votes._1() + votes._2() == 0
          ? "no bare year labels"
          : "bare year labels read as the year each return " + (convention == ReturnYears.Convention.START ? "starts" : "ends")
              + ": " + Math.max(votes._1(), votes._2()) + " episode start dates fall in that reading's year, "
              + Math.min(votes._1(), votes._2()) + " in the other (override with --year-labels)";
    }
    Integer unlabelled = null;
    boolean anyUnlabelled = inputs.files().stream().anyMatch(f -> f.folderLabel() == null && !f.hasColumn("YEAR"));
    if (anyUnlabelled) {
      if (options.year() != null) {
        unlabelled = options.year();
        why += "; the unlabelled return is collection year " + unlabelled + " (--year)";
      } else {
        LocalDate today = options.today();
        LocalDate latest = starts.filter(t -> t._1() == null).map(Tuple2::_2)
            .filter(d -> !d.isAfter(today))
            .fold(LocalDate.MIN, (a, b) -> a.isAfter(b) ? a : b);
        if (latest.equals(LocalDate.MIN)) {
          throw new InputFormatException(
              "cannot tell the collection year of the unlabelled return: no episode has a readable DECOM;"
                  + " give it with --year");
        }
        unlabelled = CollectionYear.of(latest);
        why += "; the unlabelled return is taken as collection year " + unlabelled + " ("
            + CollectionYear.label(unlabelled) + "), from its latest episode start " + Ssda903Dates.format(latest)
            + " (override with --year)";
      }
    }
    return new YearDecision(new ReturnYears(convention, unlabelled), why);
  }

  /** (label, DECOM) of every episode row whose DECOM and label can be read; label null if none. */
  private static JavaRDD<Tuple2<String, LocalDate>> episodeStarts(JavaRDD<RawRow> raw, InputSet inputs) {
    return raw.filter(r -> inputs.file(r.fileId()).kind() == Ssda903File.EPISODES)
        .flatMap(r -> {
          InputFile file = inputs.file(r.fileId());
          try {
            String label = file.hasColumn("YEAR") ? file.valueInLine(r.text(), "YEAR") : file.folderLabel();
            if (file.hasColumn("YEAR") && label == null) {
              return java.util.Collections.emptyIterator();
            }
            LocalDate decom = Ssda903Dates.parse(Objects.requireNonNull(file.valueInLine(r.text(), "DECOM")));
            return java.util.List.of(new Tuple2<>(label, decom)).iterator();
          } catch (RuntimeException unreadable) {
            // The row will be rejected with its reason by RowValidator; it carries no evidence here.
            return java.util.Collections.emptyIterator();
          }
        });
  }
}
