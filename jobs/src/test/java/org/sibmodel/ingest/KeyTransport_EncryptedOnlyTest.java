package org.sibmodel.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The key goes to executors only over encrypted RPC, or within one JVM in local mode. */
class KeyTransport_EncryptedOnlyTest {
  private static SparkConf on(String master) {
    return new SparkConf(false).set("spark.master", master);
  }

  @Test
  void localModeNeedsNothing() {
    assertDoesNotThrow(() -> KeyTransport.check(on("local[2]")));
    assertDoesNotThrow(() -> KeyTransport.check(new SparkConf(false)));
  }

  @Test
  void aClusterWithoutRpcEncryptionIsRefusedSayingHowToTurnItOn() {
    for (SparkConf conf : new SparkConf[] {on("spark://10.0.0.1:7077"), on("yarn").set("spark.network.crypto.enabled", "true"),
        on("k8s://https://api:6443").set("spark.authenticate", "true")}) {
      String message = assertThrows(IllegalArgumentException.class, () -> KeyTransport.check(conf)).getMessage();
      assertTrue(message.contains("would cross the network unencrypted") && message.contains("--conf spark.authenticate=true"
          + " --conf spark.network.crypto.enabled=true") && message.contains("spark.io.encryption.enabled=true"), message);
    }
  }

  @Test
  void aClusterWithAesOrTlsRpcIsAccepted() {
    assertDoesNotThrow(() -> KeyTransport.check(on("yarn").set("spark.authenticate", "true").set("spark.network.crypto.enabled", "true")));
    assertDoesNotThrow(() -> KeyTransport.check(on("spark://10.0.0.1:7077").set("spark.ssl.rpc.enabled", "true")));
  }
}
