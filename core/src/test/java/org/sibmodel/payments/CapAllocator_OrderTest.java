package org.sibmodel.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CapAllocator_OrderTest {
  private static int month(int yyyymm) {
    return CalendarDays.fromYyyymm(yyyymm);
  }

  @Test
  void noCapsPayEverything() {
    CapAllocator caps = new CapAllocator(null, null);
    assertFalse(caps.capped());
    assertEquals(123_45, caps.pay(month(202001), 123_45));
    assertEquals(0, caps.removed());
  }

  @Test
  void theTotalCapCutsTheLineThatCrossesItAndEverythingAfter() {
    CapAllocator caps = new CapAllocator(1_000_00L, null);
    assertEquals(600_00, caps.pay(month(202001), 600_00));
    assertEquals(400_00, caps.pay(month(202002), 500_00));
    assertEquals(0, caps.pay(month(202003), 50_00));
    assertEquals(150_00, caps.removed());
    assertEquals(1_000_00, caps.paid());
  }

  @Test
  void theYearCapResetsEachApril() {
    CapAllocator caps = new CapAllocator(null, 100_00L);
    assertEquals(100_00, caps.pay(month(202003), 150_00));
    assertEquals(100_00, caps.pay(month(202004), 100_00));
    assertEquals(0, caps.pay(month(202103), 1));
    assertEquals(1, caps.pay(month(202104), 1));
    assertEquals(50_01, caps.removed());
  }

  @Test
  void bothCapsTheTighterBinds() {
    CapAllocator caps = new CapAllocator(150_00L, 100_00L);
    assertEquals(100_00, caps.pay(month(202003), 120_00));
    assertEquals(50_00, caps.pay(month(202004), 120_00));
    assertEquals(20_00 + 70_00, caps.removed());
  }

  @Test
  void linesOutOfPaymentOrderAreABug() {
    CapAllocator caps = new CapAllocator(100L, null);
    caps.pay(month(202005), 1);
    assertThrows(IllegalStateException.class, () -> caps.pay(month(202004), 1));
  }
}
