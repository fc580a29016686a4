package org.sibmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled default cohorts meet cohorts.schema.json, and the schema turns away what Cohorts turns away. */
class CohortsFile_SchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String VALID_COMPARISON = "comparisons:\n  - {name: a vs b, first: a, second: b}\n";
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    schema = factory.getSchema(SchemaLocation.of("classpath:schemas/config/cohorts.schema.json"));
  }

  private static Set<ValidationMessage> validate(String yaml) throws Exception {
    return schema.validate(YAML.readTree(yaml));
  }

  @Test
  void theBundledDefaultCohortsMeetTheSchema() throws Exception {
    try (InputStream in = CohortsFile_SchemaTest.class.getClassLoader()
        .getResourceAsStream("org/sibmodel/compare/default-cohorts.yaml")) {
      assertNotNull(in, "default-cohorts.yaml is not on the classpath");
      JsonNode root = YAML.readTree(in);
      // Unquoted yyyy-mm-dd dates reach the schema as strings.
      assertEquals("2019-08-31", root.at("/cohorts/before_contract/entered_to").textValue());
      assertEquals(Set.of(), schema.validate(root));
    }
  }

  @Test
  void aCohortUsingEveryFilterMeetsTheSchema() throws Exception {
    String yaml = "cohorts:\n"
        + "  a: {districts: [Burnley], age_bands: [0-4, \"5-9\", 16-17], entered_from: 2019-09-01, entered_to: 2021-03-31,\n"
        + "      legal_status: [C2, V2], category_of_need: [N1], entry: reentry, referred: true}\n"
        + "  b: {districts_except: [Burnley]}\n"
        + "comparisons:\n"
        + "  - {name: a vs b, first: a, second: b, disjoint: true, matched: false, skip_if_empty: true}\n";
    assertEquals(Set.of(), validate(yaml));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown top-level field  | notes: draft\\ncohorts:\\n  a: {}\\n  b: {}\\n                          | notes",
      "unknown cohort filter    | cohorts:\\n  a: {district: [Burnley]}\\n  b: {}\\n                       | district",
      "age band not in the list | cohorts:\\n  a: {age_bands: [\"4-5\"]}\\n  b: {}\\n                       | age_bands",
      "entry: sometimes         | cohorts:\\n  a: {entry: sometimes}\\n  b: {}\\n                          | entry",
      "comparison missing second| cohorts:\\n  a: {}\\n  b: {}\\ncomparisons:\\n  - {name: a alone, first: a}\\n | second",
      "districts and except     | cohorts:\\n  a: {districts: [Burnley], districts_except: [Pendle]}\\n  b: {}\\n | $.cohorts.a",
  })
  void theSchemaRejects(String name, String yaml, String named) throws Exception {
    String doc = yaml.replace("\\n", "\n");
    if (!doc.contains("comparisons:")) {
      doc += VALID_COMPARISON;
    }
    Set<ValidationMessage> errors = validate(doc);
    assertEquals(1, errors.size(), name + ": expected one error for\n" + doc + "\ngot " + errors);
    String message = errors.iterator().next().getMessage();
    assertTrue(message.contains(named), name + ": " + message);
    // The reader turns it away too: the schema is no stricter than Cohorts here.
    assertFalse(errorFreeInReader(doc), name + ": Cohorts.parse accepted\n" + doc);
  }

  private static boolean errorFreeInReader(String doc) throws Exception {
    try {
      Cohorts.parse(YAML.readTree(doc), "test.yaml");
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
