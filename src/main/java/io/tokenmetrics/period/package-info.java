/**
 * Reporting periods: days, ISO weeks, months, quarters, half-years, years, and the approximate
 * points articles use ("end of 2024", "mid 2025"), with the elapsed time between them in years.
 */
package io.tokenmetrics.period;
