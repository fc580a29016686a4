package org.sibmodel.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sib notebook}: installs the sib Java kernel for the user's Jupyter and opens Jupyter on
 * {@code notebooks-java/}. {@code bin/sib} runs it as its own main class with the kernel's class
 * path (which holds sib-jobs), so the {@code sib} command in sib-jobs does not depend on the kernel.
 */
@Command(
    name = "sib notebook",
    description = {
      "Installs the Java kernel (Java 17, the project's classes and Spark) for your Jupyter and starts Jupyter"
          + " on notebooks-java/. Options after the command go to 'jupyter notebook' (e.g. --no-browser --port 8890).",
      ""
    },
    subcommands = NotebookCommand.Install.class)
public final class NotebookCommand implements Callable<Integer> {
  @Parameters(paramLabel = "JUPYTER_OPTION", description = "passed to 'jupyter notebook'")
  List<String> jupyterOptions = new ArrayList<>();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new NotebookCommand()).setUnmatchedOptionsArePositionalParams(true);
    System.exit(commandLine.execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Path spec = install(null);
    Path folder = Notebook.home().resolve("notebooks-java");
    List<String> command = new ArrayList<>(List.of("jupyter", "notebook", "--notebook-dir=" + folder));
    command.addAll(jupyterOptions);
    System.out.println("sib notebook: kernel " + spec + "; starting " + String.join(" ", command));
    try {
      Process jupyter = new ProcessBuilder(command).inheritIO().start();
      // Stopping this command stops Jupyter (and so its kernels) too.
      Runtime.getRuntime().addShutdownHook(new Thread(jupyter::destroy));
      return jupyter.waitFor();
    } catch (IOException e) {
      System.err.println("sib notebook: cannot start Jupyter (" + e.getMessage() + "). Install it, e.g. on Debian or Ubuntu:"
          + " apt-get install jupyter-notebook; the kernel is installed, so any Jupyter on this machine lists 'Java (sib, Spark)'.");
      return 1;
    }
  }

  /** Writes the kernelspec; {@code kernelsDir} null means the user's Jupyter kernels folder. */
  static Path install(Path kernelsDir) {
    Path dir = kernelsDir != null ? kernelsDir
        : KernelSpec.userKernelsDir(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    return KernelSpec.ofThisJvm(Notebook.home(), heapOptions()).install(dir);
  }

  /** {@code SIB_JAVA_OPTS} as for every sib command (default {@code -Xmx4g}). */
  private static List<String> heapOptions() {
    String options = System.getenv("SIB_JAVA_OPTS");
    return options == null || options.isBlank() ? List.of("-Xmx4g") : Arrays.asList(options.trim().split("\\s+"));
  }

  /** {@code sib notebook install}: the kernelspec only. */
  @Command(
      name = "install",
      description = "Writes the kernelspec sib-java/kernel.json (java, JVM flags, class path) for your Jupyter.")
  static final class Install implements Callable<Integer> {
    @Option(
        names = "--kernels-dir",
        paramLabel = "DIR",
        description = "Jupyter's kernels folder to write into (default: your user's, e.g. ~/.local/share/jupyter/kernels).")
    Path kernelsDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
      Path spec = install(kernelsDir);
      System.out.println("Installed the kernel 'Java (sib, Spark)': " + spec);
      System.out.println("Open notebooks-java/ in Jupyter (bin/sib notebook does) and pick that kernel.");
      return 0;
    }
  }
}
