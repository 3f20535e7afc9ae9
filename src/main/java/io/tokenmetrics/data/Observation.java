package io.tokenmetrics.data;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One published figure: a period, a value, how firm it is, what change and rank the source
 * states with it, and where it comes from (source, original sentence, fact id).
 *
 * <p>The value may be absent only for an entry that says a model was off a ranking
 * ({@link #listed()} false). Immutable and thread-safe; build with {@link #builder}.
 */
public final class Observation {
    private final TimePeriod period;
    private final Quantity value;
    private final Status status;
    private final Quantity statedChange;
    private final boolean changeUnknown;
    private final Integer rank;
    private final Boolean listed;
    private static final java.math.BigDecimal MINUS_100 = java.math.BigDecimal.valueOf(-100);
    private final Source source;
    private final String quote;
    private final String fact;
    private final String note;
    private final boolean rounded;
    private final Quantity valueInterval;
    private final Quantity changeInterval;

    private Observation(Builder b) {
        this.period = Objects.requireNonNull(b.period, "period");
        this.value = b.value;
        this.status = b.status;
        this.statedChange = b.statedChange;
        this.changeUnknown = b.changeUnknown;
        if (changeUnknown && statedChange != null) {
            throw new IllegalArgumentException("stated change (" + statedChange + ") contradicts a change marked unknown");
        }
        this.rank = b.rank;
        this.listed = b.listed;
        this.source = b.source;
        this.quote = b.quote;
        this.fact = b.fact;
        this.note = b.note;
        this.rounded = b.rounded;
        this.valueInterval = value == null || !rounded ? value : nonNegative(value, value.roundedInterval());
        this.changeInterval = statedChange == null || !rounded ? statedChange : statedChange.roundedInterval();
        if (value == null && !Boolean.FALSE.equals(listed)) {
            throw new IllegalArgumentException("value is required unless the entry is off the ranking (listed false)");
        }
        if (statedChange != null && statedChange.unit() != Quantity.Unit.PERCENT) {
            throw new IllegalArgumentException("stated change (" + statedChange + ") must be in percent");
        }
        if (rank != null && rank < 1) {
            throw new IllegalArgumentException("rank (" + rank + ") must be >= 1");
        }
        if (value != null && Boolean.FALSE.equals(listed)) {
            throw new IllegalArgumentException("value (" + value + ") contradicts listed false: an entry off the ranking has no value");
        }
        if (statedChange != null && statedChange.lower().map(x -> x.compareTo(MINUS_100) < 0).orElse(true)) {
            throw new IllegalArgumentException("stated change (" + statedChange + ") must be >= -100%: nothing falls by more than all of it");
        }
        if (rank != null && Boolean.FALSE.equals(listed)) {
            throw new IllegalArgumentException("rank (" + rank + ") contradicts listed false");
        }
    }

    /** A figure that is not negative as written does not become negative by its rounding: 0T is 0 to 0.5 tokens. */
    private static Quantity nonNegative(Quantity written, Quantity interval) {
        boolean wasNonNegative = written.lower().map(x -> x.signum() >= 0).orElse(false);
        if (wasNonNegative && interval.lower().get().signum() < 0) {
            return interval.upper().isPresent() ? Quantity.range(java.math.BigDecimal.ZERO, interval.upper().get(), interval.unit())
                    : Quantity.atLeast(java.math.BigDecimal.ZERO, interval.unit());
        }
        return interval;
    }

    /**
     * A builder for an observation of {@code value} at {@code period}, status reported.
     *
     * @param period the period
     * @param value the value
     * @return a builder for an observation of {@code value} at {@code period}, status reported
     */
    public static Builder builder(TimePeriod period, Quantity value) {
        java.util.Objects.requireNonNull(period, "period");
        return new Builder(period, value);
    }

    /**
     * An observation of {@code value} at {@code period}, status reported, without source.
     *
     * @param period the period
     * @param value the value
     * @return an observation of {@code value} at {@code period}, status reported, without source
     */
    public static Observation of(TimePeriod period, Quantity value) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        return builder(period, value).build();
    }

    /**
     * The period.
     *
     * @return the period
     */
    public TimePeriod period() {
        return period;
    }

    /**
     * The value, absent only for an off-the-ranking entry. For a figure {@linkplain #isRounded()
     * rounded to the digits shown}, the interval of values that round to it ("1.38T" gives 1.375T
     * to 1.385T), so that every calculation carries the publisher's rounding.
     *
     * @return the value, absent only for an off-the-ranking entry
     */
    public Optional<Quantity> value() {
        return Optional.ofNullable(valueInterval);
    }

    /**
     * The value as the source writes it ("1.38T"), which {@link #value()} equals unless the figure
     * is rounded.
     *
     * @return the value as written, absent only for an off-the-ranking entry
     */
    public Optional<Quantity> shownValue() {
        return Optional.ofNullable(value);
    }

    /**
     * Whether the value and the stated change are rounded to the digits shown: then
     * {@link #value()} and {@link #statedChange()} are the intervals of values that round to them.
     *
     * @return true if rounded to the digits shown
     */
    public boolean isRounded() {
        return rounded;
    }

    /**
     * The value.
     *
     * @return the value
     * @throws io.tokenmetrics.amount.IndeterminateValueException for an off-the-ranking entry without one
     */
    public Quantity requireValue() {
        if (value == null) {
            throw new io.tokenmetrics.amount.IndeterminateValueException("no value at " + period + (fact != null ? " (" + fact + ")" : "") + ": the entry is off the ranking");
        }
        return valueInterval;
    }

    /**
     * Reported, estimate, target or forecast.
     *
     * @return reported, estimate, target or forecast
     */
    public Status status() {
        return status;
    }

    /**
     * The change against the previous period that the source states (−23.77% week-on-week), in percent.
     *
     * @return the change against the previous period that the source states (−23.77% week-on-week), in percent
     */
    public Optional<Quantity> statedChange() {
        return Optional.ofNullable(changeInterval);
    }

    /**
     * The stated change as the source writes it ("+19%"), which {@link #statedChange()} equals
     * unless the figure is rounded.
     *
     * @return the stated change as written
     */
    public Optional<Quantity> shownChange() {
        return Optional.ofNullable(statedChange);
    }

    /**
     * Whether the source shows a change here that means "no previous figure" (some write 0% for a
     * new entry): then there is no stated change, and none is read from that 0.
     *
     * @return true if the change is marked unknown
     */
    public boolean isChangeUnknown() {
        return changeUnknown;
    }

    /**
     * The rank the source states.
     *
     * @return the rank the source states
     */
    public OptionalInt rank() {
        return rank == null ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    /**
     * True if on the ranking, false if stated to be off it, empty if the source does not say.
     *
     * @return true if on the ranking, false if stated to be off it, empty if the source does not say
     */
    public Optional<Boolean> listed() {
        return Optional.ofNullable(listed);
    }

    /**
     * The source, if known.
     *
     * @return the source, if known
     */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The original sentence.
     *
     * @return the original sentence
     */
    public Optional<String> quote() {
        return Optional.ofNullable(quote);
    }

    /**
     * The fact id in FACTS.md (A2, B3…).
     *
     * @return the fact id in FACTS.md (A2, B3…)
     */
    public Optional<String> fact() {
        return Optional.ofNullable(fact);
    }

    /**
     * A note on how the figure was read.
     *
     * @return a note on how the figure was read
     */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * A builder with this observation's fields.
     *
     * @return a builder with this observation's fields
     */
    public Builder toBuilder() {
        Builder b = new Builder(period, value);
        b.status = status;
        b.statedChange = statedChange;
        b.changeUnknown = changeUnknown;
        b.rank = rank;
        b.listed = listed;
        b.source = source;
        b.quote = quote;
        b.fact = fact;
        b.note = note;
        b.rounded = rounded;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Observation)) {
            return false;
        }
        Observation x = (Observation) o;
        return period.equals(x.period) && Objects.equals(value, x.value) && status == x.status
                && Objects.equals(statedChange, x.statedChange) && changeUnknown == x.changeUnknown && Objects.equals(rank, x.rank)
                && Objects.equals(listed, x.listed) && Objects.equals(source, x.source)
                && Objects.equals(quote, x.quote) && Objects.equals(fact, x.fact) && Objects.equals(note, x.note) && rounded == x.rounded;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, value, status, statedChange, rank, listed, source, quote, fact, note, rounded);
    }

    @Override
    public String toString() {
        return period + " " + (value == null ? "off the ranking" : value.toString())
                + (statedChange != null ? " (" + statedChange + ")" : "") + (rounded ? " rounded" : "") + (fact != null ? " [" + fact + "]" : "");
    }

    /** Builds an {@link Observation}; not thread-safe. */
    public static final class Builder {
        private final TimePeriod period;
        private final Quantity value;
        private Status status = Status.REPORTED;
        private Quantity statedChange;
        private boolean changeUnknown;
        private Integer rank;
        private Boolean listed;
        private Source source;
        private String quote;
        private String fact;
        private String note;
        private boolean rounded;

        private Builder(TimePeriod period, Quantity value) {
            this.period = period;
            this.value = value;
        }

        /**
         * Sets the status.
         *
         * @param s the status
         * @return this builder
         */
        public Builder status(Status s) {
            this.status = Objects.requireNonNull(s, "status");
            return this;
        }

        /**
         * Marks the change the source shows here as meaning "no previous figure".
         *
         * @param unknown true to mark it
         * @return this builder
         */
        public Builder changeUnknown(boolean unknown) {
            this.changeUnknown = unknown;
            return this;
        }

        /**
         * Marks the value and the stated change as rounded to the digits shown ("1.38T" stands for
         * 1.375T to 1.385T), so that calculations and claim checks use the interval.
         *
         * @param r true if rounded to the digits shown
         * @return this builder
         */
        public Builder rounded(boolean r) {
            this.rounded = r;
            return this;
        }

        /**
         * Sets the change the source states, in percent.
         *
         * @param change the change
         * @return this builder
         */
        public Builder statedChange(Quantity change) {
            this.statedChange = change;
            return this;
        }

        /**
         * Sets the rank the source states.
         *
         * @param r the rank, 1 or more, or null
         * @return this builder
         */
        public Builder rank(Integer r) {
            this.rank = r;
            return this;
        }

        /**
         * Sets whether the entry is on the ranking.
         *
         * @param l false for an entry off the ranking, true for one on it, or null
         * @return this builder
         */
        public Builder listed(Boolean l) {
            this.listed = l;
            return this;
        }

        /**
         * Sets the source.
         *
         * @param s the source, or null
         * @return this builder
         */
        public Builder source(Source s) {
            this.source = s;
            return this;
        }

        /**
         * Sets the original sentence.
         *
         * @param q the quantity
         * @return this builder
         */
        public Builder quote(String q) {
            this.quote = q;
            return this;
        }

        /**
         * Sets the fact id.
         *
         * @param f the fact id, such as {@code B3}, or null
         * @return this builder
         */
        public Builder fact(String f) {
            this.fact = f;
            return this;
        }

        /**
         * Sets a note.
         *
         * @param n the number
         * @return this builder
         */
        public Builder note(String n) {
            this.note = n;
            return this;
        }

        /**
         * The observation.
         *
         * @return the observation
         * @throws IllegalArgumentException naming the field that is inconsistent
         */
        public Observation build() {
            return new Observation(this);
        }
    }
}
