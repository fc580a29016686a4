package org.sibmodel.io;

import java.io.Serializable;

/** A data line of an input file, before validation. {@code line} counts the header as 1. */
public record RawRow(int fileId, long line, String text) implements Serializable {}
