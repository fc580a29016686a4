package org.sibmodel.vocabulary;

import java.util.Locale;

/**
 * The two routes into the service (spec/payment-mechanism.md, "Who is paid for"): diversion from
 * care, where day 0 is the date the service engaged the child and family; reunification, where day
 * 0 is the date the child returned home from care.
 */
public enum Pathway {
  DIVERSION,
  REUNIFICATION;

  /** Parses a pathway name, case-insensitively, or says which ones exist. */
  public static Pathway parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown pathway '" + text + "'; expected DIVERSION or REUNIFICATION", e);
    }
  }
}
