package org.sibmodel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernelspec {@code sib notebook install} writes for Jupyter. */
class KernelSpec_InstallTest {
  @TempDir Path tmp;

  private final KernelSpec spec = new KernelSpec(Path.of("/jdk17/bin/java"), List.of("@/repo/bin/jvm.options", "-Xmx4g"),
      "/repo/kernel.jar:/repo/jobs.jar", Path.of("/repo"));

  @Test
  void argvStartsTheKernelWithSparksFlagsAndTheClassPath() {
    assertEquals(List.of("/jdk17/bin/java", "@/repo/bin/jvm.options", "-Xmx4g", "-Dsib.home=/repo", "-cp", "/repo/kernel.jar:/repo/jobs.jar",
        "org.sibmodel.notebook.KernelMain", "{connection_file}"), spec.argv());
  }

  @Test
  void installWritesKernelJsonAndReplacesAnEarlierOne() throws Exception {
    Path kernels = tmp.resolve("kernels");
    Files.createDirectories(kernels.resolve("sib-java"));
    Files.writeString(kernels.resolve("sib-java/kernel.json"), "{\"argv\": [\"old\"]}");
    Path written = spec.install(kernels);
    assertEquals(kernels.resolve("sib-java/kernel.json"), written);
    JsonNode json = new ObjectMapper().readTree(written.toFile());
    assertEquals("/jdk17/bin/java", json.get("argv").get(0).asText());
    assertEquals("java", json.get("language").asText());
    assertEquals("message", json.get("interrupt_mode").asText(), "a SIGINT would stop the JVM, not the cell");
    assertEquals(List.of("kernel.json"), Files.list(kernels.resolve("sib-java")).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void sibNotebookInstallWritesTheKernelOfItsOwnJvm() throws Exception {
    Path home = Path.of("../..").toAbsolutePath().normalize();
    String previous = System.setProperty("sib.home", home.toString());
    try {
      int exit = new picocli.CommandLine(new NotebookCommand()).execute("install", "--kernels-dir", tmp.toString());
      assertEquals(0, exit);
    } finally {
      if (previous == null) {
        System.clearProperty("sib.home");
      } else {
        System.setProperty("sib.home", previous);
      }
    }
    JsonNode argv = new ObjectMapper().readTree(tmp.resolve("sib-java/kernel.json").toFile()).get("argv");
    assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0).asText());
    assertEquals("@" + home.resolve("bin/jvm.options"), argv.get(1).asText());
    assertEquals("-Dsib.home=" + home, argv.get(argv.size() - 5).asText());
    for (String entry : argv.get(argv.size() - 3).asText().split(java.io.File.pathSeparator)) {
      assertTrue(Path.of(entry).isAbsolute(), "Jupyter starts kernels in the notebook's folder: " + entry);
    }
  }

  @Test
  void theUsersKernelsFolderIsWhereJupyterLooks() {
    Path home = Path.of("/home/ann");
    assertEquals(Path.of("/data/kernels"), KernelSpec.userKernelsDir(Map.of("JUPYTER_DATA_DIR", "/data"), "Linux", home));
    assertEquals(Path.of("/home/ann/.local/share/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Linux", home));
    assertEquals(Path.of("/xdg/jupyter/kernels"), KernelSpec.userKernelsDir(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home));
    assertEquals(Path.of("/home/ann/Library/Jupyter/kernels"), KernelSpec.userKernelsDir(Map.of(), "Mac OS X", home));
  }

  @Test
  void aKernelNeedsAClassPath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KernelSpec(Path.of("java"), List.of(), " ", Path.of("/")));
    assertEquals("classPath is empty: the kernel needs the project's classes and Spark", e.getMessage());
  }
}
