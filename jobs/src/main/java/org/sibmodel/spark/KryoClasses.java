package org.sibmodel.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Teaches Spark's Kryo (4.0, which predates Java records) the project's value types, so that
 * shuffles and cached partitions of them are written by Kryo instead of Java serialisation, which
 * took over a third of ingest's CPU time:
 *
 * <ul>
 *   <li>a record is written as its components in order and read back through its canonical
 *       constructor (Kryo's field serializer cannot set a record's final fields), so a record's
 *       own checks run again on the way in;
 *   <li>lists that cannot be added to after construction ({@code List.of}, {@code toList()},
 *       unmodifiable views) are read back as unmodifiable lists (Kryo's collection serializer
 *       would make an empty one and fail to add to it).
 * </ul>
 *
 * Spark uses it when {@code spark.serializer} is Kryo and {@code spark.kryo.registrator} names
 * this class ({@link SparkRuntime}).
 */
public final class KryoClasses implements KryoRegistrator {

  /**
   * Common classes inside the records the jobs shuffle and cache (the payments cases), registered
   * so Kryo writes a number for each rather than its name (Spark resets Kryo after every record, so
   * an unregistered class's name is written again with each one). The order is part of the
   * format: driver and executors register the same list in the same order. Ingest registered its
   * own records here until its rows moved into Spark's binary rows (issue 14).
   */
  private static final List<String> REGISTERED = List.of("java.time.LocalDate", "java.util.ArrayList");

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
    for (String name : REGISTERED) {
      try {
        kryo.register(Class.forName(name));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("KryoClasses names a class that is not there: " + name, e);
      }
    }
    kryo.register(String[].class);
    // What the jobs broadcast (the kernel, its parameters and scenario) stays in Java serialisation
    // inside Kryo, as before Kryo: sent once a job, and their classes rely on it.
    for (Class<?> broadcast : List.of(org.sibmodel.simulate.Kernel.class, org.sibmodel.params.ParameterSet.class,
        org.sibmodel.simulate.Scenario.class)) {
      kryo.register(broadcast, new com.esotericsoftware.kryo.serializers.JavaSerializer());
    }
    ListSerializer lists = new ListSerializer();
    for (List<?> immutable : List.of(List.of(), List.of(1), List.of(1, 2, 3), Collections.unmodifiableList(new ArrayList<>()),
        Collections.unmodifiableList(new java.util.LinkedList<>()), Arrays.asList(1), Collections.emptyList(),
        Collections.singletonList(1), java.util.stream.Stream.of(1).toList())) {
      kryo.register(immutable.getClass(), lists);
    }
  }

  /** A record as its components, read back through the canonical constructor. */
  public static final class RecordSerializer extends Serializer<Record> {
    private final RecordComponent[] components;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    public RecordSerializer(Kryo kryo, Class<? extends Record> type) {
      setImmutable(true);
      components = type.getRecordComponents();
      accessors = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
          accessors[i] = lookup.unreflect(components[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
        }
        constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
            .asType(MethodType.genericMethodType(types.length))
            .asSpreader(Object[].class, types.length);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot serialise record " + type.getName() + ": " + e, e);
      }
    }

    @Override
    public void write(Kryo kryo, Output output, Record record) {
      try {
        for (int i = 0; i < components.length; i++) {
          Object value = (Object) accessors[i].invokeExact((Object) record);
          Class<?> t = components[i].getType();
          if (t == int.class) {
            output.writeInt((Integer) value);
          } else if (t == long.class) {
            output.writeLong((Long) value);
          } else if (t == double.class) {
            output.writeDouble((Double) value);
          } else if (t == boolean.class) {
            output.writeBoolean((Boolean) value);
          } else {
            kryo.writeClassAndObject(output, value);
          }
        }
      } catch (Throwable e) {
        throw new IllegalStateException("cannot serialise " + record.getClass().getName() + ": " + e, e);
      }
    }

    @Override
    public Record read(Kryo kryo, Input input, Class<Record> type) {
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        Class<?> t = components[i].getType();
        if (t == int.class) {
          values[i] = input.readInt();
        } else if (t == long.class) {
          values[i] = input.readLong();
        } else if (t == double.class) {
          values[i] = input.readDouble();
        } else if (t == boolean.class) {
          values[i] = input.readBoolean();
        } else {
          values[i] = kryo.readClassAndObject(input);
        }
      }
      try {
        return (Record) (Object) constructor.invokeExact(values);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read back " + type.getName() + ": " + e, e);
      }
    }
  }

  /** A list written as its size and elements and read back as an unmodifiable list. */
  static final class ListSerializer extends Serializer<List<?>> {
    ListSerializer() {
      setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
      output.writeInt(list.size(), true);
      for (Object element : list) {
        kryo.writeClassAndObject(output, element);
      }
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<List<?>> type) {
      int size = input.readInt(true);
      List<Object> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(kryo.readClassAndObject(input));
      }
      return Collections.unmodifiableList(list);
    }
  }
}
