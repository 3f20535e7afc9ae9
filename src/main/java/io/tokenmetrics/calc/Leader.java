package io.tokenmetrics.calc;

import java.util.Objects;
import java.util.Optional;

/**
 * Which series of a comparison is larger: a series by its id, a tie, or unknown (a value is
 * missing, or two ranges overlap). Immutable and thread-safe; {@code toString} gives the series
 * id, {@code tie} or {@code unknown}.
 */
public final class Leader {
    /** The kind of answer. */
    public enum Kind {
        /** One series is larger: {@link #series()} names it. */
        SERIES,
        /** Both are equal. */
        TIE,
        /** Not known: a value is missing, or the values' ranges overlap. */
        UNKNOWN
    }

    /** Both values are equal. */
    public static final Leader TIE = new Leader(Kind.TIE, null);
    /** Not known. */
    public static final Leader UNKNOWN = new Leader(Kind.UNKNOWN, null);

    private final Kind kind;
    private final String series;

    private Leader(Kind kind, String series) {
        this.kind = kind;
        this.series = series;
    }

    /**
     * The series with this id leads.
     *
     * @param seriesId the id of the larger series
     * @return the leader
     * @throws NullPointerException if {@code seriesId} is null
     */
    public static Leader series(String seriesId) {
        return new Leader(Kind.SERIES, Objects.requireNonNull(seriesId, "seriesId"));
    }

    static Leader of(Side side, String first, String second) {
        switch (side) {
            case FIRST: return series(first);
            case SECOND: return series(second);
            case TIE: return TIE;
            default: return UNKNOWN;
        }
    }

    /**
     * The kind of answer.
     *
     * @return a series, a tie or unknown
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The id of the leading series; empty for a tie or when unknown.
     *
     * @return the series id, if one leads
     */
    public Optional<String> series() {
        return Optional.ofNullable(series);
    }

    /**
     * Whether the series with this id leads.
     *
     * @param seriesId a series id
     * @return true if that series is the larger one
     */
    public boolean is(String seriesId) {
        return seriesId != null && seriesId.equals(series);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Leader && ((Leader) o).kind == kind && Objects.equals(((Leader) o).series, series);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, series);
    }

    @Override
    public String toString() {
        return kind == Kind.SERIES ? series : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
