/**
 * Request-level usage logs (CSV or JSON Lines, one row per request) aggregated by period and by
 * any dimensions into exact token totals, and from there into series that the
 * {@code Calculator} works on. Streaming: memory grows with the number of groups, not rows.
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.usage;
