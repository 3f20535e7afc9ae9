package io.tokenmetrics.calc;

/** Which side of a comparison is larger. */
public enum Leader {
    /** The first series is larger. */
    FIRST,
    /** The second series is larger. */
    SECOND,
    /** Both are equal. */
    TIE,
    /** Not known: a value is missing, or ranges overlap. */
    UNKNOWN
}
