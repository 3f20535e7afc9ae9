package io.tokenmetrics.calc;

/** Which way a value moved between two periods. */
public enum Direction {
    /** Higher than before. */
    RISE,
    /** Lower than before. */
    FALL,
    /** Unchanged. */
    FLAT,
    /** Ranges or bounds overlap, so the direction cannot be decided. */
    UNDECIDED
}
