package org.sibmodel.notebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The kernelspec Jupyter starts the sib kernel from: {@code kernels/sib-java/kernel.json}, whose
 * argv is the java command, the JVM options ({@code bin/jvm.options}, which Spark needs on Java
 * 17, and the heap), the repository's folder, the class path (the kernel, sib-jobs, Spark) and
 * {@link KernelMain}.
 *
 * @param java the java executable (a Java 17 JDK: JShell comes with the JDK)
 * @param jvmOptions options before the class path
 * @param classPath the kernel's class path
 * @param home the repository's folder ({@code -Dsib.home}: notebooks find {@code work/demo} from it)
 */
public record KernelSpec(Path java, List<String> jvmOptions, String classPath, Path home) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public KernelSpec {
    Objects.requireNonNull(java, "java");
    jvmOptions = List.copyOf(jvmOptions);
    if (classPath == null || classPath.isBlank()) {
      throw new IllegalArgumentException("classPath is empty: the kernel needs the project's classes and Spark");
    }
    home = home.toAbsolutePath().normalize();
  }

  /**
   * The kernel of this JVM: its java and class path, {@code bin/jvm.options} of {@code home} and
   * {@code extraOptions} (e.g. {@code -Xmx4g}).
   */
  public static KernelSpec ofThisJvm(Path home, List<String> extraOptions) {
    List<String> options = new ArrayList<>();
    options.add("@" + home.toAbsolutePath().normalize().resolve("bin/jvm.options"));
    options.addAll(extraOptions);
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()) // Jupyter starts kernels in the notebook's folder
        .collect(Collectors.joining(File.pathSeparator));
    return new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java"), options, classPath, home);
  }

  /** The command Jupyter runs; it replaces {@code {connection_file}}. */
  public List<String> argv() {
    List<String> argv = new ArrayList<>();
    argv.add(java.toString());
    argv.addAll(jvmOptions);
    argv.add("-Dsib.home=" + home);
    argv.add("-cp");
    argv.add(classPath);
    argv.add(KernelMain.class.getName());
    argv.add("{connection_file}");
    return argv;
  }

  /** {@code kernel.json}: interrupts come as messages (a signal would stop the JVM, not the cell). */
  public String json() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("argv", argv());
    spec.put("display_name", "Java (sib, Spark)");
    spec.put("language", "java");
    spec.put("interrupt_mode", "message");
    try {
      return JSON.writeValueAsString(spec) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code kernelsDir/sib-java/kernel.json} (replacing an earlier one) and returns its path. */
  public Path install(Path kernelsDir) {
    Path folder = kernelsDir.resolve(SibKernel.NAME);
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve("kernel.json");
      Path partial = folder.resolve("kernel.json.partial");
      Files.writeString(partial, json());
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kernelspec in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where Jupyter looks for the user's kernels, as jupyter_core's {@code jupyter_data_dir()} finds
   * it: {@code $JUPYTER_DATA_DIR}, else {@code ~/Library/Jupyter} on macOS, {@code %APPDATA%\jupyter}
   * on Windows, {@code $XDG_DATA_HOME/jupyter} or {@code ~/.local/share/jupyter} elsewhere; then
   * {@code kernels/}.
   */
  public static Path userKernelsDir(Map<String, String> env, String osName, Path userHome) {
    String dataDir = env.get("JUPYTER_DATA_DIR");
    Path data;
    if (dataDir != null && !dataDir.isBlank()) {
      data = Path.of(dataDir);
    } else if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
      data = userHome.resolve("Library/Jupyter");
    } else if (osName.toLowerCase(Locale.ROOT).startsWith("windows") && env.get("APPDATA") != null) {
      data = Path.of(env.get("APPDATA"), "jupyter");
    } else if (env.get("XDG_DATA_HOME") != null && !env.get("XDG_DATA_HOME").isBlank()) {
      data = Path.of(env.get("XDG_DATA_HOME"), "jupyter");
    } else {
      data = userHome.resolve(".local/share/jupyter");
    }
    return data.resolve("kernels");
  }
}
