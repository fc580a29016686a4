package org.sibmodel.reference;

import java.io.Serializable;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * A district of Lancashire County Council with the figures the synthetic sample is calibrated to
 * (reference/lancashire-districts.csv states their sources).
 *
 * @param name district name, as the postcode lookup gives it
 * @param target a target district of the edge-of-care service (seed 000, 1.5)
 * @param under18 approximate number of children aged 0 to 17
 * @param claRatePerTenThousand target rate of children looked after per 10,000 under-18s at 31 March
 */
public record District(String name, boolean target, int under18, double claRatePerTenThousand)
    implements Serializable {

  public District {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("district name is missing");
    }
    if (under18 <= 0) {
      throw new IllegalArgumentException("district " + name + ": under18 must be positive, was " + under18);
    }
    if (claRatePerTenThousand < 0) {
      throw new IllegalArgumentException(
          "district " + name + ": cla_rate_per_10k must not be negative, was " + claRatePerTenThousand);
    }
  }

  /** Children looked after at 31 March that the target rate implies. */
  public double targetLookedAfter() {
    return under18 * claRatePerTenThousand / 10_000.0;
  }

  /** The 12 Lancashire districts, from the bundled table. */
  public static List<District> lancashire() {
    String source = "reference/lancashire-districts.csv";
    List<CSVRecord> records =
        ReferenceCsv.read(
            ReferenceCsv.resource("lancashire-districts.csv"),
            source,
            List.of("district", "target", "under18", "cla_rate_per_10k"));
    return records.stream()
        .map(
            r ->
                new District(
                    r.get("district"),
                    Boolean.parseBoolean(r.get("target")),
                    Integer.parseInt(r.get("under18")),
                    Double.parseDouble(r.get("cla_rate_per_10k"))))
        .toList();
  }
}
