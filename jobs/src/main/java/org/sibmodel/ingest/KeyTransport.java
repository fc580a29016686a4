package org.sibmodel.ingest;

import org.apache.spark.SparkConf;

/**
 * Where the pseudonymisation key may travel. Ingest hashes children's ids where the rows are, on the
 * executors, so the key goes to them inside its tasks: in local mode that is within one JVM; on a
 * cluster it crosses the network, and Spark sends tasks in plain text unless its RPC is encrypted.
 * Ingest on a cluster therefore needs Spark's RPC encryption (AES with {@code spark.authenticate},
 * or TLS), and says how to turn it on.
 */
public final class KeyTransport {
  private KeyTransport() {}

  /**
   * Checks that tasks reach executors encrypted under {@code conf}, or that there are none to reach.
   *
   * @throws IllegalArgumentException when the master is not local and Spark's RPC is not encrypted
   */
  public static void check(SparkConf conf) {
    String master = conf.get("spark.master", "local");
    if (master.startsWith("local")) {
      return;
    }
    boolean aes = conf.getBoolean("spark.authenticate", false) && conf.getBoolean("spark.network.crypto.enabled", false);
    boolean tls = conf.getBoolean("spark.ssl.rpc.enabled", false);
    if (!aes && !tls) {
      throw new IllegalArgumentException("ingest sends the pseudonymisation key to the executors inside its tasks, and on " + master
          + " they would cross the network unencrypted: submit with --conf spark.authenticate=true --conf spark.network.crypto.enabled=true"
          + " (YARN and Kubernetes make the shared secret; a standalone cluster needs the same spark.authenticate.secret on its"
          + " master, workers and the submit) or with spark.ssl.rpc.enabled=true, and with spark.io.encryption.enabled=true so that"
          + " what executors spill to disk is encrypted too (README, Running on a cluster)");
    }
  }
}
