package io.tokenmetrics.cost;

/**
 * A price table that cannot be used. {@link MalformedPriceTableException}: not JSON, or not in
 * either format. {@link InvalidPriceTableException}: well-formed, but a price is not a decimal
 * number of dollars per token, or is negative. The message names the file and the JSON path.
 */
public abstract class PriceTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
