package org.sibmodel.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The marker of a complete sib output: {@value #FILE}, written into the output folder after every
 * other file is in place, listing each file with its size. On an object store a rename is a copy
 * that others can see half done, so the presence of the folder (or of run.json) proves nothing; a
 * reader trusts an output only when the marker is there and every file it lists is present with
 * its size. The marker is one small file, written in one piece, and deleted first whenever an
 * output is replaced.
 *
 * @param files every file of the output except the marker, by path relative to the output folder, in name order
 */
public record StageManifest(List<Entry> files) {
  /** The marker's name; like Hadoop's {@code _SUCCESS}, a leading underscore keeps Spark from taking it for data. */
  public static final String FILE = "_sib_complete.json";

  /** One file of an output and its size in bytes. */
  public record Entry(String path, long bytes) {}

  public StageManifest {
    files = List.copyOf(files);
  }

  /** Every file under {@code dir} except a marker, as the manifest of {@code dir} would list them. */
  public static StageManifest of(FileSystem fs, Path dir) throws IOException {
    return new StageManifest(FolderFiles.under(fs, dir).stream().filter(f -> !f.relative().equals(FILE))
        .map(f -> new Entry(f.relative(), f.status().getLen())).toList());
  }

  /** The marker in {@code dir}, or null when it has none. */
  public static StageManifest read(FileSystem fs, Path dir) throws IOException {
    Path marker = new Path(dir, FILE);
    if (!fs.exists(marker)) {
      return null;
    }
    try (InputStream in = fs.open(marker)) {
      return Json.mapper().readerFor(StageManifest.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InputFormatException(marker + " is not a sib output marker: " + e.getOriginalMessage());
    }
  }

  /** Writes this manifest as the marker of {@code dir}; it must not be there yet. */
  public void write(FileSystem fs, Path dir) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, FILE), false)) {
      out.write(Json.write(this).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The listed files that {@code dir} lacks or holds with another size; empty when it holds them all. */
  public List<String> problems(FileSystem fs, Path dir) throws IOException {
    Map<String, Long> found = new LinkedHashMap<>();
    of(fs, dir).files().forEach(e -> found.put(e.path(), e.bytes()));
    List<String> problems = new ArrayList<>();
    for (Entry e : files) {
      Long bytes = found.get(e.path());
      if (bytes == null) {
        problems.add(e.path() + " (" + e.bytes() + " bytes) is missing");
      } else if (bytes != e.bytes()) {
        problems.add(e.path() + " has " + bytes + " bytes, not " + e.bytes());
      }
    }
    return problems;
  }
}
