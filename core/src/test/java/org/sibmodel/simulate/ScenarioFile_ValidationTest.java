package org.sibmodel.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;

class ScenarioFile_ValidationTest {

  @Test
  void theDefaultScenarioIsTheSeedsTable() {
    Scenario s = ScenarioFile.defaults();
    assertEquals(44.0, s.referrals().perYear().get(Pathway.DIVERSION).get(AgeBand.A5_7));
    assertEquals(3.3, s.referrals().perYear().get(Pathway.REUNIFICATION).get(AgeBand.A5_7));
    assertEquals(0.25, s.funding().outcomesFund().share());
    assertEquals(1_000_000, s.funding().outcomesFund().award());
    assertEquals(0, new BigDecimal("10000").compareTo(s.contract().price(org.sibmodel.payments.SubCohort.all().get(0))));
    assertEquals(4, s.referrals().districts().size());
    s.costs().weekly().values().forEach(c -> assertTrue(!c.source().isBlank()));
  }

  @Test
  void theBundledDefaultsMeetTheJsonSchema() throws Exception {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaMappers(m -> m.mapPrefix("https://sibmodel.org/schemas/config/", "classpath:schemas/config/")));
    JsonSchema schema = factory.getSchema(SchemaLocation.of("https://sibmodel.org/schemas/config/scenario.schema.json"));
    try (InputStream in = ScenarioFile.class.getResourceAsStream("default-scenario.yaml")) {
      assertEquals(Set.of(), schema.validate(new ObjectMapper(new YAMLFactory()).readTree(in)));
    }
    assertTrue(!schema.validate(new ObjectMapper(new YAMLFactory()).readTree("effect:\n  hazard_ratio: {distribution: gamma, mean: 1}\n")).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field       | effekt:\\n  hazard_ratio: {distribution: fixed, mean: 1}        | unknown field 'effekt'",
      "unknown distribution| effect:\\n  hazard_ratio: {distribution: gamma, mean: 1}       | distribution 'gamma'",
      "impossible beta     | secondary:\\n  reading: {distribution: beta, mean: 0.5, sd: 0.6} | secondary.reading: beta sd 0.6",
      "probability > 1     | secondary:\\n  reading: {distribution: fixed, mean: 1.5}       | secondary.reading",
      "districts not 1     | referrals:\\n  districts: {Burnley: 0.7, Pendle: 0.2}            | sum to 0.9",
      "unknown band        | referrals:\\n  per_year:\\n    diversion: {\"4-5\": 10}          | unknown age band",
      "bad source          | referrals:\\n  source: census                                   | referrals.source = census",
      "negative cost       | delivery:\\n  per_referral: -5                                  | must not be negative",
      "fund share > 1      | funding:\\n  outcomes_fund: {share: 1.5}                        | funding.outcomes_fund.share = 1.5",
      "no iterations       | simulation:\\n  iterations: 0                                  | simulation.iterations = 0",
      "bad contract        | contract:\\n  shares:\\n    reading: 0.5                       | must sum to 1",
      "wrong kind          | simulation:\\n  iterations: many                               | simulation.iterations = \"many\"",
  })
  void aMalformedScenarioIsAnErrorNamingFieldAndValue(String name, String yaml, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioFile.fromYaml(yaml.replace("\\n", "\n"), "scenario.yaml"));
    assertTrue(e.getMessage().startsWith("scenario.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFile.read(Path.of("/no/scenario.yaml")));
    assertTrue(e.getMessage().contains("/no/scenario.yaml"), e.getMessage());
  }
}
