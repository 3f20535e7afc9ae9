package io.tokenmetrics.calc;

/** The outcome of checking a stated claim against the figures. */
public enum Verdict {
    /** The figures give the stated value, within the documented tolerance. */
    CONSISTENT,
    /** The figures give a different value. */
    INCONSISTENT,
    /** The figures needed to decide were not published (or ranges overlap the threshold). */
    UNDECIDABLE,
    /**
     * The claim cannot be computed from this dataset at all: it names a series the dataset does
     * not have, or figures of different measures. Only {@link ClaimChecker#checkAll} gives it, so
     * that one broken claim does not hide the others.
     */
    ERROR;

    /**
     * The verdict in words, in {@code language} ("consistent", "不一致").
     *
     * @param language the language
     * @return the label
     */
    public String label(io.tokenmetrics.amount.Language language) {
        return io.tokenmetrics.internal.Messages.get(java.util.Objects.requireNonNull(language, "language"),
                "verdict." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
