package org.sibmodel.cli;

import picocli.CommandLine.Option;

/** {@code --out DIR}, the output folder of every stage command. */
public final class OutOption {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder, written completely or not at all; an earlier sib output there is replaced.")
  String out;

  public String value() {
    return out;
  }
}
