package org.sibmodel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine;

/** Commands get their Spark session from the provider they are made with, not from their parent command. */
class CommandFactory_SparkSessionsTest {
  @TempDir Path tmp;

  private final List<String> asked = new ArrayList<>();
  private final SparkSessions noSpark = () -> {
    asked.add("asked");
    throw new IllegalStateException("no Spark here: the provider the command was given was asked");
  };

  private int run(StringWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new SibCommand(), new CommandFactory(noSpark));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println(e.getMessage());
      return 1;
    });
    return commandLine.execute(args);
  }

  @Test
  void aStageCommandAsksTheProviderItWasMadeWith() {
    StringWriter err = new StringWriter();
    int exit = run(err, "report", "--results", tmp.resolve("results").toString(), "--out", tmp.resolve("report").toString());

    assertEquals(1, exit);
    assertEquals(List.of("asked"), asked);
    assertTrue(err.toString().contains("the provider the command was given was asked"), err.toString());
  }

  @Test
  void commandsThatNeedNoSparkNeverAskForIt() {
    assertEquals(0, run(new StringWriter(), "keygen", "--out", tmp.resolve("k.key").toString()));
    assertEquals(0, run(new StringWriter(), "simulate", "--help"));
    assertEquals(List.of(), asked);
  }
}
