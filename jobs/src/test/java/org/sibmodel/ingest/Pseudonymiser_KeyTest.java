package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sibmodel.testing.Fixtures;

class Pseudonymiser_KeyTest {

  @Test
  void sameKeySameChildSameValue() {
    Pseudonymiser a = Pseudonymiser.withKey(Fixtures.TEST_KEY, "test");
    Pseudonymiser b = Pseudonymiser.withKey(Fixtures.TEST_KEY, "test");
    assertEquals(a.childKey("Lancashire", "12345"), b.childKey("Lancashire", "12345"));
    assertTrue(a.childKey("Lancashire", "12345").matches("[0-9a-f]{24}"));
  }

  @Test
  void keyAuthorityAndChildAllChangeTheValue() {
    Pseudonymiser a = Pseudonymiser.withKey(Fixtures.TEST_KEY, "test");
    Pseudonymiser other = Pseudonymiser.withKey(Fixtures.TEST_KEY + "x", "test");
    String value = a.childKey("Lancashire", "12345");
    assertNotEquals(value, other.childKey("Lancashire", "12345"));
    assertNotEquals(value, a.childKey("Blackpool", "12345"));
    assertNotEquals(value, a.childKey("Lancashire", "12346"));
    // The separator keeps ("La", "x1") and ("Lax", "1") apart.
    assertNotEquals(a.childKey("La", "x1"), a.childKey("Lax", "1"));
  }

  @Test
  void shortKeysAreRefusedAndTheKeyIsNeverShown(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pseudonymiser.withKey("short", "test"));
    assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
    Pseudonymiser p = Pseudonymiser.fromFileOrEnvironment(Fixtures.keyFile(dir));
    assertFalse(p.toString().contains(Fixtures.TEST_KEY));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Pseudonymiser.fromFileOrEnvironment(dir.resolve("none.key")));
    assertTrue(missing.getMessage().contains("none.key"), missing.getMessage());
  }
}
