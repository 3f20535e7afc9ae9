/**
 * The {@code token-metrics} command line: the briefing that reproduces and checks the articles,
 * the calculator for any series, charts, and aggregation of usage logs and OpenRouter rankings.
 * Only {@link io.tokenmetrics.cli.Main} is public; see {@code docs/cli.md}.
 */
package io.tokenmetrics.cli;
