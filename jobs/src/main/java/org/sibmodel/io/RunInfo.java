package org.sibmodel.io;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What produced an output ({@code run.json}): the command and its options, the version, when it
 * ran, on which Spark master, and every input with its size and SHA-256. Secrets (the
 * pseudonymisation key) never appear here. Jobs build it with {@link Provenance}.
 *
 * @param options the command's options in their order; a null value is an option not given
 * @param inputs every file and dataset the run read, except sib's own bundled tables and defaults
 *     (fixed by the version); generate, which reads nothing else, lists the bundled tables it draws on
 */
public record RunInfo(
    String tool,
    String version,
    String command,
    Map<String, Object> options,
    Instant started,
    Instant finished,
    String sparkVersion,
    String sparkMaster,
    List<InputFile> inputs) {

  /**
   * One input as it was read: a file, or a dataset folder (size of its data files, SHA-256 of
   * their bytes in name order; see {@link Checksums}).
   */
  public record InputFile(String path, long bytes, String sha256) {}

  public RunInfo {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    inputs = List.copyOf(inputs);
  }
}
