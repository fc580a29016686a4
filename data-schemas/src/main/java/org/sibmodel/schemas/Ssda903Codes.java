package org.sibmodel.schemas;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSDA903 code lists (RNE, LS, CIN, PLACE, PLACE_PROVIDER, REC, REASON_PLACE_CHANGE, SEX,
 * ETHNIC) with the collection years each code is valid in, and named groups of codes such as
 * {@code returned_home}.
 */
public final class Ssda903Codes implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final Map<String, CodeList> lists;
  private final Map<String, Set<String>> groups;

  Ssda903Codes(String source, Map<String, CodeList> lists, Map<String, List<String>> groups) {
    this.source = source;
    this.lists = Map.copyOf(lists);
    this.groups =
        groups == null
            ? Map.of()
            : groups.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    this.groups.forEach(
        (group, codes) ->
            codes.forEach(
                code -> {
                  if (this.lists.values().stream().noneMatch(l -> l.contains(code))) {
                    throw new IllegalArgumentException(
                        "code group " + group + " names '" + code + "', which no code list has");
                  }
                }));
  }

  public String source() {
    return source;
  }

  /** The named list, or an error listing the known ones. */
  public CodeList list(String name) {
    CodeList list = lists.get(name);
    if (list == null) {
      throw new IllegalArgumentException(
          "no SSDA903 code list named '" + name + "'; known: " + lists.keySet());
    }
    return list;
  }

  /** A named group of codes (for example {@code returned_home}). */
  public Set<String> group(String name) {
    Set<String> group = groups.get(name);
    if (group == null) {
      throw new IllegalArgumentException(
          "no SSDA903 code group named '" + name + "'; known: " + groups.keySet());
    }
    return group;
  }
}
