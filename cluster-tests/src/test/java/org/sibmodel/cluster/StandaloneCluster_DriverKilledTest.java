package org.sibmodel.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver of {@code sib simulate} killed with SIGKILL while its executors write: the earlier
 * output in the same folder is untouched, the staging folder it leaves is hidden beside it, and
 * the next run into that folder removes it (saying so) and commits a complete output.
 */
@Order(3)
@ExtendWith(SharedCluster.class)
class StandaloneCluster_DriverKilledTest {
  @Test
  void theEarlierOutputIsUntouchedAndTheNextRunRemovesTheStagingFolder(StandaloneCluster cluster) throws Exception {
    Path reference = Pipeline.reference();
    Path root = Pipeline.work().resolve("driver-killed");
    StandaloneCluster.deleteRecursively(root);
    Path target = root.resolve("simulation");
    copy(reference.resolve("simulation"), target);
    Map<String, String> before = contents(target);
    List<String> command = Pipeline.command("simulation", reference, target);

    Submission run = Submission.start(Submission.Target.of(cluster), root.resolve("killed.log"), command);
    Faults.await("a file in the staging folder and an executor running a task", Duration.ofMinutes(3), run,
        () -> staging(root).isEmpty() || filesUnder(staging(root).get(0)) == 0 ? Optional.empty() : cluster.executorRunningATask());
    run.kill();

    assertEquals(before, contents(target), "the earlier output, file by file, is as it was");
    List<Path> left = staging(root);
    assertEquals(1, left.size(), "the killed driver's staging folder is left beside the output: " + left);
    System.out.printf("driver killed: it left %s (%d files)%n", left.get(0).getFileName(), filesUnder(left.get(0)));

    Submission.Ended again = Submission.succeed(Submission.Target.of(cluster), root.resolve("again.log"), command);
    assertTrue(again.log().contains("sib: removed " + left.get(0).toUri().toString().replaceFirst("^file:///", "file:/"))
        && again.log().contains("left by an earlier run into"), "the next run says it removed the staging folder; see " + again.logFile());
    assertEquals(List.of(), staging(root), "no staging folder remains");
    assertEquals(List.of(), Pipeline.differences(reference.resolve("simulation"), target));
  }

  /** The hidden folders beside {@code simulation/} that runs into it work in. */
  private static List<Path> staging(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".simulation.")).sorted().toList();
    }
  }

  /** How many files are under {@code dir} (0 if it is gone). */
  private static long filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Every file under {@code dir} by relative path, with its size and a hash of its bytes. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        files.put(dir.relativize(p).toString(), bytes.length + " bytes, hash " + Arrays.hashCode(bytes));
      }
    }
    return files;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
