package org.sibmodel.benchmarks;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sibmodel.payments.Assessment;
import org.sibmodel.payments.CalendarDays;
import org.sibmodel.payments.ChildHistory;
import org.sibmodel.payments.ContractTerms;
import org.sibmodel.payments.PaymentEngine;
import org.sibmodel.payments.PaymentSink;
import org.sibmodel.payments.SubCohort;
import org.sibmodel.payments.TermsFile;

/**
 * Children assessed per second on one thread. The children are drawn once (seed 1) to look like a
 * simulated cohort: referred over the 60-month window, about half with no care, others with one
 * to four spells around the 8-week boundary, some still in care.
 *
 * <ul>
 *   <li>{@code ledger}: what a simulation does: amounts added into a month-by-month array.
 *   <li>{@code lines}: what an invoice check does: a list of payment lines per child.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PaymentEngineBenchmark {
  private static final int CHILDREN = 4096;

  private PaymentEngine engine;
  private ChildHistory[] children;
  private long[] ledger;
  private PaymentSink ledgerSink;
  private int firstMonth;
  private int next;

  @Setup
  public void setUp() {
    ContractTerms terms = TermsFile.defaults().withPrice(new BigDecimal("10000"));
    engine = new PaymentEngine(terms);
    int start = CalendarDays.epochDay(terms.contractStart());
    firstMonth = CalendarDays.monthOf(start);
    ledger = new long[120];
    ledgerSink = (kind, earnedDay, paymentMonth, pence) -> ledger[paymentMonth - firstMonth] += pence;
    SplittableRandom rng = new SplittableRandom(1);
    children = new ChildHistory[CHILDREN];
    for (int i = 0; i < CHILDREN; i++) {
      int day0 = start + rng.nextInt(60 * 30);
      int spells = rng.nextBoolean() ? 0 : 1 + rng.nextInt(4);
      int[] entries = new int[spells];
      int[] exits = new int[spells];
      int cursor = day0;
      for (int s = 0; s < spells; s++) {
        entries[s] = cursor + 1 + rng.nextInt(250);
        boolean open = s == spells - 1 && rng.nextInt(5) == 0;
        exits[s] = open ? ChildHistory.OPEN : entries[s] + 1 + rng.nextInt(90);
        cursor = open ? cursor : exits[s];
      }
      children[i] = new ChildHistory("c" + i, SubCohort.all().get(rng.nextInt(4)), day0, entries, exits, rng.nextInt(16));
    }
  }

  private ChildHistory nextChild() {
    ChildHistory child = children[next];
    next = (next + 1) & (CHILDREN - 1);
    return child;
  }

  @Benchmark
  public Assessment ledger() {
    return engine.assess(nextChild(), PaymentEngine.NO_AS_OF, ledgerSink);
  }

  @Benchmark
  public void lines(Blackhole blackhole) {
    blackhole.consume(engine.assess(nextChild()));
  }
}
