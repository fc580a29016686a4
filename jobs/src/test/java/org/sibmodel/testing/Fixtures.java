package org.sibmodel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inline SSDA903 fixtures written into a test's temporary folder. */
public final class Fixtures {
  public static final String EPISODES_COLUMNS =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
  public static final String HEADER_COLUMNS = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
  public static final String UASC_COLUMNS = "CHILD,SEX,DOB,DUC";
  /** A key long enough for the pseudonymiser; tests only. */
  public static final String TEST_KEY = "test-key-0123456789abcdef0123456789abcdef";

  private Fixtures() {}

  /** Writes text (UTF-8) to dir/relative, creating folders. */
  public static Path write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines joined with LF, with a final LF. */
  public static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  /** A key file holding {@link #TEST_KEY}. */
  public static Path keyFile(Path dir) {
    return write(dir, "test.key", TEST_KEY + "\n");
  }

  /** The external sample folder of a layout, copied into the repository under examples/. */
  public static Path sample(String layout) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("examples/ssda903-samples").resolve(layout);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/ssda903-samples/" + layout + " not found above " + here);
  }
}
