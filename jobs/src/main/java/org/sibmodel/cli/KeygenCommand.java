package org.sibmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sibmodel.ingest.Pseudonymiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sib keygen}: makes a pseudonymisation key file for {@code sib ingest --key-file}. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new random pseudonymisation key (256 bits, hex) to a file readable only by you.",
      "Keep it with the council's other secrets: the same key gives the same pseudonymised child"
          + " ids across runs; without it they cannot be linked back."
    })
final class KeygenCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Key file to create (must not exist).")
  Path out;

  @Override
  public Integer call() throws IOException {
    Pseudonymiser.writeNewKey(out);
    System.out.println("wrote a new pseudonymisation key to " + out);
    return 0;
  }
}
