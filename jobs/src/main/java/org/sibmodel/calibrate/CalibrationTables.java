package org.sibmodel.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sibmodel.spark.RowBuilder;
import org.sibmodel.spark.SparkSchemas;
import org.sibmodel.stats.KaplanMeier;

/** The calibration's results as rows of their declared datasets. */
final class CalibrationTables {
  private CalibrationTables() {}

  static List<Row> coefficients(EntryModel.Fit fit) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of("entry_coefficients"));
    return java.util.stream.Stream.concat(fit.coefficients().stream(), fit.levels().stream()).map(c -> b.set("term", c.term()).set("estimate", c.estimate()).set("std_error", c.stdError())
        .set("std_error_used", c.stdErrorUsed()).set("z", c.z()).set("p_value", c.pValue()).build()).toList();
  }

  static List<Row> rates(EntryModel.Fit fit) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of("entry_rates"));
    int months = fit.months().size();
    return fit.rates().stream().map(r -> b.set("district", r.district()).set("age_band", r.band()).set("rate_per_month", r.perMonth())
        .set("log_rate_std_error", Double.isNaN(r.logStdError()) ? null : r.logStdError()).set("observed_entries", r.observed())
        .set("months", months).set("estimated_as", r.estimatedAs()).build()).toList();
  }

  static List<Row> monthFits(EntryModel.Fit fit) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of("entry_fit"));
    return fit.months().stream().map(m -> b.set("month", m.month()).set("observed", m.observed()).set("fitted", m.fitted()).build()).toList();
  }

  static List<Row> km(String dataset, List<SurvivalGroups.Group> groups) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of(dataset));
    List<Row> rows = new ArrayList<>();
    for (SurvivalGroups.Group g : groups) {
      for (KaplanMeier.Step s : g.km().steps()) {
        rows.add(b.set("group", g.name()).set("time_days", s.time()).set("at_risk", s.atRisk()).set("events", s.events())
            .set("censored", s.censored()).set("survival", s.survival()).set("lower", s.lower()).set("upper", s.upper()).build());
      }
    }
    return rows;
  }

  static List<Row> fits(String dataset, List<SurvivalGroups.Group> groups) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of(dataset));
    List<Row> rows = new ArrayList<>();
    for (SurvivalGroups.Group g : groups) {
      SurvivalGroups.Parametric p = g.parametric();
      rows.add(b.set("group", g.name()).set("bands", String.join(" ", g.bands())).set("n", g.n()).set("events", g.events())
          .set("model", p == null ? null : p.model())
          .set("shape", p == null ? null : p.shape())
          .set("scale_days", p == null ? null : p.scale())
          .set("ever_share", p == null ? null : p.everShare())
          .set("shape_std_error", p == null ? null : p.shapeSe())
          .set("scale_std_error", p == null ? null : p.scaleSe())
          .set("ever_share_std_error", p == null ? null : p.everShareSe())
          .set("log_likelihood", p == null ? null : p.logLikelihood())
          .set("median_days_km", g.km().median().isPresent() ? g.km().median().getAsDouble() : null)
          .set("note", g.note())
          .build());
    }
    return rows;
  }

  static List<Row> checks(String dataset, List<SurvivalGroups.Group> groups) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of(dataset));
    return SurvivalGroups.checks(groups).stream().map(c -> b.set("group", c.group()).set("months", c.months()).set("km", c.km())
        .set("km_lower", c.kmLower()).set("km_upper", c.kmUpper())
        .set("fitted", Double.isNaN(c.fitted()) ? null : c.fitted())
        .set("difference", Double.isNaN(c.fitted()) ? null : c.fitted() - c.km()).build()).toList();
  }

  static List<Row> pooling(Pooling pooling) {
    RowBuilder b = RowBuilder.of(SparkSchemas.of("calibration_pooling"));
    return pooling.decisions().stream().map(d -> b.set("component", d.component()).set("cell", d.cell()).set("cases", d.cases())
        .set("pooled_into", d.pooledInto()).set("reason", d.reason()).build()).toList();
  }
}
