package org.sibmodel.generate;

import java.util.concurrent.Callable;
import org.sibmodel.cli.OutOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sib generate}: synthetic SSDA903 returns for a Lancashire-like county. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write synthetic SSDA903 returns (header, episodes, uasc; one folder per collection year;"
          + " dd/mm/yyyy) for a county like Lancashire: its 12 districts, home postcodes the"
          + " bundled lookup maps to them, calibrated to spec/figures.md. No real child is in them.",
    })
public final class GenerateCommand implements Callable<Integer> {

  @Mixin OutOption out;

  @Option(
      names = "--years",
      paramLabel = "FIRST-LAST",
      defaultValue = "2012-2019",
      description =
          "Collection years to write, named by the year each ends (2019 = April 2018 to March"
              + " 2019). Default: ${DEFAULT-VALUE}.")
  String years;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + GenerateOptions.DEFAULT_SEED,
      description = "Master seed; the same seed writes identical files. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--authorities",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "How many authorities. 1 (default): the Lancashire-like county alone, no LA column. More: a"
              + " national-like set in one set of yearly files with an LA column (codes Z001, Z002, ...),"
              + " each authority the county scaled to its own size (mean 0.67 of it) and drawn from its own"
              + " seed: 150 give about 3.7 million episode rows over 2012-2019.")
  int authorities;

  @Override
  public Integer call() {
    int[] range = GenerateOptions.parseYears(years);
    GenerateOptions options = new GenerateOptions(out.value(), range[0], range[1], seed, authorities);
    long started = System.nanoTime();
    System.out.print(authorities == 1 ? GenerateJob.run(options).describe() : GenerateJob.runNational(options).describe());
    System.out.printf(java.util.Locale.ROOT, "  generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
