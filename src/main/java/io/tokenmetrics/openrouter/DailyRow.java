package io.tokenmetrics.openrouter;

import java.time.LocalDate;
import java.util.Objects;

/** One row of the Data API: a day, a model permaslug ({@code other} for the rest), total tokens. Immutable. */
public final class DailyRow {
    /** The reserved permaslug of the row that sums all models outside the top 50. */
    public static final String OTHER = "other";

    private final LocalDate date;
    private final String permaslug;
    private final long totalTokens;
    private final String asOf;
    private final java.time.Instant asOfInstant;

    /** For a row of a {@code period=week} response: the days of its ISO week the request covered; null for a day's row. */
    private final LocalDate coveredFrom;
    private final LocalDate coveredTo;

    DailyRow(LocalDate date, String permaslug, long totalTokens, String asOf, java.time.Instant asOfInstant) {
        this(date, permaslug, totalTokens, asOf, asOfInstant, null, null);
    }

    DailyRow(LocalDate date, String permaslug, long totalTokens, String asOf, java.time.Instant asOfInstant, LocalDate coveredFrom,
            LocalDate coveredTo) {
        this.coveredFrom = coveredFrom;
        this.coveredTo = coveredTo;
        this.date = date;
        this.permaslug = permaslug;
        this.totalTokens = totalTokens;
        this.asOf = asOf;
        this.asOfInstant = asOfInstant;
    }

    /**
     * The {@code meta.as_of} of the response as an instant, offsets applied.
     *
     * @return the {@code meta.as_of} of the response as an instant, offsets applied
     */
    public java.time.Instant asOfInstant() {
        return asOfInstant;
    }

    /**
     * Whether the row is a week's bucket ({@code period=week}): its {@link #date()} is the Monday,
     * its tokens those of the days {@link #coveredDays()} of that ISO week.
     *
     * @return true for a week's bucket
     */
    public boolean isWeek() {
        return coveredFrom != null;
    }

    /**
     * The days the row's tokens cover: its day, or for a week's bucket the days of the week that
     * the request's window covered (all seven for a whole week).
     *
     * @return the days covered, in order
     */
    public java.util.List<LocalDate> coveredDays() {
        java.util.List<LocalDate> out = new java.util.ArrayList<>();
        if (coveredFrom == null) {
            out.add(date);
            return out;
        }
        for (LocalDate d = coveredFrom; !d.isAfter(coveredTo); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    /**
     * The day (UTC).
     *
     * @return the day (UTC)
     */
    public LocalDate date() {
        return date;
    }

    /**
     * The model permaslug, such as {@code anthropic/claude-sonnet-4.6}, or {@link #OTHER}.
     *
     * @return the model permaslug, such as {@code anthropic/claude-sonnet-4.6}, or {@link #OTHER}
     */
    public String permaslug() {
        return permaslug;
    }

    /**
     * Prompt + completion tokens of that day.
     *
     * @return prompt + completion tokens of that day
     */
    public long totalTokens() {
        return totalTokens;
    }

    /**
     * The {@code meta.as_of} of the response the row came from.
     *
     * @return the {@code meta.as_of} of the response the row came from
     */
    public String asOf() {
        return asOf;
    }

    /**
     * The author: the part of the permaslug before '/' (the permaslug itself when it has none).
     *
     * @return the author: the part of the permaslug before '/' (the permaslug itself when it has none)
     */
    public String author() {
        int i = permaslug.indexOf('/');
        return i < 0 ? permaslug : permaslug.substring(0, i);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DailyRow)) {
            return false;
        }
        DailyRow r = (DailyRow) o;
        return date.equals(r.date) && permaslug.equals(r.permaslug) && totalTokens == r.totalTokens && asOf.equals(r.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, permaslug, totalTokens, asOf);
    }

    @Override
    public String toString() {
        return date + " " + permaslug + " " + totalTokens;
    }
}
