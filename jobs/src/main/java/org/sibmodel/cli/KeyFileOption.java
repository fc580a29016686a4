package org.sibmodel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key-file FILE}: the pseudonymisation key; run.json records its path, never the key. */
public final class KeyFileOption {
  @Option(names = "--key-file", paramLabel = "FILE",
      description = "Pseudonymisation key (make one with 'sib keygen'). Default: the SIB_PSEUDONYM_KEY environment variable.")
  Path keyFile;

  /** The key file, or null for the environment variable. */
  public Path value() {
    return keyFile;
  }
}
