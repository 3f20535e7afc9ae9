package io.tokenmetrics.usage;

import io.tokenmetrics.period.TimePeriod;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of an aggregation: a period, the dimension values, and exact sums in one meaning:
 * input includes cache reads and writes, output includes reasoning, total is input + output.
 * Immutable and thread-safe.
 */
public final class UsageGroup {
    private final TimePeriod period;
    private final List<String> dimensions;
    private final long requests;
    private final boolean requestsKnown;
    private final long input;
    private final long output;
    private final long cacheRead;
    private final long cacheWrite;
    private final long reasoning;

    UsageGroup(TimePeriod period, List<String> dimensions, long[] sums) {
        this.period = period;
        this.dimensions = Collections.unmodifiableList(dimensions);
        this.requests = sums[0];
        this.requestsKnown = sums[1] == 0;
        this.input = sums[2];
        this.output = sums[3];
        this.cacheRead = sums[4];
        this.cacheWrite = sums[5];
        this.reasoning = sums[6];
    }

    /**
     * The period (a day, an ISO week or a month, in the aggregation's time zone).
     *
     * @return the period (a day, an ISO week or a month, in the aggregation's time zone)
     */
    public TimePeriod period() {
        return period;
    }

    /**
     * The values of the {@code --by} dimensions, in their order.
     *
     * @return the values of the {@code --by} dimensions, in their order
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * Requests: one a request-level row, or an export row's own count ({@code num_model_requests});
     * empty when any row of the group came from a source without a request count.
     *
     * @return the request count, or empty when unknown
     */
    public OptionalLong requests() {
        return requestsKnown ? OptionalLong.of(requests) : OptionalLong.empty();
    }

    /**
     * All input tokens, cache reads and cache writes included.
     *
     * @return all input tokens, cache reads and cache writes included
     */
    public long inputTokens() {
        return input;
    }

    /**
     * All output tokens, reasoning included.
     *
     * @return all output tokens, reasoning included
     */
    public long outputTokens() {
        return output;
    }

    /**
     * Input + output.
     *
     * @return input + output
     */
    public long totalTokens() {
        return input + output;
    }

    /**
     * Input tokens read from a cache (part of {@link #inputTokens()}; 0 when the source has none).
     *
     * @return input tokens read from a cache (part of {@link #inputTokens()}; 0 when the source has none)
     */
    public long cacheReadTokens() {
        return cacheRead;
    }

    /**
     * Input tokens written to a cache (part of {@link #inputTokens()}; 0 when the source has none).
     *
     * @return input tokens written to a cache (part of {@link #inputTokens()}; 0 when the source has none)
     */
    public long cacheWriteTokens() {
        return cacheWrite;
    }

    /**
     * Reasoning tokens (part of {@link #outputTokens()}; 0 when the source has none).
     *
     * @return reasoning tokens (part of {@link #outputTokens()}; 0 when the source has none)
     */
    public long reasoningTokens() {
        return reasoning;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsageGroup)) {
            return false;
        }
        UsageGroup g = (UsageGroup) o;
        return period.equals(g.period) && dimensions.equals(g.dimensions) && requests == g.requests && requestsKnown == g.requestsKnown
                && input == g.input && output == g.output && cacheRead == g.cacheRead && cacheWrite == g.cacheWrite && reasoning == g.reasoning;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, dimensions, requests, requestsKnown, input, output, cacheRead, cacheWrite, reasoning);
    }

    @Override
    public String toString() {
        return period + " " + dimensions + ": " + (requestsKnown ? requests + " requests, " : "") + input + " in (" + cacheRead
                + " cache read, " + cacheWrite + " cache write), " + output + " out (" + reasoning + " reasoning), " + totalTokens() + " total";
    }
}
