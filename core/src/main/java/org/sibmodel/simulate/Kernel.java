package org.sibmodel.simulate;

import java.io.Serializable;
import java.util.ArrayList;
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
import org.sibmodel.payments.CapAllocator;
import org.sibmodel.payments.ChildHistory;
import org.sibmodel.payments.ContractTerms;
import org.sibmodel.payments.Money;
import org.sibmodel.vocabulary.Pathway;
import org.sibmodel.payments.PaymentEngine;
import org.sibmodel.payments.PaymentSink;
import org.sibmodel.payments.SecondaryOutcome;
import org.sibmodel.payments.SubCohort;
import org.sibmodel.random.RandomStreams;
import org.sibmodel.random.Sampling;
import org.sibmodel.vocabulary.AgeBand;
import org.sibmodel.vocabulary.PlacementGroup;

/**
 * One Monte Carlo iteration of a scenario (spec/model.md, "Simulation (one iteration)"), in plain
 * Java: built once from a scenario and a calibrated parameter set, then {@link #run(long)} is a pure
 * function of the iteration number.
 *
 * <ol>
 *   <li>Draw the iteration's parameters: referral volume, the service's hazard ratio, the chance a
 *       diverted child would enter care, secondary-outcome chances, unit costs, and each age band's
 *       time-in-care and re-entry curves from their calibrated uncertainty.
 *   <li>Draw referrals by month x pathway x age band x district (Poisson, with the ramp-up).
 *   <li>For each child, two lives on the same random numbers: without the service (the
 *       counterfactual) and with it, where the hazard of entering care and the share who ever go
 *       back into care after a return home are multiplied by the hazard ratio. A diverted child's
 *       time to entry has a constant hazard; time in care and time to re-entry follow the age
 *       band's calibrated Weibull and cure-Weibull curves. Lives run to the end of the child's
 *       payment horizon (milestone + tracking), and never past the contract's end.
 *   <li>The life with the service goes through the payment engine; care days avoided are costed
 *       by the band's placement mix and the year's inflated weekly costs.
 *   <li>Caps, the outcomes fund's share and cap, the council's cost and savings, the investor's
 *       cash flow, by month and financial year.
 * </ol>
 */
