package org.sibmodel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cells as the kernel runs them, without Jupyter: values, display, and errors that leave the kernel working. */
class SibKernel_CellsTest {
  private static SibKernel kernel;

  @BeforeAll
  static void start() {
    // Surefire starts the JVM from a manifest-only jar; the class path it stands for is this property.
    kernel = SibKernel.create(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "test");
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  @Test
  void theLastExpressionIsTheCellsValue() {
    assertEquals(42, kernel.evalRaw("int x = 2;\nint y = x * 20;\ny + x"));
    assertNull(kernel.evalRaw("var z = 5;"), "a declaration shows nothing");
    assertNull(kernel.evalRaw("z = 6;"), "an assignment shows nothing");
    assertEquals(6, kernel.evalRaw("z"));
  }

  @Test
  void theProjectsClassesAndTheHelpersAreThere() {
    Object terms = kernel.evalRaw("org.sibmodel.payments.TermsFile.defaults().withPrice(new BigDecimal(\"8000\")).price(org.sibmodel.payments.SubCohort.all().get(0))");
    assertEquals(new java.math.BigDecimal("8000"), terms);
    assertEquals(50.0, (double) kernel.evalRaw("percentile(new double[] {0, 50, 100}, 50)"));
    assertEquals("-£533,588", kernel.evalRaw("pounds(-533588.1632)"));
  }

  @Test
  void aListOfRecordsShowsAsAnHtmlTable() {
    DisplayData shown = kernel.eval("record Price(String cohort, double pounds) {}\n"
        + "List.of(new Price(\"diversion 5-9\", 10000.0), new Price(\"diversion 10-15\", 1234567.891))");
    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("<th>cohort</th><th>pounds</th>"), html);
    assertTrue(html.contains("<td>diversion 10-15</td><td>1,234,568</td>"), html);
    assertEquals("""
        cohort              pounds
        diversion 5-9       10,000
        diversion 10-15  1,234,568
        """, shown.getData(MIMEType.TEXT_PLAIN), "numbers are aligned on the right");
  }

  @Test
  void aDatasetShowsItsFirstRowsAsAnHtmlTable() {
    DisplayData shown = kernel.eval("spark().range(25).toDF(\"n\").withColumn(\"half\", col(\"n\").divide(2))");
    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    assertTrue(html.startsWith("<table class=\"sib-table\"><thead><tr><th>n</th><th>half</th></tr></thead>"), html);
    assertEquals(Table.ROWS, html.split("<tr>").length - 2, "a header and the first rows");
    assertTrue(html.contains("<td>19</td><td>9.5</td>") && html.endsWith("<p><em>The first 20 rows.</em></p>"), html);
  }

  @Test
  void aChartShowsAsAPng() {
    DisplayData shown = kernel.eval("var chart = new XYChartBuilder().width(200).height(100).title(\"entries\").build();\n"
        + "chart.addSeries(\"all\", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nchart");
    assertTrue(shown.hasDataForType(MIMEType.IMAGE_PNG));
    assertEquals("chart: entries", shown.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void aListOfStringsStaysText() {
    DisplayData shown = kernel.eval("List.of(\"a\", \"b\")");
    assertEquals("[a, b]", shown.getData(MIMEType.TEXT_PLAIN));
    assertTrue(!shown.hasDataForType(MIMEType.TEXT_HTML));
  }

  @Test
  void codeThatDoesNotCompileIsTheCellsErrorWithJavacsMessage() {
    SibKernel.CompilationException e = assertThrows(SibKernel.CompilationException.class, () -> kernel.evalRaw("int a = \"x\";"));
    assertEquals("incompatible types: java.lang.String cannot be converted to int", e.getMessage());
    List<String> lines = kernel.formatError(e);
    assertTrue(String.join("\n", lines).contains("incompatible types"), lines.toString());
    assertEquals(3, kernel.evalRaw("1 + 2"), "the kernel carries on");
  }

  @Test
  void anUnknownNameIsNamedInTheMessage() {
    SibKernel.CompilationException e = assertThrows(SibKernel.CompilationException.class, () -> kernel.evalRaw("int b = undefinedThing + 1;"));
    assertEquals("cannot find symbol (symbol: variable undefinedThing)", e.getMessage());
  }

  @Test
  void anUnfinishedCellIsACompilationError() {
    SibKernel.CompilationException e = assertThrows(SibKernel.CompilationException.class, () -> kernel.evalRaw("if (true) {"));
    assertTrue(e.getMessage().contains("unfinished"), e.getMessage());
  }

  @Test
  void anExceptionIsTheCellsErrorWithItsOwnClassMessageAndCause() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kernel.evalRaw("throw new IllegalArgumentException(\"price = -1: must not be negative\", new RuntimeException(\"root\"));"));
    assertEquals("price = -1: must not be negative", e.getMessage());
    assertTrue(e.getStackTrace()[0].getClassName().startsWith("REPL."), "the trace starts in the cell's code");
    String shown = String.join("\n", kernel.formatError(e));
    assertTrue(shown.contains("java.lang.IllegalArgumentException: price = -1: must not be negative"), shown);
    assertTrue(shown.contains("Caused by: java.lang.RuntimeException: root"), shown);
    assertTrue(!shown.contains("org.sibmodel.notebook.SibKernel"), "the kernel's own frames are left out: " + shown);
  }

  @Test
  void aCheckedExceptionIsRethrownAsItIs() {
    assertThrows(NoSuchFileException.class, () -> kernel.evalRaw("Files.readString(Path.of(\"/no/such/file\"))"));
  }

  @Test
  void anErrorIsWrappedWithItsText() {
    SibKernel.CellFailure e = assertThrows(SibKernel.CellFailure.class, () -> kernel.evalRaw("throw new AssertionError(\"boom\");"));
    assertEquals("java.lang.AssertionError: boom", e.getMessage());
    assertEquals(7, kernel.evalRaw("7"));
  }

  @Test
  void completionDocumentationAndCompletenessComeFromJShell() {
    assertTrue(kernel.complete("Math.ab", 7).getReplacements().contains("abs("));
    for (int cursor : new int[] {6, 8, 9}) { // on the name, at its end, inside the parentheses
      String docs = (String) kernel.inspect("Math.abs(-1)", cursor, false).getData(MIMEType.TEXT_PLAIN);
      assertTrue(docs.contains("abs(int"), docs);
    }
    assertEquals(SibKernel.IS_COMPLETE_YES, kernel.isComplete("int q = 1;"));
    assertEquals("", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
  }
}
