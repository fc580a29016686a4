package org.sibmodel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, errors and exit codes (no Spark started). */
class Main_CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  @TempDir Path tmp;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryCommand() {
    assertEquals(0, Main.run("--help"));
    for (String command : new String[] {"demo", "generate", "ingest", "keygen"}) {
      assertTrue(stdout().contains("  " + command), command + " missing from:\n" + stdout());
    }
  }

  @Test
  void eachCommandHelpListsItsOptions() {
    assertEquals(0, Main.run("ingest", "--help"));
    for (String option : new String[] {"--input", "--out", "--postcodes", "--la", "--key-file", "--year-labels", "--year", "--master"}) {
      assertTrue(stdout().contains(option), option);
    }
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    assertEquals(2, Main.run("ingest", "--out", tmp.toString()));
    assertTrue(stderr().contains("Missing required option: '--input=DIR'"), stderr());
  }

  @Test
  void anErrorIsOneLineNamingTheCommand() {
    assertEquals(1, Main.run("ingest", "--input", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString(),
        "--key-file", tmp.resolve("no.key").toString()));
    assertTrue(stderr().startsWith("ingest: error: --key-file"), stderr());
    assertTrue(stderr().contains("--verbose"), stderr());
  }

  @Test
  void keygenWritesAKeyOnceAndNeverOverwrites() throws Exception {
    Path key = tmp.resolve("k.key");
    assertEquals(0, Main.run("keygen", "--out", key.toString()));
    String first = Files.readString(key);
    assertTrue(first.trim().matches("[0-9a-f]{64}"));
    assertEquals(1, Main.run("keygen", "--out", key.toString()));
    assertEquals(first, Files.readString(key));
  }
}
