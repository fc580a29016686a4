package org.sibmodel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sib demo}: every stage end to end on the bundled synthetic sample. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the pipeline end to end on synthetic data.")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("sib demo is being written");
  }
}
