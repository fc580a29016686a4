package org.sibmodel.schemas;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A code list (for example SSDA903 PLACE) whose codes may be valid only in some collection years.
 * Collection years are named by the year in which they end (2019 = April 2018 to March 2019).
 * Immutable and serializable, so validators holding one can be shipped to Spark executors.
 */
public final class CodeList implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One code and the collection years it is valid in.
   *
   * @param from first valid collection year, inclusive; null when valid from the start
   * @param to last valid collection year, inclusive; null when still valid
   */
  public record Code(String code, String meaning, Integer from, Integer to) implements Serializable {
    public Code {
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("a code is missing its value");
      }
      if (from != null && to != null && from > to) {
        throw new IllegalArgumentException(
            "code '" + code + "': valid from " + from + " is after valid to " + to);
      }
    }

    public boolean validIn(int collectionYear) {
      return (from == null || collectionYear >= from) && (to == null || collectionYear <= to);
    }
  }

  private final String name;
  private final Map<String, Code> byCode;

  public CodeList(String name, List<Code> codes) {
    this.name = name;
    Map<String, Code> index = new LinkedHashMap<>();
    for (Code code : codes) {
      if (index.put(code.code(), code) != null) {
        throw new IllegalArgumentException("code list " + name + ": code '" + code.code() + "' twice");
      }
    }
    this.byCode = index;
  }

  public String name() {
    return name;
  }

  public List<Code> codes() {
    return List.copyOf(byCode.values());
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  /** Whether the code exists and is valid in that collection year. */
  public boolean isValid(String code, int collectionYear) {
    Code c = byCode.get(code);
    return c != null && c.validIn(collectionYear);
  }

  /** The codes valid in a collection year, in declared order. */
  public List<String> validCodes(int collectionYear) {
    return byCode.values().stream().filter(c -> c.validIn(collectionYear)).map(Code::code).toList();
  }
}
