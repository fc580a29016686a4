package org.sibmodel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
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
    if (Files.exists(out)) {
      throw new IllegalArgumentException("--out " + out + " exists; refusing to overwrite a key");
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(out, HexFormat.of().formatHex(key) + "\n");
    try {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: permissions are the operator's job.
    }
    System.out.println("wrote a new pseudonymisation key to " + out);
    return 0;
  }
}
