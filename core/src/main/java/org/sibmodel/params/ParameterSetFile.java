package org.sibmodel.params;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;

/** Reads the {@code params.json} that {@code sib calibrate} writes. */
public final class ParameterSetFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ParameterSetFile() {}

  /** @param source names the file in messages */
  public static ParameterSet read(InputStream in, String source) {
    try {
      ParameterSet params = JSON.readValue(in, ParameterSet.class);
      return params;
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      // A record refused a value: its message names the field and the value.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a readable parameter set: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
