package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.util.Objects;
import java.util.Optional;

/**
 * Two series at one period, the China–US card: values, difference, ratio, shares of a total and
 * of their sum, which side leads, and which led the period before (observed, or implied from a
 * stated change). Immutable and thread-safe.
 */
public final class Comparison {
    /** Where a previous-period value came from. */
    public enum Basis {
        /** Observed at the previous period. */
        OBSERVED,
        /** Implied by the current value and the change the source states: {@code current / (1 + change)}. */
        IMPLIED_FROM_STATED_CHANGE,
        /** Neither observed nor implied. */
        UNKNOWN
    }

    private final Series first;
    private final Series second;
    private final TimePeriod at;
    private final Quantity firstValue;
    private final Quantity secondValue;
    private final Quantity total;
    private final Quantity firstPrevious;
    private final Basis firstPreviousBasis;
    private final Quantity secondPrevious;
    private final Basis secondPreviousBasis;

    Comparison(Series first, Series second, TimePeriod at, Quantity firstValue, Quantity secondValue, Quantity total,
            Quantity firstPrevious, Basis firstPreviousBasis, Quantity secondPrevious, Basis secondPreviousBasis) {
        this.first = first;
        this.second = second;
        this.at = at;
        this.firstValue = firstValue;
        this.secondValue = secondValue;
        this.total = total;
        this.firstPrevious = firstPrevious;
        this.firstPreviousBasis = firstPreviousBasis;
        this.secondPrevious = secondPrevious;
        this.secondPreviousBasis = secondPreviousBasis;
    }

    /**
     * The first series.
     *
     * @return the first series
     */
    public Series first() {
        return first;
    }

    /**
     * The second series.
     *
     * @return the second series
     */
    public Series second() {
        return second;
    }

    /**
     * The period compared.
     *
     * @return the period compared
     */
    public TimePeriod at() {
        return at;
    }

    /**
     * The first value.
     *
     * @return the first value
     */
    public Quantity firstValue() {
        return firstValue;
    }

    /**
     * The second value.
     *
     * @return the second value
     */
    public Quantity secondValue() {
        return secondValue;
    }

    /**
     * {@code first - second}.
     *
     * @return {@code first - second}
     */
    public Quantity difference() {
        return firstValue.minus(secondValue, firstValue.unit());
    }

    /**
     * {@code first / second}; empty if the second may be zero.
     *
     * @return {@code first / second}; empty if the second may be zero
     */
    public Optional<Quantity> ratio() {
        return Calculator.ratio(firstValue, secondValue);
    }

    /**
     * {@code first + second}.
     *
     * @return {@code first + second}
     */
    public Quantity sum() {
        return firstValue.plus(secondValue);
    }

    /**
     * The total both are part of, if given.
     *
     * @return the total both are part of, if given
     */
    public Optional<Quantity> total() {
        return Optional.ofNullable(total);
    }

    /**
     * The first value as a percent of the total.
     *
     * @return the first value as a percent of the total
     */
    public Optional<Quantity> firstShareOfTotal() {
        return total == null ? Optional.empty() : Calculator.percentOf(firstValue, total);
    }

    /**
     * The second value as a percent of the total.
     *
     * @return the second value as a percent of the total
     */
    public Optional<Quantity> secondShareOfTotal() {
        return total == null ? Optional.empty() : Calculator.percentOf(secondValue, total);
    }

    /**
     * The first value as a percent of {@code first + second}.
     *
     * @return the first value as a percent of {@code first + second}
     */
    public Optional<Quantity> firstShareOfSum() {
        return Calculator.percentOf(firstValue, sum());
    }

    /**
     * The second value as a percent of {@code first + second}.
     *
     * @return the second value as a percent of {@code first + second}
     */
    public Optional<Quantity> secondShareOfSum() {
        return Calculator.percentOf(secondValue, sum());
    }

