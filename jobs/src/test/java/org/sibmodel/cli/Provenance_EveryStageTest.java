package org.sibmodel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.io.Json;
import org.sibmodel.provenance.Sha256;
import org.sibmodel.testing.Fixtures;
import org.sibmodel.testing.SeparateJvm;
import org.sibmodel.testing.TestSpark;

/**
 * The eight stage commands run one after another on small inputs, from the command line: each
 * run.json names its command and lists every file and dataset it read with a size and SHA-256
 * that match what is on disk, and no secret.
 */
class Provenance_EveryStageTest {
  @TempDir static Path tmp;
  private static Path key;

  private static final String SCENARIOS = Fixtures.lines(
      "simulation: {iterations: 20, seed: 5}",
      "variants:",
      "  - name: weaker effect",
      "    changes: {effect: {hazard_ratio: {distribution: lognormal, mean: 0.8, sd: 0.1}}}",
      "sensitivity:",
      "  iterations: 10",
      "  inputs:",
      "    hazard_ratio: {low: 0.5, high: 0.85}");
  private static final String COHORTS = Fixtures.lines(
      "cohorts:",
      "  targets: {districts: [Burnley, Hyndburn, Pendle, Preston]}",
      "  others: {districts_except: [Burnley, Hyndburn, Pendle, Preston]}",
      "comparisons:",
      "  - {name: targets vs others, first: targets, second: others, disjoint: true}");

  private static void sib(String... args) {
    assertEquals(0, Main.run(args), "sib " + String.join(" ", args));
  }

  private static String at(String name) {
    return tmp.resolve(name).toString();
  }

  @BeforeAll
  static void runEveryStage() throws IOException {
    TestSpark.session();
    key = Fixtures.keyFile(tmp);
    Path scenario = Fixtures.write(tmp, "scenario.yaml", "simulation: {iterations: 20, seed: 5}\n");
    Path scenarios = Fixtures.write(tmp, "scenarios.yaml", SCENARIOS);
    Path cohorts = Fixtures.write(tmp, "cohorts.yaml", COHORTS);
    Path terms = Fixtures.write(tmp, "terms.yaml", "tariff: {diversion_5_9: 9000}\n");
    Path examples = SeparateJvm.repository().resolve("examples");

    sib("generate", "--out", at("sample"), "--years", "2018-2019", "--seed", "7");
    sib("--master", "local[2]", "ingest", "--input", at("sample"), "--out", at("curated"), "--key-file", key.toString());
    sib("calibrate", "--curated", at("curated"), "--out", at("params"));
    sib("simulate", "--params", at("params"), "--out", at("simulation"), "--scenario", scenario.toString(), "--iterations", "20");
    sib("scenarios", "--params", at("params"), "--out", at("scenarios"), "--scenario", scenarios.toString());
    sib("report", "--results", at("scenarios"), "--out", at("report"));
    DemoReferrals.write(tmp.resolve("sample"), tmp.resolve("referred.csv"), 7);
    sib("compare", "--curated", at("curated"), "--out", at("comparison"), "--cohorts", cohorts.toString(), "--referred",
        at("referred.csv"), "--key-file", key.toString(), "--population",
        examples.resolve("compare/population-lancashire-approx.csv").toString());
    sib("payments", "--children", examples.resolve("payments/children.csv").toString(), "--spells",
        examples.resolve("payments/spells.csv").toString(), "--terms", terms.toString(), "--out", at("payments"));
  }

  private static JsonNode run(String output) throws IOException {
    return Json.mapper().readTree(tmp.resolve(output).resolve("run.json").toFile());
  }

