package org.sibmodel.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

/**
 * Groups values by key with one shuffle and plain Java maps. Spark's groupByKey tracks the size of
 * its buffers by walking them again and again, which cost seconds on a county's returns; a
 * partitionBy followed by grouping inside each partition does the same work without it.
 */
public final class Grouping {
  private Grouping() {}

  /** Applies {@code perKey} to every key and all its values (in no particular order). */
  public static <K, V, R> JavaRDD<R> byKey(JavaPairRDD<K, V> pairs, Function2<K, List<V>, R> perKey) {
    return pairs.partitionBy(new HashPartitioner(pairs.getNumPartitions()))
        .mapPartitions(rows -> {
          Map<K, List<V>> groups = new LinkedHashMap<>();
          rows.forEachRemaining(t -> groups.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2()));
          List<R> results = new ArrayList<>(groups.size());
          for (Map.Entry<K, List<V>> group : groups.entrySet()) {
            results.add(perKey.call(group.getKey(), group.getValue()));
          }
          return results.iterator();
        });
  }
}
