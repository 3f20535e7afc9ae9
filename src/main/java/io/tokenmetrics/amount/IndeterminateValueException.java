package io.tokenmetrics.amount;

/**
 * A single value was needed where the data has none: a range or a bound where a point is
 * required, an unbounded quantity's midpoint, an entry off a ranking. It is the data, not the
 * program, that cannot support the calculation; the command line reports it as a usage error
 * (exit 2), while any other {@link IllegalStateException} is an internal error (exit 3).
 */
public final class IndeterminateValueException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with this message.
     *
     * @param message what has no single value, and why one was needed
     */
    public IndeterminateValueException(String message) {
        super(message);
    }
}
