/**
 * The {@link io.tokenmetrics.calc.Calculator}: growth, period-over-period changes and streaks,
 * implied values, region comparisons, shares, projections, cadence conversion and claim checks,
 * with immutable results that keep the exact numbers and what they were computed from. Every
 * formula and edge case is written down in {@code docs/calculations.md}.
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.calc;
