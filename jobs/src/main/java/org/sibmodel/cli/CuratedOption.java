package org.sibmodel.cli;

import picocli.CommandLine.Option;

/** {@code --curated DIR}: the output of sib ingest, for the stages that read the curated care data. */
public final class CuratedOption {
  @Option(names = "--curated", required = true, paramLabel = "DIR", description = "Output folder of sib ingest.")
  String curated;

  public String value() {
    return curated;
  }
}
