package org.sibmodel.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The sib Java kernel: Jupyter's messaging comes from jjava-jupyter's {@link BaseKernel}; cells are
 * Java, run by JShell in this JVM ({@link CellExecutionControl}) with the project's classes and
 * Spark on the class path, and the helpers of {@link Notebook} imported.
 *
 * <p>A cell may hold several statements and declarations; the value of its last expression is
 * shown (a Dataset or a list of rows or records as a table, a chart as a PNG, anything else as
 * text). A cell that does not compile, or whose code throws, ends as the cell's error with the Java
 * message; the kernel carries on.
 */
public final class SibKernel extends BaseKernel {
  /** The kernel's name in Jupyter (its kernelspec folder). */
  public static final String NAME = "sib-java";

  /** What every cell can use without importing it. */
  static final List<String> IMPORTS = List.of(
      "import java.math.BigDecimal;",
      "import java.nio.file.*;",
      "import java.time.*;",
      "import java.util.*;",
      "import java.util.function.*;",
      "import java.util.stream.*;",
      "import org.apache.spark.sql.*;",
      "import static org.apache.spark.sql.functions.*;",
      "import org.knowm.xchart.*;",
      "import static org.sibmodel.notebook.Notebook.*;");

  private static final Set<Snippet.SubKind> SHOWN = Set.of(
      Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND, Snippet.SubKind.VAR_VALUE_SUBKIND, Snippet.SubKind.OTHER_EXPRESSION_SUBKIND);

  private final JShell shell;
  private final CellExecutionControl cells;

  private SibKernel(Builder b, JShell shell, CellExecutionControl cells) {
    super(b.name(), b.version(), b.language(), b.helpLinks(), null, b.io(), b.comms(), b.renderer(), null, b.magics(), false,
        b.errorStyler());
    this.shell = shell;
    this.cells = cells;
    Displays.register(renderer);
  }

  /**
   * A kernel whose JShell compiles against {@code classPath} (the kernel JVM's own class path; the
   * classes themselves load through the JVM's class loader), with {@link #IMPORTS} done.
   */
  public static SibKernel create(String classPath, String version) {
    return new Builder(classPath).version(version).build();
  }

  /**
   * The cell's value, rendered. An {@link Error} outside the cell's own code (JShell's compiler, a
   * renderer) becomes the cell's error too: jjava-jupyter handles exceptions only, and an Error
   * would end the thread that serves the notebook.
   */
  @Override
  public DisplayData eval(String cell) {
    try {
      return super.eval(cell);
    } catch (Error e) {
      throw new CellFailure(e.toString(), e);
    }
  }

  @Override
  public Object evalRaw(String cell) {
    Object result = null;
    String remaining = cell;
    while (true) {
      SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
      if (info.completeness() == Completeness.EMPTY) {
        return result;
      }
      if (!info.completeness().isComplete()) {
        throw new CompilationException("the cell ends inside an unfinished statement or declaration", info.remaining().trim());
      }
      result = evalSnippet(info.source());
      remaining = info.remaining();
    }
  }

