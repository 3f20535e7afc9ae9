package io.tokenmetrics.period;

/** The kinds of {@link TimePeriod}. */
public enum PeriodType {
    /** One calendar day, {@code 2026-04-13}. */
    DAY,
    /** An ISO-8601 week, Monday to Sunday, {@code 2026-W16}. */
    WEEK,
    /** A calendar month, {@code 2026-02}. */
    MONTH,
    /** A calendar quarter, {@code 2026-Q1}. */
    QUARTER,
    /** A half-year, {@code 2026-H1}. */
    HALF_YEAR,
    /** A calendar year, {@code 2025}. */
    YEAR,
    /** The approximate point "start of year" (年初), {@code start-2024}. */
    START_OF_YEAR,
    /** The approximate point "middle of year" (年中), {@code mid-2025}. */
    MID_YEAR,
    /** The approximate point "end of year" (年底), {@code end-2024}. */
    END_OF_YEAR;

    /**
     * Whether this is an approximate point in time rather than an interval of days.
     *
     * @return whether this is an approximate point in time rather than an interval of days
     */
    public boolean isApproximatePoint() {
        return this == START_OF_YEAR || this == MID_YEAR || this == END_OF_YEAR;
    }
}
