package io.tokenmetrics.data;

/** Well-formed JSON that is not a valid dataset: location is a JSON path. */
public final class InvalidDatasetException extends DatasetException {
    private static final long serialVersionUID = 1L;

    InvalidDatasetException(String sourceName, String path, String detail, Throwable cause) {
        super(sourceName, path, detail, cause);
    }
}
