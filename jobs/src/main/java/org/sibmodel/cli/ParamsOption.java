package org.sibmodel.cli;

import picocli.CommandLine.Option;

/** {@code --params}: the parameter set a simulation draws from. */
public final class ParamsOption {
  @Option(names = "--params", required = true, paramLabel = "DIR|FILE",
      description = "Output folder of sib calibrate, or a params.json file (such as examples/params/params.json).")
  String params;

  public String value() {
    return params;
  }
}