  /** The inputs of a run.json, each checked against the file or folder it names; their paths, relative to the test folder. */
  private static List<String> checkedInputs(String output, String command) throws IOException {
    JsonNode run = run(output);
    assertEquals(command, run.get("command").asText());
    assertFalse(Files.readString(tmp.resolve(output).resolve("run.json")).contains(Fixtures.TEST_KEY), "the key never appears");
    List<String> paths = new ArrayList<>();
    for (JsonNode input : run.get("inputs")) {
      String path = input.get("path").asText();
      String sha256 = input.get("sha256").asText();
      assertTrue(sha256.matches("[0-9a-f]{64}"), output + ": " + input);
      byte[] bytes = path.startsWith("classpath:") ? bundled(path.substring("classpath:".length()))
          : contents(Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath()));
      assertEquals(Sha256.hex(bytes), sha256, output + ": " + path);
      assertEquals(bytes.length, input.get("bytes").asLong(), output + ": " + path);
      paths.add(path.startsWith("classpath:") ? path : tmp.relativize(Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath()))
          .toString());
    }
    return paths;
  }

  /** A file's bytes, or a dataset folder's data files (names not starting with _ or .) one after another in name order. */
  private static byte[] contents(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return Files.readAllBytes(path);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(path)) {
      for (Path part : files.filter(f -> !f.getFileName().toString().matches("[_.].*")).sorted().toList()) {
        all.write(Files.readAllBytes(part));
      }
    }
    return all.toByteArray();
  }

  private static byte[] bundled(String resource) throws IOException {
    try (var in = Provenance_EveryStageTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  @Test
  void generateListsTheBundledTablesItDrawsOn() throws IOException {
    assertEquals(List.of("classpath:reference/lancashire-districts.csv", "classpath:reference/lancashire-postcodes.csv",
        "classpath:schemas/codelists/ssda903.yaml"), checkedInputs("sample", "generate"));
  }

  @Test
  void ingestListsEveryReturnFileItRead() throws IOException {
    List<String> inputs = checkedInputs("curated", "ingest");
    assertEquals(List.of("sample/2017-18/episodes.csv", "sample/2017-18/header.csv", "sample/2017-18/uasc.csv",
        "sample/2018-19/episodes.csv", "sample/2018-19/header.csv", "sample/2018-19/uasc.csv"), inputs.stream().sorted().toList());
    JsonNode options = run("curated").get("options");
    assertEquals(key.toString(), options.get("key_file").asText(), "the key file's path is recorded, never the key");
  }

  @Test
  void calibrateListsTheCuratedDatasetsAndSummaryItRead() throws IOException {
    assertEquals(List.of("curated/care_entries", "curated/care_periods", "curated/summary.json"), checkedInputs("params", "calibrate"));
  }

  @Test
  void simulateListsItsScenarioAndParameterSet() throws IOException {
    assertEquals(List.of("scenario.yaml", "params/params.json"), checkedInputs("simulation", "simulate"));
    assertEquals(20, run("simulation").get("options").get("iterations").asInt());
  }

  @Test
  void scenariosListsItsScenarioSetAndParameterSet() throws IOException {
    assertEquals(List.of("scenarios.yaml", "params/params.json"), checkedInputs("scenarios", "scenarios"));
  }

  @Test
  void reportListsTheScenariosOutputsItRead() throws IOException {
    assertEquals(List.of("scenarios/summary.json", "scenarios/scenario_summary", "scenarios/scenario_months", "scenarios/sensitivity",
        "scenarios/break_even", "scenarios/scenario_iterations", "scenarios/scenario.yaml"), checkedInputs("report", "report"),
        "scenario.yaml: the workbook's assumptions sheet lists the scenario as run");
  }

  @Test
  void compareListsItsCohortsReferralsPopulationAndTheCuratedData() throws IOException {
    List<String> inputs = checkedInputs("comparison", "compare");
    assertEquals(List.of("cohorts.yaml", "referred.csv"), inputs.subList(0, 2));
    assertTrue(inputs.get(2).endsWith("examples/compare/population-lancashire-approx.csv"), inputs.toString());
    assertEquals(List.of("curated/care_periods", "curated/care_entries", "curated/summary.json"), inputs.subList(3, inputs.size()));
  }

  @Test
  void paymentsListsItsTermsChildrenAndSpells() throws IOException {
    List<String> inputs = checkedInputs("payments", "payments");
    assertEquals(3, inputs.size(), inputs.toString());
    assertEquals("terms.yaml", inputs.get(0));
    assertTrue(inputs.get(1).endsWith("examples/payments/children.csv") && inputs.get(2).endsWith("examples/payments/spells.csv"),
        inputs.toString());
  }
}
