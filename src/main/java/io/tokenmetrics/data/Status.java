package io.tokenmetrics.data;

import java.util.Locale;

/** How firm a figure is, as its source presents it. */
public enum Status {
    /** Reported as having happened. */
    REPORTED,
    /** An estimate of something that happened. */
    ESTIMATE,
    /** A goal someone set. */
    TARGET,
    /** A prediction. */
    FORECAST;

    /**
     * The lower-case name used in data files.
     *
     * @return the lower-case name used in data files
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status in words, in {@code language} ("已报道", "预测").
     *
     * @param language the language
     * @return the label
     */
    public String label(io.tokenmetrics.amount.Language language) {
        return io.tokenmetrics.internal.Messages.get(java.util.Objects.requireNonNull(language, "language"), "status." + id());
    }

    /**
     * The status of {@code id}, or an error that lists the valid ones.
     *
     * @param id the id
     * @return the status of {@code id}, or an error that lists the valid ones
     */
    public static Status fromId(String id) {
        for (Status s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status (" + id + ") must be one of reported, estimate, target, forecast");
    }
}
