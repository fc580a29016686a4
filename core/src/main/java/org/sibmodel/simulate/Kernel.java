package org.sibmodel.simulate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.sibmodel.params.ParameterSet;
import org.sibmodel.payments.Assessment;
import org.sibmodel.payments.CalendarDays;
import org.sibmodel.payments.ContractTerms;
import org.sibmodel.payments.Money;
import org.sibmodel.payments.PaymentEngine;
import org.sibmodel.payments.SecondaryOutcome;
import org.sibmodel.payments.SubCohort;
import org.sibmodel.random.RandomStreams;
import org.sibmodel.random.Sampling;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * One Monte Carlo iteration of a scenario (spec/model.md, "Simulation (one iteration)"), in plain
 * Java: built once from a scenario and a calibrated parameter set, then {@link #run(long)} is a pure
 * function of the iteration number.
 *
 * <ol>
 *   <li>Draw the iteration's parameters: referral volume, the service's hazard ratio, the chance a
 *       diverted child would enter care, secondary-outcome chances, unit costs, general inflation,
 *       the council's own costs, and each age band's time-in-care and re-entry curves from their
 *       calibrated uncertainty.
 *   <li>Draw referrals by month x pathway x age band x district (Poisson, with the ramp-up).
 *   <li>For each child, two lives on the same random numbers: without the service (the
 *       counterfactual) and with it, where the hazard of entering care and the share who ever go
 *       back into care after a return home are multiplied by the hazard ratio. A diverted child's
 *       time to entry has a constant hazard; time in care and time to re-entry follow the age
 *       band's calibrated Weibull and cure-Weibull curves. Lives run to the end of the child's
 *       payment horizon (milestone + tracking, never past the contract's end) or of its savings
 *       horizon, whichever is later.
 *   <li>Both lives go through the payment engine: the life with the service is what the contract
 *       pays; the life without it is what it would pay if the service changed nothing (deadweight).
 *       Care days avoided within the savings horizon are costed by the band's placement mix and the
 *       year's weekly costs.
 *   <li>The accounts of the iteration ({@link IterationAccounts}): caps, the outcomes fund, the
 *       council's costs, cashable savings, real terms, the investor's cash flow.
 * </ol>
 */
public final class Kernel implements Serializable {
  private static final long serialVersionUID = 2L;
  /** Spells per life at most (the third entry in tracking already fails payments). */
  private static final int MAX_SPELLS = 6;
  /**
   * A child's uniforms: 0 day of referral in its month, 1-4 the secondary outcomes, 5 entry to
   * care, 6 acceptance, 7 days to start, 8 age within the band, 9 whether a reunified child goes
   * home, 10 when, 11 re-entry after that return home, then for each spell i its length (12 + 2i)
   * and the re-entry after it (13 + 2i). Both lives of a child share them.
   */
  private static final int UNIFORMS = 12 + 2 * MAX_SPELLS;
  private static final AgeBand[] BANDS = AgeBand.values();
  private static final double YEAR = 365.25;
  private static final PlacementGroup[] GROUPS = PlacementGroup.values();
  /** Copied once: {@code values()} copies its array on every call, and every child draws its outcomes. */
  private static final SecondaryOutcome[] OUTCOMES = SecondaryOutcome.values();
  private static final int TIME_IN_CARE = 0;
  private static final int TIME_TO_REENTRY = 1;
  /** Stream names: an iteration's parameter draws, its referral counts, its referred children. */
  private static final long ITERATION_STREAM = 0x5EED_0001L;
  private static final long REFERRAL_STREAM = 0x5EED_0002L;
  private static final long CHILD_STREAM = 0x5EED_0003L;

  private final Scenario scenario;
  private final PaymentEngine engine;
  private final long seed;
  private final int contractEnd;
  private final int referralMonths;
  private final Calendar calendar;
  private final double[] costGrowth;
  private final double[][] mix;
  private final BandCurve[] duration;
  private final BandCurve[] reentry;
  private final List<Cell> cells;
  private final double waningDays;
  private final Double calibratedEntriesPerYear;
  /** Whole days from referral to engagement, and for reunification to the return home, by the uniform drawn for each child. */
  private final RoundedQuantile daysToStart;
  private final RoundedQuantile daysToHome;

  /** One cell of referrals: pathway x fine band at referral x district, at full volume, and the contract's sub-cohort of it. */
  private record Cell(Pathway pathway, AgeBand band, String district, double perMonth, double logStdError, SubCohort cohort)
      implements Serializable {}

  /** A band's calibrated curve and its uncertainty: mean of (logit p,) log shape, log scale and a Cholesky factor. */
  private record BandCurve(boolean cure, double[] mean, double[][] cholesky) implements Serializable {}

  public Kernel(Scenario scenario, ParameterSet params) {
    this.scenario = scenario;
    ContractTerms terms = scenario.contract();
    this.engine = new PaymentEngine(terms);
    this.seed = scenario.simulation().seed();
    this.contractEnd = CalendarDays.epochDay(terms.contractEnd());
    this.referralMonths = terms.referralMonths();
    this.calendar = Calendar.of(scenario);
    this.costGrowth = calendar.growth(scenario.costs().inflation(), scenario.economics().priceYear());
    this.mix = new double[BANDS.length][GROUPS.length];
    this.duration = new BandCurve[BANDS.length];
    this.reentry = new BandCurve[BANDS.length];
    this.waningDays = scenario.effect().waningMonths() == null ? 0 : scenario.effect().waningMonths() * YEAR / 12;
    for (int b = 0; b < BANDS.length; b++) {
      String band = BANDS[b].label();
      Map<String, Double> shares = params.placementMix().get(band);
      if (shares == null) {
        throw new IllegalArgumentException("the parameter set has no placement mix for age band " + band);
      }
      for (int g = 0; g < GROUPS.length; g++) {
        mix[b][g] = shares.getOrDefault(GROUPS[g].label(), 0.0);
      }
      duration[b] = curve(params.timeInCare().get(band), band, "time in care", false);
      reentry[b] = curve(params.reentry().get(band), band, "re-entry", true);
    }
    this.cells = cells(scenario, params);
    this.calibratedEntriesPerYear = calibratedEntriesPerYear(scenario, params);
    this.daysToStart = RoundedQuantile.of(scenario.referrals().daysToStart().quantileFunction());
    this.daysToHome = RoundedQuantile.of(scenario.referrals().reunification().daysToHome().quantileFunction());
  }

  /** Calibrated entries to care a year at ages 5 to 15 in the scenario's districts; null where a district has no rate. */
  private static Double calibratedEntriesPerYear(Scenario scenario, ParameterSet params) {
    double sum = 0;
    for (String district : scenario.referrals().districts().keySet()) {
      for (AgeBand band : AgeBand.REFERRAL_BANDS) {
        ParameterSet.Rate rate = params.entries().rates().stream()
            .filter(x -> x.district().equals(district) && x.ageBand().equals(band.label())).findFirst().orElse(null);
        if (rate == null) {
          return null;
        }
        sum += rate.perMonth() * 12;
      }
    }
    return sum;
  }

  /**
   * Calibrated entries to care a year at ages 5 to 15 in the scenario's districts (the plausibility
   * check's denominator), or null where the parameter set has no rate for one of them.
   */
  public Double calibratedEntriesPerYear() {
    return calibratedEntriesPerYear;
  }

  private static BandCurve curve(ParameterSet.Survival s, String band, String what, boolean cure) {
    if (s == null || s.shape() == null || s.scaleDays() == null) {
      throw new IllegalArgumentException("the parameter set has no " + what + " fit for age band " + band
          + (s != null && s.note() != null ? " (" + s.note() + ")" : "") + ": calibrate on more data or pool further");
    }
    boolean isCure = cure && "weibull_cure".equals(s.model());
    double[] mean = isCure
        ? new double[] {logit(s.everShare()), Math.log(s.shape()), Math.log(s.scaleDays())}
        : new double[] {Math.log(s.shape()), Math.log(s.scaleDays())};
    double[][] chol = new double[mean.length][mean.length];
    if (s.covariance() != null && s.covariance().length == mean.length) {
      try {
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(s.covariance()), 1e-12, 1e-14).getL();
        chol = l.getData();
      } catch (NonPositiveDefiniteMatrixException e) {
        chol = new double[mean.length][mean.length];
      }
    }
    return new BandCurve(isCure, mean, chol);
  }

  private static List<Cell> cells(Scenario scenario, ParameterSet params) {
    Scenario.Referrals r = scenario.referrals();
    List<Cell> cells = new ArrayList<>();
    for (Pathway p : Pathway.values()) {
      for (AgeBand band : AgeBand.REFERRAL_BANDS) {
        double perYear = r.perYear(p, band);
        for (Map.Entry<String, Double> d : r.districts().entrySet()) {
          double perMonth;
          double logSe = 0;
          if (r.source().equals("table")) {
            perMonth = perYear / 12.0 * d.getValue();
          } else {
            ParameterSet.Rate rate = params.entries().rates().stream()
                .filter(x -> x.district().equals(d.getKey()) && x.ageBand().equals(band.label())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the parameter set has no entry rate for district " + d.getKey()
                    + ", age band " + band.label() + " (referrals.source = calibrated)"));
            double bothPathways = r.perYear(Pathway.DIVERSION, band) + r.perYear(Pathway.REUNIFICATION, band);
            double pathwayShare = bothPathways == 0 ? 0 : perYear / bothPathways;
            perMonth = rate.perMonth() * r.referralsPerEntry() * pathwayShare;
            logSe = rate.logStdError() == null ? 0 : rate.logStdError();
          }
          cells.add(new Cell(p, band, d.getKey(), perMonth, logSe, new SubCohort(p, band.ageGroup().orElseThrow())));
        }
      }
    }
    return cells;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The financial years of the accounts, as IterationResult.years() lists them. */
  public List<String> financialYears() {
    return calendar.years();
  }

  /** Months in the monthly arrays (contract months plus the payment lag, and any savings after the term). */
  public int months() {
    return calendar.months();
  }

  /** The first month of the monthly arrays. */
  public java.time.LocalDate firstMonth() {
    return CalendarDays.date(calendar.monthStart(0));
  }

  /** One iteration: a pure function of the scenario, the parameter set, the master seed and {@code iteration}. */
  public IterationResult run(long iteration) {
    SplittableRandom pr = RandomStreams.of(seed, ITERATION_STREAM, iteration);
    Draw draw = new Draw(pr);
    IterationAccounts accounts = new IterationAccounts(scenario, calendar, draw.inflation, draw.councilCostPerYear);
    SplittableRandom rr = RandomStreams.of(seed, REFERRAL_STREAM, iteration);
    ChildUniforms u = new ChildUniforms();
    Lives lives = new Lives();
    Scenario.Referrals r = scenario.referrals();
    double perReferral = scenario.delivery().perReferral();
    // Each cell's mean referrals a month and its chance of none, worked out again only while the ramp-up changes them.
    double[] lambda = new double[cells.size()];
    double[] none = new double[cells.size()];
    double meansAtRamp = Double.NaN;
    for (int m = 0; m < referralMonths; m++) {
      double ramp = m >= r.rampUpMonths() || r.rampUpMonths() == 0 ? 1.0
          : r.rampUpStart() + (1 - r.rampUpStart()) * m / r.rampUpMonths();
      if (ramp != meansAtRamp) {
        for (int c = 0; c < cells.size(); c++) {
          lambda[c] = cells.get(c).perMonth() * draw.cellMultiplier[c] * ramp * draw.volume;
          none[c] = Math.exp(-lambda[c]);
        }
        meansAtRamp = ramp;
      }
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = cells.get(c);
        int n = Sampling.poisson(Sampling.uniform(rr), lambda[c], none[c]);
        accounts.delivery(m, n * perReferral);
        for (int k = 0; k < n; k++) {
          u.start(RandomStreams.of(RandomStreams.key(seed, CHILD_STREAM, iteration), m * 1_000_003L + c, k));
          child(cell, m, u, draw, accounts, lives);
        }
      }
    }
    double fixedPerMonth = scenario.delivery().fixedPerYear() / 12.0;
    int contractMonths = referralMonths + scenario.contract().outcomeMonths();
    for (int m = 0; m < contractMonths && m < calendar.months(); m++) {
      accounts.delivery(m, fixedPerMonth);
    }
    return accounts.result(iteration, draw.volume, draw.hazardRatio, draw.entryWithin12);
  }

  /**
   * A referred child's uniforms (see {@link #UNIFORMS}), drawn from its own stream in order as they
   * are first wanted, so the same numbers as drawing all of them first: a child that does not
   * engage, or is never in care, needs under half of them. Reused from child to child.
   */
  private static final class ChildUniforms {
    private final double[] drawn = new double[UNIFORMS];
    private SplittableRandom stream;
    private int count;

    /** The next child's stream: none of its uniforms drawn yet. */
    void start(SplittableRandom childStream) {
      stream = childStream;
      count = 0;
    }

    /** Uniform {@code i} of the child. */
    double get(int i) {
      while (count <= i) {
        drawn[count++] = Sampling.uniform(stream);
      }
      return drawn[i];
    }
  }

  /** The spells of a child's two lives (arrays reused from child to child). */
  private static final class Lives {
    final int[] withEntries = new int[MAX_SPELLS];
    final int[] withExits = new int[MAX_SPELLS];
    final int[] withoutEntries = new int[MAX_SPELLS];
    final int[] withoutExits = new int[MAX_SPELLS];

    /**
     * Whether the first {@code paidWith} spells of the life with the service and the first
     * {@code paidWithout} of the life without it are the same spells: then both lives earn the same
     * payments, and the payment engine need assess only one of them.
     */
    boolean samePayableSpells(int paidWith, int paidWithout) {
      return paidWith == paidWithout
          && Arrays.equals(withEntries, 0, paidWith, withoutEntries, 0, paidWith)
          && Arrays.equals(withExits, 0, paidWith, withoutExits, 0, paidWith);
    }
  }

  /**
   * A child's age as time goes on: its age band on any day (the curves of time in care and of
   * re-entry follow the band the child is in when each happens) and the day it turns 18, after
   * which it cannot be in care.
   */
  private record ChildAge(int referral, double ageAtReferral, int adult) {
    int bandOn(int day) {
      int years = (int) Math.floor(ageAtReferral + (day - referral) / YEAR);
      return AgeBand.ofAge(Math.max(0, Math.min(17, years))).ordinal();
    }
  }

  /**
   * A referred child: whether it engages and when (its day 0), its two lives from day 0, and what
   * they cost and earn. Referrals that do not engage, and reunification referrals who stay in care,
   * get no service: no payment and no saving.
   */
  private void child(Cell cell, int month, ChildUniforms u, Draw draw, IterationAccounts accounts, Lives lives) {
    accounts.referred(cell.pathway());
    Scenario.Referrals r = scenario.referrals();
    int referral = calendar.monthStart(month) + (int) (u.get(0) * (calendar.monthStart(month + 1) - calendar.monthStart(month)));
    if (!Sampling.happens(u.get(6), r.acceptance())) {
      return;
    }
    accounts.engaged();
    int engagement = referral + (int) daysToStart.of(u.get(7));
    double ageAtReferral = cell.band().low() + u.get(8) * (cell.band().high() + 1 - cell.band().low());
    ChildAge age = new ChildAge(referral, ageAtReferral, referral + (int) Math.round((18 - ageAtReferral) * YEAR));
    int day0 = engagement;
    if (cell.pathway() == Pathway.REUNIFICATION) {
      if (!Sampling.happens(u.get(9), r.reunification().homeShare())) {
        return;
      }
      day0 = referral + (int) daysToHome.of(u.get(10));
      engagement = Math.min(engagement, day0);
    }
    ContractTerms terms = scenario.contract();
    int paymentEnd = Math.min(CalendarDays.plusMonths(day0, terms.milestoneMonths()) + terms.trackingDays(), contractEnd);
    int savingsEnd = Math.min(Math.min(savingsEnd(day0, paymentEnd), age.adult()), calendar.monthStart(calendar.months()));
    int horizon = Math.min(Math.max(paymentEnd, savingsEnd), age.adult());
    int nWith;
    int nWithout;
    if (cell.pathway() == Pathway.DIVERSION) {
      double daysWithout = Hazards.entry(u.get(5), draw.entryHazard, 1, 0);
      double daysWith = Hazards.entry(u.get(5), draw.entryHazard, draw.hazardRatio, waningDays);
      accounts.enteredWithinAYear(daysWithout < YEAR, daysWith < YEAR);
      nWithout = daysWithout < horizon - day0 - 1
          ? life(day0 + 1 + (int) daysWithout, u, horizon, day0, false, age, lives.withoutEntries, lives.withoutExits, 0, draw) : 0;
      nWith = daysWith < horizon - day0 - 1
          ? life(day0 + 1 + (int) daysWith, u, horizon, day0, true, age, lives.withEntries, lives.withExits, 0, draw) : 0;
    } else {
      // Without the service the child may stay in care longer before going home (a prior, 0 by default).
      int home = day0 + (int) Math.round(draw.extraDays);
      nWithout = 0;
      if (home > day0) {
        lives.withoutEntries[0] = day0;
        lives.withoutExits[0] = home;
        nWithout = 1;
      }
      nWithout = afterHome(home, u, horizon, day0, false, age, lives.withoutEntries, lives.withoutExits, nWithout, draw);
      nWith = afterHome(day0, u, horizon, day0, true, age, lives.withEntries, lives.withExits, 0, draw);
    }

    int outcomes = 0;
    for (SecondaryOutcome o : OUTCOMES) {
      if (u.get(1 + o.ordinal()) < draw.secondary[o.ordinal()]) {
        outcomes |= o.bit();
      }
    }
    SubCohort cohort = cell.cohort();
    int paidWith = spellsBefore(paymentEnd, lives.withEntries, nWith);
    int paidWithout = spellsBefore(paymentEnd, lives.withoutEntries, nWithout);
    Assessment with;
    Assessment without;
    if (lives.samePayableSpells(paidWith, paidWithout)) {
      // A quarter or so of children: no care in either life before the payment horizon, or the same care.
      with = engine.assessSimulated(cohort, day0, engagement, lives.withEntries, lives.withExits, paidWith, outcomes,
          accounts.bothLives());
      without = with;
    } else {
      with = engine.assessSimulated(cohort, day0, engagement, lives.withEntries, lives.withExits, paidWith, outcomes,
          accounts.withEffect());
      without = engine.assessSimulated(cohort, day0, engagement, lives.withoutEntries, lives.withoutExits, paidWithout, outcomes,
          accounts.withoutEffect());
    }
    accounts.assessed(with.payableDays(), with.milestone() > 0, without.milestone() > 0);
    careDays(lives.withoutEntries, lives.withoutExits, nWithout, day0, savingsEnd, age, draw, accounts, true);
    careDays(lives.withEntries, lives.withExits, nWith, day0, savingsEnd, age, draw, accounts, false);
  }

  /** The end of a child's savings horizon (exclusive), by the scenario's rule. */
  private int savingsEnd(int day0, int paymentEnd) {
    Scenario.SavingsHorizon h = scenario.costs().savingsHorizon();
    return switch (h.kind()) {
      case CONTRACT_TERM -> contractEnd;
      case TRACKING -> paymentEnd;
      case MONTHS -> CalendarDays.plusMonths(day0, h.months());
    };
  }

  /** How many of a life's n spells start inside the payment horizon: what the payment engine assesses. */
  private static int spellsBefore(int paymentEnd, int[] entries, int n) {
    int k = 0;
    while (k < n && entries[k] < paymentEnd) {
      k++;
    }
    return k;
  }

  /**
   * Adds a life's days in care within [day0, end) to the accounts, costed month by month at the
   * placement mix of the band the child was in when each spell began and the month's weekly costs:
   * a spell's first and last months may be part months, the months between are whole.
   */
  private void careDays(int[] entries, int[] exits, int n, int day0, int end, ChildAge age, Draw draw, IterationAccounts accounts,
      boolean without) {
    for (int i = 0; i < n; i++) {
      int from = Math.max(entries[i], day0);
      int to = Math.min(exits[i], end);
      if (to <= from) {
        continue;
      }
      accounts.careDays(to - from, without);
      int band = age.bandOn(entries[i]);
      int first = calendar.monthIndex(from);
      int last = calendar.monthIndex(to - 1);
      if (first == last) {
        careCostOfMonth(first, to - from, band, draw.careCosts, accounts, without);
      } else {
        careCostOfMonth(first, calendar.monthStart(first + 1) - from, band, draw.careCosts, accounts, without);
        accounts.careCostOfWholeMonths(first + 1, last, draw.careCosts.wholeMonths(band), without);
        careCostOfMonth(last, to - calendar.monthStart(last), band, draw.careCosts, accounts, without);
      }
    }
  }

  /** Adds {@code days} days in care in month {@code m}, avoided ({@code without}) or added. */
  private static void careCostOfMonth(int m, int days, int band, CareCosts costs, IterationAccounts accounts, boolean without) {
    for (int g = 0; g < GROUPS.length; g++) {
      double cost = costs.of(band, m, g, days);
      accounts.careCost(m, g, without ? cost : -cost);
    }
  }

  /**
   * A life from an entry to care on day {@code entry}: spells whose length follows the band the child
   * is in when each starts, each followed by a return home and, as the cure model has it, a re-entry;
   * up to {@code horizon}, and no care after the 18th birthday (a spell then ends on it). With the
   * service ({@code effect}) exits are quickened by the exit hazard ratio and re-entries made rarer and
   * later by the hazard ratio, each at its value on the day the spell or the return home happens.
   * Spell i uses uniforms 12 + 2i (its length) and 13 + 2i (the re-entry after it), so both lives of a
   * child share them.
   */
  private int life(int entry, ChildUniforms u, int horizon, int day0, boolean effect, ChildAge age, int[] entries, int[] exits, int n,
      Draw draw) {
    int t = entry;
    for (int i = 0; t < horizon && n < MAX_SPELLS; i++) {
      double exitRatio = effect ? Hazards.ratioAt(draw.exitHazardRatio, t - day0, waningDays) : 1;
      int stay = Math.max(1, (int) Math.round(draw.stay(age.bandOn(t), u.get(12 + 2 * i), exitRatio)));
      entries[n] = t;
      exits[n] = Math.min(t + stay, Math.max(t + 1, age.adult()));
      int home = exits[n];
      n++;
      if (home >= age.adult()) {
        break;
      }
      double gap = reentryGap(home, u.get(13 + 2 * i), day0, effect, age, draw);
      if (Double.isInfinite(gap)) {
        break;
      }
      t = home + Math.max(1, (int) Math.round(Math.min(gap, Integer.MAX_VALUE / 2.0)));
    }
    return n;
  }

  /** A life that starts at home on {@code home}: a re-entry as the cure model has it (uniform 11), then {@link #life}. */
  private int afterHome(int home, ChildUniforms u, int horizon, int day0, boolean effect, ChildAge age, int[] entries, int[] exits, int n,
      Draw draw) {
    double gap = reentryGap(home, u.get(11), day0, effect, age, draw);
    if (Double.isInfinite(gap) || home + gap >= horizon) {
      return n;
    }
    return life(home + Math.max(1, (int) Math.round(gap)), u, horizon, day0, effect, age, entries, exits, n, draw);
  }

  /** Days from a return home to the next entry (infinite: never), for the band the child is in then. */
  private double reentryGap(int home, double u, int day0, boolean effect, ChildAge age, Draw draw) {
    double ratio = effect ? Hazards.ratioAt(draw.hazardRatio, home - day0, waningDays) : 1;
    return draw.reentry(age.bandOn(home), u, ratio);
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
    return Math.log(q / (1 - q));
  }

  /** The parameters of one iteration. */
  private final class Draw {
    final double volume;
    final double hazardRatio;
    final double entryWithin12;
    final double entryHazard;
    final double extraDays;
    final double[] secondary = new double[OUTCOMES.length];
    final double[] weekly = new double[GROUPS.length];
    final double[][] shape = new double[2][BANDS.length];
    final double[][] scale = new double[2][BANDS.length];
    final double[] everShare = new double[BANDS.length];
    final double[] cellMultiplier;
    final double exitHazardRatio;
    final double inflation;
    final double councilCostPerYear;
    final CareCosts careCosts;

    Draw(SplittableRandom rng) {
      volume = scenario.referrals().volume().draw(rng);
      hazardRatio = scenario.effect().hazardRatio().draw(rng);
      entryWithin12 = Math.min(scenario.counterfactual().diversionEntryWithin12Months().draw(rng), 1 - 1e-12);
      entryHazard = -Math.log(1 - entryWithin12) / 365.25;
      extraDays = Math.max(0, scenario.counterfactual().reunificationExtraDays().draw(rng));
      Scenario.Secondary s = scenario.secondary();
      secondary[SecondaryOutcome.FAMILY_STAR.ordinal()] = s.familyStar().draw(rng);
      secondary[SecondaryOutcome.MY_STAR.ordinal()] = s.myStar().draw(rng);
      secondary[SecondaryOutcome.ATTENDANCE.ordinal()] = s.attendance().draw(rng);
      secondary[SecondaryOutcome.READING.ordinal()] = s.reading().draw(rng);
      for (int g = 0; g < GROUPS.length; g++) {
        weekly[g] = scenario.costs().weekly().get(GROUPS[g]).pounds().draw(rng);
      }
      for (int b = 0; b < BANDS.length; b++) {
        double[] d = normal(duration[b], rng);
        shape[0][b] = Math.exp(d[0]);
        scale[0][b] = Math.exp(d[1]);
        double[] r = normal(reentry[b], rng);
        if (reentry[b].cure()) {
          everShare[b] = 1 / (1 + Math.exp(-r[0]));
          shape[1][b] = Math.exp(r[1]);
          scale[1][b] = Math.exp(r[2]);
        } else {
          everShare[b] = 1.0;
          shape[1][b] = Math.exp(r[0]);
          scale[1][b] = Math.exp(r[1]);
        }
      }
      cellMultiplier = new double[cells.size()];
      for (int c = 0; c < cells.size(); c++) {
        double z = cells.get(c).logStdError() == 0 ? 0 : rng.nextGaussian();
        cellMultiplier[c] = Math.exp(cells.get(c).logStdError() * z);
      }
      exitHazardRatio = scenario.effect().exitHazardRatio().draw(rng);
      inflation = scenario.economics().inflation().draw(rng);
      double council = 0;
      for (Scenario.UnitCost cost : scenario.councilCosts().perYear().values()) {
        council += cost.pounds().draw(rng);
      }
      councilCostPerYear = council;
      careCosts = new CareCosts(mix, weekly, costGrowth, calendar);
    }

    /** mean + L z. */
    private double[] normal(BandCurve curve, SplittableRandom rng) {
      int k = curve.mean().length;
      double[] z = new double[k];
      for (int i = 0; i < k; i++) {
        z[i] = rng.nextGaussian();
      }
      double[] x = curve.mean().clone();
      for (int i = 0; i < k; i++) {
        for (int j = 0; j <= i; j++) {
          x[i] += curve.cholesky()[i][j] * z[j];
        }
      }
      return x;
    }

    /** Days in care of a spell starting in band {@code b}, the exit hazard multiplied by {@code ratio}. */
    double stay(int b, double u, double ratio) {
      return Hazards.weibull(u, shape[TIME_IN_CARE][b], scale[TIME_IN_CARE][b], ratio);
    }

    /** Days from a return home in band {@code b} to the next entry (infinite: never), the hazard multiplied by {@code ratio}. */
    double reentry(int b, double u, double ratio) {
      return Hazards.cure(u, everShare[b], shape[TIME_TO_REENTRY][b], scale[TIME_TO_REENTRY][b], ratio);
    }
  }

  /** Pounds of P for a sub-cohort (for closed-form checks). */
  public double price(SubCohort cohort) {
    return Money.pounds(engine.pricePence(cohort)).doubleValue();
  }
}
