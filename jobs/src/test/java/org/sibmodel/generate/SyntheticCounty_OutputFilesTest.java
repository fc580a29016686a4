package org.sibmodel.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sibmodel.cli.Main;
import org.sibmodel.io.Json;
import org.sibmodel.io.StageManifest;
import org.sibmodel.vocabulary.AgeBand;

/** What a run writes besides the returns, and how it treats its output folder. */
class SyntheticCounty_OutputFilesTest {
  private final GeneratedSample sample = GeneratedSample.get();

  @Test
  void writesAFolderPerCollectionYearAndTheDescriptiveFiles() throws IOException {
    try (Stream<Path> top = Files.list(sample.out)) {
      List<String> names = top.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(
          List.of(
              "2011-12", "2012-13", "2013-14", "2014-15", "2015-16", "2016-17", "2017-18", "2018-19",
              "README.md", StageManifest.FILE, "generator_truth.json", "run.json", "summary.json"),
          names);
    }
    try (Stream<Path> year = Files.list(sample.out.resolve("2018-19"))) {
      assertEquals(
          List.of("episodes.csv", "header.csv", "uasc.csv"), year.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void readmeSaysTheDataAreSyntheticAndHowToMakeThemAgain() throws IOException {
    String readme = Files.readString(sample.out.resolve("README.md"));
    assertTrue(readme.startsWith("# SYNTHETIC SSDA903 returns: no real child"), readme.lines().findFirst().orElse(""));
    assertTrue(readme.contains("--years 2012-2019 --seed " + sample.options.seed()), "settings in the README");
    assertTrue(readme.contains("generator_truth.json"));
  }

  @Test
  void truthFileHoldsTheGeneratingParameters() throws IOException {
    JsonNode truth = Json.mapper().readTree(sample.out.resolve("generator_truth.json").toFile());
    assertTrue(truth.get("synthetic").asBoolean());
    assertEquals(sample.options.seed(), truth.get("seed").asLong());
    JsonNode model = truth.get("model");
    assertEquals(12, model.get("districts").size());
    for (JsonNode d : model.get("districts")) {
      for (AgeBand band : AgeBand.values()) {
        assertTrue(d.get("first_entries_per_month").get(band.label()).asDouble() > 0, d.get("name") + " " + band.label());
      }
    }
    for (AgeBand band : AgeBand.values()) {
      JsonNode w = model.get("durations").get(band.label());
      assertTrue(w.get("shape").asDouble() > 0 && w.get("scale_days").asDouble() > 0, band.label());
    }
    assertEquals(0.301, model.get("re_entry").get("ever_share").asDouble(), 1e-9);
    assertEquals("none", model.get("entries").get("seasonality").asText());
    assertEquals(0.0, model.get("entries").get("trend_per_year").asDouble());
    assertTrue(model.get("placements").get("mix_by_age").get("13-15").has("childrens_home"));
    List<String> returnHome = new java.util.ArrayList<>();
    model.get("exits").get("codes").get("return_home").fieldNames().forEachRemaining(returnHome::add);
    assertEquals(List.of("E4A", "E4B", "E13"), returnHome);
  }

  @Test
  void summaryAgreesWithTheFiles() throws IOException {
    JsonNode summary = Json.mapper().readTree(sample.out.resolve("summary.json").toFile());
    assertTrue(summary.get("synthetic").asBoolean());
    JsonNode years = summary.get("years");
    assertEquals(8, years.size());
    for (JsonNode y : years) {
      ReturnFiles r = sample.returns.get(y.get("year").asInt());
      assertEquals(r.header().size(), y.get("header_rows").asInt());
      assertEquals(r.episodes().size(), y.get("episode_rows").asInt());
      assertEquals(r.uasc().size(), y.get("uasc_rows").asInt());
      long open = r.episodes().stream().filter(e -> e.get("DEC").isEmpty()).count();
      assertEquals(open, y.get("looked_after_at_year_end").asLong(), "children looked after at 31 March " + y.get("year"));
    }
  }

  @Test
  void runFileRecordsTheCommandAndOptions() throws IOException {
    JsonNode run = Json.mapper().readTree(sample.out.resolve("run.json").toFile());
    assertEquals("sib", run.get("tool").asText());
    assertEquals("generate", run.get("command").asText());
    assertEquals(sample.options.seed(), run.get("options").get("seed").asLong());
    assertEquals("2012-2019", run.get("options").get("years").asText());
  }

  @Test
  void refusesAFolderThatIsNotAnEarlierOutputAndLeavesItAlone() throws IOException {
    Path parent = GeneratedSample.tempFolder();
    Path precious = parent.resolve("precious");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("notes.txt"), "keep me");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GenerateJob.run(new GenerateOptions(precious.toString(), 2019, 2019, 1)));
    assertTrue(e.getMessage().contains("not an earlier sib output"), e.getMessage());
    assertEquals("keep me", Files.readString(precious.resolve("notes.txt")));
    try (Stream<Path> left = Files.list(parent)) {
      assertEquals(List.of(precious), left.toList(), "no staging folder is left behind");
    }
  }

  @Test
  void commandLineWritesTheYearsAskedForAndRejectsBadYears() throws IOException {
    Path out = GeneratedSample.tempFolder().resolve("cli");
    assertEquals(0, Main.run("generate", "--out", out.toString(), "--years", "2019", "--seed", "7"));
    assertTrue(Files.isRegularFile(out.resolve("2018-19/episodes.csv")));
    assertFalse(Files.exists(out.resolve("2017-18")));
    assertTrue(Main.run("generate", "--out", out.toString(), "--years", "2019-2012") != 0);
    assertTrue(Files.isRegularFile(out.resolve("2018-19/episodes.csv")), "a failed run leaves the earlier output");
  }

  /** sib generate is plain Java: nothing in its package may start (or even import) Spark. */
  @Test
  void generatePackageDoesNotUseSpark() throws IOException {
    Path sources = Path.of("src/main/java/org/sibmodel/generate");
    assertTrue(Files.isDirectory(sources), "run from the jobs module: " + sources.toAbsolutePath());
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.toList()) {
        assertFalse(Files.readString(file).contains("org.apache.spark"), file + " refers to Spark");
      }
    }
  }
}
