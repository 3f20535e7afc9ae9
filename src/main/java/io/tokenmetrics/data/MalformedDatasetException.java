package io.tokenmetrics.data;

/** The input is not well-formed JSON (or is too large or deep to read): location is {@code line:column}. */
public final class MalformedDatasetException extends DatasetException {
    private static final long serialVersionUID = 1L;

    MalformedDatasetException(String sourceName, String location, String detail, Throwable cause) {
        super(sourceName, location, detail, cause);
    }
}
