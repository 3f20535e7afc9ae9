package io.tokenmetrics.usage;

/**
 * A usage log that cannot be aggregated: the message names the file, the line and the offending
 * value, as {@code usage.csv:17: input_tokens ("12x") is not a whole number}.
 */
public final class UsageLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file (or stream) name. */
    private final String file;
    /** The 1-based line, or 0. */
    private final long line;

    /**
     * An error in an input, for readers of usage logs outside this package (the Spark job).
     *
     * @param file the file or input name
     * @param line the 1-based line, or 0 when the error is not about one line
     * @param detail what is wrong, naming the field and the value
     */
    public UsageLogException(String file, long line, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
    }

    /**
     * The file.
     *
     * @return the file
     */
    public String file() {
        return file;
    }

    /**
     * The 1-based line, or 0 when the error is not about one line.
     *
     * @return the 1-based line, or 0 when the error is not about one line
     */
    public long line() {
        return line;
    }
}
