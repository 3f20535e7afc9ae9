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
 * projections and cadence conversion. Claims are checked by {@link ClaimChecker}.
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
    private static final Calculator INSTANCE = new Calculator();

    private Calculator() {
    }

    /**
     * The calculator. It has no state; claim checks, which have a setting (their tolerance), are
     * {@link ClaimChecker}'s.
     *
     * @return the calculator
     */
    public static Calculator create() {
        return INSTANCE;
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
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return growth(series, from, series, to);
    }

    /**
     * Growth from the first to the last observation with a value.
     *
     * @param series the series
     * @return growth from the first to the last observation with a value
     */
    public Growth growth(Series series) {
        Objects.requireNonNull(series, "series");
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
        Objects.requireNonNull(fromSeries, "fromSeries");
        requireLevels(fromSeries);
        requireLevels(toSeries == null ? fromSeries : toSeries);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toSeries, "toSeries");
        Objects.requireNonNull(to, "to");
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
     * Refuses a series whose observations are changes themselves (price changes in percent): the
     * change or growth between two of them would be a change of changes, which means nothing a
     * reader can use (Zhipu's +30% then +10% is not a fall of 66.67%); {@link #compound} combines them.
     */
    private static void requireLevels(Series s) {
        if (s.measure() == Measure.PRICE_CHANGE) {
            throw new IllegalArgumentException("series " + s.id() + " holds changes (" + s.measure().id() + "), not levels: a change between"
                    + " two changes is not a change of anything; compound them instead (the briefing's price section), or show each with show");
        }
    }

    /**
     * Changes between each pair of successive observations with values (entries without a value,
     * such as "off the ranking", are skipped, and the change across them is marked not
     * consecutive). Empty for fewer than two values.
     *
     * @param series the series
     * @return the changes, oldest first
     * @throws IllegalArgumentException for a series of changes ({@link Measure#PRICE_CHANGE}): a
     *     change between two changes is not a change of anything
     */
    public List<Change> changes(Series series) {
        Objects.requireNonNull(series, "series");
        requireLevels(series);
        List<Observation> v = valued(series);
        List<Change> out = new ArrayList<>();
        for (int i = 1; i < v.size(); i++) {
            Observation a = v.get(i - 1);
            Observation b = v.get(i);
            Quantity x = a.requireValue();
            Quantity y = b.requireValue();
            Quantity pct = ratio(y, x).map(Calculator::multipleToPercent).orElse(null);
            boolean consecutive = adjacent(a.period(), b.period());
            // a stated change compares with the previous period only: across a gap it says nothing of this pair
            out.add(new Change(a.period(), b.period(), x, y, y.minus(x, x.unit()), pct, consecutive, direction(x, y),
                    consecutive ? b.statedChange().orElse(null) : null));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * "Off the list N weeks" over a ranking held as series, one per model (as
     * {@code openrouter --save} writes them, with aliases folded in by the {@link Dataset}). For
     * each series that has a value at some period before {@code at} and none at {@code at}: the
     * number of consecutive periods, ending at {@code at}, in which it had no value while the
     * ranking was published there (some series of {@code ranking} has a value, or this one is
     * stated off it: listed false). A period in which no series has a value ends the count: a
     * gap in the data is not evidence of being off the list.
     *
     * @param ranking the series of the ranking, all of one measure
     * @param at the period to count back from
     * @return series id → periods off the list, ordered by id; series on the list at {@code at}
     *     or never on it before are absent
     * @throws IllegalArgumentException if the series have different measures
     */
    public java.util.SortedMap<String, Integer> periodsOffTheList(List<Series> ranking, TimePeriod at) {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(at, "at");
        java.util.Set<TimePeriod> published = new java.util.HashSet<>();
        for (Series s : ranking) {
            if (s.measure() != ranking.get(0).measure()) {
                throw new IllegalArgumentException("ranking mixes " + ranking.get(0).id() + " (" + ranking.get(0).measure() + ") and "
                        + s.id() + " (" + s.measure() + ")");
            }
            for (Observation o : s.observations()) {
                if (o.value().isPresent()) {
                    published.add(o.period());
                }
            }
        }
        java.util.SortedMap<String, Integer> out = new java.util.TreeMap<>();
        for (Series s : ranking) {
            boolean before = false;
            for (Observation o : s.observations()) {
                before |= o.value().isPresent() && o.period().compareTo(at) < 0;
            }
            int off = 0;
            for (TimePeriod p = at; ; p = p.previous()) {
                Optional<Observation> o = s.at(p);
                boolean statedOff = o.isPresent() && Boolean.FALSE.equals(o.get().listed().orElse(null));
                // on the list again, or a period the data does not cover: the count ends. A period the
                // publisher states the model off counts, whether or not the data has it on the list before
                // (the articles: "Kimi K2.5 ... off the ranking three weeks in a row"); a period without a
                // statement counts only for a model that was on the list before and a ranking that was published
                if (o.isPresent() && o.get().value().isPresent() || !statedOff && !(before && published.contains(p))) {
                    break;
                }
                off++;
                if (p.isApproximate()) {
                    break;
                }
            }
            if (off > 0) {
                out.put(s.id(), off);
            }
        }
        return out;
    }

    /**
     * The runs of consecutive rises, falls or flat changes, in order. A gap between periods or an
     * undecided direction (overlapping ranges) ends a run; undecided changes form no run.
     *
     * @param series the series
     * @return the runs of consecutive rises, falls or flat changes, in order
     */
    public List<Streak> streaks(Series series) {
        Objects.requireNonNull(series, "series");
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
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(changePercent, "changePercent");
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
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(changePercent, "changePercent");
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
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Optional<Quantity> m = ratio(current, previous);
        if (!m.isPresent()) {
            throw new IllegalArgumentException("previous (" + previous + ") is zero or may be zero: the change in percent is undefined");
        }
        return multipleToPercent(m.get());
    }

    /**
     * Successive changes compounded: {@code (1 + c1/100) × (1 + c2/100) × …} over the changes
     * whose size is stated; an empty element is a change the source mentions without a size,
     * reported by position and never guessed. Zhipu's "30%起" and 10% give at least 1.3 × 1.1 =
     * 1.43×, +43%.
     *
     * @param changesPercent the changes in order, in percent; empty for one without a stated size
     * @return the compounded change
     * @throws IllegalArgumentException if a change is not in percent or is -100% or less
     */
    public CompoundedChange compound(List<Optional<Quantity>> changesPercent) {
        Objects.requireNonNull(changesPercent, "changesPercent");
        Quantity m = Quantity.of(BigDecimal.ONE, Unit.NUMBER);
        List<Integer> unstated = new ArrayList<>();
        for (int i = 0; i < changesPercent.size(); i++) {
            Optional<Quantity> c = Objects.requireNonNull(changesPercent.get(i), "change");
            if (c.isPresent()) {
                m = m.times(changeFactor(c.get()), Unit.NUMBER);
            } else {
                unstated.add(i + 1);
            }
        }
        Quantity multiple = m.withUnit(Unit.MULTIPLE);
        return new CompoundedChange(multiple, multipleToPercent(multiple), changesPercent.size(), unstated);
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
     * Compares two series of the same measure at {@code at}: values, difference, ratio, shares of
     * their sum, leader, and the previous period's values (observed at {@code at.previous()} or,
     * where there is none, implied from the change each source states at {@code at}).
     *
     * @param first the first series
     * @param second the second series
     * @param at the period
     * @return the comparison
     * @throws IllegalArgumentException for different measures, or a missing observation or value at {@code at}
     */
    public Comparison compare(Series first, Series second, TimePeriod at) {
        return compare(first, second, at, null);
    }

    /**
     * {@link #compare(Series, Series, TimePeriod)}, with each series' share of {@code total} (null:
     * none, as the three-argument form).
     *
     * @param first the first series
     * @param second the second series
     * @param at the period
     * @param total the series of the total, or null for none
     * @return the comparison
     * @throws IllegalArgumentException for different measures, or a missing observation or value at {@code at}
     */
    public Comparison compare(Series first, Series second, TimePeriod at, Series total) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(at, "at");
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
        return new Comparison(first, second, at, a.requireValue(), b.requireValue(), t, pa.value, pa.basis, pb.value, pb.basis);
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
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(whole, "whole");
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
     * @param parts the parts, one or more
     * @return the share
     * @throws IllegalArgumentException as {@link #share(Series, TimePeriod, List)}
     */
    public Share share(Series whole, TimePeriod at, Series... parts) {
        Objects.requireNonNull(whole, "whole");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(parts, "parts");
        return share(whole, at, java.util.Arrays.asList(parts));
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
        Objects.requireNonNull(whole, "whole");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(parts, "parts");
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
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
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
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
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
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
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
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
        Quantity rate = requirePositiveRate(annualRatePercent);
        return map(rate, r -> Math.log(2) / Math.log1p(r / 100.0), Unit.NUMBER, true);
    }

    /**
     * The compound annual rate, in percent, of a {@code multiple} over {@code years}:
     * {@code (multiple^(1/years) - 1) × 100}. 390× over 5 years is 229.77% a year (390^(1/5) = 3.29771).
     *
     * @param multiple the multiple
     * @param years the number of years
     * @return the compound annual rate, in percent, of a {@code multiple} over {@code years}: {@code (multiple^(1/years) - 1) ×
     *     100}
     * @throws IllegalArgumentException if {@code years} is not positive and finite
     */
    public Quantity annualRateForMultiple(Quantity multiple, double years) {
        Objects.requireNonNull(multiple, "multiple");
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
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
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
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(to, "to");
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
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(sharePercent, "sharePercent");
        requireUnit(sharePercent, Unit.PERCENT, "share");
        if (!sharePercent.isAbove(BigDecimal.ZERO)) {
            throw new IllegalArgumentException("share (" + sharePercent + ") must be greater than 0%");
        }
        return part.dividedBy(sharePercent.withUnit(Unit.NUMBER).dividedBy(HUNDRED), part.unit());
    }

    // ------------------------------------------------------------------ helpers shared with results

    static Optional<Quantity> ratio(Quantity numerator, Quantity denominator) {
        if (!denominator.isAbove(BigDecimal.ZERO) && !denominator.isBelow(BigDecimal.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(numerator.dividedBy(denominator, Unit.MULTIPLE));
    }

    static Optional<Quantity> percentOf(Quantity part, Quantity whole) {
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

    static Side leader(Quantity a, Quantity b) {
        switch (direction(b, a)) {
            case RISE: return Side.FIRST;
            case FALL: return Side.SECOND;
            case FLAT: return Side.TIE;
            default: return Side.UNKNOWN;
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
        return years(y, Language.EN);
    }

    static String years(double y, Language lang) {
        String n = BigDecimal.valueOf(y).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return io.tokenmetrics.internal.Messages.get(lang, n.equals("1") ? "years.one" : "years.many", n);
    }
}