    /**
     * Which series is larger at {@link #at()}.
     *
     * @return the leading series, a tie, or unknown where the values' ranges overlap
     */
    public Leader leader() {
        return Leader.of(Calculator.leader(firstValue, secondValue), first.id(), second.id());
    }

    /**
     * The first series' value at the previous period, if observed or implied.
     *
     * @return the first series' value at the previous period, if observed or implied
     */
    public Optional<Quantity> firstPrevious() {
        return Optional.ofNullable(firstPrevious);
    }

    /**
     * How {@link #firstPrevious()} was obtained.
     *
     * @return how {@link #firstPrevious()} was obtained
     */
    public Basis firstPreviousBasis() {
        return firstPreviousBasis;
    }

    /**
     * The second series' value at the previous period, if observed or implied.
     *
     * @return the second series' value at the previous period, if observed or implied
     */
    public Optional<Quantity> secondPrevious() {
        return Optional.ofNullable(secondPrevious);
    }

    /**
     * How {@link #secondPrevious()} was obtained.
     *
     * @return how {@link #secondPrevious()} was obtained
     */
    public Basis secondPreviousBasis() {
        return secondPreviousBasis;
    }

    /**
     * Which series was larger at the previous period.
     *
     * @return the leading series, a tie, or {@link Leader#UNKNOWN} if either value is unknown
     */
    public Leader previousLeader() {
        if (firstPrevious == null || secondPrevious == null) {
            return Leader.UNKNOWN;
        }
        return Leader.of(Calculator.leader(firstPrevious, secondPrevious), first.id(), second.id());
    }

    /**
     * Whether the lead passed from one side to the other since the previous period; empty if unknown.
     *
     * @return whether the lead passed from one side to the other since the previous period; empty if unknown
     */
    public Optional<Boolean> leadChanged() {
        Leader now = leader();
        Leader before = previousLeader();
        if (now.kind() == Leader.Kind.UNKNOWN || before.kind() == Leader.Kind.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(!now.equals(before));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Comparison)) {
            return false;
        }
        Comparison c = (Comparison) o;
        return first.id().equals(c.first.id()) && second.id().equals(c.second.id()) && at.equals(c.at)
                && firstValue.equals(c.firstValue) && secondValue.equals(c.secondValue) && Objects.equals(total, c.total)
                && Objects.equals(firstPrevious, c.firstPrevious) && Objects.equals(secondPrevious, c.secondPrevious);
    }

    @Override
    public int hashCode() {
        return Objects.hash(first.id(), second.id(), at, firstValue, secondValue, total, firstPrevious, secondPrevious);
    }

    /**
     * One line for people, rounded to two decimals in the natural unit: "2026-W16:
     * openrouter-us-weekly 4.91T against openrouter-china-weekly 4.44T; difference +470B (×1.11);
     * leader openrouter-us-weekly".
     *
     * @param lang the language to write in
     * @return one line for people
     */
    public String describe(Language lang) {
        Objects.requireNonNull(lang, "lang");
        Leader l = leader();
        String lead = l.kind() == Leader.Kind.SERIES ? io.tokenmetrics.internal.Messages.get(lang, "comparison.leader", l.series().get())
                : io.tokenmetrics.internal.Messages.get(lang, l.kind() == Leader.Kind.TIE ? "comparison.tie" : "comparison.unknown");
        return io.tokenmetrics.internal.Messages.get(lang, "comparison.line", lang == Language.ZH ? at.label(lang) : at.toString(), first.id(),
                firstValue.formatRounded(lang, 2), second.id(), secondValue.formatRounded(lang, 2), Calculator.signed(difference(), lang),
                !ratio().isPresent() ? "" : io.tokenmetrics.internal.Messages.get(lang, "comparison.ratio",
                        ratio().get().formatRounded(lang, 2).replace("×", "").replace("倍", "")), lead);
    }

    @Override
    public String toString() {
        return describe(Language.EN);
    }
}
