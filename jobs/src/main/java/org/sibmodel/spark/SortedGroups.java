package org.sibmodel.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The groups of a partition sorted by key, handed one at a time to a function whose results are
 * streamed out: only one group's rows are held at once, however large the partition. Used after
 * {@code repartition(key).sortWithinPartitions(key)}, the Dataset way of grouping, whose shuffle
 * and sort stay in Spark's binary rows.
 */
public final class SortedGroups<T, R> implements Iterator<R> {
  /** What to do with one group: all its rows in, any number of results out. */
  @FunctionalInterface
  public interface PerGroup<T, R> {
    List<R> apply(List<T> group);
  }

  private final Iterator<T> rows;
  private final Function<T, Object> key;
  private final PerGroup<T, R> perGroup;
  private final Supplier<List<R>> atEnd;
  private final Deque<R> pending = new ArrayDeque<>();
  private T next;
  private boolean ended;

  private SortedGroups(Iterator<T> rows, Function<T, Object> key, PerGroup<T, R> perGroup, Supplier<List<R>> atEnd) {
    this.rows = rows;
    this.key = key;
    this.perGroup = perGroup;
    this.atEnd = atEnd;
    this.next = rows.hasNext() ? rows.next() : null;
  }

  /** The results of {@code perGroup} over the runs of equal keys in {@code sortedRows}. */
  public static <T, R> Iterator<R> of(Iterator<T> sortedRows, Function<T, Object> key, PerGroup<T, R> perGroup) {
    return of(sortedRows, key, perGroup, List::of);
  }

  /**
   * As {@link #of(Iterator, Function, PerGroup)}, then the results of {@code atEnd}, asked for once
   * after the last group: totals the groups kept while they were handled, one set per partition.
   */
  public static <T, R> Iterator<R> of(
      Iterator<T> sortedRows, Function<T, Object> key, PerGroup<T, R> perGroup, Supplier<List<R>> atEnd) {
    return new SortedGroups<>(sortedRows, key, perGroup, atEnd);
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty() && next != null) {
      List<T> group = new ArrayList<>();
      Object groupKey = key.apply(next);
      do {
        group.add(next);
        next = rows.hasNext() ? rows.next() : null;
      } while (next != null && Objects.equals(groupKey, key.apply(next)));
      pending.addAll(perGroup.apply(group));
    }
    if (pending.isEmpty() && !ended) {
      ended = true;
      pending.addAll(atEnd.get());
    }
    return !pending.isEmpty();
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.removeFirst();
  }
}
