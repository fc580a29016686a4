package org.sibmodel.generate;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.sibmodel.SibVersion;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.schemas.Ssda903Codes;

/**
 * Writes the synthetic county's returns: a folder per collection year with header.csv,
 * episodes.csv and uasc.csv, plus README.md, generator_truth.json, summary.json and run.json.
 * Plain Java: no SparkSession is started. The output folder is written completely or not at all.
 */
public final class GenerateJob {
  /** Bundled tables the generator reads, recorded with their checksums in run.json. */
  private static final List<String> INPUTS =
      List.of(
          "reference/lancashire-districts.csv",
          "reference/lancashire-postcodes.csv",
          "schemas/codelists/ssda903.yaml");

  private GenerateJob() {}

  public static GenerateSummary run(GenerateOptions options) {
    Provenance provenance = Provenance.start(Stage.GENERATE, options);
    INPUTS.forEach(provenance::bundled);
    // Opening the output starts Hadoop's file system, ~2 s of class loading and configuration
    // parsing on a small machine: do it on its own thread while the county is simulated.
    FutureTask<OutputDir> staging = new FutureTask<>(() -> OutputDir.stage(options.out(), new Configuration()));
    Thread opener = new Thread(staging, "sib-generate-output");
    opener.setDaemon(true);
    opener.start();

    Generated generated;
    try {
      generated = generate(options);
    } catch (RuntimeException | Error e) {
      try {
        await(staging).close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    try (OutputDir out = await(staging)) {
      write(out, options, generated, provenance);
      out.commit();
    }
    return generated.summary();
  }

  /** Everything a run writes, before it is written. */
  private record Generated(
      SyntheticCountyModel model, List<Ssda903Return> returns, GenerateSummary summary, GeneratorTruth truth) {}

  private static Generated generate(GenerateOptions options) {
    SyntheticCountyModel model = LancashireDefaults.model(options.firstYear());
    SyntheticCounty county = SyntheticCounty.simulate(model, options.seed(), options.lastYear());
    Ssda903Codes codes = Schemas.ssda903Codes();
    List<SyntheticChild> byId = county.childrenById();
    List<Ssda903Return> returns =
        IntStream.rangeClosed(options.firstYear(), options.lastYear())
            .parallel()
            .mapToObj(year -> Ssda903Return.of(year, byId, codes))
            .toList();
    GenerateSummary summary =
        GenerateStatistics.summarise(options, county, returns, PostcodeLookup.lancashire(), codes.group("returned_home"));
    GeneratorTruth truth =
        new GeneratorTruth(
            true,
            "SYNTHETIC data: no real child. These are the parameters the returns were drawn from.",
            "sib generate " + SibVersion.get(),
            options.seed(),
            options.firstYear(),
            options.lastYear(),
            model);
    return new Generated(model, returns, summary, truth);
  }

  private static void write(OutputDir out, GenerateOptions options, Generated generated, Provenance provenance) {
    for (Ssda903Return r : generated.returns()) {
      out.writeText(r.folder() + "/header.csv", r.headerCsv());
      out.writeText(r.folder() + "/episodes.csv", r.episodesCsv());
      out.writeText(r.folder() + "/uasc.csv", r.uascCsv());
    }
    out.writeText("README.md", GeneratedReadme.text(options, generated.model(), generated.summary()));
    out.writeText("generator_truth.json", Json.write(generated.truth()));
    out.writeText("summary.json", Json.write(generated.summary()));
    provenance.write(out);
  }

  /** The opened output, or the error opening it raised. */
  private static OutputDir await(FutureTask<OutputDir> staging) {
    try {
      return staging.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the output folder", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("cannot open the output folder: " + e.getCause(), e.getCause());
    }
  }
}
