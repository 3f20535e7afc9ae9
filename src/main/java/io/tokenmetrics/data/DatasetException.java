package io.tokenmetrics.data;

/**
 * A dataset that cannot be read. Two kinds, as in Moshi: {@link MalformedDatasetException} (not
 * well-formed JSON: the location is line and column) and {@link InvalidDatasetException}
 * (well-formed JSON that is not a valid dataset: the location is a JSON path such as
 * {@code $.series[2].observations[0].value}). The message is always
 * {@code <source>: <location>: <what is wrong, with the offending value>}.
 */
public abstract class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file or stream name. */
    private final String sourceName;
    /** Where in it: a JSON path or line:column. */
    private final String location;
    /** What is wrong, with the offending value. */
    private final String detail;

    DatasetException(String sourceName, String location, String detail, Throwable cause) {
        super(sourceName + ": " + location + ": " + detail, cause);
        this.sourceName = sourceName;
        this.location = location;
        this.detail = detail;
    }

    /**
     * The file name or stream name that was read.
     *
     * @return the file name or stream name that was read
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * Line and column ({@code 3:15}) or JSON path ({@code $.series[0].id}).
     *
     * @return line and column ({@code 3:15}) or JSON path ({@code $.series[0].id})
     */
    public String location() {
        return location;
    }

    /**
     * What is wrong, without the source and location.
     *
     * @return what is wrong, without the source and location
     */
    public String detail() {
        return detail;
    }
}
