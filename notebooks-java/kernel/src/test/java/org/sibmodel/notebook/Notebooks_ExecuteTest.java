package org.sibmodel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.cli.Main;

/**
 * Executes every notebook of {@code notebooks-java/} headless with the sib kernel (Jupyter's
 * nbconvert and nbclient), on the demo's outputs, as CI does: a cell that fails fails the test, and
 * each notebook must show at least one chart or table. The executed copies and their HTML go to
 * {@code work/notebooks/} (not committed).
 *
 * <p>The demo runs into {@code target/notebook-demo/} first (about 90 s on two cores);
 * {@code -Dsib.notebooks.outputs=work/demo} reads existing outputs instead. Skipped, saying so,
 * when Jupyter is not installed ({@code .ci/run} installs it from Debian).
 */
class Notebooks_ExecuteTest {
  static final Path HOME = Path.of("../..").toAbsolutePath().normalize();
  private static final Path NOTEBOOKS = HOME.resolve("notebooks-java");
  private static final Path EXECUTED = HOME.resolve("work/notebooks");
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  @TempDir static Path jupyter;

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsWithoutAnErrorAndShowsAChartOrATable() throws Exception {
    assumeTrue(jupyterInstalled(), "Jupyter is not installed (Debian: apt-get install jupyter-nbconvert python3-nbclient"
        + " jupyter-client python3-ipykernel): the notebooks were not executed");
    List<Path> notebooks = Notebooks_CommittedTest.notebooks();
    Path outputs = demoOutputs();
    kernelSpec().install(jupyter.resolve("path/kernels"));
    Files.createDirectories(EXECUTED);
    return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> execute(notebook, outputs)));
  }

  private static void execute(Path notebook, Path outputs) throws Exception {
    String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
    long started = System.nanoTime();
    run(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + SibKernel.NAME,
        "--ExecutePreprocessor.timeout=" + TIMEOUT.toSeconds(), "--output-dir", EXECUTED.toString(), notebook.toString()),
        outputs, EXECUTED.resolve(name + ".log"));
    double seconds = (System.nanoTime() - started) / 1e9;
    Path executed = EXECUTED.resolve(name + ".ipynb");
    List<String> errors = new ArrayList<>();
    int shown = 0;
    for (JsonNode cell : new ObjectMapper().readTree(executed.toFile()).path("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        if (output.path("output_type").asText().equals("error")) {
          errors.add(output.path("ename").asText() + ": " + output.path("evalue").asText());
        }
        JsonNode data = output.path("data");
        if (data.has("image/png") || Notebooks_CommittedTest.multiline(data.path("text/html")).contains("<table")) {
          shown++;
        }
      }
    }
    assertEquals(List.of(), errors, name + ": cells ended in errors");
    assertTrue(shown > 0, name + ": no chart (image/png) and no HTML table among its outputs");
    run(List.of("jupyter", "nbconvert", "--to", "html", "--output-dir", EXECUTED.toString(), executed.toString()), outputs,
        EXECUTED.resolve(name + ".html.log"));
    System.out.printf("notebook %s: executed in %.1f s, %d charts and tables%n", name, seconds, shown);
  }

  /** Runs a Jupyter command with the test's kernelspec and outputs; fails with the end of its log if it fails. */
  private static void run(List<String> command, Path outputs, Path log) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(NOTEBOOKS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("JUPYTER_PATH", jupyter.resolve("path").toString());
    env.put("JUPYTER_DATA_DIR", jupyter.resolve("data").toString());
    env.put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("SIB_OUTPUTS", outputs.toString());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT.toMinutes() + 1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + ": still running after " + TIMEOUT.toMinutes() + " minutes; its log: " + log);
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "); the end of " + log + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
  }

  private static boolean jupyterInstalled() {
    try {
      Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code -Dsib.notebooks.outputs}, or a fresh demo in {@code target/notebook-demo}. */
  private static Path demoOutputs() throws IOException {
    String given = System.getProperty("sib.notebooks.outputs", "");
    if (!given.isBlank()) {
      return HOME.resolve(given).normalize();
    }
    Path out = Path.of("target/notebook-demo").toAbsolutePath();
    deleteTree(out);
    String previousHome = System.getProperty("sib.home");
    System.setProperty("sib.home", HOME.toString()); // the demo finds examples/payments there
    try {
      assertEquals(0, Main.run("--master", "local[2]", "demo", "--out", out.toString()), "sib demo");
    } finally {
      if (previousHome == null) {
        System.clearProperty("sib.home");
      } else {
        System.setProperty("sib.home", previousHome);
      }
    }
    return out;
  }

  /** The kernel as {@code sib notebook install} writes it, from this module's classes and class path. */
  private static KernelSpec kernelSpec() throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    String classPath = target.resolve("classes") + java.io.File.pathSeparator + Files.readString(target.resolve("classpath.txt")).trim();
    return new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of("@" + HOME.resolve("bin/jvm.options"), "-Xmx2g"), classPath, HOME);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
