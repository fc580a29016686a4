package org.sibmodel.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a child's case-system identifier with a keyed hash: HMAC-SHA256 of the authority and
 * the CHILD value, first 96 bits in hex. Without the key the value cannot be linked back or
 * recomputed; with the same key the same child always gets the same value, so later loads (and
 * the referred cohort's monitoring data) link up. The key is never logged or written out.
 */
public final class Pseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Environment variable holding the key when no --key-file is given. */
  public static final String KEY_ENV = "SIB_PSEUDONYM_KEY";
  private static final int MIN_KEY_CHARS = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient ThreadLocal<Mac> mac;

  private Pseudonymiser(byte[] key) {
    this.key = key.clone();
  }

  /** A pseudonymiser with a key given directly (at least 32 characters). */
  public static Pseudonymiser withKey(String key, String source) {
    String trimmed = key == null ? "" : key.trim();
    if (trimmed.length() < MIN_KEY_CHARS) {
      throw new IllegalArgumentException(
          "the pseudonymisation key from " + source + " is " + trimmed.length()
              + " characters; it needs at least " + MIN_KEY_CHARS + " (make one with: sib keygen --out FILE)");
    }
    return new Pseudonymiser(trimmed.getBytes(StandardCharsets.UTF_8));
  }

  /** The key from {@code --key-file}, else from {@value #KEY_ENV}, else an error saying how. */
  public static Pseudonymiser fromFileOrEnvironment(Path keyFile) {
    if (keyFile != null) {
      try {
        return withKey(Files.readString(keyFile), "--key-file " + keyFile);
      } catch (IOException e) {
        throw new IllegalArgumentException("--key-file " + keyFile + ": cannot read the key (" + e.getMessage() + ")", e);
      }
    }
    String fromEnvironment = System.getenv(KEY_ENV);
    if (fromEnvironment != null) {
      return withKey(fromEnvironment, "environment variable " + KEY_ENV);
    }
    throw new IllegalArgumentException(
        "no pseudonymisation key: pass --key-file FILE or set " + KEY_ENV
            + " (make a key with: sib keygen --out FILE)");
  }

  /**
   * Writes a new random key (256 bits, hex) to a file only its owner can read.
   *
   * @throws IllegalArgumentException if the file exists: a key is never overwritten
   */
  public static void writeNewKey(Path file) throws IOException {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " exists; refusing to overwrite a key");
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, HexFormat.of().formatHex(key) + "\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: protecting the file is the operator's job.
    }
  }

  /** The pseudonymised key of a child of an authority: 24 lower-case hex digits. */
  public String childKey(String la, String child) {
    if (mac == null) {
      mac = ThreadLocal.withInitial(this::newMac);
    }
    byte[] digest = mac.get().doFinal((la + '\u001f' + child).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 12);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(new SecretKeySpec(key, ALGORITHM));
      return m;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymiser[key withheld]";
  }
}
