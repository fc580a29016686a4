package org.sibmodel.io;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** The data lines of a text file, each with its 1-based line number (the header is line 1). */
public final class TextLines {
  private TextLines() {}

  /** Every non-blank line after the first, tagged with {@code fileId}. */
  public static JavaRDD<RawRow> read(JavaSparkContext jsc, String path, int fileId) {
    // One partition unless the file is large: zipWithIndex then needs no extra pass to count lines.
    return jsc.textFile(path, 1)
        .zipWithIndex()
        .filter(t -> t._2() > 0 && !t._1().isBlank())
        .map(t -> new RawRow(fileId, t._2() + 1, t._1()));
  }
}
