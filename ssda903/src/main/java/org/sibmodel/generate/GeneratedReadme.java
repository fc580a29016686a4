package org.sibmodel.generate;


import java.util.Locale;
import java.util.Map;
import org.sibmodel.SibVersion;
import org.sibmodel.ssda903.CollectionYear;

/**
 * The README.md written at the top of a {@code sib generate} output: it says the data are
 * synthetic (spec/model.md: "synthetic data made by the project must say it is synthetic wherever
 * it is shown"), how they were made, and with which seed and settings. Deterministic for a seed.
 */
final class GeneratedReadme {
  private GeneratedReadme() {}

  /** The README of a set of several authorities ({@code --authorities N}). */
  static String national(GenerateOptions options, NationalSummary summary) {
    StringBuilder s = new StringBuilder();
    s.append("# SYNTHETIC SSDA903 returns of ").append(summary.authorities().size()).append(" authorities: no real child\n\n");
    s.append(
        "**These files are synthetic.** Every authority, child, date, code and postcode in them was drawn at random by\n"
            + "`sib generate`. No real child, family or council is in them. Label figures from them SYNTHETIC.\n\n");
    s.append(String.format(Locale.ROOT,
        "- command: `sib generate --out DIR --years %d-%d --seed %d --authorities %d`%n"
            + "- collection years: %s to %s; %,d episode rows in all%n"
            + "- each authority is the Lancashire-like county of `sib generate` (its 12 districts and their postcode"
            + " areas) with its population and entry rates scaled by its `sizeScale`, drawn from its own seed;"
            + " a district is known only by (LA, district)%n"
            + "- LA codes `Z001` to `Z%03d`: no real authority has a code like these%n"
            + "- sib version: %s%n%n",
        options.firstYear(), options.lastYear(), options.seed(), summary.authorities().size(),
        CollectionYear.label(options.firstYear()), CollectionYear.label(options.lastYear()), summary.episodeRows(),
        summary.authorities().size(), SibVersion.get()));
    s.append("## Files\n\n| path | what |\n|---|---|\n");
    s.append("| `<year>/header.csv`, `<year>/episodes.csv`, `<year>/uasc.csv` | as for one county, with an `LA` column first; authorities in code order |\n");
    s.append("| `generator_truth.json` | the base county model and each authority's seed and size |\n");
    s.append("| `summary.json` | rows by year and by authority |\n");
    s.append("| `run.json` | the command, options, version and bundled inputs |\n");
    return s.toString();
  }

  static String text(GenerateOptions options, SyntheticCountyModel model, GenerateSummary summary) {
    String first = CollectionYear.label(options.firstYear());
    String last = CollectionYear.label(options.lastYear());
    StringBuilder s = new StringBuilder();
    s.append("# SYNTHETIC SSDA903 returns: no real child\n\n");
    s.append(
        "**These files are synthetic.** Every child, date, code and postcode in them was drawn at random by\n"
            + "`sib generate`. No real child or family is in them; a CHILD id, date of birth or postcode that\n"
            + "matches a real one does so by chance. Figures from them describe the model, not Lancashire or\n"
            + "any council: label them SYNTHETIC wherever they are shown.\n\n");

    s.append("## Settings\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "- command: `sib generate --out DIR --years %d-%d --seed %d`%n"
                + "- collection years: %s to %s (collection year N runs from 1 April N-1 to 31 March N)%n"
                + "- seed: %d; the same seed and years give byte-identical CSV files%n"
                + "- sib version: %s%n"
                + "- simulation start (burn-in): %s, at least 18 years before the first return, so the"
                + " children in care at the first 31 March are at steady state%n%n",
            options.firstYear(), options.lastYear(), options.seed(), first, last, options.seed(), SibVersion.get(),
            model.simulationStart()));

    s.append("## Files\n\n");
    s.append("| path | what |\n|---|---|\n");
    s.append(
        "| `<year>/header.csv` | CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB: one row per child with an episode in the return (UPN, MOTHER, MC_DOB empty) |\n");
    s.append(
        "| `<year>/episodes.csv` | CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN: every episode open at any time in the year; DEC and REC empty while open at 31 March |\n");
    s.append("| `<year>/uasc.csv` | CHILD, SEX, DOB, DUC: unaccompanied asylum-seeking children in the return (DUC: the 18th birthday) |\n");
    s.append("| `generator_truth.json` | the exact parameters the returns were drawn from, and what they imply |\n");
    s.append("| `summary.json` | figures measured on this draw: sizes, children looked after at 31 March by district, entry age mix, exits within 12 months, re-entry, placement mix |\n");
    s.append("| `run.json` | the command, options, version and bundled inputs |\n\n");
    s.append(
        "Years are folders named like `2018-19`. Dates are dd/mm/yyyy, line ends LF, no LA or YEAR column.\n"
            + "Consecutive returns overlap as real ones do: an episode open at 31 March appears again in the\n"
            + "next return, with DEC and REC filled in once it has ended. Only codes valid in each collection\n"
            + "year are used (data-schemas codelists/ssda903.yaml).\n\n");

