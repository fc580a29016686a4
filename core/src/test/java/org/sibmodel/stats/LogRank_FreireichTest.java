package org.sibmodel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The 6-MP against placebo comparison of Freireich et al. (1963). Published: Kleinbaum &amp; Klein,
 * <i>Survival Analysis: A Self-Learning Text</i>, chapter 2: O1 = 9, E1 = 19.25, O2 = 21, E2 =
 * 10.75, log-rank chi-square 16.79 (p &lt; 0.0001). The 12-digit figures come from {@code
 * known-answers.py} (exact fractions in Python).
 */
class LogRank_FreireichTest {
  private static final LogRank.Result RESULT = LogRank.test(
      TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events(), TestSamples.PLACEBO.times(), TestSamples.PLACEBO.events());

  @Test
  void reproducesThePublishedChiSquare() {
    assertEquals(9, RESULT.observed1());
    assertEquals(21, RESULT.observed2());
    assertEquals(19.25, RESULT.expected1(), 0.005);
    assertEquals(10.75, RESULT.expected2(), 0.005);
    assertEquals(16.79, RESULT.chiSquare(), 0.005);

    assertEquals(19.250500948031, RESULT.expected1(), 1e-11);
    assertEquals(30 - 19.250500948031, RESULT.expected2(), 1e-11);
    assertEquals(6.256960573676, RESULT.variance(), 1e-11);
    assertEquals(16.792940989217, RESULT.chiSquare(), 1e-10);
    assertEquals(4.168809109335e-05, RESULT.pValue(), 1e-15);
  }

  @Test
  void thePValueIsTheChiSquareOneDfUpperTail() {
    double viaDistribution = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(RESULT.chiSquare());
    assertEquals(viaDistribution, RESULT.pValue(), 1e-14);
    assertEquals(0.05, LogRank.upperTail1df(3.841458820694124), 1e-15);
    assertEquals(1, LogRank.upperTail1df(0));
    assertTrue(LogRank.upperTail1df(200) > 0, "the tail is computed directly, not as 1 - cdf");
  }

  @Test
  void swappingTheGroupsSwapsTheCountsAndKeepsTheTest() {
    LogRank.Result swapped = LogRank.test(
        TestSamples.PLACEBO.times(), TestSamples.PLACEBO.events(), TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertEquals(RESULT.observed1(), swapped.observed2());
    assertEquals(RESULT.expected1(), swapped.expected2(), 1e-12);
    assertEquals(RESULT.variance(), swapped.variance(), 1e-12);
    assertEquals(RESULT.chiSquare(), swapped.chiSquare(), 1e-10);
  }

  @Test
  void identicalGroupsGiveZero() {
    LogRank.Result same = LogRank.test(
        TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events(), TestSamples.SIX_MP.times(), TestSamples.SIX_MP.events());
    assertEquals(same.observed1(), same.expected1(), 1e-12);
    assertEquals(0, same.chiSquare(), 1e-20);
    assertEquals(1, same.pValue(), 1e-9);
  }

  @Test
  void degenerateSamplesGiveChiSquareZeroAndPValueOneNotNaN() {
    double[] none = {};
    boolean[] noFlags = {};
    LogRank.Result empty = LogRank.test(none, noFlags, none, noFlags);
    assertEquals(new LogRank.Result(0, 0, 0, 0, 0, 0, 1), empty);

    LogRank.Result allCensored = LogRank.test(new double[] {3}, new boolean[] {false}, new double[] {5}, new boolean[] {false});
    assertEquals(new LogRank.Result(0, 0, 0, 0, 0, 0, 1), allCensored);

    LogRank.Result oneSided = LogRank.test(new double[] {1, 2}, new boolean[] {true, true}, none, noFlags);
    assertEquals(new LogRank.Result(2, 2, 0, 0, 0, 0, 1), oneSided);

    // Both at risk only at t = 1, where everyone has the event: V = 0 and O1 = E1.
    LogRank.Result allAtOnce = LogRank.test(new double[] {1}, new boolean[] {true}, new double[] {1}, new boolean[] {true});
    assertEquals(new LogRank.Result(1, 1, 1, 1, 0, 0, 1), allAtOnce);
  }

  @Test
  void badInputNamesTheGroup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogRank.test(new double[] {1}, new boolean[] {true}, new double[] {1, 2}, new boolean[] {true}));
    assertTrue(e.getMessage().startsWith("times2 has 2 values but events2 has 1"), e.getMessage());
  }
}
