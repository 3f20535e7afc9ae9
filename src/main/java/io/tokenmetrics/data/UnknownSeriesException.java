package io.tokenmetrics.data;

/** A series id that a dataset does not have; the message lists the closest ids it has. */
public final class UnknownSeriesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The series id that was asked for. */
    private final String id;

    UnknownSeriesException(String id, String message) {
        super(message);
        this.id = id;
    }

    /**
     * The id asked for.
     *
     * @return the id asked for
     */
    public String id() {
        return id;
    }
}
