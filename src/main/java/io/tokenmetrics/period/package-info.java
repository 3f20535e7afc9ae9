/**
 * Reporting periods: days, ISO weeks, months, quarters, half-years, years, and the approximate
 * points articles use ("end of 2024", "mid 2025"), with the elapsed time between them in years.
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.period;
