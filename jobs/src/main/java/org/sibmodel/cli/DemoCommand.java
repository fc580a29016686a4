package org.sibmodel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.sibmodel.calibrate.CalibrateJob;
import org.sibmodel.calibrate.CalibrateOptions;
import org.sibmodel.calibrate.CalibrationSummary;
import org.sibmodel.compare.CompareJob;
import org.sibmodel.compare.CompareOptions;
import org.sibmodel.compare.CompareSummary;
import org.sibmodel.generate.GenerateJob;
import org.sibmodel.generate.GenerateOptions;
import org.sibmodel.generate.GenerateSummary;
import org.sibmodel.ingest.IngestJob;
import org.sibmodel.ingest.IngestOptions;
import org.sibmodel.ingest.IngestSummary;
import org.sibmodel.ingest.Pseudonymiser;
import org.sibmodel.io.Chromium;
import org.sibmodel.payments.PaymentsJob;
import org.sibmodel.payments.PaymentsOptions;
import org.sibmodel.payments.PaymentsSummary;
import org.sibmodel.report.ReportJob;
import org.sibmodel.report.ReportOptions;
import org.sibmodel.scenarios.ScenariosJob;
import org.sibmodel.scenarios.ScenariosOptions;
import org.sibmodel.scenarios.ScenariosSummary;
import org.sibmodel.simulate.SimulateJob;
import org.sibmodel.simulate.SimulateOptions;
import org.sibmodel.simulate.SimulationSummary;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sib demo}: every stage that exists, end to end on a synthetic Lancashire-like county, in
 * one process and one Spark session. Later stages add themselves here.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the pipeline end to end on synthetic data: generate SSDA903 returns for a"
          + " Lancashire-like county, ingest them, calibrate rates from them, simulate the default scenario and its variants, write the affordability report, compare cohorts (with a made-up referral list, matched), work out the outcome payments of the worked"
          + " example's referred children, and print where everything went. No real child is in"
          + " the data."
    })
final class DemoCommand implements Callable<Integer> {
  /** Enough iterations for stable P10 and P90 (their Monte Carlo error is a few per cent of the spread). */
  static final int DEMO_ITERATIONS = 2000;
  /** Iterations of each scenario of the set, and of each sensitivity or solver evaluation. */
  static final int DEMO_SCENARIO_ITERATIONS = 1000;
  static final int DEMO_SENSITIVITY_ITERATIONS = 200;

