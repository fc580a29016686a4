package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sibmodel.io.OutputDir;
import org.sibmodel.io.StageManifest;
import org.sibmodel.ssda903.CollectionYear;

/** A seed determines the output: the same seed writes byte-identical files, another seed others. */
class SyntheticCounty_SameSeedTest {

  @Test
  void sameSeedAndYearsWriteByteIdenticalFiles() throws IOException {
    GeneratedSample sample = GeneratedSample.get();
    Path again = GeneratedSample.tempFolder().resolve("again");
    GenerateJob.run(new GenerateOptions(again.toString(), sample.options.firstYear(), sample.options.lastYear(), sample.options.seed()));
    List<Path> files = files(sample.out);
    assertEquals(files, files(again));
    for (Path file : files) {
      if (!file.toString().equals(OutputDir.RUN_FILE) && !file.toString().equals(StageManifest.FILE)) {
        assertArrayEquals(Files.readAllBytes(sample.out.resolve(file)), Files.readAllBytes(again.resolve(file)), file.toString());
      }
    }
  }

  @Test
  void anotherSeedWritesOtherReturns() throws IOException {
    GeneratedSample sample = GeneratedSample.get();
    Path other = GeneratedSample.tempFolder().resolve("other");
    GenerateJob.run(new GenerateOptions(other.toString(), 2018, 2019, sample.options.seed() + 1));
    for (int year : new int[] {2018, 2019}) {
      for (String name : List.of("header.csv", "episodes.csv")) {
        Path file = Path.of(CollectionYear.label(year), name);
        assertFalse(
            Files.readString(sample.out.resolve(file)).equals(Files.readString(other.resolve(file))),
            file + " is the same for seeds " + sample.options.seed() + " and " + (sample.options.seed() + 1));
      }
    }
  }

  /** A child's life depends only on (seed, child number), not on the other children. */
  @Test
  void aChildsLifeDependsOnlyOnSeedAndChildNumber() {
    SyntheticCountyModel model = LancashireDefaults.model(2012);
    SyntheticCounty county = SyntheticCounty.simulate(model, 42, 2019);
    SyntheticCountyModel.DistrictRates preston =
        model.districts().stream().filter(d -> d.name().equals("Preston")).findFirst().orElseThrow();
    ChildLife life = new ChildLife(model, org.sibmodel.schemas.Schemas.ssda903Codes(), ResidentialHomes.draw(model, 42));
    SyntheticChild child = county.children().stream().filter(c -> c.district().equals("Preston")).skip(100).findFirst().orElseThrow();
    SyntheticChild alone =
        life.live(
            child.index(), child.id(), preston,
            org.sibmodel.vocabulary.AgeBand.ofAge(org.sibmodel.vocabulary.AgeBand.ageOn(child.dob(), child.periods().get(0).start())),
            java.time.YearMonth.from(child.periods().get(0).start()),
            CollectionYear.end(2019),
            Streams.of(42, Streams.CHILD, child.index()));
    assertEquals(child, alone);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
