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
import org.sibmodel.generate.GenerateJob;
import org.sibmodel.generate.GenerateOptions;
import org.sibmodel.generate.SyntheticAuthority;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sib bench ingest}: times {@code sib ingest} and {@code sib calibrate} on SSDA903 input K
 * times the size of a sample ({@link ReplicatedSample}), or on a national-like synthetic set of N
 * authorities ({@code --national}, {@link GenerateJob#runNational}), each stage in a fresh JVM
 * ({@link ChildJvm}) so its wall time includes Spark's start and its peak memory is its own.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark ingest and calibration at scale: the sample's returns replicated K times with fresh child ids"
          + " (or, with --national, a synthetic set of N authorities from sib generate), then sib ingest and sib calibrate each in a fresh JVM (wall seconds, episode rows a second, peak"
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

  @Option(names = "--national", paramLabel = "N,N,...", split = ",",
      description = "Instead of replicating the sample, time a national-like synthetic set of N authorities for each N"
          + " (sib generate --authorities N, 2012-2019, the default seed; 150 give about 3.7 million episode rows). Not"
          + " with --k or --sample.")
  List<Integer> national;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "work/bench-ingest",
      description = "Scratch folder (inputs, outputs, logs), emptied first. Default: ${DEFAULT-VALUE}.")
  Path out;

  /** One input's figures: K copies of the sample, or (copies 0) a synthetic set of that many authorities. */
  public record Timing(int copies, int authorities, long episodeRows, double ingestSeconds, double ingestRowsPerSecond, double ingestPeakMegabytes,
      double calibrateSeconds, double calibratePeakMegabytes, double totalSeconds) {}

  @Override
  public Integer call() throws Exception {
    boolean synthetic = national != null;
    if (synthetic && (spec.commandLine().getParseResult().hasMatchedOption("--k") || sample != null)) {
      throw new IllegalArgumentException("--national makes its own input: give it without --k and --sample");
    }
    for (int n : synthetic ? national : copies) {
      if (n < 1 || (synthetic && n > SyntheticAuthority.MAX_AUTHORITIES)) {
        throw new IllegalArgumentException((synthetic ? "--national " : "--k ") + n + ": expected 1 to "
            + (synthetic ? SyntheticAuthority.MAX_AUTHORITIES : "any number"));
      }
    }
    Path source = synthetic ? null : sample != null ? sample : defaultSample();
    emptyScratch(out);
    Path key = out.resolve("bench.key");
    Pseudonymiser.writeNewKey(key);
    CommandLine.Model.OptionSpec masterOption = spec.findOption("--master");
    String master = masterOption != null ? masterOption.getValue() : "local[*]";
    System.out.printf("sib bench ingest: %s; each stage in a fresh JVM, --master %s; logs in %s%n",
        synthetic ? "synthetic sets of " + national + " authorities (sib generate --authorities)" : source + " replicated " + copies + " times",
        master, out);
    System.out.printf("%6s %12s %10s %12s %12s %12s %12s %10s%n", synthetic ? "N" : "K", "episodes", "ingest s", "rows/s", "ingest peak",
        "calibrate s", "calib. peak", "total s");
    List<Timing> timings = new ArrayList<>();
    for (int k : synthetic ? national : copies) {
      Path run = out.resolve((synthetic ? "n" : "k") + k);
      long episodes = synthetic
          ? generated(run.resolve("input"), k)
          : ReplicatedSample.write(source, run.resolve("input"), k);
      Path log = run.resolve("console.log");
      ChildJvm.Measure ingest = ChildJvm.run(log, "--master", master, "ingest", "--input", run.resolve("input").toString(),
          "--out", run.resolve("curated").toString(), "--key-file", key.toString());
      ChildJvm.Measure calibrate = ChildJvm.run(log, "--master", master, "calibrate", "--curated", run.resolve("curated").toString(),
          "--out", run.resolve("params").toString());
      Timing t = new Timing(synthetic ? 0 : k, synthetic ? k : 0, episodes, ingest.seconds(), episodes / ingest.seconds(), ingest.peakMegabytes(), calibrate.seconds(),
          calibrate.peakMegabytes(), ingest.seconds() + calibrate.seconds());
      timings.add(t);
      System.out.printf("%,6d %,12d %10.1f %,12.0f %9.0f MB %12.1f %9.0f MB %10.1f%n", k, episodes, t.ingestSeconds(),
          t.ingestRowsPerSecond(), t.ingestPeakMegabytes(), t.calibrateSeconds(), t.calibratePeakMegabytes(), t.totalSeconds());
      deleteFolder(run.resolve("input"));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("sample", synthetic ? "sib generate --authorities N, 2012-2019, seed " + GenerateOptions.DEFAULT_SEED : source.toString());
    report.put("master", master);
    report.put("jvm_options", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("timings", timings);
    Files.writeString(out.resolve("bench-ingest.json"), Json.write(report));
    System.out.println("Wall seconds include each JVM's start and Spark's; peak is the JVM's resident high-water mark (VmHWM). Written to "
        + out.resolve("bench-ingest.json"));
    return 0;
  }

  /** Writes a national-like set of {@code authorities} (1 is the single county, without an LA column) and returns its episode rows. */
  private static long generated(Path input, int authorities) {
    GenerateOptions options = new GenerateOptions(input.toString(), 2012, 2019, GenerateOptions.DEFAULT_SEED, authorities);
    return authorities == 1
        ? GenerateJob.run(options).years().stream().mapToLong(y -> y.episodeRows()).sum()
        : GenerateJob.runNational(options).episodeRows();
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
