/**
 * What tokens cost: price tables read from LiteLLM's {@code model_prices_and_context_window.json}
 * or OpenRouter's models list ({@link io.tokenmetrics.cost.PriceTable}), model names matched to
 * their entries by documented rules ({@link io.tokenmetrics.cost.PriceMatch}), and the cost of a
 * request or of a bucket of requests from its token parts ({@link io.tokenmetrics.cost.ModelPrice}).
 * Prices are exact decimals, never binary floating point.
 */
package io.tokenmetrics.cost;
