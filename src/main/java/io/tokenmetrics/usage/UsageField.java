package io.tokenmetrics.usage;

import java.util.Locale;

/**
 * The fields of a usage row that {@code --map FIELD=COLUMN} can point at another column. The
 * token fields keep the one meaning of this library: input includes cache reads and writes,
 * output includes reasoning.
 */
public enum UsageField {
    /** When the request happened: ISO-8601, or epoch seconds, milliseconds, microseconds or nanoseconds. */
    TIMESTAMP(Slot.TIMESTAMP),
    /** All input tokens, cache reads and writes included. */
    INPUT(Slot.INPUT),
    /** All output tokens, reasoning included. */
    OUTPUT(Slot.OUTPUT),
    /** Input tokens read from a cache (part of the input). {@code cached} is accepted as its name. */
    CACHE_READ(Slot.CACHE_READ),
    /** Input tokens written to a cache (part of the input). */
    CACHE_WRITE(Slot.CACHE_WRITE),
    /** Reasoning tokens (part of the output). */
    REASONING(Slot.REASONING),
    /** A stated total, checked against input + output. */
    TOTAL(Slot.TOTAL),
    /** How many requests a row stands for (absent: one). */
    REQUESTS(Slot.REQUESTS),
    /** A request id: a row whose id was seen before counts once. */
    REQUEST_ID(Slot.ID),
    /** The source's own cost of a row in US dollars, compared with the computed cost. */
    COST(Slot.COST);

    final Slot slot;

    UsageField(Slot slot) {
        this.slot = slot;
    }

    /**
     * The field of a name such as {@code input} or {@code cache_read}, or an error listing the valid ones.
     *
     * @param name the name, for messages
     * @return the field of a name such as {@code input} or {@code cache_read}, or an error listing the valid ones
     * @throws IllegalArgumentException for an unknown name
     * @throws NullPointerException if {@code name} is null
     */
    public static UsageField fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.equals("CACHED")) {
            return CACHE_READ;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field (" + name
                    + ") must be one of timestamp, input, output, cache_read, cache_write, reasoning, total, requests, request_id, cost");
        }
    }

    /**
     * The lower-case name, as {@code --map} takes it.
     *
     * @return the lower-case name, as {@code --map} takes it
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
