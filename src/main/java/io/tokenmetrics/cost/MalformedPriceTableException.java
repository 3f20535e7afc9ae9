package io.tokenmetrics.cost;

/** A price table that is not JSON, or in neither LiteLLM's nor OpenRouter's format; the message names the file and where. */
public final class MalformedPriceTableException extends PriceTableException {
    private static final long serialVersionUID = 1L;

    MalformedPriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
