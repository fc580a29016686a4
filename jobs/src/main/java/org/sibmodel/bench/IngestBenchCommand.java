package org.sibmodel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sib bench ingest}: times {@code sib ingest} and {@code sib calibrate} on SSDA903 input K
 * times the size of a sample ({@link ReplicatedSample}), each stage in a fresh JVM
 * ({@link ChildJvm}) so its wall time includes Spark's start and its peak memory is its own.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark ingest and calibration at scale: the sample's returns replicated K times with fresh child ids,"
          + " then sib ingest and sib calibrate each in a fresh JVM (wall seconds, episode rows a second, peak"
          + " resident memory). Figures go to OUT/bench-ingest.json."
    })
public final class IngestBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--k", paramLabel = "K,K,...", split = ",", defaultValue = "200,1000",
      description = "How many copies of the sample to time. Default: ${DEFAULT-VALUE} (747,400 and 3,737,000 episode rows"
          + " from the bundled multi-year sample).")
  List<Integer> copies;

  @Option(names = "--sample", paramLabel = "DIR",
      description = "Folder of year folders of SSDA903 CSV files to replicate. Default: the external multi-year sample"
          + " (examples/ssda903-samples/multi-year, five yearly returns, 3,737 episode rows).")
  Path sample;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "work/bench-ingest",
      description = "Scratch folder (inputs, outputs, logs), emptied first. Default: ${DEFAULT-VALUE}.")
  Path out;

  /** One K's figures. */
  public record Timing(int copies, long episodeRows, double ingestSeconds, double ingestRowsPerSecond, double ingestPeakMegabytes,
      double calibrateSeconds, double calibratePeakMegabytes, double totalSeconds) {}

  @Override
  public Integer call() throws Exception {
    Path source = sample != null ? sample : defaultSample();
    emptyScratch(out);
    Path key = out.resolve("bench.key");
    Pseudonymiser.writeNewKey(key);
    CommandLine.Model.OptionSpec masterOption = spec.findOption("--master");
    String master = masterOption != null ? masterOption.getValue() : "local[*]";
    System.out.printf("sib bench ingest: %s replicated %s times; each stage in a fresh JVM, --master %s; logs in %s%n", source, copies,
        master, out);
    System.out.printf("%6s %12s %10s %12s %12s %12s %12s %10s%n", "K", "episodes", "ingest s", "rows/s", "ingest peak",
        "calibrate s", "calib. peak", "total s");
    List<Timing> timings = new ArrayList<>();
    for (int k : copies) {
      Path run = out.resolve("k" + k);
      long episodes = ReplicatedSample.write(source, run.resolve("input"), k);
      Path log = run.resolve("console.log");
      ChildJvm.Measure ingest = ChildJvm.run(log, "--master", master, "ingest", "--input", run.resolve("input").toString(),
          "--out", run.resolve("curated").toString(), "--key-file", key.toString());
      ChildJvm.Measure calibrate = ChildJvm.run(log, "--master", master, "calibrate", "--curated", run.resolve("curated").toString(),
          "--out", run.resolve("params").toString());
      Timing t = new Timing(k, episodes, ingest.seconds(), episodes / ingest.seconds(), ingest.peakMegabytes(), calibrate.seconds(),
          calibrate.peakMegabytes(), ingest.seconds() + calibrate.seconds());
      timings.add(t);
      System.out.printf("%,6d %,12d %10.1f %,12.0f %9.0f MB %12.1f %9.0f MB %10.1f%n", k, episodes, t.ingestSeconds(),
          t.ingestRowsPerSecond(), t.ingestPeakMegabytes(), t.calibrateSeconds(), t.calibratePeakMegabytes(), t.totalSeconds());
      deleteFolder(run.resolve("input"));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("sample", source.toString());
    report.put("master", master);
    report.put("jvm_options", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("timings", timings);
    Files.writeString(out.resolve("bench-ingest.json"), Json.write(report));
    System.out.println("Wall seconds include each JVM's start and Spark's; peak is the JVM's resident high-water mark (VmHWM). Written to "
        + out.resolve("bench-ingest.json"));
    return 0;
  }

  private static Path defaultSample() {
    Path bundled = Path.of(System.getProperty("sib.home", ".")).resolve("examples/ssda903-samples/multi-year");
    if (!Files.isDirectory(bundled)) {
      throw new IllegalArgumentException("no sample to replicate at " + bundled + ": pass --sample DIR (a folder of year folders of"
          + " SSDA903 CSV files)");
    }
    return bundled;
  }

  /** Empties the scratch folder, refusing one that this command did not make (it might hold someone's work). */
  private static void emptyScratch(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent() && !Files.exists(out.resolve("bench.key"))) {
          throw new IllegalArgumentException(out + " is not empty and is not an earlier run's scratch folder: pass another --out");
        }
      }
      deleteFolder(out);
    }
    Files.createDirectories(out);
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
