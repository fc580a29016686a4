package org.sibmodel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The notebooks as committed: the five stories, for the sib kernel, without outputs, each saying what it is for and what to conclude. */
class Notebooks_CommittedTest {
  static final List<String> NAMES = List.of("01-care-data.ipynb", "02-calibration.ipynb", "03-commissioner-what-if.ipynb",
      "04-finance-cash-flow.ipynb", "05-evaluator-cohorts.ipynb");

  /** The notebooks of {@code notebooks-java/}, in order. */
  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(Notebooks_ExecuteTest.HOME.resolve("notebooks-java"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void theFiveNotebooksAreThere() throws IOException {
    assertEquals(NAMES, notebooks().stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void eachIsCommittedWithoutOutputsForTheSibKernel() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path notebook : notebooks()) {
      JsonNode json = new ObjectMapper().readTree(notebook.toFile());
      String name = notebook.getFileName().toString();
      if (!json.path("metadata").path("kernelspec").path("name").asText().equals(SibKernel.NAME)) {
        problems.add(name + ": kernelspec is not " + SibKernel.NAME);
      }
      JsonNode cells = json.path("cells");
      for (JsonNode cell : cells) {
        if (cell.path("cell_type").asText().equals("code") && (cell.path("outputs").size() > 0 || !cell.path("execution_count").isNull())) {
          problems.add(name + ": cell " + cell.path("id").asText() + " has outputs (clear them before committing)");
        }
      }
      JsonNode first = cells.get(0);
      JsonNode last = cells.get(cells.size() - 1);
      if (!first.path("cell_type").asText().equals("markdown") || !text(first).startsWith("# ")) {
        problems.add(name + ": does not start with a heading and what it is for");
      }
      if (!last.path("cell_type").asText().equals("markdown") || !text(last).startsWith("## What to conclude")) {
        problems.add(name + ": does not end with what to conclude");
      }
      JsonNode firstCode = null;
      for (JsonNode cell : cells) {
        if (cell.path("cell_type").asText().equals("code")) {
          firstCode = cell;
          break;
        }
      }
      if (firstCode == null || !text(firstCode).contains("var outputs = home().resolve(System.getenv().getOrDefault(\"SIB_OUTPUTS\", \"work/demo\"));")) {
        problems.add(name + ": the first code cell does not name the outputs folder (work/demo, or SIB_OUTPUTS)");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static String text(JsonNode cell) {
    return multiline(cell.path("source"));
  }

  /** A notebook's text field: a string, or (as Jupyter writes longer ones) a list of lines. */
  static String multiline(JsonNode field) {
    if (!field.isArray()) {
      return field.asText();
    }
    StringBuilder text = new StringBuilder();
    field.forEach(line -> text.append(line.asText()));
    return text.toString();
  }
}
