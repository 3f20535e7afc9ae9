package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.util.Objects;
import java.util.Optional;

/**
 * The change between two successive observations of a series (week-on-week, month-on-month,
 * year-on-year when the periods are adjacent; {@link #isConsecutive()} is false across a gap).
 * Immutable and thread-safe.
 */
public final class Change {
    private final TimePeriod from;
    private final TimePeriod to;
    private final Quantity fromValue;
    private final Quantity toValue;
    private final Quantity absolute;
    private final Quantity percent;
    private final boolean consecutive;
    private final Direction direction;
    private final Quantity stated;

    Change(TimePeriod from, TimePeriod to, Quantity fromValue, Quantity toValue, Quantity absolute, Quantity percent,
            boolean consecutive, Direction direction, Quantity stated) {
        this.from = from;
        this.to = to;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.absolute = absolute;
        this.percent = percent;
        this.consecutive = consecutive;
        this.direction = direction;
        this.stated = stated;
    }

    /**
     * The change the publisher states at {@link #to()}, when the change is consecutive (a stated
     * change is against the period just before).
     *
     * @return the stated change, in percent, if any
     */
    public Optional<Quantity> stated() {
        return Optional.ofNullable(stated);
    }

    /**
     * The earlier period.
     *
     * @return the earlier period
     */
    public TimePeriod from() {
        return from;
    }

    /**
     * The later period.
     *
     * @return the later period
     */
    public TimePeriod to() {
        return to;
    }

    /**
     * The earlier value.
     *
     * @return the earlier value
     */
    public Quantity fromValue() {
        return fromValue;
    }

    /**
     * The later value.
     *
     * @return the later value
     */
    public Quantity toValue() {
        return toValue;
    }

    /**
     * {@code toValue - fromValue}.
     *
     * @return {@code toValue - fromValue}
     */
    public Quantity absolute() {
        return absolute;
    }

    /**
     * {@code (toValue / fromValue - 1) × 100}; empty for a zero baseline.
     *
     * @return {@code (toValue / fromValue - 1) × 100}; empty for a zero baseline
     */
    public Optional<Quantity> percent() {
        return Optional.ofNullable(percent);
    }

    /**
     * Whether {@code to} is the period right after {@code from} (a true week-on-week change).
     *
     * @return whether {@code to} is the period right after {@code from} (a true week-on-week change)
     */
    public boolean isConsecutive() {
        return consecutive;
    }

    /**
     * Rise, fall, flat or undecided.
     *
     * @return rise, fall, flat or undecided
     */
    public Direction direction() {
        return direction;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Change)) {
            return false;
        }
        Change c = (Change) o;
        return from.equals(c.from) && to.equals(c.to) && fromValue.equals(c.fromValue) && toValue.equals(c.toValue)
                && Objects.equals(percent, c.percent) && consecutive == c.consecutive && direction == c.direction && Objects.equals(stated, c.stated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, fromValue, toValue, percent, consecutive, direction);
    }

    /**
     * One line for people, rounded to two decimals in the natural unit: "2026-W15 → 2026-W16:
     * 5.82T → 4.44T, change −1.38T (−23.77%)".
     *
     * @param lang the language to write in
     * @return one line for people
     */
    public String describe(Language lang) {
        Objects.requireNonNull(lang, "lang");
        boolean zh = lang == Language.ZH;
        return io.tokenmetrics.internal.Messages.get(lang, "change.line", zh ? from.label(lang) : from.toString(), zh ? to.label(lang) : to.toString(),
                fromValue.formatRounded(lang, 2), toValue.formatRounded(lang, 2), Calculator.signed(absolute, lang),
                percent == null ? "" : io.tokenmetrics.internal.Messages.get(lang, "change.pct", Calculator.signed(percent, lang)),
                consecutive ? "" : io.tokenmetrics.internal.Messages.get(lang, "change.gap"));
    }

    @Override
    public String toString() {
        return describe(Language.EN);
    }
}
