package org.sibmodel.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One standalone cluster (a master and two workers) for every test class that extends with this:
 * started before the first, stopped after the last (it lives in the root context's store, which
 * closes it), so the cluster tests pay its start once. Tests receive it as a parameter.
 */
final class SharedCluster implements BeforeAllCallback, ParameterResolver {
  static final int WORKERS = 2;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(StandaloneCluster.class, k -> start(),
        StandaloneCluster.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StandaloneCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(StandaloneCluster.class, StandaloneCluster.class);
  }

  private static StandaloneCluster start() {
    try {
      long started = System.nanoTime();
      StandaloneCluster cluster = StandaloneCluster.start(Submission.sparkHome(),
          Path.of(System.getProperty("sib.cluster.work", "target/cluster")), WORKERS);
      System.out.printf("standalone cluster %s with %d workers up in %.1f s%n", cluster.masterUrl(), WORKERS,
          (System.nanoTime() - started) / 1e9);
      return cluster;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the standalone cluster: " + e.getMessage(), e);
    }
  }
}
