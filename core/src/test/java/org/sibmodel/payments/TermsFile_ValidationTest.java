package org.sibmodel.payments;

import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.AgeGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsFile_ValidationTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchema SCHEMA;

  static {
    try (InputStream in = TermsFile.class.getClassLoader().getResourceAsStream("schemas/config/contract-terms.schema.json")) {
      SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<ValidationMessage> schemaProblems(String yaml) throws IOException {
    return SCHEMA.validate(YAML.readTree(yaml));
  }

  @Test
  void theDefaultsAreTheSpecificationsValues() {
    ContractTerms t = TermsFile.defaults();
    assertEquals(LocalDate.of(2019, 9, 1), t.contractStart());
    assertEquals(LocalDate.of(2026, 9, 1), t.contractEnd());
    assertEquals(548, t.trackingDays());
    assertEquals(2, t.maxEntries());
    assertEquals(56, t.maxPauseDays());
    assertEquals(0, new BigDecimal("0.34").compareTo(t.shares().milestone()));
    assertEquals(0, new BigDecimal("0.51").compareTo(t.shares().daily()));
    assertEquals(12, t.assessmentMonths().get(SecondaryOutcome.ATTENDANCE));
    assertFalse(t.secondaryRequiresHome());
    assertNull(t.totalCap());
  }

  @Test
  void theBundledDefaultsMeetTheJsonSchema() throws IOException {
    try (InputStream in = TermsFile.class.getResourceAsStream("default-terms.yaml")) {
      JsonNode tree = YAML.readTree(in);
      assertEquals(Set.of(), SCHEMA.validate(tree));
    }
  }

  @Test
  void aFileNeedsOnlyWhatItChanges(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("terms.yaml"),
        "tariff:\n  diversion_10_15: 12500.50\ncaps:\n  total: 2000000\n");
    ContractTerms t = TermsFile.read(file);
    assertEquals(0, new BigDecimal("12500.50").compareTo(t.price(new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_10_15))));
    assertEquals(0, new BigDecimal("10000").compareTo(t.price(new SubCohort(Pathway.DIVERSION, AgeGroup.AGE_5_9))));
    assertEquals(0, new BigDecimal("2000000").compareTo(t.totalCap()));
    assertEquals(548, t.trackingDays());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown field      | stability:\\n  traking_days: 500                | unknown field 'stability.traking_days'",
      "wrong kind         | stability:\\n  tracking_days: 'long'           | stability.tracking_days = \"long\": expected a whole number",
      "negative share     | shares:\\n  reading: -0.05                     | shares.reading = -0.05",
      "shares not 1       | shares:\\n  reading: 0.10                      | must sum to 1",
      "bad date           | contract:\\n  start: 2019-13-01                | contract.start",
      "fraction of pence  | tariff:\\n  diversion_5_9: 10000.001           | tariff.diversion_5_9 = 10000.001",
      "zero tracking      | stability:\\n  tracking_days: 0                 | stability.tracking_days = 0: must be at least 1",
      "section as value   | caps: 5                                        | 'caps' must be a section",
  })
  void aBadFileIsAnErrorNamingFieldAndValue(String name, String yaml, String expected) throws IOException {
    String text = yaml.replace("\\n", "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TermsFile.fromYaml(text, "terms.yaml"));
    assertTrue(e.getMessage().startsWith("terms.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
    assertFalse(schemaProblems("stability:\n  traking_days: 500\n").isEmpty());
    assertFalse(schemaProblems("shares:\n  reading: -0.05\n").isEmpty());
    assertFalse(schemaProblems("tariff:\n  diversion_5_9: 10000.001\n").isEmpty());
    assertTrue(schemaProblems("tariff:\n  diversion_5_9: 12000\ncaps:\n  total: null\n").isEmpty());
  }

  @Test
  void aMissingFileIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TermsFile.read(Path.of("/no/terms.yaml")));
    assertTrue(e.getMessage().contains("/no/terms.yaml"), e.getMessage());
  }
}
