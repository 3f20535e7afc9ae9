package io.tokenmetrics.calc;

/** Which of two values is larger, before the values are tied to series: the calculations' own. */
enum Side {
    FIRST,
    SECOND,
    TIE,
    UNKNOWN
}
