package org.sibmodel.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.sibmodel.SibVersion;
import org.sibmodel.spark.SparkRuntime;

/**
 * What Jupyter starts ({@code kernel.json}'s argv): {@code java ... org.sibmodel.notebook.KernelMain
 * CONNECTION_FILE}. Serves one notebook until Jupyter shuts the kernel down.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it; see bin/sib notebook install)");
      System.exit(2);
    }
    Path connectionFile = Path.of(args[0]);
    KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(connectionFile));
    // Logging is set up before any cell runs: log4j's console keeps the stderr it finds, and during a
    // cell System.err is the cell's output.
    SparkRuntime.configureLogging(false);
    SibKernel kernel = SibKernel.create(System.getProperty("java.class.path"), SibVersion.get());
    kernel.onStartup();
    JupyterConnection jupyter = new JupyterConnection(connection);
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    jupyter.waitUntilClose();
    // Spark's threads would keep the JVM alive after the connection is closed.
    System.exit(0);
  }
}
