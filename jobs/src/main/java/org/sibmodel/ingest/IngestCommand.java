package org.sibmodel.ingest;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sib ingest}: SSDA903 returns to curated care data. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Load SSDA903 returns.")
public final class IngestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("sib ingest is being written");
  }
}
