package org.sibmodel.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What a command prints while it runs: standard output and error (still shown), and every event
 * logged at WARN or above (log4j's console appender holds the stream it started with, so the
 * events are taken from the root logger rather than from System.err).
 */
public final class ConsoleCapture implements AutoCloseable {
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final AbstractAppender appender;

  private ConsoleCapture() {
    appender = new AbstractAppender("sib-test-capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
          warnings.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
        }
      }
    };
    appender.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
    context.updateLoggers();
    System.setOut(new PrintStream(new Tee(out, bytes), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, bytes), true, StandardCharsets.UTF_8));
  }

  public static ConsoleCapture start() {
    return new ConsoleCapture();
  }

  /** Everything printed so far. */
  public String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Events logged at WARN or above so far, as "LEVEL logger: message". */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }

  private static final class Tee extends OutputStream {
    private final OutputStream shown;
    private final ByteArrayOutputStream kept;

    Tee(OutputStream shown, ByteArrayOutputStream kept) {
      this.shown = shown;
      this.kept = kept;
    }

    @Override
    public void write(int b) {
      synchronized (kept) {
        kept.write(b);
      }
      try {
        shown.write(b);
      } catch (java.io.IOException ignored) {
        // The console is for people; the copy is what the test reads.
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (kept) {
        kept.write(b, off, len);
      }
      try {
        shown.write(b, off, len);
      } catch (java.io.IOException ignored) {
        // As above.
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      shown.flush();
    }
  }
}
