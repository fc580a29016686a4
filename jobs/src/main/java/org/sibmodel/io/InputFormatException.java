package org.sibmodel.io;

/**
 * An input that cannot be read at all (no header row, wrong columns, missing files): the run
 * stops and writes nothing. Row-level problems are rejects, not this.
 */
public final class InputFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InputFormatException(String message) {
    super(message);
  }
}
