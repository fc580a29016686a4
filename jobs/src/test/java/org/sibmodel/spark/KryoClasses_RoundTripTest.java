package org.sibmodel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

class KryoClasses_RoundTripTest {
  record Inner(String name, LocalDate date) {}

  record Outer(int i, long l, double d, boolean b, String absent, Inner inner, List<Inner> listOf, List<Integer> toList,
      List<String> unmodifiable, List<String> asList, List<String> mutable) {}

  record Checked(int positive) {
    Checked {
      if (positive <= 0) {
        throw new IllegalArgumentException("positive must be above 0, was " + positive);
      }
    }
  }

  private static SerializerInstance kryo() {
    SparkConf conf = new SparkConf(false).set("spark.kryo.registrator", KryoClasses.class.getName())
        .set("spark.kryo.referenceTracking", "false");
    return new KryoSerializer(conf).newInstance();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(SerializerInstance kryo, T value) {
    scala.reflect.ClassTag<Object> any = ClassTag$.MODULE$.AnyRef();
    ByteBuffer bytes = kryo.serialize(value, any);
    return (T) kryo.deserialize(bytes, any);
  }

  @Test
  void recordsAndTheListsTheyHoldComeBackEqual() {
    Inner a = new Inner("a", LocalDate.of(2019, 3, 31));
    Outer value = new Outer(-7, 1L << 40, 0.1 + 0.2, true, null, a, List.of(a, new Inner(null, null)), java.util.stream.Stream.of(1, 2).toList(),
        Collections.unmodifiableList(new ArrayList<>(List.of("x"))), Arrays.asList("p", null), new ArrayList<>(List.of("m")));

    Outer back = roundTrip(kryo(), value);

    assertEquals(value, back);
    assertEquals(0.1 + 0.2, back.d(), 0.0, "doubles bit for bit");
    assertThrows(UnsupportedOperationException.class, () -> back.listOf().add(a), "an immutable list stays immutable");
  }

  @Test
  void aRecordWithChecksInItsConstructorComesBack() {
    SerializerInstance kryo = kryo();
    assertEquals(new Checked(3), roundTrip(kryo, new Checked(3)));
  }
}
