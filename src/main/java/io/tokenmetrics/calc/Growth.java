package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.internal.Messages;
import io.tokenmetrics.data.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * Growth from one observation to a later one: absolute change, percent change, multiple, elapsed
 * years and compound annual growth rate. Percent change, multiple and rate are empty when the
 * baseline is zero or may be zero ({@link #undefinedReason()} says so). Immutable and thread-safe.
 */
public final class Growth {
    private final String fromSeries;
    private final Observation from;
    private final String toSeries;
    private final Observation to;
    private final Quantity absoluteChange;
    private final Quantity percentChange;
    private final Quantity multiple;
    private final double elapsedYears;
    private final Quantity annualRate;
    private final String undefinedReason;

    Growth(String fromSeries, Observation from, String toSeries, Observation to, Quantity absoluteChange,
            Quantity percentChange, Quantity multiple, double elapsedYears, Quantity annualRate, String undefinedReason) {
        this.fromSeries = fromSeries;
        this.from = from;
        this.toSeries = toSeries;
        this.to = to;
        this.absoluteChange = absoluteChange;
        this.percentChange = percentChange;
        this.multiple = multiple;
        this.elapsedYears = elapsedYears;
        this.annualRate = annualRate;
        this.undefinedReason = undefinedReason;
    }

    /**
     * The series of the earlier observation.
     *
     * @return the series of the earlier observation
     */
    public String fromSeries() {
        return fromSeries;
    }

    /**
     * The earlier observation.
     *
     * @return the earlier observation
     */
    public Observation from() {
        return from;
    }

    /**
     * The series of the later observation.
     *
     * @return the series of the later observation
     */
    public String toSeries() {
        return toSeries;
    }

    /**
     * The later observation.
     *
     * @return the later observation
     */
    public Observation to() {
        return to;
    }

    /**
     * {@code to - from}, in the measure's unit.
     *
     * @return {@code to - from}, in the measure's unit
     */
    public Quantity absoluteChange() {
        return absoluteChange;
    }

    /**
     * {@code (to / from - 1) × 100}, in percent; empty for a zero baseline.
     *
     * @return {@code (to / from - 1) × 100}, in percent; empty for a zero baseline
     */
    public Optional<Quantity> percentChange() {
        return Optional.ofNullable(percentChange);
    }

    /**
     * {@code to / from}; empty for a zero baseline.
     *
     * @return {@code to / from}; empty for a zero baseline
     */
    public Optional<Quantity> multiple() {
        return Optional.ofNullable(multiple);
    }

    /**
     * Years between the two periods' positions (see {@code TimePeriod}).
     *
     * @return years between the two periods' positions (see {@code TimePeriod})
     */
    public double elapsedYears() {
        return elapsedYears;
    }

    /**
     * {@code (multiple^(1/years) - 1) × 100}, in percent per year; empty for a zero baseline or when
     * no time elapses. Computed in double precision (about 15 significant digits).
     *
     * @return {@code (multiple^(1/years) - 1) × 100}, in percent per year; empty for a zero baseline or when no time elapses
     */
    public Optional<Quantity> annualRate() {
        return Optional.ofNullable(annualRate);
    }

    /**
     * Why percent change, multiple or rate is empty, if they are.
     *
     * @return why percent change, multiple or rate is empty, if they are
     */
    public Optional<String> undefinedReason() {
        return Optional.ofNullable(undefinedReason);
    }

    /**
     * One line for people, rounded to two decimals in the natural unit.
     *
     * @param lang the language to write in
     * @return one line for people, rounded to two decimals in the natural unit
     */
    public String describe(Language lang) {
        Objects.requireNonNull(lang, "lang");
        boolean zh = lang == Language.ZH;
        String pct = percentChange != null
                ? Messages.get(lang, "growth.pct", Calculator.signed(percentChange, lang), multiple.formatRounded(lang, 2).replace("×", "").replace("倍", ""))
                : Messages.get(lang, "growth.undefined", undefinedReason);
        return Messages.get(lang, "growth.line", zh ? from.period().label(lang) : from.period(), zh ? to.period().label(lang) : to.period(),
                from.requireValue().formatRounded(lang, 2), to.requireValue().formatRounded(lang, 2), Calculator.signed(absoluteChange, lang),
                pct, Calculator.years(elapsedYears, lang),
                annualRate == null ? "" : Messages.get(lang, "growth.rate", Calculator.signed(annualRate, lang)));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Growth)) {
            return false;
        }
        Growth g = (Growth) o;
        return fromSeries.equals(g.fromSeries) && from.equals(g.from) && toSeries.equals(g.toSeries) && to.equals(g.to)
                && absoluteChange.equals(g.absoluteChange) && Objects.equals(percentChange, g.percentChange)
                && Objects.equals(multiple, g.multiple) && Double.compare(elapsedYears, g.elapsedYears) == 0
                && Objects.equals(annualRate, g.annualRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromSeries, from, toSeries, to, absoluteChange, percentChange, multiple, elapsedYears, annualRate);
    }

    @Override
    public String toString() {
        return describe(Language.EN);
    }
}
