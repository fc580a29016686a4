package org.sibmodel.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class Schemas_CatalogTest {

  @Test
  void everyYamlFileIsInTheCatalogAndLoads() throws IOException, URISyntaxException {
    Path dir = Path.of(Schemas.class.getClassLoader().getResource("schemas/datasets").toURI());
    List<String> onDisk;
    try (Stream<Path> files = Files.list(dir)) {
      onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("catalog.yaml"))
              .map(n -> n.substring(0, n.length() - ".yaml".length()))
              .sorted()
              .toList();
    }
    assertEquals(onDisk, Schemas.datasetNames().stream().sorted().toList());
    for (String name : onDisk) {
      DatasetSchema schema = Schemas.dataset(name);
      assertEquals(name, schema.name());
      assertFalse(schema.fields().isEmpty(), name);
    }
  }

  @Test
  void everyCodelistReferenceNamesAKnownList() {
    Ssda903Codes codes = Schemas.ssda903Codes();
    for (String name : Schemas.datasetNames()) {
      for (FieldSpec field : Schemas.dataset(name).fields()) {
        if (field.codelist() != null) {
          assertTrue(codes.list(field.codelist()).codes().size() > 1, name + "." + field.name());
        }
      }
    }
  }

  @Test
  void inputSchemasMakeOnlyLaAndYearOptionalColumns() {
    DatasetSchema episodes = Schemas.dataset("ssda903_episodes");
    assertEquals(
        List.of(
            "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
        episodes.requiredColumns());
    assertEquals(
        List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
        Schemas.dataset("ssda903_header").requiredColumns());
    assertEquals(
        List.of("CHILD", "SEX", "DOB", "DUC"), Schemas.dataset("ssda903_uasc").requiredColumns());
  }

  @Test
  void unknownDatasetNamesTheDeclaredOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Schemas.dataset("care_perods"));
    assertTrue(e.getMessage().contains("care_periods"), e.getMessage());
  }
}
