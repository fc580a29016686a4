package org.sibmodel.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sibmodel.io.CsvHeader;
import org.sibmodel.io.InputFormatException;

/**
 * Finds the SSDA903 files under {@code --input} and checks each one's header row before any data
 * is read: a folder of yearly folders, or one folder; files named like {@code episodes.csv} (case
 * and prefixes do not matter). A missing file, an empty file or a header without the declared
 * columns stops the run with a message naming the file and what was expected.
 */
final class InputDiscovery {
  private InputDiscovery() {}

  static InputSet discover(Configuration conf, String input) {
    try {
      Path root = new Path(input);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new InputFormatException("--input " + input + ": no such folder");
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new InputFormatException("--input " + input + " is a file; give the folder that holds the returns");
      }
      root = fs.makeQualified(root);
      List<String> ignored = new ArrayList<>();
      List<Found> found = new ArrayList<>();
      FileStatus[] entries = sorted(fs.listStatus(root));
      boolean single = Arrays.stream(entries)
          .anyMatch(e -> e.isFile() && Ssda903File.ofFileName(e.getPath().getName()).isPresent());
      if (single) {
        collect(entries, null, "", found, ignored);
        for (FileStatus e : entries) {
          if (e.isDirectory()) {
            ignored.add(e.getPath().getName() + "/");
          }
        }
      } else {
        for (FileStatus e : entries) {
          if (e.isDirectory()) {
            String label = e.getPath().getName();
            collect(sorted(fs.listStatus(e.getPath())), label, label + "/", found, ignored);
          } else {
            ignored.add(e.getPath().getName());
          }
        }
      }
      if (found.isEmpty()) {
        throw new InputFormatException(
            "--input " + input + ": no SSDA903 files found; expected episodes.csv, header.csv (and"
                + " uasc.csv) in the folder itself or in one folder per collection year");
      }
      checkEveryReturnIsComplete(found);

      List<InputFile> files = new ArrayList<>();
      Map<String, List<String>> extra = new LinkedHashMap<>();
      for (Found f : found) {
        CsvHeader header = CsvHeader.read(fs, f.path, f.relative, f.kind.schema());
        if (!header.extra().isEmpty()) {
          extra.put(f.relative, header.extra());
        }
        files.add(new InputFile(
            files.size(), f.path.toString(), f.relative, f.kind, f.label, header.columns(), header.width()));
      }
      return new InputSet(
          root.toString(), single ? InputSet.Layout.SINGLE_FOLDER : InputSet.Layout.YEARLY_FOLDERS,
          files, ignored, extra);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list --input " + input + ": " + e.getMessage(), e);
    }
  }

  private record Found(Path path, String relative, Ssda903File kind, String label) {}

  private static FileStatus[] sorted(FileStatus[] entries) {
    FileStatus[] copy = entries.clone();
    Arrays.sort(copy, Comparator.comparing(e -> e.getPath().getName()));
    return copy;
  }

  private static void collect(
      FileStatus[] entries, String label, String prefix, List<Found> found, List<String> ignored) {
    Map<Ssda903File, String> seen = new EnumMap<>(Ssda903File.class);
    for (FileStatus e : entries) {
      if (!e.isFile() || e.getPath().getName().startsWith(".")) {
        continue;
      }
      String name = e.getPath().getName();
      Optional<Ssda903File> kind = Ssda903File.ofFileName(name);
      if (kind.isEmpty()) {
        ignored.add(prefix + name);
        continue;
      }
      String previous = seen.put(kind.get(), name);
      if (previous != null) {
        throw new InputFormatException(
            prefix + ": two " + kind.get().label() + " files (" + previous + " and " + name
                + "); keep one per return");
      }
      found.add(new Found(e.getPath(), prefix + name, kind.get(), label));
    }
  }

  /** Every return needs its episodes and header files; uasc is optional. */
  private static void checkEveryReturnIsComplete(List<Found> found) {
    Map<String, List<Ssda903File>> byReturn = new HashMap<>();
    for (Found f : found) {
      byReturn.computeIfAbsent(f.label == null ? "" : f.label, k -> new ArrayList<>()).add(f.kind);
    }
    byReturn.forEach(
        (label, kinds) -> {
          String where = label.isEmpty() ? "the input folder" : "folder " + label + "/";
          for (Ssda903File required : List.of(Ssda903File.EPISODES, Ssda903File.HEADER)) {
            if (!kinds.contains(required)) {
              throw new InputFormatException(
                  where + " has no " + required.label() + " file (expected " + required.label()
                      + ".csv beside the others)");
            }
          }
        });
  }
}