  private final SparkSessions spark;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "work/demo",
      description = "Folder for the demo's outputs, one subfolder per stage. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + GenerateOptions.DEFAULT_SEED,
      description = "Seed of the synthetic sample. Default: ${DEFAULT-VALUE}.")
  long seed;

  DemoCommand(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public Integer call() throws IOException {
    Instant started = Instant.now();
    Files.createDirectories(out);
    Path sample = out.resolve("sample");
    Path curated = out.resolve("curated");

    System.out.println("1/8 generate: synthetic SSDA903 returns 2012 to 2019 (seed " + seed + ")");
    GenerateSummary generated = GenerateJob.run(new GenerateOptions(sample.toString(), 2012, 2019, seed));
    System.out.print(indent(generated.describe()));

    System.out.println("2/8 ingest: validate, merge the returns, build care periods and entries");
    IngestSummary ingested = IngestJob.run(spark, new IngestOptions(
        sample.toString(), curated.toString(), null, IngestOptions.DEFAULT_LA, demoKey(), "auto", null, LocalDate.now()));
    System.out.print(indent(ingested.describe()));

    Path params = out.resolve("params");
    System.out.println("3/8 calibrate: entry rates, time in care, re-entry and placement mix, with their uncertainty");
    CalibrationSummary calibrated = CalibrateJob.run(spark, new CalibrateOptions(
        curated.toString(), params.toString(), null, null, List.of(), CalibrateOptions.DEFAULT_MINIMUM_CASES));
    System.out.print(indent(calibrated.describe()));

    Path simulation = out.resolve("simulation");
    System.out.println("4/8 simulate: the default scenario, " + DEMO_ITERATIONS + " iterations on the calibrated parameters");
    SimulationSummary simulated = SimulateJob.run(spark, new SimulateOptions(
        null, params.toString(), simulation.toString(), DEMO_ITERATIONS, null, null));
    System.out.print(indent(simulated.describe()));

    Path scenarios = out.resolve("scenarios");
    System.out.println("5/8 scenarios: the default scenario set (base, variants, sensitivity, break-even tariff)");
    ScenariosSummary compared = ScenariosJob.run(spark, new ScenariosOptions(
        null, params.toString(), scenarios.toString(), DEMO_SCENARIO_ITERATIONS, DEMO_SENSITIVITY_ITERATIONS));
    System.out.print(indent(compared.describe()));
    Path report = out.resolve("report");
    boolean pdf = Chromium.find().isPresent();
    System.out.println("6/8 report: affordability tables, workbook, HTML report" + (pdf ? " and its PDF"
        : " (no PDF: no Chromium or Chrome found to print it)"));
    ReportJob.Written written = ReportJob.run(spark, new ReportOptions(scenarios.toString(), report.toString(), pdf));

    Path comparison = out.resolve("comparison");
    Path referred = out.resolve("referred.csv");
    Path population = out.resolve("population.csv");
    int referrals = DemoReferrals.write(sample, referred, seed);
    DemoReferrals.writePopulation(population);
    System.out.println("7/8 compare: the default cohorts, and " + referrals + " made-up referrals (" + referred
        + ") matched to children not referred");
    CompareSummary cohorts = CompareJob.run(spark, new CompareOptions(
        curated.toString(), null, comparison.toString(), referred, demoKey(), population, CompareOptions.DEFAULT_SEED));
    System.out.print(indent(cohorts.describe()));

    Path example = Path.of(System.getProperty("sib.home", ".")).resolve("examples/payments");
    Path payments = out.resolve("payments");
    System.out.println("8/8 payments: outcome payments for the worked example's 14 referred children (" + example + ")");
    PaymentsSummary paid = PaymentsJob.run(spark, new PaymentsOptions(
        example.resolve("children.csv").toString(), example.resolve("spells.csv").toString(), null, null, null, null,
        payments.toString()));
    System.out.print(indent(paid.describe()));

    System.out.printf("%nDemo finished in %d s. Outputs under %s:%n", Duration.between(started, Instant.now()).toSeconds(), out);
    System.out.println("  " + sample + "/   synthetic SSDA903 returns (README.md says how they were made)");
    System.out.println("  " + curated + "/  curated care data: Parquet tables, CSV copies, summary.json, run.json");
    System.out.println("  " + params + "/    calibrated parameters (params.json) and the calibration report: " + params.resolve("report.html"));
    System.out.println("  " + simulation + "/ Monte Carlo iterations and their summary (mean, P10, P50, P90, MC s.e.)");
    System.out.println("  " + scenarios + "/ scenarios, sensitivity and break-even tariff");
    System.out.println("  " + comparison + "/ cohort comparisons under disclosure control: " + comparison.resolve("report.html"));
    System.out.println("  " + payments + "/ outcome payments per child, line, month and financial year");
    System.out.println("\nThe affordability report: " + written.html());
    if (written.pdf() != null) {
      System.out.println("The report as PDF, for circulation: " + written.pdf());
    }
    System.out.println("The workbook for finance teams: " + written.workbook());
    return 0;
  }

  /**
   * The demo's pseudonymisation key, made once beside (not inside) the outputs. Real runs take
   * the council's own key with --key-file or SIB_PSEUDONYM_KEY.
   */
  private Path demoKey() throws IOException {
    Path key = out.resolve("demo-pseudonymisation.key");
    if (!Files.exists(key)) {
      Pseudonymiser.writeNewKey(key);
    }
    return key;
  }

  private static String indent(String text) {
    return text.replaceAll("(?m)^(?=.)", "    ");
  }
}
