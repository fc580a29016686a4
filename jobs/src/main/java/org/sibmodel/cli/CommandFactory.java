package org.sibmodel.cli;

import java.lang.reflect.Constructor;
import org.sibmodel.spark.SparkSessions;
import picocli.CommandLine;

/**
 * Makes sib's commands for picocli: a command whose constructor takes {@link SparkSessions} gets
 * the process's; everything else (mixins, commands without Spark, converters) picocli makes itself.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final SparkSessions spark;

  CommandFactory(SparkSessions spark) {
    this.spark = spark;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == SparkSessions.class) {
        c.setAccessible(true);
        return type.cast(c.newInstance(spark));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
