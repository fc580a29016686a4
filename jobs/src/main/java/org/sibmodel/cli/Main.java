package org.sibmodel.cli;

import picocli.CommandLine;

/** Entry point of {@code bin/sib} and of {@code spark-submit --class org.sibmodel.cli.Main}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one sib command line and returns its exit code (0 success, 1 error, 2 bad usage). */
  public static int run(String... args) {
    SibCommand sib = new SibCommand();
    CommandLine commandLine = new CommandLine(sib);
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
    try {
      return commandLine.execute(args);
    } finally {
      sib.close();
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
