package io.tokenmetrics.amount;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A figure as a publisher states it: a point ("4.44万亿"), an approximate point ("约10千万亿",
 * "180万亿级别"), a range ("15-20万亿") or a bound ("突破30万亿", at least 30 trillion), in a
 * {@link Unit}.
 *
 * <p>Internally a quantity is a closed interval {@code [lower, upper]} of exact decimals, where a
 * missing end is unbounded, plus a flag that the publisher called it approximate. Arithmetic is
 * interval arithmetic: a range in gives a range out, a lower bound gives a bound, and
 * "approximate" is carried to every result it touches. Exact decimals are kept; only division
 * rounds, to 34 significant digits ({@link MathContext#DECIMAL128}).
 *
 * <p>{@link #toString()} writes a form that {@link #parse(CharSequence, Unit)} reads back to an
 * equal quantity. This class is immutable and thread-safe.
 */
public final class Quantity {
    /**
     * The unit a quantity is counted in. Any quantity may be negative (a change of -0.47T is a
     * quantity of tokens); a published figure of a token count may not, which {@code Series} checks.
     */
    public enum Unit {
        /** Tokens, with Chinese or English magnitude units. */
        TOKENS,
        /** A plain count (users, requests), with the same magnitude units. */
        COUNT,
        /** Percent: 15 means 15%. */
        PERCENT,
        /** A multiple (×). */
        MULTIPLE,
        /** US dollars. */
        USD,
        /** A plain number without unit (a ratio, a number of years). */
        NUMBER
    }

    /** The shape of a quantity. */
    public enum Shape {
        /** One value, exact or approximate. */
        POINT,
        /** Between two values. */
        RANGE,
        /** At least a value, with no upper end. */
        AT_LEAST,
        /** At most a value, with no lower end. */
        AT_MOST,
        /**
         * Any value: what interval arithmetic gives when both ends are unbounded, such as the
         * difference of two lower bounds ({@code >=30T - >=0}). Written "any".
         */
        UNBOUNDED
    }

    static final MathContext MC = MathContext.DECIMAL128;

    private final BigDecimal lower;
    private final BigDecimal upper;
    private final boolean approximate;
    private final Unit unit;

    private Quantity(BigDecimal lower, BigDecimal upper, boolean approximate, Unit unit) {
        this.lower = lower;
        this.upper = upper;
        this.approximate = approximate;
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    private static Quantity checked(BigDecimal lower, BigDecimal upper, boolean approximate, Unit unit) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("lower (" + lower.toPlainString() + ") must be <= upper (" + upper.toPlainString() + ")");
        }
        return new Quantity(lower, upper, approximate, unit);
    }

    /**
     * The exact value {@code value}.
     *
     * @param value the value
     * @param unit the unit
     * @return the exact value {@code value}
     */
    public static Quantity of(BigDecimal value, Unit unit) {
        Objects.requireNonNull(value, "value");
        return checked(value, value, false, unit);
    }

    /**
     * The exact value {@code value}.
     *
     * @param value the value
     * @param unit the unit
     * @return the exact value {@code value}
     */
    public static Quantity of(long value, Unit unit) {
        return of(BigDecimal.valueOf(value), unit);
    }

    /**
     * An exact token count.
     *
     * @param amount the amount
     * @return an exact token count
     */
    public static Quantity of(TokenAmount amount) {
        java.util.Objects.requireNonNull(amount, "amount");
        return of(amount.toBigDecimal(), Unit.TOKENS);
    }

    /**
     * About {@code value} ("约", "接近", "级别").
     *
     * @param value the value
     * @param unit the unit
     * @return about {@code value} ("约", "接近", "级别")
     */
    public static Quantity approximately(BigDecimal value, Unit unit) {
        Objects.requireNonNull(value, "value");
        return checked(value, value, true, unit);
    }

    /**
     * Between {@code lower} and {@code upper}, both included.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param unit the unit
     * @return between {@code lower} and {@code upper}, both included
     */
    public static Quantity range(BigDecimal lower, BigDecimal upper, Unit unit) {
        return checked(Objects.requireNonNull(lower, "lower"), Objects.requireNonNull(upper, "upper"), false, unit);
    }

    /**
     * At least {@code lower} ("突破", "逾", "more than"): the strictness of "more than" is not kept.
     *
     * @param lower the lower bound
     * @param unit the unit
     * @return at least {@code lower} ("突破", "逾", "more than"): the strictness of "more than" is not kept
     */
    public static Quantity atLeast(BigDecimal lower, Unit unit) {
        return checked(Objects.requireNonNull(lower, "lower"), null, false, unit);
    }

    /**
     * Any value (both ends unbounded), written "any".
     *
     * @param unit the unit
     * @return any value (both ends unbounded), written "any"
     */
    public static Quantity unbounded(Unit unit) {
        return new Quantity(null, null, false, Objects.requireNonNull(unit, "unit"));
    }

    /**
     * At most {@code upper} ("最高").
     *
     * @param upper the upper bound
     * @param unit the unit
     * @return at most {@code upper} ("最高")
     */
    public static Quantity atMost(BigDecimal upper, Unit unit) {
        return checked(null, Objects.requireNonNull(upper, "upper"), false, unit);
    }

    // ------------------------------------------------------------------ parsing

    private static final String[] APPROX_PREFIXES = {"≈", "~", "约", "大约", "接近", "about ", "approx. ", "approximately "};
    private static final String[] AT_LEAST_PREFIXES = {">=", "≥", ">", "突破", "超过", "超", "逾", "至少", "at least ", "more than ", "over "};
    private static final String[] AT_MOST_PREFIXES = {"<=", "≤", "<", "最高", "不超过", "至多", "at most ", "up to "};
    private static final String[] APPROX_SUFFIXES = {"级别", "左右"};
    private static final String[] AT_LEAST_SUFFIXES = {"以上", "起", "+"};
    private static final String[] RANGE_SEPARATORS = {"–", "—", "-", "～", "~", "至", "to "};

    /**
     * Parses a quantity in {@code unit}. Accepted, in either language: a point ("20.6万亿",
     * "-23.77%", "370×"); approximate ("~5T", "≈5T", "约5万亿", "接近5万亿", "180万亿级别"); a range
     * ("15-20万亿", "15万亿–20万亿", "2%~4%"), where a unit written only after the second value
     * applies to both; at least ({@code ">=30T"}, "突破30万亿", "30%起"; "逾5成" is not supported);
     * at most ({@code "<=200"}, "最高200").
     *
     * @param text the text
     * @param unit the unit
     * @return the quantity
     * @throws AmountParseException with the input and the index where parsing failed: unknown
     *     unit, missing number, a range written backwards, a negative amount of a unit that cannot
     *     be negative, trailing text
     */
    public static Quantity parse(CharSequence text, Unit unit) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        if (text == null) {
            throw new AmountParseException("text is null", "", 0);
        }
        if (text.length() > Magnitudes.MAX_INPUT_LENGTH) {
            throw new AmountParseException("longer than " + Magnitudes.MAX_INPUT_LENGTH + " characters", text, Magnitudes.MAX_INPUT_LENGTH);
        }
        String s = text.toString();
        int i = Magnitudes.skipSpaces(s, 0);
        if (i == s.length()) {
            throw new AmountParseException("empty", s, i);
        }
        if (s.trim().equalsIgnoreCase("any") || s.trim().equals("任意")) {
            return unbounded(unit);
        }
        Shape shape = Shape.POINT;
        boolean approx = false;
        String p;
        // an approximate bound is written with both marks ("~>=180T", "约突破180万亿"), in either order
        for (int k = 0; k < 2; k++) {
            if (!approx && (p = prefix(s, i, APPROX_PREFIXES)) != null) {
                approx = true;
                i = Magnitudes.skipSpaces(s, i + p.length());
            } else if (shape == Shape.POINT && (p = prefix(s, i, AT_LEAST_PREFIXES)) != null) {
                shape = Shape.AT_LEAST;
                i = Magnitudes.skipSpaces(s, i + p.length());
            } else if (shape == Shape.POINT && (p = prefix(s, i, AT_MOST_PREFIXES)) != null) {
                shape = Shape.AT_MOST;
                i = Magnitudes.skipSpaces(s, i + p.length());
            }
        }
        Value first = value(s, i, unit);
        i = first.end;
        Value second = null;
        int sepAt = Magnitudes.skipSpaces(s, i);
        String sep = prefix(s, sepAt, RANGE_SEPARATORS);
        if (sep != null && sepAt + sep.length() < s.length()) {
            int after = Magnitudes.skipSpaces(s, sepAt + sep.length());
            if (after < s.length() && (Magnitudes.digit(s.charAt(after)) >= 0 || s.charAt(after) == '-'
                    || s.charAt(after) == '+' || s.charAt(after) == '$')) {
                if (shape != Shape.POINT) {
                    throw new AmountParseException("a range cannot also be a bound", s, sepAt);
                }
                second = value(s, after, unit);
                i = second.end;
                shape = Shape.RANGE;
            }
        }
        int j = Magnitudes.skipSpaces(s, i);
        if ((p = suffix(s, j, APPROX_SUFFIXES)) != null) {
            approx = true;
            j = Magnitudes.skipSpaces(s, j + p.length());
        } else if ((p = suffix(s, j, AT_LEAST_SUFFIXES)) != null) {
            if (shape != Shape.POINT) {
                throw new AmountParseException("\"" + p + "\" needs a single value", s, j);
            }
            shape = Shape.AT_LEAST;
            j = Magnitudes.skipSpaces(s, j + p.length());
        }
        if (j != s.length()) {
            throw new AmountParseException(first.hadUnit || unit == Unit.NUMBER || (second != null && second.hadUnit)
                    ? "unexpected text \"" + AmountParseException.shorten(s.substring(j)) + "\""
                    : "unknown unit \"" + AmountParseException.shorten(s.substring(j)) + "\"", s, j);
        }
        BigDecimal a = first.value;
        if (second != null) {
            BigDecimal b = second.value;
            if (!first.hadUnit && second.hadUnit) {
                a = a.scaleByPowerOfTen(second.exponent);
            }
            if (a.compareTo(b) > 0) {
                throw new AmountParseException("range written backwards: " + Magnitudes.plain(a) + " > " + Magnitudes.plain(b), s, first.start);
            }
            return new Quantity(a, b, approx, unit);
        }
        switch (shape) {
            case AT_LEAST: return new Quantity(a, null, approx, unit);
            case AT_MOST: return new Quantity(null, a, approx, unit);
            default: return new Quantity(a, a, approx, unit);
        }
    }

    private static final class Value {
        final BigDecimal value;
        final int start;
        final int end;
        final boolean hadUnit;
        final int exponent;

        Value(BigDecimal value, int start, int end, boolean hadUnit, int exponent) {
            this.value = value;
            this.start = start;
            this.end = end;
            this.hadUnit = hadUnit;
            this.exponent = exponent;
        }
    }

    private static Value value(String s, int start, Unit unit) {
        int i = start;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '\u2212' || s.charAt(i) == '+')) {
            negative = s.charAt(i) != '+';
            i++;
        }
        if (unit == Unit.USD && i < s.length() && s.charAt(i) == '$') {
            i++;
        }
        boolean magnitudes = unit == Unit.TOKENS || unit == Unit.COUNT || unit == Unit.USD;
        Magnitudes.Scan scan = Magnitudes.scan(s, i, magnitudes);
        BigDecimal v = negative ? scan.value.negate() : scan.value;
        int end = scan.end;
        boolean hadUnit = scan.hadUnit;
        int exponent = scan.exponent;
        if (unit == Unit.TOKENS) {
            end = Magnitudes.skipTokenWord(s, end);
        } else if (unit == Unit.PERCENT || unit == Unit.MULTIPLE) {
            int k = Magnitudes.skipSpaces(s, end);
            String mark = unit == Unit.PERCENT ? prefix(s, k, new String[] {"%", "％"})
                    : prefix(s, k, new String[] {"×", "x", "X", "倍"});
            if (mark != null) {
                end = k + mark.length();
                hadUnit = true;
            }
        }
        return new Value(v, start, end, hadUnit, exponent);
    }

    private static String prefix(String s, int at, String[] options) {
        for (String o : options) {
            if (s.regionMatches(true, at, o, 0, o.length())) {
                return o;
            }
        }
        return null;
    }

    private static String suffix(String s, int at, String[] options) {
        return prefix(s, at, options);
    }

    // ------------------------------------------------------------------ accessors

    /**
     * The lower end, or empty if unbounded below.
     *
     * @return the lower end, or empty if unbounded below
     */
    public java.util.Optional<BigDecimal> lower() {
        return java.util.Optional.ofNullable(lower);
    }

    /**
     * The upper end, or empty if unbounded above.
     *
     * @return the upper end, or empty if unbounded above
     */
    public java.util.Optional<BigDecimal> upper() {
        return java.util.Optional.ofNullable(upper);
    }

    /**
     * The unit.
     *
     * @return the unit
     */
    public Unit unit() {
        return unit;
    }

    /**
     * Whether the publisher, or an input of the calculation, called the figure approximate.
     *
     * @return whether the publisher, or an input of the calculation, called the figure approximate
     */
    public boolean isApproximate() {
        return approximate;
    }

    /**
     * The shape: point, range or bound.
     *
     * @return the shape: point, range or bound
     */
    public Shape shape() {
        if (lower == null && upper == null) {
            return Shape.UNBOUNDED;
        }
        if (lower == null) {
            return Shape.AT_MOST;
        }
        if (upper == null) {
            return Shape.AT_LEAST;
        }
        return lower.compareTo(upper) == 0 ? Shape.POINT : Shape.RANGE;
    }

    /**
     * Whether this is a single value (exact or approximate).
     *
     * @return whether this is a single value (exact or approximate)
     */
    public boolean isPoint() {
        return shape() == Shape.POINT;
    }

    /**
     * The single value of a point.
     *
     * @return the single value of a point
     * @throws IndeterminateValueException for a range or bound, naming it
     */
    public BigDecimal value() {
        if (!isPoint()) {
            throw new IndeterminateValueException("quantity (" + this + ") is a " + shape().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", not a single value");
        }
        return lower;
    }

    /**
     * The middle of a range, the value of a point.
     *
     * @return the middle of a range, the value of a point
     * @throws IndeterminateValueException for a bound, which has no middle
     */
    public BigDecimal midpoint() {
        if (lower == null || upper == null) {
            throw new IndeterminateValueException("quantity (" + this + ") is unbounded and has no midpoint");
        }
        return lower.add(upper).divide(BigDecimal.valueOf(2), MC);
    }

    /**
     * This quantity in another unit, same numbers.
     *
     * @param newUnit the new unit
     * @return this quantity in another unit, same numbers
     */
    public Quantity withUnit(Unit newUnit) {
        return checked(lower, upper, approximate, newUnit);
    }

    /**
     * This quantity, marked approximate.
     *
     * @return this quantity, marked approximate
     */
    public Quantity approximate() {
        return approximate ? this : new Quantity(lower, upper, true, unit);
    }

    // ------------------------------------------------------------------ arithmetic

    /**
     * The interval sum; the unit of this.
     *
     * @param o the other quantity
     * @return the interval sum; the unit of this
     */
    public Quantity plus(Quantity o) {
        return checked(add(lower, o.lower), add(upper, o.upper), approximate || o.approximate, unit);
    }

    /**
     * The interval difference {@code [lower - o.upper, upper - o.lower]}, as a {@code resultUnit}.
     *
     * @param o the other quantity
     * @param resultUnit the unit of the result
     * @return the interval difference {@code [lower - o.upper, upper - o.lower]}, as a {@code resultUnit}
     */
    public Quantity minus(Quantity o, Unit resultUnit) {
        return checked(sub(lower, o.upper), sub(upper, o.lower), approximate || o.approximate, resultUnit);
    }

    /**
     * The interval product, as a {@code resultUnit}.
     *
     * @param o the other quantity
     * @param resultUnit the unit of the result
     * @return the interval product, as a {@code resultUnit}
     */
    public Quantity times(Quantity o, Unit resultUnit) {
        Ext[] p = {
            Ext.lo(lower).mul(Ext.lo(o.lower)), Ext.lo(lower).mul(Ext.hi(o.upper)),
            Ext.hi(upper).mul(Ext.lo(o.lower)), Ext.hi(upper).mul(Ext.hi(o.upper))
        };
        return fromExt(p, approximate || o.approximate, resultUnit);
    }

    /**
     * This quantity times an exact factor.
     *
     * @param factor the factor
     * @return this quantity times an exact factor
     */
    public Quantity times(BigDecimal factor) {
        return times(of(factor, Unit.NUMBER), unit);
    }

    /**
     * The interval quotient, as a {@code resultUnit}.
     *
     * @param o the other quantity
     * @param resultUnit the unit of the result
     * @return the interval quotient, as a {@code resultUnit}
     * @throws ArithmeticException if the divisor is zero or its interval contains zero
     */
    public Quantity dividedBy(Quantity o, Unit resultUnit) {
        boolean positive = o.lower != null && o.lower.signum() > 0;
        boolean negative = o.upper != null && o.upper.signum() < 0;
        if (!positive && !negative) {
            throw new ArithmeticException("divisor (" + o + ") is zero or includes zero");
        }
        // the quotient is monotonic in each argument on an interval that excludes zero, so its
        // extremes are among the quotients of the ends; dividing the ends directly keeps 6 / 1 exact
        Ext[] p = {
            Ext.lo(lower).div(Ext.lo(o.lower)), Ext.lo(lower).div(Ext.hi(o.upper)),
            Ext.hi(upper).div(Ext.lo(o.lower)), Ext.hi(upper).div(Ext.hi(o.upper))
        };
        return fromExt(p, approximate || o.approximate, resultUnit);
    }

    /**
     * This quantity divided by an exact, non-zero number.
     *
     * @param divisor the divisor
     * @return this quantity divided by an exact, non-zero number
     */
    public Quantity dividedBy(BigDecimal divisor) {
        return dividedBy(of(divisor, Unit.NUMBER), unit);
    }

    /**
     * Whether the whole interval is above {@code value}.
     *
     * @param value the value
     * @return whether the whole interval is above {@code value}
     */
    public boolean isAbove(BigDecimal value) {
        return lower != null && lower.compareTo(value) > 0;
    }

    /**
     * Whether the whole interval is below {@code value}.
     *
     * @param value the value
     * @return whether the whole interval is below {@code value}
     */
    public boolean isBelow(BigDecimal value) {
        return upper != null && upper.compareTo(value) < 0;
    }

    /**
     * Whether {@code value} lies within the interval.
     *
     * @param value the value
     * @return whether {@code value} lies within the interval
     */
    public boolean contains(BigDecimal value) {
        return (lower == null || lower.compareTo(value) <= 0) && (upper == null || upper.compareTo(value) >= 0);
    }

    /**
     * Whether the two intervals share at least one value.
     *
     * @param o the other quantity
     * @return whether the two intervals share at least one value
     */
    public boolean overlaps(Quantity o) {
        return (lower == null || o.upper == null || lower.compareTo(o.upper) <= 0)
                && (o.lower == null || upper == null || o.lower.compareTo(upper) <= 0);
    }

    /**
     * -1 if the whole of this interval is below the whole of {@code o}, +1 if above, 0 if they
     * overlap (which side is larger cannot be decided).
     *
     * @param o the other quantity
     * @return -1, 0 or 1
     */
    public int compareDecided(Quantity o) {
        if (upper != null && o.lower != null && upper.compareTo(o.lower) < 0) {
            return -1;
        }
        if (lower != null && o.upper != null && lower.compareTo(o.upper) > 0) {
            return 1;
        }
        return 0;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }

    private static BigDecimal sub(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    private static Quantity fromExt(Ext[] p, boolean approx, Unit unit) {
        Ext min = p[0];
        Ext max = p[0];
        for (Ext e : p) {
            if (e.compareTo(min) < 0) {
                min = e;
            }
            if (e.compareTo(max) > 0) {
                max = e;
            }
        }
        return checked(min.inf != 0 ? null : min.v, max.inf != 0 ? null : max.v, approx, unit);
    }

    /** An extended real: a finite decimal or plus/minus infinity, for the ends of intervals. */
    private static final class Ext implements Comparable<Ext> {
        final BigDecimal v;
        final int inf;

        Ext(BigDecimal v, int inf) {
            this.v = v;
            this.inf = inf;
        }

        static Ext lo(BigDecimal b) {
            return b == null ? new Ext(null, -1) : new Ext(b, 0);
        }

        static Ext hi(BigDecimal b) {
            return b == null ? new Ext(null, 1) : new Ext(b, 0);
        }

        int sign() {
            return inf != 0 ? inf : v.signum();
        }

        Ext mul(Ext o) {
            if (inf == 0 && o.inf == 0) {
                return new Ext(v.multiply(o.v), 0);
            }
            int s = sign() * o.sign();
            // 0 times an unbounded end: the bound of a non-negative quantity stays 0
            return s == 0 ? new Ext(BigDecimal.ZERO, 0) : new Ext(null, s);
        }

        Ext div(Ext o) {
            if (o.inf != 0) {
                // finite / infinite is 0; infinite / infinite does not occur for a bounded ratio
                return inf != 0 ? new Ext(null, sign() * o.sign()) : new Ext(BigDecimal.ZERO, 0);
            }
            if (inf != 0) {
                return new Ext(null, inf * o.v.signum());
            }
            return new Ext(v.divide(o.v, MC), 0);
        }

        @Override
        public int compareTo(Ext o) {
            if (inf != 0 || o.inf != 0) {
                return Integer.compare(inf, o.inf);
            }
            return v.compareTo(o.v);
        }
    }

    /**
     * The values that round to this quantity as written: each finite end widened by half a unit
     * in its last written digit, which the parsed decimal keeps ("1.38T" is 1.38 × 10^12 with two
     * decimals shown, so 1.375T to 1.385T; "+19%" is 18.5% to 19.5%; "180万亿" is 179.5万亿 to
     * 180.5万亿). A point becomes a range; an unbounded end stays unbounded; the approximate mark
     * is kept. An end written with trailing zeros ("1,380B") is taken as rounded to its last
     * zero, never to a coarser digit: a value cannot say more than it shows.
     *
     * @return the interval of values that round to this one as written
     */
    public Quantity roundedInterval() {
        BigDecimal lo = lower == null ? null : lower.subtract(halfLastDigit(lower));
        BigDecimal hi = upper == null ? null : upper.add(halfLastDigit(upper));
        return checked(lo, hi, approximate, unit);
    }

    /** Half a unit in the last digit {@code v} shows: 5 × 10^-(scale + 1). */
    private static BigDecimal halfLastDigit(BigDecimal v) {
        return BigDecimal.valueOf(5, v.scale() + 1);
    }

    // ------------------------------------------------------------------ formatting

    /**
     * Exact formatting in {@code language}; {@link #parse} reads it back.
     *
     * @param language the language to write in
     * @return exact formatting in {@code language}; {@link #parse} reads it back
     */
    public String format(Language language) {
        Objects.requireNonNull(language, "language");
        return render(language, -1);
    }

    /**
     * For display: each end rounded half-up to {@code decimals} places in its natural unit,
     * trailing zeros dropped ("5.82T", "31.5×", "-23.77%").
     *
     * @param language the language to write in
     * @param decimals the number of decimals (0 or more)
     * @return the rounded text
     */
    public String formatRounded(Language language, int decimals) {
        Objects.requireNonNull(language, "language");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals (" + decimals + ") must be >= 0");
        }
        return render(language, decimals);
    }

    /**
     * Like {@link #formatRounded}, with a "+" before a quantity that is wholly positive ("+61T",
     * "~+3050%"); negative values carry their "-" already, bounds and zero none.
     *
     * @param language the language to write in
     * @param decimals the number of decimals (0 or more)
     * @return the rounded text, signed
     */
    public String formatSigned(Language language, int decimals) {
        Objects.requireNonNull(language, "language");
        String s = formatRounded(language, decimals);
        if (lower == null || lower.signum() <= 0 || shape() == Shape.AT_LEAST) {
            return s;
        }
        String mark = approximate ? (language == Language.ZH ? "约" : "~") : "";
        return mark + "+" + s.substring(mark.length());
    }

    private String render(Language language, int decimals) {
        boolean zh = language == Language.ZH;
        String approxMark = approximate ? (zh ? "约" : "~") : "";
        if (decimals >= 0) {
            // for people, bounds in words: "at least 30T", "至多6倍"; a range that starts at its unit's floor (a multiple
            // of 0, a change of -100%: a value falling to nothing) says only its top: "at most 6×", not "0× to 6×"
            boolean floor = shape() == Shape.RANGE && (unit == Unit.MULTIPLE && lower.signum() == 0
                    || unit == Unit.PERCENT && lower.compareTo(BigDecimal.valueOf(-100)) == 0);
            if (shape() == Shape.AT_MOST || floor) {
                return (zh ? "至多" : "at most ") + approxMark + number(upper, language, decimals);
            }
            if (shape() == Shape.AT_LEAST) {
                return (zh ? "至少" : "at least ") + approxMark + number(lower, language, decimals);
            }
        }
        switch (shape()) {
            case POINT:
                return approxMark + number(lower, language, decimals);
            case RANGE:
                if (decimals < 0 && (unit == Unit.TOKENS || unit == Unit.COUNT || unit == Unit.USD)) {
                    // exact form: the lower end in the upper end's unit, so "2 to 1K" cannot be read as 2K to 1K
                    String prefix = unit == Unit.USD ? "$" : "";
                    return approxMark + prefix + Magnitudes.formatLike(lower, upper, language) + (zh ? "至" : " to ") + number(upper, language, decimals);
                }
                return approxMark + number(lower, language, decimals) + (zh ? "至" : " to ") + number(upper, language, decimals);
            case AT_LEAST:
                return approxMark + ">=" + number(lower, language, decimals);
            case AT_MOST:
                return approxMark + "<=" + number(upper, language, decimals);
            default:
                return zh ? "任意" : "any";
        }
    }

    private String number(BigDecimal v, Language language, int decimals) {
        switch (unit) {
            case TOKENS:
            case COUNT:
                return decimals < 0 ? Magnitudes.format(v, language) : formatNumber(v, language, decimals);
            case USD:
                return "$" + (decimals < 0 ? Magnitudes.format(v, language) : formatNumber(v, language, decimals));
            case PERCENT:
                return round(v, decimals) + "%";
            case MULTIPLE:
                // Chinese writes a multiple as 倍 after the number ("31.5倍"), English as × ("31.5×")
                return round(v, decimals) + (language == Language.ZH ? "倍" : "×");
            default:
                return round(v, decimals);
        }
    }

    private static String round(BigDecimal v, int decimals) {
        return Magnitudes.plain(decimals < 0 ? v : v.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** The natural unit of {@code language}, rounded half-up to {@code decimals} places. */
    static String formatNumber(BigDecimal v, Language language, int decimals) {
        String exact = Magnitudes.format(v, language);
        int k = exact.length();
        while (k > 0 && !Character.isDigit(exact.charAt(k - 1))) {
            k--;
        }
        String unitText = exact.substring(k);
        BigDecimal scaled = new BigDecimal(exact.substring(0, k));
        return Magnitudes.plain(scaled.setScale(decimals, RoundingMode.HALF_UP)) + unitText;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Quantity)) {
            return false;
        }
        Quantity q = (Quantity) o;
        return approximate == q.approximate && unit == q.unit && same(lower, q.lower) && same(upper, q.upper);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(approximate, unit, norm(lower), norm(upper));
    }

    private static BigDecimal norm(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros();
    }

    /**
     * The exact form in English units ("15T to 20T", ">=30T", "~5T", "-23.77%"), which
     * {@link #parse(CharSequence, Unit)} with {@link #unit()} reads back.
     */
    @Override
    public String toString() {
        return format(Language.EN);
    }
}
