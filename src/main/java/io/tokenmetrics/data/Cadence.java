package io.tokenmetrics.data;

import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.period.TimePeriod;

/** What span one value of a measure covers: a day, a week, a month, a year, one item, or none. */
public enum Cadence {
    /** A daily figure: the total of one day, or the daily average (日均) over a longer period. */
    DAY,
    /** A weekly total (周调用量). */
    WEEK,
    /** A monthly total. */
    MONTH,
    /** A yearly total. */
    YEAR,
    /** Per item, such as tokens per video. */
    ITEM,
    /** Not a flow over time: a count of users, a price change. */
    NONE;

    /**
     * The days one value covers at {@code period}: 1 for a day, 7 for a week, the length of the
     * month or year for monthly or yearly totals, whose period must then be that month or year.
     *
     * @param period the period
     * @return the days one value covers at {@code period}: 1 for a day, 7 for a week, the length of the month or year for
     *     monthly or yearly totals, whose period must then be that month or year
     * @throws IllegalArgumentException for item and none cadences, or a monthly/yearly total whose
     *     period is not a month/year, naming both
     */
    public int days(TimePeriod period) {
        switch (this) {
            case DAY: return 1;
            case WEEK: return 7;
            case MONTH:
                if (period.type() != PeriodType.MONTH) {
                    throw new IllegalArgumentException("a monthly total needs a month period, not " + period);
                }
                return period.lengthInDays();
            case YEAR:
                if (period.type() != PeriodType.YEAR) {
                    throw new IllegalArgumentException("a yearly total needs a year period, not " + period);
                }
                return period.lengthInDays();
            default:
                throw new IllegalArgumentException("a " + name().toLowerCase(java.util.Locale.ROOT) + " cadence is not a span of days");
        }
    }
}
