package org.sibmodel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, from the build (recorded in every output's run.json). */
public final class SibVersion {
  private static final String VERSION = load();

  private SibVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SibVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
