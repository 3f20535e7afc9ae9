package io.tokenmetrics.cost;

/** A well-formed price table with a price that cannot be a price; the message names the file, the JSON path and the value. */
public final class InvalidPriceTableException extends PriceTableException {
    private static final long serialVersionUID = 1L;

    InvalidPriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
