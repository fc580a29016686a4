package org.sibmodel.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them, the one formatter of every report, workbook header and console
 * line: money with a pound sign and thousand separators, a true minus sign (U+2212) before the
 * pound sign as finance writes it (−£496,436), large columns in £k or £m with the scale stated
 * once in the header, shares as percentages, and never scientific notation.
 *
 * <p>Machine-readable outputs (Parquet, CSV, JSON) keep plain numbers; only what a person reads
 * goes through here.
 */
public final class Formats {
  /** The minus sign of typeset numbers, U+2212 (a hyphen is not a minus). */
  public static final String MINUS = "\u2212";
  /** What a table shows where there is no value. */
  public static final String NONE = "–";

  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.UK);

  private Formats() {}

  /** A column's scale: pounds, thousands or millions of pounds, chosen from its largest value. */
  public enum Scale {
    POUNDS("£", 1, 0),
    THOUSANDS("£k", 1e3, 0),
    MILLIONS("£m", 1e6, 2);

    private final String header;
    private final double divisor;
    private final int decimals;

    Scale(String header, double divisor, int decimals) {
      this.header = header;
      this.divisor = divisor;
      this.decimals = decimals;
    }

    /** The unit to state in the column's header: "£", "£k" or "£m". */
    public String header() {
      return header;
    }

    /**
     * The scale that keeps a column's figures short: £m from a million, £k from a hundred
     * thousand, pounds below. Nulls and non-finite values are ignored.
     */
    public static Scale fit(Iterable<? extends Number> values) {
      double max = 0;
      for (Number v : values) {
        if (v != null && Double.isFinite(v.doubleValue())) {
          max = Math.max(max, Math.abs(v.doubleValue()));
        }
      }
      return max >= 1e6 ? MILLIONS : max >= 1e5 ? THOUSANDS : POUNDS;
    }

    /** The figure in this scale without the pound sign (the header states it): 3.53 for £3,527,154 in £m. */
    public String figure(double pounds) {
      return signed(pounds, grouped(Math.abs(pounds) / divisor, decimals));
    }
  }

  /** Whole pounds: £1,234, −£1,234, £0. */
  public static String money(double pounds) {
    return signed(pounds, "£" + grouped(Math.abs(pounds), 0));
  }

  /** Money or the placeholder for a missing value. */
  public static String money(Double pounds) {
    return pounds == null || !Double.isFinite(pounds) ? NONE : money(pounds.doubleValue());
  }

  /** Pounds and pence: £99,454.21, −£0.50. */
  public static String pence(double pounds) {
    return signed(pounds, "£" + grouped(Math.abs(pounds), 2));
  }

  /**
   * Money in a few characters for a chart's axis or a headline: £0, £850, £12k, £1.5m, −£2m.
   * Two significant figures at most after the scale, trailing zeros dropped.
   */
  public static String moneyShort(double pounds) {
    double a = Math.abs(pounds);
    String body;
    if (a >= 1e6) {
      body = plain(a / 1e6, a >= 1e7 ? 1 : 2) + "m";
    } else if (a >= 1e4) {
      body = plain(a / 1e3, 0) + "k";
    } else if (a >= 1e3) {
      body = plain(a / 1e3, 1) + "k";
    } else {
      body = plain(a, 0);
    }
    return signed(pounds, "£" + body);
  }

  /** A share as a percentage with one decimal: 0.267 is 26.7%. */
  public static String percent(double share) {
    return percent(share, 1);
  }

  /** A share as a percentage with the given decimals. */
  public static String percent(double share, int decimals) {
    if (!Double.isFinite(share)) {
      return NONE;
    }
    return signed(share, grouped(Math.abs(100 * share), decimals) + "%");
  }

  /** A share as a percentage, or the placeholder for a missing value. */
  public static String percent(Double share) {
    return share == null ? NONE : percent(share.doubleValue());
  }

  /** A whole count with thousand separators: 8,095. */
  public static String count(long n) {
    return signed(n, grouped(Math.abs((double) n), 0));
  }

  /**
   * A number to four significant figures with thousand separators and never an exponent:
   * 10,000; 0.85; 0.0025; −1.5.
   */
  public static String number(double v) {
    return number(v, 4);
  }

  /** A number to the given significant figures, never an exponent. */
  public static String number(double v, int significant) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = BigDecimal.valueOf(Math.abs(v)).round(new MathContext(significant, RoundingMode.HALF_UP)).stripTrailingZeros();
    int decimals = Math.max(0, rounded.scale());
    return signed(v, grouped(rounded.doubleValue(), decimals));
  }

  /** A number or the placeholder for a missing value. */
  public static String number(Double v) {
    return v == null ? NONE : number(v.doubleValue());
  }

  /** A difference with its sign always shown: +6.25, −0.761 (three significant figures). */
  public static String difference(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    String n = number(v, 3);
    return v > 0 ? "+" + n : n;
  }

  /** A p value: three significant figures, and "< 0.001" below that (never 9.49e-05). */
  public static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return NONE;
    }
    return p < 0.001 ? "< 0.001" : number(p, 3);
  }

  /** The sign (a true minus) before what follows; minus zero and values that round to zero get none. */
  private static String signed(double v, String magnitude) {
    boolean zero = magnitude.replaceAll("[^1-9]", "").isEmpty();
    return v < 0 && !zero ? MINUS + magnitude : magnitude;
  }

  /** Thousand separators, exactly {@code decimals} decimals, rounded half-even. */
  private static String grouped(double v, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    String s = f.format(v);
    return s.startsWith("-") ? MINUS + s.substring(1) : s;
  }

  /** At most {@code decimals} decimals, trailing zeros dropped, thousand separators. */
  private static String plain(double v, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), SYMBOLS);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(v);
  }
}
