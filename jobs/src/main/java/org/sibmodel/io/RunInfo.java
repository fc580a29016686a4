package org.sibmodel.io;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What produced an output ({@code run.json}): the command and its options, the version, when it
 * ran, on which Spark master, and every input with its size and SHA-256. Secrets (the
 * pseudonymisation key) never appear here.
 *
 * @param options the command's options in their order; a null value is an option not given
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

  /** One input file as it was read. */
  public record InputFile(String path, long bytes, String sha256) {}

  public RunInfo {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    inputs = List.copyOf(inputs);
  }
}