public final class Kernel implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Spells per life at most (the third entry in tracking already fails payments). */
  private static final int MAX_SPELLS = 6;
  private static final int UNIFORMS = 6 + 3 * MAX_SPELLS;
  /** HM Treasury Green Book social time preference rate (figures.md). */
  public static final double DISCOUNT_RATE = 0.035;
  private static final List<AgeBand> BANDS = AgeBand.REFERRAL_BANDS;
  private static final PlacementGroup[] GROUPS = PlacementGroup.values();
  private static final int TIME_IN_CARE = 0;
  private static final int TIME_TO_REENTRY = 1;
  /** Stream names: an iteration's parameter draws, its referral counts, its referred children. */
  private static final long ITERATION_STREAM = 0x5EED_0001L;
  private static final long REFERRAL_STREAM = 0x5EED_0002L;
  private static final long CHILD_STREAM = 0x5EED_0003L;

  private final Scenario scenario;
  private final PaymentEngine engine;
  private final long seed;
  private final int contractStart;
  private final int contractEnd;
  private final int firstMonth;
  private final int referralMonths;
  private final int ledgerMonths;
  private final int[] monthStart;
  private final int[] yearOfMonth;
  private final List<String> years;
  private final double[] inflation;
  private final double[][] mix;
  private final BandCurve[] duration;
  private final BandCurve[] reentry;
  private final List<Cell> cells;

  /** One cell of referrals: pathway x fine band x district, at full volume. */
  private record Cell(Pathway pathway, int band, String district, double perMonth, double logStdError) implements Serializable {}

  /** A band's calibrated curve and its uncertainty: mean of (logit p,) log shape, log scale and a Cholesky factor. */
  private record BandCurve(boolean cure, double[] mean, double[][] cholesky) implements Serializable {}

  public Kernel(Scenario scenario, ParameterSet params) {
    this.scenario = scenario;
    ContractTerms terms = scenario.contract();
    this.engine = new PaymentEngine(terms);
    this.seed = scenario.simulation().seed();
    this.contractStart = CalendarDays.epochDay(terms.contractStart());
    this.contractEnd = CalendarDays.epochDay(terms.contractEnd());
    this.firstMonth = CalendarDays.monthOf(contractStart);
    this.referralMonths = terms.referralMonths();
    this.ledgerMonths = CalendarDays.monthOf(contractEnd - 1) - firstMonth + 1 + terms.paymentLagMonths();
    this.monthStart = new int[ledgerMonths + 1];
    this.yearOfMonth = new int[ledgerMonths];
    this.years = new ArrayList<>();
    this.inflation = new double[ledgerMonths];
    int firstYear = CalendarDays.financialYearOf(firstMonth);
    for (int m = 0; m <= ledgerMonths; m++) {
      monthStart[m] = CalendarDays.monthStart(firstMonth + m);
      if (m < ledgerMonths) {
        int fy = CalendarDays.financialYearOf(firstMonth + m);
        yearOfMonth[m] = fy - firstYear;
        if (yearOfMonth[m] == years.size()) {
          years.add(CalendarDays.financialYearLabel(fy));
        }
        double yearsFromPrice = (firstMonth + m) / 12.0 - (scenario.costs().priceYear() + 0.5);
        inflation[m] = Math.pow(1 + scenario.costs().inflation(), yearsFromPrice);
      }
    }
    this.mix = new double[BANDS.size()][GROUPS.length];
    this.duration = new BandCurve[BANDS.size()];
    this.reentry = new BandCurve[BANDS.size()];
    for (int b = 0; b < BANDS.size(); b++) {
      String band = BANDS.get(b).label();
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
      for (int b = 0; b < BANDS.size(); b++) {
        AgeBand band = BANDS.get(b);
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
          cells.add(new Cell(p, b, d.getKey(), perMonth, logSe));
        }
      }
    }
    return cells;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The financial years of the contract, as IterationResult.years() lists them. */
  public List<String> financialYears() {
    return List.copyOf(years);
  }

  /** Months in the monthly arrays (contract months plus the payment lag). */
  public int months() {
    return ledgerMonths;
  }

  /** The first month of the monthly arrays. */
  public java.time.LocalDate firstMonth() {
    return CalendarDays.date(monthStart[0]);
  }

  /** One iteration: a pure function of the scenario, the parameter set, the master seed and {@code iteration}. */
  public IterationResult run(long iteration) {
    SplittableRandom pr = RandomStreams.of(seed, ITERATION_STREAM, iteration);
    Draw draw = new Draw(pr);
    Ledger ledger = new Ledger();
    SplittableRandom rr = RandomStreams.of(seed, REFERRAL_STREAM, iteration);
    double[] u = new double[UNIFORMS];
    Scenario.Referrals r = scenario.referrals();
    double perReferral = scenario.delivery().perReferral();
    for (int m = 0; m < referralMonths; m++) {
      double ramp = m >= r.rampUpMonths() || r.rampUpMonths() == 0 ? 1.0
          : r.rampUpStart() + (1 - r.rampUpStart()) * m / r.rampUpMonths();
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = cells.get(c);
        double lambda = cell.perMonth() * draw.cellMultiplier[c] * ramp * draw.volume;
        int n = Sampling.poisson(Sampling.uniform(rr), lambda);
        ledger.delivery[m] += n * perReferral;
        for (int k = 0; k < n; k++) {
          SplittableRandom cs = RandomStreams.of(RandomStreams.key(seed, CHILD_STREAM, iteration), m * 1_000_003L + c, k);
          for (int i = 0; i < UNIFORMS; i++) {
            u[i] = Sampling.uniform(cs);
          }
          child(cell, m, u, draw, ledger);
        }
      }
    }
    double fixedPerMonth = scenario.delivery().fixedPerYear() / 12.0;
    int contractMonths = referralMonths + scenario.contract().outcomeMonths();
    for (int m = 0; m < contractMonths && m < ledgerMonths; m++) {
      ledger.delivery[m] += fixedPerMonth;
    }
    return ledger.result(iteration, draw);
  }

  /** The two lives of one referred child and what they cost and earn. */
  private void child(Cell cell, int month, double[] u, Draw draw, Ledger ledger) {
    int day0 = monthStart[month] + (int) (u[0] * (monthStart[month + 1] - monthStart[month]));
    int horizon = Math.min(CalendarDays.plusMonths(day0, scenario.contract().milestoneMonths()) + scenario.contract().trackingDays(),
        contractEnd);
    int b = cell.band();
    double ever = draw.everShare[b];
    int[] withEntries = ledger.withEntries;
    int[] withExits = ledger.withExits;
    int[] withoutEntries = ledger.withoutEntries;
    int[] withoutExits = ledger.withoutExits;
    int nWith;
    int nWithout;
    if (cell.pathway() == Pathway.DIVERSION) {
      ledger.diversion++;
      double e = -Math.log(u[5]);
      double days = e / draw.entryHazard;
      int entryWithout = days < horizon - day0 ? day0 + 1 + (int) days : Integer.MAX_VALUE;
      double daysWith = e / (draw.entryHazard * draw.hazardRatio);
      int entryWith = daysWith < horizon - day0 ? day0 + 1 + (int) daysWith : Integer.MAX_VALUE;
      nWithout = life(entryWithout, b, ever, u, 0, horizon, withoutEntries, withoutExits, 0, draw);
      nWith = life(entryWith, b, ever * draw.hazardRatio, u, 0, horizon, withEntries, withExits, 0, draw);
    } else {
      ledger.reunification++;
      // Without the service the child may stay in care longer before going home (a prior, 0 by default).
      int home = day0 + (int) Math.round(draw.extraDays);
      nWithout = 0;
      if (home > day0) {
        withoutEntries[0] = day0;
        withoutExits[0] = home;
        nWithout = 1;
      }
      nWithout = reentryAfterHome(home, b, ever, u, horizon, withoutEntries, withoutExits, nWithout, draw);
      nWith = reentryAfterHome(day0, b, Math.min(1.0, ever * draw.hazardRatio), u, horizon, withEntries, withExits, 0, draw);
    }

    int outcomes = 0;
    for (SecondaryOutcome o : SecondaryOutcome.values()) {
      if (u[1 + o.ordinal()] < draw.secondary[o.ordinal()]) {
        outcomes |= o.bit();
      }
    }
    SubCohort cohort = new SubCohort(cell.pathway(), BANDS.get(b).ageGroup().orElseThrow());
    ChildHistory history = new ChildHistory(null, cohort, day0, java.util.Arrays.copyOf(withEntries, nWith),
        java.util.Arrays.copyOf(withExits, nWith), outcomes);
    Assessment a = engine.assess(history, PaymentEngine.NO_AS_OF, ledger);
    ledger.payableDays += a.payableDays();
    if (a.milestone() > 0) {
      ledger.milestones++;
    }
    ledger.careDays(withoutEntries, withoutExits, nWithout, day0, horizon, b, draw, true);
    ledger.careDays(withEntries, withExits, nWith, day0, horizon, b, draw, false);
  }

  /**
   * A life from its first entry to care: spells of the band's time in care, each followed by a
   * return home after which the child goes back into care with chance {@code ever}, after the
   * band's time to re-entry. Spell i uses uniforms 6 + 3i (time in care), 7 + 3i (whether it
   * comes back), 8 + 3i (when), so both lives of a child share them.
   */
  private int life(int entry, int b, double ever, double[] u, int first, int horizon, int[] entries, int[] exits, int n, Draw draw) {
    int t = entry;
    int i = first;
    while (t < horizon && n < MAX_SPELLS && i < MAX_SPELLS) {
      int stay = Math.max(1, (int) Math.round(draw.weibull(TIME_IN_CARE, b, u[6 + 3 * i])));
      entries[n] = t;
      exits[n] = t + stay;
      n++;
      if (!Sampling.happens(u[7 + 3 * i], ever)) {
        break;
      }
      t = t + stay + Math.max(1, (int) Math.round(draw.weibull(TIME_TO_REENTRY, b, u[8 + 3 * i])));
      i++;
    }
    return n;
  }

  /** A life that starts at home on {@code home}: it re-enters with chance {@code ever} (uniforms 7 and 8). */
  private int reentryAfterHome(int home, int b, double ever, double[] u, int horizon, int[] entries, int[] exits, int n, Draw draw) {
    if (!Sampling.happens(u[7], ever)) {
      return n;
    }
    int entry = home + Math.max(1, (int) Math.round(draw.weibull(TIME_TO_REENTRY, b, u[8])));
    return entry < horizon ? life(entry, b, ever, u, 1, horizon, entries, exits, n, draw) : n;
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
    final double[] secondary = new double[SecondaryOutcome.values().length];
    final double[] dailyCost;
    final double[][] shape = new double[2][BANDS.size()];
    final double[][] scale = new double[2][BANDS.size()];
    final double[] everShare = new double[BANDS.size()];
    final double[] cellMultiplier;

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
      double[] weekly = new double[GROUPS.length];
      for (int g = 0; g < GROUPS.length; g++) {
        weekly[g] = scenario.costs().weekly().get(GROUPS[g]).pounds().draw(rng);
      }
      dailyCost = new double[BANDS.size()];
      for (int b = 0; b < BANDS.size(); b++) {
        for (int g = 0; g < GROUPS.length; g++) {
          dailyCost[b] += mix[b][g] * weekly[g] / 7.0;
        }
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

    /** Weibull days by inversion: scale x (-log u)^(1/shape) of time in care or time to re-entry. */
    double weibull(int which, int b, double u) {
      return Sampling.weibull(u, shape[which][b], scale[which][b]);
    }
  }

  /** Month-by-month money and the children's counters of one iteration. */
  private final class Ledger implements PaymentSink {
    /** Outcome payments due by payment month, before the caps: whole pence, as the payment engine gives them. */
    final long[] duePence = new long[ledgerMonths];
    final double[] gross = new double[ledgerMonths];
    final double[] delivery = new double[ledgerMonths];
    final int[] withEntries = new int[MAX_SPELLS];
    final int[] withExits = new int[MAX_SPELLS];
    final int[] withoutEntries = new int[MAX_SPELLS];
    final int[] withoutExits = new int[MAX_SPELLS];
    int diversion;
    int reunification;
    int milestones;
    long payableDays;
    long careDaysWithout;
    long careDaysWith;

    @Override
    public void paid(org.sibmodel.payments.PaymentKind kind, int earnedDay, int paymentMonth, long pence) {
      duePence[paymentMonth - firstMonth] += pence;
    }

    /** Adds a life's days in care within [day0, horizon), costed month by month (without: +, with: -). */
    void careDays(int[] entries, int[] exits, int n, int day0, int horizon, int band, Draw draw, boolean without) {
      for (int i = 0; i < n; i++) {
        int from = Math.max(entries[i], day0);
        int to = Math.min(exits[i], horizon);
        if (to <= from) {
          continue;
        }
        if (without) {
          careDaysWithout += to - from;
        } else {
          careDaysWith += to - from;
        }
        int m = CalendarDays.monthOf(from) - firstMonth;
        for (int day = from; day < to; m++) {
          int chunkEnd = Math.min(to, monthStart[m + 1]);
          double cost = (chunkEnd - day) * draw.dailyCost[band] * inflation[m];
          gross[m] += without ? cost : -cost;
          day = chunkEnd;
        }
      }
    }

    /**
     * The iteration's accounts. Contractual cash (outcome payments, what the caps remove, the
     * outcomes fund's top-up, the council's cost) is kept in whole pence from the payment engine
     * to the totals, each month's top-up rounded to the penny as an invoice would be; savings are
     * estimates and stay real numbers of pounds.
     */
    IterationResult result(long iteration, Draw draw) {
      Scenario.Funding f = scenario.funding();
      CapAllocator caps = CapAllocator.of(scenario.contract());
      double cashableShare = scenario.costs().cashableShare();
      int nYears = years.size();
      long[] yPay = new long[nYears];
      long[] yFund = new long[nYears];
      double[] yGross = new double[nYears];
      double[] yCash = new double[nYears];
      double[] yDelivery = new double[nYears];
      long fundLeft = f.outcomesFundCap() == null ? Long.MAX_VALUE : Money.pence(java.math.BigDecimal.valueOf(f.outcomesFundCap()));
      long paidTotal = 0;
      long fundTotal = 0;
      double grossTotal = 0;
      double deliveryTotal = 0;
      double[] cumPay = new double[ledgerMonths];
      double[] cumNet = new double[ledgerMonths];
      double[] investorCash = new double[ledgerMonths];
      double runningNet = 0;
      for (int m = 0; m < ledgerMonths; m++) {
        long paid = caps.pay(firstMonth + m, duePence[m]);
        long fund = Math.min(Math.round(paid * f.outcomesFundShare()), fundLeft);
        fundLeft -= fund;
        double cashable = gross[m] * cashableShare;
        int y = yearOfMonth[m];
        yPay[y] += paid;
        yFund[y] += fund;
        yGross[y] += gross[m];
        yCash[y] += cashable;
        yDelivery[y] += delivery[m];
        paidTotal += paid;
        fundTotal += fund;
        grossTotal += gross[m];
        deliveryTotal += delivery[m];
        investorCash[m] = pounds(paid) - delivery[m];
        runningNet += cashable - pounds(paid - fund);
        cumPay[m] = pounds(paidTotal);
        cumNet[m] = runningNet;
      }
      List<IterationResult.Year> yearRows = new ArrayList<>(nYears);
      double npv = 0;
      boolean overBudget = false;
      for (int y = 0; y < nYears; y++) {
        double council = pounds(yPay[y] - yFund[y]);
        double net = yCash[y] - council;
        npv += net / Math.pow(1 + DISCOUNT_RATE, y);
        if (f.budgetPerFinancialYear() != null && pounds(yPay[y]) > f.budgetPerFinancialYear() + 1e-6) {
          overBudget = true;
        }
        yearRows.add(new IterationResult.Year(years.get(y), pounds(yPay[y]), pounds(yFund[y]), council, yGross[y], yCash[y], net,
            yDelivery[y], pounds(yPay[y]) - yDelivery[y]));
      }
      double peak = 0;
      double cumulative = 0;
      for (double cash : investorCash) {
        cumulative += cash;
        peak = Math.max(peak, -cumulative);
      }
      double council = pounds(paidTotal - fundTotal);
      double cashable = grossTotal * cashableShare;
      return new IterationResult(iteration, draw.volume, draw.hazardRatio, draw.entryWithin12, diversion + reunification,
          diversion, reunification, milestones, payableDays, careDaysWithout, careDaysWith, pounds(paidTotal),
          pounds(caps.removed()), pounds(fundTotal), council, grossTotal, cashable, cashable - council, npv, deliveryTotal,
          pounds(paidTotal) - deliveryTotal, peak, Irr.annual(investorCash), caps.removed() > 0, overBudget, yearRows, cumPay, cumNet);
    }
  }

  private static double pounds(long pence) {
    return pence / 100.0;
  }

  /** Pounds of P for a sub-cohort (for closed-form checks). */
  public double price(SubCohort cohort) {
    return Money.pounds(engine.pricePence(cohort)).doubleValue();
  }
}
