/**
 * The {@link io.tokenmetrics.calc.Calculator}: growth, period-over-period changes and streaks,
 * implied values, region comparisons, shares, projections, cadence conversion and claim checks,
 * with immutable results that keep the exact numbers and what they were computed from. Every
 * formula and edge case is written down in {@code docs/calculations.md}.
 */
package io.tokenmetrics.calc;
