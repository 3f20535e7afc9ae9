/**
 * Published figures as data: {@link io.tokenmetrics.data.Observation observations} with their
 * source sentence and fact id, {@link io.tokenmetrics.data.Series series} of one subject and
 * {@link io.tokenmetrics.data.Measure measure}, stated {@link io.tokenmetrics.data.Claim claims},
 * and the {@link io.tokenmetrics.data.Dataset dataset} that holds them: the bundled one or one read
 * from a user's JSON file in the same format (see {@code docs/data-format.md}).
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.data;