  /** One statement, expression or declaration; its value if it is an expression. */
  private Object evalSnippet(String source) {
    cells.reset();
    List<SnippetEvent> events;
    try {
      events = shell.eval(source);
    } catch (RuntimeException e) {
      throw new IllegalStateException("JShell could not run the snippet: " + e.getMessage(), e);
    }
    Object value = null;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // another snippet updated because of this one
      }
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) {
        throw compilationError(snippet);
      }
      if (event.exception() != null) {
        throw thrown(event.exception(), snippet);
      }
      if (snippet instanceof DeclarationSnippet declaration && event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
        System.err.println("note: " + declaration.name() + " is declared, but cannot be used until "
            + shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")) + " exists");
      }
      value = SHOWN.contains(snippet.subKind()) ? cells.value() : null;
    }
    return value;
  }

  private CompilationException compilationError(Snippet snippet) {
    List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
    String message = errors.isEmpty()
        ? "JShell rejected the snippet"
        : errors.stream().map(SibKernel::oneLine).distinct().collect(Collectors.joining("; "));
    return new CompilationException(message, snippet.source(), errors);
  }

  /** javac's message on one line: "cannot find symbol (symbol: variable x)"; where it is, the error's source shows. */
  static String oneLine(Diag diagnostic) {
    List<String> lines = diagnostic.getMessage(null).lines().map(l -> l.trim().replaceAll("\\s+", " "))
        .filter(l -> !l.isEmpty() && !l.startsWith("location:")).toList();
    return lines.isEmpty() ? "" : lines.get(0) + (lines.size() == 1 ? "" : " (" + String.join(", ", lines.subList(1, lines.size())) + ")");
  }

  /** The exception a snippet threw, as itself, so the cell's error names its class and message. */
  private RuntimeException thrown(JShellException e, Snippet snippet) {
    if (e instanceof UnresolvedReferenceException unresolved) {
      DeclarationSnippet declaration = unresolved.getSnippet();
      return new CompilationException(declaration.name() + " cannot be used until "
          + shell.unresolvedDependencies(declaration).collect(Collectors.joining(", ")) + " exists", snippet.source());
    }
    Throwable cause = cells.failure();
    if (cause instanceof Exception exception) {
      // Jupyter's reply carries this trace too: the cell's frames, not JShell's and the kernel's.
      exception.setStackTrace(cellFrames(exception.getStackTrace()).toArray(StackTraceElement[]::new));
      throw Sneaky.<RuntimeException>rethrow(exception);
    }
    if (cause != null) {
      return new CellFailure(cause.toString(), cause);
    }
    String name = e instanceof EvalException eval ? eval.getExceptionClassName() : e.getClass().getName();
    return new CellFailure(name + ": " + e.getMessage(), e);
  }

  /** JShell documents the method whose parentheses hold the cursor: a cursor on its name counts too. */
  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    int end = at;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    int next = end;
    while (next < code.length() && Character.isWhitespace(code.charAt(next))) {
      next++;
    }
    int cursor = next < code.length() && code.charAt(next) == '(' ? next + 1 : end;
    List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, cursor, extraDetail);
    if (docs.isEmpty()) {
      return null;
    }
    return new DisplayData(docs.stream()
        .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
        .collect(Collectors.joining("\n\n")));
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
        .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
        .map(SourceCodeAnalysis.Suggestion::continuation)
        .distinct()
        .toList();
    return new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(code);
    while (info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN) {
      info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
    }
    return switch (info.completeness()) {
      case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> IS_COMPLETE_YES;
      case UNKNOWN -> IS_COMPLETE_BAD;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "";
    };
  }

  /** Jupyter's interrupt (kernelspec {@code interrupt_mode: message}): Spark's jobs are cancelled and the cell's thread interrupted. */
  @Override
  public void interrupt() {
    Notebook.cancelSparkJobs();
    cells.interrupt();
  }

  @Override
  public void onShutdown(boolean restarting) {
    try {
      Notebook.stopSpark();
      shell.close();
    } finally {
      super.onShutdown(restarting);
    }
  }

  /**
   * The error's lines: for code that does not compile, the code with the error marked and javac's
   * message; for an exception, its class, message and causes with the frames of the cell's code
   * (JShell's and the kernel's own frames left out).
   */
  @Override
  public List<String> formatError(Throwable e) {
    List<String> lines = new ArrayList<>();
    if (e instanceof CompilationException c) {
      if (c.diagnostics().isEmpty()) {
        lines.addAll(errorStyler.primaryLines(c.source()));
      }
      for (Diag d : c.diagnostics()) {
        lines.addAll(errorStyler.highlightSubstringLines(c.source(), (int) d.getStartPosition(), (int) d.getEndPosition()));
        d.getMessage(null).lines().filter(l -> !l.trim().startsWith("location:")).map(errorStyler::secondary).forEach(lines::add);
      }
      if (c.diagnostics().isEmpty()) {
        lines.add(errorStyler.secondary(c.getMessage()));
      }
      return lines;
    }
    Throwable shown = e instanceof CellFailure && e.getCause() != null ? e.getCause() : e;
    for (Throwable t = shown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      lines.add(errorStyler.secondary((t == shown ? "" : "Caused by: ") + t));
      for (StackTraceElement frame : cellFrames(t.getStackTrace())) {
        lines.add(errorStyler.primary("    at " + frame));
      }
    }
    return lines;
  }

  /** The frames down to the cell's own code ({@code REPL.$JShell$...}); all of them if it is not there. */
  static List<StackTraceElement> cellFrames(StackTraceElement[] frames) {
    int last = -1;
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().startsWith("REPL.")) {
        last = i;
      }
    }
    List<StackTraceElement> kept = List.of(frames);
    return last < 0 ? kept : kept.subList(0, last + 1);
  }

  /** Code that did not compile, with javac's diagnostics. */
  public static final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient List<Diag> diagnostics;

    CompilationException(String message, String source) {
      this(message, source, List.of());
    }

    CompilationException(String message, String source, List<Diag> diagnostics) {
      super(message, null, false, false); // where the kernel was when javac refused the code says nothing
      this.source = source;
      this.diagnostics = List.copyOf(diagnostics);
    }

    public String source() {
      return source;
    }

    List<Diag> diagnostics() {
      return diagnostics;
    }
  }

  /** A cell threw an {@link Error} (or JShell lost what it threw): its text, and it as the cause. */
  public static final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CellFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Throws a checked exception unchanged (a cell may throw an IOException or Spark's AnalysisException). */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
      throw (T) t;
    }
  }

  /** Builds the kernel on jjava-jupyter's builder: its Jupyter IO, renderer, comms and error styles. */
  static final class Builder extends BaseKernelBuilder<Builder, SibKernel> {
    private final String classPath;

    Builder(String classPath) {
      this.classPath = Objects.requireNonNull(classPath, "classPath");
      name(NAME);
    }

    @Override
    public SibKernel build() {
      CellExecutionControl.Provider engine = new CellExecutionControl.Provider();
      JShell shell = JShell.builder().executionEngine(engine, java.util.Map.of()).build();
      shell.addToClasspath(classPath);
      SibKernel kernel = new SibKernel(this, shell, engine.control());
      for (String line : IMPORTS) {
        kernel.evalRaw(line);
      }
      return kernel;
    }

    String name() {
      return buildName();
    }

    String version() {
      return buildVersion();
    }

    LanguageInfo language() {
      return new LanguageInfo.Builder("Java").version(Runtime.version().toString()).mimetype("text/x-java-source")
          .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    List<HelpLink> helpLinks() {
      return List.of(new HelpLink("Notebooks of the SIB model", "notebooks-java/README.md"));
    }

    org.dflib.jjava.jupyter.kernel.JupyterIO io() {
      return buildJupyterIO(buildJupyterIOEncoding());
    }

    org.dflib.jjava.jupyter.kernel.comm.CommManager comms() {
      return buildCommManager();
    }

    org.dflib.jjava.jupyter.kernel.display.Renderer renderer() {
      return buildRenderer();
    }

    org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magics() {
      return buildMagicsRegistry();
    }

    StringStyler errorStyler() {
      return buildErrorStyler();
    }
  }
}
