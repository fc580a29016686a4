package org.sibmodel.generate;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import org.sibmodel.SibVersion;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.reference.PostcodeLookup;
import org.sibmodel.schemas.Schemas;
import org.sibmodel.schemas.Ssda903Codes;
import org.sibmodel.spark.NioLocalFileSystem;

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
    FutureTask<OutputDir> staging = new FutureTask<>(() -> OutputDir.stage(options.out(), NioLocalFileSystem.configuration()));
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
    List<Ssda903Return> returns = returns(county, options.firstYear(), options.lastYear(), codes);
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

  /** A county's return for each collection year from {@code firstYear} to {@code lastYear}, made in parallel. */
  private static List<Ssda903Return> returns(SyntheticCounty county, int firstYear, int lastYear, Ssda903Codes codes) {
    List<SyntheticChild> byId = county.childrenById();
    return IntStream.rangeClosed(firstYear, lastYear).parallel().mapToObj(year -> Ssda903Return.of(year, byId, codes)).toList();
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

  /**
   * Writes {@code options.authorities()} authorities' returns into one set of yearly files with an
   * LA column, one authority at a time (a national set does not fit in memory as rows): each
   * authority's county is simulated, its rows appended to every year's files, and dropped.
   */
  public static NationalSummary runNational(GenerateOptions options) {
    if (options.authorities() < 2) {
      throw new IllegalArgumentException("--authorities " + options.authorities() + ": a national set has at least 2");
    }
    Provenance provenance = Provenance.start(Stage.GENERATE, options);
    INPUTS.forEach(provenance::bundled);
    SyntheticCountyModel base = LancashireDefaults.model(options.firstYear());
    Ssda903Codes codes = Schemas.ssda903Codes();
    List<SyntheticAuthority> authorities = SyntheticAuthority.of(options.seed(), options.authorities());
    int first = options.firstYear();
    int years = options.lastYear() - first + 1;
    long[][] yearRows = new long[years][3];
    List<NationalSummary.Authority> written = new java.util.ArrayList<>();
    try (OutputDir out = OutputDir.stage(options.out(), NioLocalFileSystem.configuration())) {
      try (YearFiles files = new YearFiles(out, first, options.lastYear())) {
        for (SyntheticAuthority authority : authorities) {
          SyntheticCounty county = SyntheticCounty.simulate(authority.model(base), authority.seed(), options.lastYear());
          List<Ssda903Return> returns = returns(county, first, options.lastYear(), codes);
          java.util.Set<String> inReturns = new java.util.HashSet<>();
          long episodes = 0;
          for (Ssda903Return r : returns) {
            int y = r.year() - first;
            files.append(y, 0, Ssda903Return.rowsWithLa(authority.code(), r.header()));
            files.append(y, 1, Ssda903Return.rowsWithLa(authority.code(), r.episodes()));
            files.append(y, 2, Ssda903Return.rowsWithLa(authority.code(), r.uasc()));
            yearRows[y][0] += r.header().size();
            yearRows[y][1] += r.episodes().size();
            yearRows[y][2] += r.uasc().size();
            episodes += r.episodes().size();
            r.header().forEach(row -> inReturns.add(row.get(0)));
          }
          written.add(new NationalSummary.Authority(authority.code(), authority.sizeScale(), county.children().size(),
              inReturns.size(), episodes));
        }
      }
      List<NationalSummary.Year> byYear = new java.util.ArrayList<>();
      for (int y = 0; y < years; y++) {
        byYear.add(new NationalSummary.Year(first + y, org.sibmodel.ssda903.CollectionYear.label(first + y), yearRows[y][0],
            yearRows[y][1], yearRows[y][2]));
      }
      NationalSummary summary = new NationalSummary(true, null, first, options.lastYear(), options.seed(),
          written.stream().mapToLong(NationalSummary.Authority::episodeRows).sum(),
          written.stream().mapToLong(NationalSummary.Authority::childrenInReturns).sum(), byYear, written);
      NationalTruth truth = new NationalTruth(true,
          "SYNTHETIC data: no real child or council. Authority k's county is baseModel.scaled(sizeScale), drawn from its seed.",
          "sib generate " + SibVersion.get(), options.seed(), first, options.lastYear(), SyntheticAuthority.MEAN_SIZE,
          SyntheticAuthority.SIZE_SPREAD, authorities, base);
      out.writeText("README.md", GeneratedReadme.national(options, summary));
      out.writeText("generator_truth.json", Json.write(truth));
      out.writeText("summary.json", Json.write(summary));
      provenance.write(out);
      out.commit();
      return summary.withOut(options.out());
    }
  }

  /** The header, episodes and uasc file of every year, open for appending, each with its LA header line. */
  private static final class YearFiles implements AutoCloseable {
    private static final List<String> NAMES = List.of("header.csv", "episodes.csv", "uasc.csv");
    private static final List<List<String>> COLUMNS =
        List.of(Ssda903Return.HEADER_COLUMNS, Ssda903Return.EPISODE_COLUMNS, Ssda903Return.UASC_COLUMNS);
    private final java.io.Writer[][] writers;

    YearFiles(OutputDir out, int firstYear, int lastYear) {
      writers = new java.io.Writer[lastYear - firstYear + 1][NAMES.size()];
      for (int y = 0; y < writers.length; y++) {
        for (int f = 0; f < NAMES.size(); f++) {
          String name = org.sibmodel.ssda903.CollectionYear.label(firstYear + y) + "/" + NAMES.get(f);
          writers[y][f] = new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(out.create(name), java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
          append(y, f, Ssda903Return.headerLineWithLa(COLUMNS.get(f)));
        }
      }
    }

    void append(int year, int file, String text) {
      try {
        writers[year][file].write(text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot write " + NAMES.get(file) + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      java.io.IOException failed = null;
      for (java.io.Writer[] year : writers) {
        for (java.io.Writer w : year) {
          try {
            if (w != null) {
              w.close();
            }
          } catch (java.io.IOException e) {
            failed = failed == null ? e : failed;
          }
        }
      }
      if (failed != null) {
        throw new java.io.UncheckedIOException("cannot close a returns file: " + failed.getMessage(), failed);
      }
    }
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
