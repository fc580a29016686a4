package org.sibmodel.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine for the kernel: cells run in the kernel's own JVM, on the thread that
 * asked for them, as JShell's "local" engine does, so they share one SparkSession and see the
 * project's classes through the JVM's class path.
 *
 * <p>Unlike the local engine, it keeps what a snippet returned or threw as objects, not as the
 * strings JShell passes back: the kernel renders a Dataset as a table and a chart as an image, and
 * shows an exception with its own class, message and causes. During a snippet the thread's
 * context class loader is JShell's, so Spark (whose local executors take the loader of the thread
 * that starts the session) can load classes and lambdas declared in cells.
 */
final class CellExecutionControl extends DirectExecutionControl {
  private volatile Thread running;
  private Object value;
  private Throwable failure;

  /** Forgets the last snippet's value and exception; called before each snippet. */
  void reset() {
    value = null;
    failure = null;
  }

  /** What the last snippet's code returned (null for declarations and statements). */
  Object value() {
    return value;
  }

  /** What the last snippet's code threw, or null. */
  Throwable failure() {
    return failure;
  }

  /** Interrupts the thread running a cell, if one is. */
  void interrupt() {
    Thread thread = running;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
    running = thread;
    try {
      value = doit.invoke(null);
      // JShell only shows this string (the kernel renders the object itself): toString() of a large
      // value is not worth computing.
      return "";
    } catch (InvocationTargetException e) {
      failure = e.getCause();
      throw e;
    } finally {
      running = null;
      Thread.interrupted(); // an interrupt that came as the cell ended must not reach the next one
      thread.setContextClassLoader(previous);
    }
  }

  /** Gives JShell this engine; {@link #control()} is the one it made. */
  static final class Provider implements ExecutionControlProvider {
    private CellExecutionControl control;

    @Override
    public String name() {
      return "sib-cells";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CellExecutionControl();
      return control;
    }

    CellExecutionControl control() {
      if (control == null) {
        throw new IllegalStateException("JShell has not started its execution engine yet");
      }
      return control;
    }
  }
}
