/**
 * OpenRouter's Data API (daily token totals of the top public models, CC BY 4.0): reading saved
 * responses, fetching them with the user's key, mapping model authors to regions, and turning
 * the days into weekly series and rankings for the {@code Calculator}.
 * Citation required with any figure: "Source: OpenRouter (openrouter.ai/rankings), as of {as_of}."
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.openrouter;
