package org.sibmodel.calibrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.sibmodel.ingest.IngestSummary;
import org.sibmodel.io.Json;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.Provenance;
import org.sibmodel.io.Stage;
import org.sibmodel.io.StageInput;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.spark.DriverTables;
import org.sibmodel.vocabulary.AgeBand;

/**
 * {@code sib calibrate}: rates of entry to care, time in care, re-entry after a return home and
 * placement mix, by district and age band, with their uncertainty, from the curated care data; a
 * parameter set for the simulation, tables, and a report that states the data, window and pooling.
 */
public final class CalibrateJob {
  private CalibrateJob() {}

  public static CalibrationSummary run(SparkSession spark, CalibrateOptions options) {
    return run(() -> spark, options);
  }

  public static CalibrationSummary run(Supplier<SparkSession> sparkSession, CalibrateOptions options) {
    Provenance provenance = Provenance.start(Stage.CALIBRATE, options);
    SparkSession spark = sparkSession.get();
    StageInput curated = StageInput.open(spark, Stage.INGEST, "--curated", options.curated());
    provenance.stage(curated);
    CalibrationData data = CalibrationData.load(curated, options);
    Pooling pooling = new Pooling();

    EntryModel.Fit entries = data.severalAuthorities()
        ? DistrictLevelModel.fit(spark, data.entryCells(), options.minimumCases(), pooling)
        : EntryModel.fit(spark, data.entryCells(), options.minimumCases(), pooling);
    List<SurvivalGroups.Group> durations = SurvivalGroups.estimate("time_in_care", data.timeInCare(), options.minimumCases(), false, pooling);
    List<SurvivalGroups.Group> reentry = SurvivalGroups.estimate("reentry", data.reentry(), options.minimumCases(), true, pooling);
    PlacementMix mix = PlacementMix.of(data.periodsInWindow(), options.minimumCases(), pooling);
    boolean synthetic = curated.json("summary.json", IngestSummary.class).syntheticSource();

    ParameterSet params = parameterSet(options, data, entries, durations, reentry, mix, pooling, synthetic);
    CalibrationSummary summary = CalibrationSummary.of(options, data, entries, durations, reentry, mix, pooling, synthetic);
    try (OutputDir out = OutputDir.stage(options.out(), spark.sparkContext().hadoopConfiguration())) {
      DriverTables.write(spark, out, "entry_coefficients", CalibrationTables.coefficients(entries));
      DriverTables.write(spark, out, "entry_rates", CalibrationTables.rates(entries));
      DriverTables.write(spark, out, "entry_fit", CalibrationTables.monthFits(entries));
      DriverTables.write(spark, out, "time_in_care_km", CalibrationTables.km("time_in_care_km", durations));
      DriverTables.write(spark, out, "time_in_care_fit", CalibrationTables.fits("time_in_care_fit", durations));
      DriverTables.write(spark, out, "time_in_care_check", CalibrationTables.checks("time_in_care_check", durations));
      DriverTables.write(spark, out, "reentry_km", CalibrationTables.km("reentry_km", reentry));
      DriverTables.write(spark, out, "reentry_fit", CalibrationTables.fits("reentry_fit", reentry));
      DriverTables.write(spark, out, "reentry_check", CalibrationTables.checks("reentry_check", reentry));
      DriverTables.write(spark, out, "placement_mix", mix.rows());
      DriverTables.write(spark, out, "calibration_pooling", CalibrationTables.pooling(pooling));
      out.writeText("params.json", Json.write(params));
      out.writeText("report.html", CalibrationReport.html(summary, entries, durations, reentry, mix, pooling));
      out.writeText("summary.json", Json.write(summary.withOut(out.target())));
      provenance.write(out, spark);
      out.commit();
      return summary.withOut(out.target());
    }
  }


  private static ParameterSet parameterSet(CalibrateOptions options, CalibrationData data, EntryModel.Fit entries,
      List<SurvivalGroups.Group> durations, List<SurvivalGroups.Group> reentry, PlacementMix mix, Pooling pooling,
      boolean synthetic) {
    double[] beta = entries.coefficients().stream().mapToDouble(EntryModel.Coefficient::estimate).toArray();
    List<ParameterSet.Rate> rates = entries.rates().stream()
        .map(r -> new ParameterSet.Rate(r.district(), r.band(), r.perMonth(), Double.isNaN(r.logStdError()) ? null : r.logStdError(), r.estimatedAs()))
        .toList();
    return new ParameterSet(
        "Calibrated from " + options.curated() + (synthetic ? " (SYNTHETIC data from sib generate)" : ""),
        synthetic, options.curated(),
        new ParameterSet.Window(data.from(), data.to(), data.dataEnd(), data.districts()),
        new ParameterSet.Entries("Poisson GLM, log link (spark-mllib GeneralizedLinearRegression)"
            + (entries.levels().isEmpty() ? "" : "; each district's level a fixed effect fitted as an offset (its estimate and"
                + " standard error in entry_coefficients, not in these terms; each rate carries its own standard error)"),
            entries.reference(),
            entries.terms(), beta, entries.covariance(), entries.dispersion(), entries.quasi(), rates),
        byBand(durations), byBand(reentry), mix.shares(),
        pooling.decisions().stream().map(d -> new ParameterSet.PoolingDecision(d.component(), d.cell(), d.cases(), d.pooledInto(), d.reason())).toList());
  }

  /** Each fine age band's survival parameters, from the group it was estimated in. */
  private static Map<String, ParameterSet.Survival> byBand(List<SurvivalGroups.Group> groups) {
    Map<String, ParameterSet.Survival> byBand = new LinkedHashMap<>();
    for (AgeBand band : AgeBand.values()) {
      SurvivalGroups.Group g = groups.stream().filter(x -> x.bands().contains(band.label())).findFirst().orElse(null);
      if (g == null) {
        continue;
      }
      Map<String, Double> km = new TreeMap<>();
      for (int m : SurvivalGroups.CHECK_MONTHS) {
        km.put(String.valueOf(m), g.km().probabilityBy(m * SurvivalGroups.DAYS_PER_MONTH));
      }
      SurvivalGroups.Parametric p = g.parametric();
      byBand.put(band.label(), new ParameterSet.Survival(g.name(), p == null ? null : p.model(), p == null ? null : p.shape(),
          p == null ? null : p.scale(), p == null ? null : p.everShare(), p == null ? null : p.covariance(), g.n(), g.events(), km,
          g.note()));
    }
    return byBand;
  }
}
