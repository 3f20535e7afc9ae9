package io.tokenmetrics.amount;

/**
 * Text that is not an amount or quantity: carries the whole input and the index at which parsing
 * failed, as {@link java.time.format.DateTimeParseException} does.
 */
public final class AmountParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The text that failed to parse. */
    private final String input;
    /** The index in {@link #input} where parsing failed. */
    private final int errorIndex;

    AmountParseException(String reason, CharSequence input, int errorIndex) {
        super("cannot parse \"" + shorten(input) + "\" at index " + errorIndex + ": " + reason);
        this.input = input == null ? null : input.toString();
        this.errorIndex = errorIndex;
    }

    /**
     * The text that failed to parse.
     *
     * @return the text that failed to parse
     */
    public String getInput() {
        return input;
    }

    /**
     * The index in {@link #getInput()} where parsing failed.
     *
     * @return the index in {@link #getInput()} where parsing failed
     */
    public int getErrorIndex() {
        return errorIndex;
    }

    /** Long inputs are cut in the message (never in {@link #getInput()}) so one bad cell cannot flood a log. */
    static String shorten(CharSequence s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 80 ? s.toString() : s.subSequence(0, 77) + "...";
    }
}
