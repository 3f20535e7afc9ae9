package io.tokenmetrics.calc;

/** The outcome of checking a stated claim against the figures. */
public enum Verdict {
    /** The figures give the stated value, within the documented tolerance. */
    CONSISTENT,
    /** The figures give a different value. */
    INCONSISTENT,
    /** The figures needed to decide were not published (or ranges overlap the threshold). */
    UNDECIDABLE
}
