package io.tokenmetrics.data;

import io.tokenmetrics.amount.Quantity;
import java.util.Objects;

/**
 * What a series counts and over what span. Figures of different measures are never compared
 * without an explicit conversion ({@code Calculator.convert}).
 */
public enum Measure {
    /** Tokens per day: a day's total, or the daily average (日均) over the observation's period. */
    TOKENS_PER_DAY("tokens/day", Quantity.Unit.TOKENS, Cadence.DAY),
    /** Tokens per week: an ISO week's total (周调用量). */
    TOKENS_PER_WEEK("tokens/week", Quantity.Unit.TOKENS, Cadence.WEEK),
    /** Tokens per month: a calendar month's total. */
    TOKENS_PER_MONTH("tokens/month", Quantity.Unit.TOKENS, Cadence.MONTH),
    /** Tokens per year: a calendar year's total. */
    TOKENS_PER_YEAR("tokens/year", Quantity.Unit.TOKENS, Cadence.YEAR),
    /** Tokens per item (per video, per request); the series says what the item is. */
    TOKENS_PER_ITEM("tokens/item", Quantity.Unit.TOKENS, Cadence.ITEM),
    /** A number of users. */
    USERS("users", Quantity.Unit.COUNT, Cadence.NONE),
    /** A share of a whole, in percent (OpenRouter is 2–4% of global consumption). */
    SHARE("share", Quantity.Unit.PERCENT, Cadence.NONE),
    /** A price change in percent; not a token count. */
    PRICE_CHANGE("price-change", Quantity.Unit.PERCENT, Cadence.NONE),
    /** A cost multiple (×) for a customer; not a token count. */
    COST_MULTIPLE("cost-multiple", Quantity.Unit.MULTIPLE, Cadence.NONE),
    /** US dollars spent in a day (a cost series from {@code usage --prices --save}). */
    USD_PER_DAY("usd/day", Quantity.Unit.USD, Cadence.DAY),
    /** US dollars spent in an ISO week. */
    USD_PER_WEEK("usd/week", Quantity.Unit.USD, Cadence.WEEK),
    /** US dollars spent in a calendar month. */
    USD_PER_MONTH("usd/month", Quantity.Unit.USD, Cadence.MONTH);

    private final String id;
    private final Quantity.Unit unit;
    private final Cadence cadence;

    Measure(String id, Quantity.Unit unit, Cadence cadence) {
        this.id = id;
        this.unit = unit;
        this.cadence = cadence;
    }

    /**
     * The identifier used in data files, such as {@code tokens/week}.
     *
     * @return the identifier used in data files, such as {@code tokens/week}
     */
    public String id() {
        return id;
    }

    /**
     * The unit values are in.
     *
     * @return the unit values are in
     */
    public Quantity.Unit unit() {
        return unit;
    }

    /**
     * The span one value covers.
     *
     * @return the span one value covers
     */
    public Cadence cadence() {
        return cadence;
    }

    /**
     * Whether values are token counts over time (day, week, month, year), which cadence conversion applies to.
     *
     * @return whether values are token counts over time (day, week, month, year), which cadence conversion applies to
     */
    public boolean isTokenFlow() {
        return unit == Quantity.Unit.TOKENS && cadence != Cadence.ITEM;
    }

    /**
     * The measure of identifier {@code id}, or an error that lists the valid ones.
     *
     * @param id the id
     * @return the measure of identifier {@code id}, or an error that lists the valid ones
     */
    public static Measure fromId(String id) {
        Objects.requireNonNull(id, "id");
        for (Measure m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Measure m : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(m.id);
        }
        throw new IllegalArgumentException("measure (" + id + ") must be one of " + known);
    }

    /**
     * The measure for a token flow of {@code cadence}.
     *
     * @param cadence the cadence
     * @return the measure for a token flow of {@code cadence}
     */
    public static Measure tokensPer(Cadence cadence) {
        switch (cadence) {
            case DAY: return TOKENS_PER_DAY;
            case WEEK: return TOKENS_PER_WEEK;
            case MONTH: return TOKENS_PER_MONTH;
            case YEAR: return TOKENS_PER_YEAR;
            default: throw new IllegalArgumentException("cadence (" + cadence + ") is not a span of time");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
