package org.sibmodel.cli;

import org.sibmodel.spark.SparkRuntime;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/sib} and of {@code spark-submit --class org.sibmodel.cli.Main}: owns
 * the process's Spark session, which its commands receive ({@link CommandFactory}) and which it
 * stops when the command is done.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one sib command line and returns its exit code (0 success, 1 error, 2 bad usage). */
  public static int run(String... args) {
    SibCommand sib = new SibCommand();
    try (LazySpark spark = new LazySpark(() -> new SparkRuntime(sib.master(), sib.verbose()))) {
      CommandLine commandLine = new CommandLine(sib, new CommandFactory(spark));
      commandLine.setExecutionExceptionHandler(
          (e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getCommandName() + ": error: " + describe(e));
            if (sib.verbose()) {
              e.printStackTrace(cmd.getErr());
            } else {
              cmd.getErr().println("(run again with --verbose for the full stack trace)");
            }
            return 1;
          });
      return commandLine.execute(args);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
