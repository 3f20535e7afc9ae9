package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The calculations of token-metrics over {@link Series} and {@link Quantity quantities}: growth,
 * period-over-period changes and streaks, implied values, comparisons of two series, shares,
 * projections, cadence conversion and claim checks.
 *
 * <p>Arithmetic is exact decimal interval arithmetic (division to 34 significant digits); only
 * fractional powers and logarithms (annual rates, projections, doubling times) use double
 * precision. Ranges and bounds are carried through; see {@code docs/calculations.md} for every
 * formula and edge case.
 *
 * <p>A calculator has no mutable state: it is immutable and thread-safe, and one instance may be
 * shared by any number of threads.
 */
public final class Calculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal DEFAULT_TOLERANCE = BigDecimal.TEN;
    private static final Calculator STANDARD = new Calculator(DEFAULT_TOLERANCE);

    private final BigDecimal approximateTolerancePercent;

    private Calculator(BigDecimal approximateTolerancePercent) {
        this.approximateTolerancePercent = approximateTolerancePercent;
    }

    /**
     * The calculator with the default claim tolerance: 10% relative for approximate figures.
     *
     * @return the calculator with the default claim tolerance: 10% relative for approximate figures
     */
    public static Calculator create() {
        return STANDARD;
    }

    /**
     * A calculator whose claim checks accept a relative deviation of up to {@code percent} when
     * the claim or any figure it rests on is approximate.
     *
     * @param percent the percentage
     * @return a calculator whose claim checks accept a relative deviation of up to {@code percent} when the claim or any figure
     *     it rests on is approximate
     * @throws IllegalArgumentException if {@code percent} is negative or 100 or more
     */
    public static Calculator withApproximateTolerance(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("percent (" + percent.toPlainString() + ") must be >= 0 and < 100");
        }
        return new Calculator(percent);
    }

    /**
     * The relative tolerance, in percent, for claims that involve approximate figures.
     *
     * @return the relative tolerance, in percent, for claims that involve approximate figures
     */
    public BigDecimal approximateTolerancePercent() {
        return approximateTolerancePercent;
    }

    // ------------------------------------------------------------------ growth

    /**
     * Growth of {@code series} from the observation at {@code from} to the one at {@code to}.
     *
     * @param series the series
     * @param from the earlier period
     * @param to the later period
     * @return growth of {@code series} from the observation at {@code from} to the one at {@code to}
     * @throws IllegalArgumentException if either period has no observation or no value, or
     *     {@code from} is not before {@code to}
     */
    public Growth growth(Series series, TimePeriod from, TimePeriod to) {
        return growth(series, from, series, to);
    }

    /**
     * Growth from the first to the last observation with a value.
     *
     * @param series the series
     * @return growth from the first to the last observation with a value
     */
    public Growth growth(Series series) {
        List<Observation> v = valued(series);
        if (v.size() < 2) {
            throw new IllegalArgumentException("series " + series.id() + " has " + v.size()
                    + " observation" + (v.size() == 1 ? "" : "s") + " with a value; growth needs two");
        }
        return growth(series, v.get(0).period(), series, v.get(v.size() - 1).period());
    }

    /**
     * Growth from one series' observation to another's, which must be of the same measure.
     *
     * @param fromSeries the series of the earlier value
     * @param from the earlier period
     * @param toSeries the series of the later value
     * @param to the later period
     * @return growth from one series' observation to another's, which must be of the same measure
     * @throws IllegalArgumentException for different measures (convert cadences first with
     *     {@link #convert}), a missing observation or value, or periods out of order
     */
    public Growth growth(Series fromSeries, TimePeriod from, Series toSeries, TimePeriod to) {
        requireSameMeasure(fromSeries, toSeries);
        Observation a = valuedAt(fromSeries, from);
        Observation b = valuedAt(toSeries, to);
        if (from.compareTo(to) >= 0) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        return growth(fromSeries.id(), a, toSeries.id(), b);
    }

    private Growth growth(String fromId, Observation a, String toId, Observation b) {
        Quantity x = a.requireValue();
        Quantity y = b.requireValue();
        double years = TimePeriod.yearsBetween(a.period(), b.period());
        Quantity abs = y.minus(x, x.unit());
        Optional<Quantity> multiple = ratio(y, x);
        if (!multiple.isPresent()) {
            return new Growth(fromId, a, toId, b, abs, null, null, years, null,
                    "baseline " + x + " is zero or may be zero: percent change and multiple are undefined");
        }
        Quantity pct = multipleToPercent(multiple.get());
        Quantity rate = null;
        String reason = null;
        if (years > 0) {
            try {
                rate = annualRateForMultiple(multiple.get(), years);
            } catch (ArithmeticException e) {
                // a large multiple over a short time: compounding to a year exceeds a double
                reason = "the annual rate of " + multiple.get() + " over " + years(years) + " is too large to represent";
            }
        }
        return new Growth(fromId, a, toId, b, abs, pct, multiple.get(), years, rate, reason);
    }

    // ------------------------------------------------------------------ changes and streaks

    /**
     * Changes between each pair of successive observations with values (entries without a value,
     * such as "off the ranking", are skipped, and the change across them is marked not
     * consecutive). Empty for fewer than two values.
     *
     * @param series the series
     * @return the changes, oldest first
     */
    public List<Change> changes(Series series) {
        List<Observation> v = valued(series);
        List<Change> out = new ArrayList<>();
        for (int i = 1; i < v.size(); i++) {
            Observation a = v.get(i - 1);
            Observation b = v.get(i);
            Quantity x = a.requireValue();
            Quantity y = b.requireValue();
            Quantity pct = ratio(y, x).map(Calculator::multipleToPercent).orElse(null);
            out.add(new Change(a.period(), b.period(), x, y, y.minus(x, x.unit()), pct, adjacent(a.period(), b.period()),
                    direction(x, y)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The runs of consecutive rises, falls or flat changes, in order. A gap between periods or an
     * undecided direction (overlapping ranges) ends a run; undecided changes form no run.
     *
     * @param series the series
     * @return the runs of consecutive rises, falls or flat changes, in order
     */
    public List<Streak> streaks(Series series) {
        List<Streak> out = new ArrayList<>();
        Direction dir = null;
        int len = 0;
        TimePeriod start = null;
        TimePeriod end = null;
        for (Change c : changes(series)) {
            boolean continues = dir != null && c.direction() == dir && c.isConsecutive() && c.from().equals(end);
            if (!continues) {
                if (dir != null) {
                    out.add(new Streak(dir, len, start, end));
                }
                dir = null;
                len = 0;
                if (c.direction() == Direction.UNDECIDED) {
                    continue;
                }
                if (!c.isConsecutive()) {
                    // a change over a gap is not week-on-week; it cannot extend or start a streak
                    continue;
                }
                dir = c.direction();
                start = c.from();
            }
            len++;
            end = c.to();
        }
        if (dir != null) {
            out.add(new Streak(dir, len, start, end));
        }
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------ implied values

    /**
     * The previous value implied by a current value and a stated change:
     * {@code current / (1 + change/100)}. 4.44T after -23.77% implies 5.8245T.
     *
     * @param current the current value
     * @param changePercent the change, in percent
     * @return the previous value implied by a current value and a stated change: {@code current / (1 + change/100)}
     * @throws IllegalArgumentException if the change may be -100% or less (no previous value gives it)
     */
    public Quantity impliedPrevious(Quantity current, Quantity changePercent) {
        return current.dividedBy(changeFactor(changePercent), current.unit());
    }

    /**
     * The value after applying a change to a previous value: {@code previous × (1 + change/100)}.
     *
     * @param previous the previous value
     * @param changePercent the change, in percent
     * @return the value after applying a change to a previous value: {@code previous × (1 + change/100)}
     */
    public Quantity applyChange(Quantity previous, Quantity changePercent) {
        return previous.times(changeFactor(changePercent), previous.unit());
    }

    /**
     * The change from {@code previous} to {@code current} in percent: {@code (current/previous - 1) × 100}.
     *
     * @param previous the previous value
     * @param current the current value
     * @return the change from {@code previous} to {@code current} in percent: {@code (current/previous - 1) × 100}
     * @throws IllegalArgumentException if {@code previous} is zero or may be zero
     */
    public Quantity impliedChange(Quantity previous, Quantity current) {
        Optional<Quantity> m = ratio(current, previous);
        if (!m.isPresent()) {
            throw new IllegalArgumentException("previous (" + previous + ") is zero or may be zero: the change in percent is undefined");
        }
        return multipleToPercent(m.get());
    }

    private static Quantity changeFactor(Quantity changePercent) {
        requireUnit(changePercent, Unit.PERCENT, "change");
        Quantity factor = changePercent.withUnit(Unit.NUMBER).dividedBy(HUNDRED).plus(Quantity.of(BigDecimal.ONE, Unit.NUMBER));
        if (!factor.isAbove(BigDecimal.ZERO)) {
            throw new IllegalArgumentException("change (" + changePercent + ") must be greater than -100%");
        }
        return factor;
    }

    // ------------------------------------------------------------------ comparison and shares

    /**
     * Compares two series of the same measure at {@code at}, optionally as parts of {@code total}
     * (null for none). Previous-period values are the observations at {@code at.previous()} or,
     * where there is none, implied from the change each source states at {@code at}.
     *
     * @param first the first series
     * @param second the second series
     * @param at the period
     * @param total the series of the total
     * @return the comparison
     * @throws IllegalArgumentException for different measures, or a missing observation or value at {@code at}
     */
    public Comparison compare(Series first, Series second, TimePeriod at, Series total) {
        requireSameMeasure(first, second);
        Quantity t = null;
        if (total != null) {
            requireSameMeasure(first, total);
            t = valuedAt(total, at).requireValue();
        }
        Observation a = valuedAt(first, at);
        Observation b = valuedAt(second, at);
        Previous pa = previous(first, a);
        Previous pb = previous(second, b);
        return new Comparison(first, second, at, a.requireValue(), b.requireValue(), t, pa.value, pa.basis, pb.value, pb.basis, this);
    }

    private static final class Previous {
        final Quantity value;
        final Comparison.Basis basis;

        Previous(Quantity value, Comparison.Basis basis) {
            this.value = value;
            this.basis = basis;
        }
    }

    private Previous previous(Series s, Observation current) {
        if (!current.period().isApproximate()) {
            Optional<Observation> p = s.at(current.period().previous());
            if (p.isPresent() && p.get().value().isPresent()) {
                return new Previous(p.get().value().get(), Comparison.Basis.OBSERVED);
            }
        }
        if (current.statedChange().isPresent()) {
            return new Previous(impliedPrevious(current.requireValue(), current.statedChange().get()),
                    Comparison.Basis.IMPLIED_FROM_STATED_CHANGE);
        }
        return new Previous(null, Comparison.Basis.UNKNOWN);
    }

    /**
     * The sum of {@code parts} as a share of {@code whole}.
     *
     * @param parts the parts
     * @param whole the whole
     * @return the sum of {@code parts} as a share of {@code whole}
     * @throws IllegalArgumentException if there are no parts, units differ, or the whole may be zero
     */
    public Share share(List<Quantity> parts, Quantity whole) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts must not be empty");
        }
        Quantity sum = null;
        for (Quantity p : parts) {
            if (p.unit() != whole.unit()) {
                throw new IllegalArgumentException("part (" + p + ") is in " + p.unit() + ", the whole (" + whole + ") in " + whole.unit());
            }
            sum = sum == null ? p : sum.plus(p);
        }
        Quantity pct = percentOf(sum, whole).orElseThrow(() ->
                new IllegalArgumentException("whole (" + whole + ") is zero or may be zero: a share is undefined"));
        return new Share(new ArrayList<>(parts), sum, whole, pct);
    }

    /**
     * The share at {@code at} of the summed {@code parts} series in the {@code whole} series.
     *
     * @param whole the whole
     * @param at the period
     * @param parts the parts
     * @return the share at {@code at} of the summed {@code parts} series in the {@code whole} series
     */
    public Share share(Series whole, TimePeriod at, List<Series> parts) {
        List<Quantity> values = new ArrayList<>();
        for (Series p : parts) {
            requireSameMeasure(p, whole);
            values.add(valuedAt(p, at).requireValue());
        }
        return share(values, valuedAt(whole, at).requireValue());
    }

    // ------------------------------------------------------------------ projection

    /**
     * The value after {@code years} at {@code annualRatePercent}: {@code value × (1 + r/100)^years}.
     *
     * @param value the value
     * @param annualRatePercent the yearly rate, in percent
     * @param years the number of years
     * @return the value after {@code years} at {@code annualRatePercent}: {@code value × (1 + r/100)^years}
     * @throws IllegalArgumentException if the rate may be -100% or less
     */
    public Quantity project(Quantity value, Quantity annualRatePercent, double years) {
        Quantity m = multipleForAnnualRate(annualRatePercent, years);
        return value.times(m, value.unit());
    }

    /**
     * The value at period {@code to} projected from {@code value} at {@code from}.
     *
     * @param value the value
     * @param from the earlier period
     * @param to the later period
     * @param annualRatePercent the yearly rate, in percent
     * @return the value at period {@code to} projected from {@code value} at {@code from}
     */
    public Quantity project(Quantity value, TimePeriod from, TimePeriod to, Quantity annualRatePercent) {
        return project(value, annualRatePercent, TimePeriod.yearsBetween(from, to));
    }

    /**
     * The years {@code from} needs to reach {@code target} at {@code annualRatePercent}:
     * {@code ln(target/from) / ln(1 + r/100)}, as {@link Unit#NUMBER}.
     *
     * @param from the earlier period
     * @param target the target
     * @param annualRatePercent the yearly rate, in percent
     * @return the years {@code from} needs to reach {@code target} at {@code annualRatePercent}: {@code ln(target/from) / ln(1
     *     + r/100)}, as {@link Unit#NUMBER}
     * @throws IllegalArgumentException if the rate may be 0% or less, or either value may be zero
     */
    public Quantity yearsToReach(Quantity from, Quantity target, Quantity annualRatePercent) {
        Quantity rate = requirePositiveRate(annualRatePercent);
        Quantity ratio = ratio(target, from).orElseThrow(() ->
                new IllegalArgumentException("from (" + from + ") is zero or may be zero"));
        if (!ratio.isAbove(BigDecimal.ZERO)) {
            throw new IllegalArgumentException("target (" + target + ") must be greater than zero");
        }
        // ln(ratio) is increasing in the ratio and 1/ln(1+r) decreasing in r
        Quantity lnRatio = map(ratio, Math::log, Unit.NUMBER);
        Quantity invLnRate = map(rate, r -> 1.0 / Math.log1p(r / 100.0), Unit.NUMBER, true);
        return lnRatio.times(invLnRate, Unit.NUMBER);
    }

    /**
     * The years to double at {@code annualRatePercent}: {@code ln 2 / ln(1 + r/100)}.
     *
     * @param annualRatePercent the yearly rate, in percent
     * @return the years to double at {@code annualRatePercent}: {@code ln 2 / ln(1 + r/100)}
     */
    public Quantity doublingTime(Quantity annualRatePercent) {
        Quantity rate = requirePositiveRate(annualRatePercent);
        return map(rate, r -> Math.log(2) / Math.log1p(r / 100.0), Unit.NUMBER, true);
    }

    /**
     * The compound annual rate, in percent, of a {@code multiple} over {@code years}:
     * {@code (multiple^(1/years) - 1) × 100}. 390× over 5 years is 229.70% a year.
     *
     * @param multiple the multiple
     * @param years the number of years
     * @return the compound annual rate, in percent, of a {@code multiple} over {@code years}: {@code (multiple^(1/years) - 1) ×
     *     100}
     * @throws IllegalArgumentException if {@code years} is not positive and finite
     */
    public Quantity annualRateForMultiple(Quantity multiple, double years) {
        if (!(years > 0) || Double.isInfinite(years)) {
            throw new IllegalArgumentException("years (" + years + ") must be > 0");
        }
        return map(multiple.withUnit(Unit.MULTIPLE), m -> (Math.pow(m, 1.0 / years) - 1.0) * 100.0, Unit.PERCENT);
    }

    /**
     * The multiple that {@code annualRatePercent} compounds to over {@code years}: {@code (1 + r/100)^years}.
     *
     * @param annualRatePercent the yearly rate, in percent
     * @param years the number of years
     * @return the multiple that {@code annualRatePercent} compounds to over {@code years}: {@code (1 + r/100)^years}
     */
    public Quantity multipleForAnnualRate(Quantity annualRatePercent, double years) {
        if (Double.isNaN(years) || Double.isInfinite(years)) {
            throw new IllegalArgumentException("years (" + years + ") must be finite");
        }
        Quantity factor = changeFactor(annualRatePercent);
        if (years == Math.rint(years) && Math.abs(years) <= 1000) {
            // whole years: exact decimal power, no double rounding
            Quantity m = Quantity.of(BigDecimal.ONE, Unit.NUMBER);
            Quantity f = years >= 0 ? factor : Quantity.of(BigDecimal.ONE, Unit.NUMBER).dividedBy(factor, Unit.NUMBER);
            for (int i = 0; i < Math.abs((int) years); i++) {
                m = m.times(f, Unit.NUMBER);
            }
            return m.withUnit(Unit.MULTIPLE);
        }
        return map(factor, f -> Math.pow(f, years), Unit.MULTIPLE, years < 0);
    }

    // ------------------------------------------------------------------ cadence and scaling

    /**
     * Converts a token flow between cadences at {@code period}: {@code value / days(from) × days(to)},
     * where a day is 1, a week 7, a month or year its length (the period must then be that month or
     * year). 20.6T per week is 2.942857…T per day.
     *
     * @param value the value
     * @param from the earlier period
     * @param period the period
     * @param to the later period
     * @return the flow in the target cadence
     * @throws IllegalArgumentException if either measure is not a token flow, or a monthly or yearly
     *     total is not at a month or year period (an approximate point has no length)
     */
    public Quantity convert(Quantity value, Measure from, TimePeriod period, Measure to) {
        if (!from.isTokenFlow() || !to.isTokenFlow()) {
            throw new IllegalArgumentException("cannot convert " + from + " to " + to + ": only token flows (tokens/day, /week, /month, /year) have a cadence");
        }
        int daysFrom = from.cadence().days(period);
        int daysTo = to.cadence().days(period);
        return value.dividedBy(BigDecimal.valueOf(daysFrom)).times(BigDecimal.valueOf(daysTo));
    }

    /**
     * The whole implied by a part and its share: {@code part / (share/100)}. OpenRouter's 20.6T a
     * week at 2%–4% of the world implies 515T–1030T a week.
     *
     * @param part the part
     * @param sharePercent the share, in percent
     * @return the whole implied by a part and its share: {@code part / (share/100)}
     * @throws IllegalArgumentException if the share may be zero or is not in percent
     */
    public Quantity scaleByShare(Quantity part, Quantity sharePercent) {
        requireUnit(sharePercent, Unit.PERCENT, "share");
        if (!sharePercent.isAbove(BigDecimal.ZERO)) {
            throw new IllegalArgumentException("share (" + sharePercent + ") must be greater than 0%");
        }
        return part.dividedBy(sharePercent.withUnit(Unit.NUMBER).dividedBy(HUNDRED), part.unit());
    }

    // ------------------------------------------------------------------ claims

    /**
     * Checks every claim of {@code data} against its figures, in order.
     *
     * @param data the data
     * @return one check a claim, in the order of the dataset
     */
    public List<ClaimCheck> checkAll(Dataset data) {
        List<ClaimCheck> out = new ArrayList<>();
        for (Claim c : data.claims()) {
            out.add(check(c, data));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Recomputes {@code claim} from the figures of {@code data}. A claim whose figures are missing
     * is {@link Verdict#UNDECIDABLE}, with what is missing in the explanation.
     *
     * @param claim the claim
     * @param data the data
     * @return the claim checked again
     * @throws io.tokenmetrics.data.UnknownSeriesException if the claim names a series {@code data} does not have
     */
    public ClaimCheck check(Claim claim, Dataset data) {
        Objects.requireNonNull(claim, "claim");
        switch (claim.kind()) {
            case MULTIPLE: return checkFromTo(claim, data, this::checkMultiple);
            case ANNUAL_GROWTH: return checkFromTo(claim, data, this::checkAnnualGrowth);
            case STREAK: return ClaimChecks.streak(this, claim, data);
            case SHARE_ABOVE: return checkShare(claim, data);
            case FIRST_AHEAD: return ClaimChecks.firstAhead(this, claim, data);
            default:
                return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: " + claim.reason().orElse(""));
        }
    }

    /** A judge of a from/to claim, given the growth between its two figures and the stated value. */
    private interface FromToJudge {
        ClaimCheck judge(Claim claim, Growth growth, Quantity stated);
    }

    /** The growth a from/to claim rests on, judged; undecidable when a figure is missing. */
    private ClaimCheck checkFromTo(Claim claim, Dataset data, FromToJudge judge) {
        Claim.Ref fr = claim.from().get();
        Claim.Ref tr = claim.to().get();
        Optional<String> missing = missing(data, fr, tr);
        Quantity stated = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: " + missing.get());
        }
        return judge.judge(claim, growth(data.series(fr.series()), fr.period(), data.series(tr.series()), tr.period()), stated);
    }

    private ClaimCheck checkMultiple(Claim claim, Growth g, Quantity stated) {
        if (!g.multiple().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: " + g.undefinedReason().get());
        }
        Quantity m = g.multiple().get();
        Verdict v = agree(stated, m);
        String text = g.to().requireValue().formatRounded(Language.EN, 2) + " / " + g.from().requireValue().formatRounded(Language.EN, 2)
                + " = " + m.formatRounded(Language.EN, 2) + "; stated " + stated.formatRounded(Language.EN, 2)
                + deviation(stated, m) + tolerance(stated, m) + ".";
        return new ClaimCheck(claim, v, stated, m, text);
    }

    private ClaimCheck checkAnnualGrowth(Claim claim, Growth g, Quantity stated) {
        if (!g.annualRate().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: "
                    + g.undefinedReason().orElse("no time elapses between " + g.from().period() + " and " + g.to().period()));
        }
        Quantity rate = g.annualRate().get();
        Verdict v = agree(stated, rate);
        StringBuilder text = new StringBuilder();
        text.append(g.multiple().get().formatRounded(Language.EN, 2)).append(" over ").append(years(g.elapsedYears()))
                .append(" is ").append(rate.formatRounded(Language.EN, 2)).append(" a year; stated ")
                .append(stated.formatRounded(Language.EN, 2)).append(deviation(stated, rate)).append(tolerance(stated, rate))
                .append(". A rate of ").append(stated.formatRounded(Language.EN, 2)).append(" would compound to ")
                .append(multipleForAnnualRate(stated, g.elapsedYears()).formatRounded(Language.EN, 2)).append(".");
        if (v == Verdict.INCONSISTENT && stated.isPoint() && stated.value().signum() > 0) {
            // a frequent slip: the yearly multiple (3.3×) written as a growth rate (330%)
            Quantity asFactor = Quantity.of(stated.value().subtract(HUNDRED), Unit.PERCENT);
            if (asFactor.isAbove(HUNDRED.negate())) {
                Quantity m = multipleForAnnualRate(asFactor, g.elapsedYears());
                if (agree(g.multiple().get(), m) == Verdict.CONSISTENT) {
                    text.append(" Read as a yearly multiple of ").append(stated.value().divide(HUNDRED, MC).stripTrailingZeros().toPlainString())
                            .append("× instead, it compounds to ").append(m.formatRounded(Language.EN, 2))
                            .append(", which matches the figures.");
                }
            }
        }
        return new ClaimCheck(claim, v, stated, rate, text.toString());
    }

    private ClaimCheck checkShare(Claim claim, Dataset data) {
        List<Claim.Ref> refs = new ArrayList<>(claim.parts());
        refs.add(claim.whole().get());
        Optional<String> missing = missing(data, refs.toArray(new Claim.Ref[0]));
        Quantity threshold = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, threshold, null, "cannot be decided: " + missing.get());
        }
        List<Quantity> parts = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (Claim.Ref r : claim.parts()) {
            Quantity q = valuedAt(data.series(r.series()), r.period()).requireValue();
            parts.add(q);
            names.append(names.length() == 0 ? "" : " + ").append(q.formatRounded(Language.EN, 2));
        }
        Claim.Ref w = claim.whole().get();
        Share s = share(parts, valuedAt(data.series(w.series()), w.period()).requireValue());
        Verdict v;
        if (s.percent().isAbove(threshold.upper().orElse(threshold.lower().get()))) {
            v = Verdict.CONSISTENT;
        } else if (s.percent().upper().isPresent() && s.percent().upper().get().compareTo(threshold.lower().orElse(threshold.upper().get())) <= 0) {
            v = Verdict.INCONSISTENT;
        } else {
            v = Verdict.UNDECIDABLE;
        }
        String text = "(" + names + ") / " + s.whole().formatRounded(Language.EN, 2) + " = " + s.sum().formatRounded(Language.EN, 2)
                + " / " + s.whole().formatRounded(Language.EN, 2) + " = " + s.percent().formatRounded(Language.EN, 2)
                + (v == Verdict.CONSISTENT ? ", more than " : v == Verdict.INCONSISTENT ? ", not more than " : ", which may or may not exceed ")
                + threshold.formatRounded(Language.EN, 2) + ".";
        return new ClaimCheck(claim, v, threshold, s.percent(), text);
    }

    /**
     * Whether a stated value agrees with a computed one. Where either is approximate, the stated
     * value widened by the relative tolerance must overlap the computed interval; otherwise the
     * stated value widened by half a unit in its last written digit (the publisher's rounding).
     */
    Verdict agree(Quantity stated, Quantity computed) {
        return computed.overlaps(allowed(stated, computed)) ? Verdict.CONSISTENT : Verdict.INCONSISTENT;
    }

    private Quantity allowed(Quantity stated, Quantity computed) {
        BigDecimal lo = stated.lower().orElse(null);
        BigDecimal hi = stated.upper().orElse(null);
        if (stated.isApproximate() || computed.isApproximate()) {
            BigDecimal t = approximateTolerancePercent.divide(HUNDRED, MC);
            lo = lo == null ? null : lo.subtract(lo.abs().multiply(t));
            hi = hi == null ? null : hi.add(hi.abs().multiply(t));
        } else {
            lo = lo == null ? null : lo.subtract(halfUnit(lo));
            hi = hi == null ? null : hi.add(halfUnit(hi));
        }
        if (lo == null) {
            return hi == null ? Quantity.unbounded(Unit.NUMBER) : Quantity.atMost(hi, Unit.NUMBER);
        }
        return hi == null ? Quantity.atLeast(lo, Unit.NUMBER) : Quantity.range(lo, hi, Unit.NUMBER);
    }

    private static BigDecimal halfUnit(BigDecimal written) {
        return BigDecimal.valueOf(5, written.scale() + 1);
    }

    private String tolerance(Quantity stated, Quantity computed) {
        if (stated.isApproximate() || computed.isApproximate()) {
            return "; figures are approximate, so up to " + approximateTolerancePercent.stripTrailingZeros().toPlainString()
                    + "% apart counts as consistent";
        }
        return "; exact figures, so only the stated value's rounding is allowed";
    }

    private static String deviation(Quantity stated, Quantity computed) {
        if (!stated.isPoint() || !computed.isPoint() || computed.value().signum() == 0) {
            return "";
        }
        BigDecimal d = stated.value().subtract(computed.value()).divide(computed.value().abs(), MC).multiply(HUNDRED);
        return " (" + (d.signum() >= 0 ? "+" : "") + d.setScale(1, RoundingMode.HALF_UP).toPlainString() + "% from the computed value)";
    }

    private static Optional<String> missing(Dataset data, Claim.Ref... refs) {
        List<String> out = new ArrayList<>();
        for (Claim.Ref r : refs) {
            Series s = data.series(r.series());
            Optional<Observation> o = s.at(r.period());
            if (!o.isPresent() || !o.get().value().isPresent()) {
                out.add("no figure for " + r.series() + " at " + r.period());
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
    }

    // ------------------------------------------------------------------ helpers shared with results

    Optional<Quantity> ratio(Quantity numerator, Quantity denominator) {
        if (!denominator.isAbove(BigDecimal.ZERO) && !denominator.isBelow(BigDecimal.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(numerator.dividedBy(denominator, Unit.MULTIPLE));
    }

    Optional<Quantity> percentOf(Quantity part, Quantity whole) {
        return ratio(part, whole).map(r -> r.times(Quantity.of(HUNDRED, Unit.NUMBER), Unit.PERCENT));
    }

    static Quantity multipleToPercent(Quantity multiple) {
        return multiple.withUnit(Unit.NUMBER).times(Quantity.of(HUNDRED, Unit.NUMBER), Unit.NUMBER)
                .minus(Quantity.of(HUNDRED, Unit.NUMBER), Unit.PERCENT);
    }

    static Direction direction(Quantity from, Quantity to) {
        int c = to.compareDecided(from);
        if (c > 0) {
            return Direction.RISE;
        }
        if (c < 0) {
            return Direction.FALL;
        }
        return from.isPoint() && to.isPoint() ? Direction.FLAT : Direction.UNDECIDED;
    }

    static Leader leader(Quantity a, Quantity b) {
        switch (direction(b, a)) {
            case RISE: return Leader.FIRST;
            case FALL: return Leader.SECOND;
            case FLAT: return Leader.TIE;
            default: return Leader.UNKNOWN;
        }
    }

    static boolean adjacent(TimePeriod a, TimePeriod b) {
        return !a.isApproximate() && !b.isApproximate() && a.type() == b.type() && a.next().equals(b);
    }

    static List<Observation> valued(Series s) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : s.observations()) {
            if (o.value().isPresent()) {
                out.add(o);
            }
        }
        return out;
    }

    static Observation valuedAt(Series s, TimePeriod p) {
        Observation o = s.require(p);
        if (!o.value().isPresent()) {
            throw new IllegalArgumentException("series " + s.id() + " has no value at " + p + ": the entry is off the ranking");
        }
        return o;
    }

    static void requireSameMeasure(Series a, Series b) {
        if (a.measure() != b.measure()) {
            throw new IllegalArgumentException("cannot compare " + a.id() + " (" + a.measure() + ") with " + b.id() + " ("
                    + b.measure() + "): different measures; convert cadences first with Calculator.convert");
        }
    }

    private static void requireUnit(Quantity q, Unit unit, String name) {
        if (q.unit() != unit) {
            throw new IllegalArgumentException(name + " (" + q + ") must be in " + unit.name().toLowerCase(Locale.ROOT));
        }
    }

    private static Quantity requirePositiveRate(Quantity rate) {
        requireUnit(rate, Unit.PERCENT, "annual rate");
        if (!rate.isAbove(BigDecimal.ZERO)) {
            throw new IllegalArgumentException("annual rate (" + rate + ") must be greater than 0%");
        }
        return rate;
    }

    private static Quantity map(Quantity q, DoubleUnaryOperator f, Unit unit) {
        return map(q, f, unit, false);
    }

    /** Applies a monotonic function to both ends; {@code decreasing} swaps them. Unbounded ends stay unbounded. */
    private static Quantity map(Quantity q, DoubleUnaryOperator f, Unit unit, boolean decreasing) {
        BigDecimal lo = q.lower().map(x -> toDecimal(f.applyAsDouble(x.doubleValue()))).orElse(null);
        BigDecimal hi = q.upper().map(x -> toDecimal(f.applyAsDouble(x.doubleValue()))).orElse(null);
        if (decreasing) {
            BigDecimal t = lo;
            lo = hi;
            hi = t;
        }
        Quantity r;
        if (lo == null && hi == null) {
            r = Quantity.unbounded(unit);
        } else if (lo == null) {
            r = Quantity.atMost(hi, unit);
        } else if (hi == null) {
            r = Quantity.atLeast(lo, unit);
        } else if (lo.compareTo(hi) == 0) {
            r = Quantity.of(lo, unit);
        } else {
            r = Quantity.range(lo, hi, unit);
        }
        return q.isApproximate() ? r.approximate() : r;
    }

    private static BigDecimal toDecimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ArithmeticException("result (" + d + ") is not a finite number");
        }
        return new BigDecimal(d, new MathContext(15, RoundingMode.HALF_EVEN));
    }

    static String signed(Quantity q, Language lang) {
        return q.formatSigned(lang, 2);
    }

    static String years(double y) {
        String n = BigDecimal.valueOf(y).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return n + (n.equals("1") ? " year" : " years");
    }
}
