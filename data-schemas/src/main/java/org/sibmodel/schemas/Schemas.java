package org.sibmodel.schemas;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the declared dataset schemas and code lists from the classpath ({@code schemas/…}). The
 * YAML files are the single source: Spark schemas, reject reports and documentation come from
 * them.
 */
public final class Schemas {
  private static final String DATASETS = "schemas/datasets/";
  private static final String SSDA903_CODES = "schemas/codelists/ssda903.yaml";
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Map<String, DatasetSchema> CACHE = new ConcurrentHashMap<>();
  private static volatile Ssda903Codes ssda903Codes;

  private Schemas() {}

  /** Names of every declared dataset, in catalogue order. */
  public static List<String> datasetNames() {
    record Catalog(List<String> datasets) {}
    return read(DATASETS + "catalog.yaml", new TypeReference<Catalog>() {}).datasets();
  }

  /** The schema of a declared dataset, or an error listing the declared ones. */
  public static DatasetSchema dataset(String name) {
    return CACHE.computeIfAbsent(
        name,
        n -> {
          if (!datasetNames().contains(n)) {
            throw new IllegalArgumentException(
                "no dataset schema named '" + n + "'; declared: " + datasetNames());
          }
          DatasetSchema schema = read(DATASETS + n + ".yaml", new TypeReference<DatasetSchema>() {});
          if (!schema.name().equals(n)) {
            throw new IllegalStateException(
                DATASETS + n + ".yaml declares the name '" + schema.name() + "'");
          }
          return schema;
        });
  }

  /** The SSDA903 code lists by collection year. */
  public static Ssda903Codes ssda903Codes() {
    Ssda903Codes codes = ssda903Codes;
    if (codes == null) {
      record CodeFile(
          String source, Map<String, List<CodeList.Code>> codelists, Map<String, List<String>> groups) {}
      CodeFile file = read(SSDA903_CODES, new TypeReference<CodeFile>() {});
      Map<String, CodeList> lists = new LinkedHashMap<>();
      file.codelists().forEach((name, entries) -> lists.put(name, new CodeList(name, entries)));
      codes = new Ssda903Codes(file.source(), lists, file.groups());
      ssda903Codes = codes;
    }
    return codes;
  }

  private static <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource not found on the classpath: " + resource);
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + resource + ": " + e.getMessage(), e);
    }
  }
}