    s.append("## How they were made\n\n");
    SyntheticCountyModel.Entries entries = model.entries();
    s.append(
        "A county like Lancashire: its 12 districts with approximate under-18 populations and target rates\n"
            + "of children looked after (reference/lancashire-districts.csv; county about 79 per 10,000, the four\n"
            + "target districts 95 to 125). Sources of each figure: LancashireDefaults.java and spec/figures.md.\n\n");
    s.append(
        "1. **Entries.** First entries to care per district, age band and calendar month are Poisson with a\n"
            + "   constant rate (no trend, no seasonality). Rates are solved numerically so that the expected\n"
            + "   number looked after at 31 March in each district equals its target. Age is uniform within the\n"
            + "   band. All entries (re-entries included) follow the target age mix "
            + shares(entries.targetAgeMix()) + ".\n");
    s.append(
        "2. **Time in care.** Each period lasts a Weibull time by age band at entry; P(leave within 12 months):\n"
            + "   " + durations(model) + ". Care always ends by the 18th birthday.\n");
    s.append(
        "3. **Leaving care.** The exit (return home E4A/E4B/E13, adoption E11/E12, special guardianship\n"
            + "   E43-E48, child arrangements order E41, independent living E5, staying put E17, custody E7,\n"
            + "   remand ended E14, other) is drawn by age and duration.\n");
    SyntheticCountyModel.ReEntry reEntry = model.reEntry();
    s.append(
        String.format(
            Locale.ROOT,
            "4. **Re-entry.** After a return home, a cure model: %s of children come back some day, after an%n"
                + "   exponential gap (rate %.3f a year): %s within 12 months, %s within 5 years. A re-entry starts\n"
                + "   a new period (RNE S) after a gap.%n",
            percent(reEntry.everShare()), reEntry.ratePerYear(), percent(reEntry.shareWithin12Months()),
            percent(reEntry.shareWithin5Years())));
    s.append(
        "5. **Episodes.** Within a period, changes of legal status (RNE L: emergency protection to interim\n"
            + "   care order, interim to full care order, s20 to court, a placement order before adoption),\n"
            + "   changes of placement (RNE P) and both together (T, U, B) split the period into contiguous\n"
            + "   episodes (each DEC is the next DECOM, REC X1; the last episode ends with an E code).\n"
            + "   Placements are drawn from a mix by age (foster care, kinship, children's homes, supported\n"
            + "   accommodation from 16, placed with parents), tuned to the 2024 FOI survey's national mix.\n");
    SyntheticCountyModel.Postcodes p = model.postcodes();
    s.append(
        String.format(
            Locale.ROOT,
            "6. **Postcodes.** HOME_POST is a postcode sector of the child's district that the bundled lookup%n"
                + "   maps back to it; %s of children have none and %s one just outside the county (Blackpool,%n"
                + "   Blackburn with Darwen) that the lookup leaves unmapped; %s of unaccompanied children have none.%n"
                + "   PL_POST is a plausible sector; URN a 7-digit number for children's homes and care homes (K2, R1).%n"
                + "7. **Unaccompanied children.** %s of first entrants aged 13-17 are UASC (uasc.csv).%n%n",
            percent(p.missingShare()), percent(p.outOfCountyShare()), percent(p.uascMissingShare()),
            percent(entries.uascShareOf13To17())));
    s.append(
        "Every child has their own random stream derived from (seed, child number), so the files are a pure\n"
            + "function of the seed and the years.\n\n");

    s.append("## Measured on this draw (summary.json)\n\n");
    s.append("| figure | this draw | target |\n|---|---|---|\n");
    double rate = summary.years().stream().mapToDouble(GenerateSummary.Year::ratePerTenThousandAtYearEnd).average().orElse(Double.NaN);
    s.append(
        String.format(
            Locale.ROOT, "| looked after at 31 March, per 10,000 under-18s (mean of years) | %.1f | %.1f |%n",
            rate, model.expected().countyRatePerTenThousand()));
    s.append("| entry age mix | " + shares(summary.entrantAgeMix()) + " | 0-4 45%, 5-9 20%, 10-15 25%, 16-17 10% |\n");
    StringBuilder left = new StringBuilder();
    summary.leftWithin12Months().forEach((g, share) -> left.append(left.length() == 0 ? "" : ", ").append(g).append(' ').append(share.percent()));
    s.append("| left care within 12 months of entry | " + left + " | 0-4 50%, 5-9 35%, 10-15 under 30% |\n");
    s.append(
        "| back in care within 12 months of going home | " + summary.reEntryWithin12Months().percent()
            + " | about 1 in 5 |\n");
    s.append(
        "| placements at 31 March | " + shares(summary.placementMixAtYearEnd())
            + " | council foster 27.9%, agency foster 24.8%, kinship 15.6%, children's homes 11.4%, supported 9.8%, parents 6.0% |\n\n");

    s.append("## Simplifications\n\n");
    s.append(
        "- Constant entry rates; age uniform within band; one re-entry model for all ages; placement moves\n"
            + "  at a constant rate within a period.\n"
            + "- Only header, episodes and uasc files; UPN, MOTHER and MC_DOB are empty.\n"
            + "- REASON_PLACE_CHANGE is given from collection year "
            + model.placements().reasonPlaceChangeFromYear()
            + " on episodes that start with a change of placement.\n");
    return s.toString();
  }

  private static String shares(Map<String, Double> shares) {
    StringBuilder s = new StringBuilder();
    shares.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(percent(v)));
    return s.toString();
  }

  private static String durations(SyntheticCountyModel model) {
    StringBuilder s = new StringBuilder();
    model.durations().forEach(
        (band, w) -> s.append(s.length() == 0 ? "" : ", ").append(band).append(' ').append(percent(w.shareWithin12Months())));
    return s.toString();
  }

  /** A share as a percentage with one decimal: "34.1%". */
  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * share);
  }
}
