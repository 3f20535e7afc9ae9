/**
 * Exact token amounts and the published figures that are not single points.
 *
 * <p>{@link io.tokenmetrics.amount.TokenAmount} is an exact whole number of tokens that parses and
 * formats Chinese (万, 亿, 万亿, 千万亿) and English (K, M, B, T, Q, thousand … quadrillion) units.
 * {@link io.tokenmetrics.amount.Quantity} is what an article states: a point, an approximate
 * value, a range ("15-20万亿") or a bound ("突破30万亿"), and the interval arithmetic that carries
 * those through a calculation.
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.amount;
