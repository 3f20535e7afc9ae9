package io.tokenmetrics.usage;

import io.tokenmetrics.period.TimePeriod;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One row of an aggregation: a period, the dimension values, and exact sums. Immutable. */
public final class UsageGroup {
    private final TimePeriod period;
    private final List<String> dimensions;
    private final long requests;
    private final long input;
    private final long output;
    private final long cached;
    private final long reasoning;
    private final long total;

    UsageGroup(TimePeriod period, List<String> dimensions, long requests, long input, long output, long cached, long reasoning, long total) {
        this.period = period;
        this.dimensions = Collections.unmodifiableList(dimensions);
        this.requests = requests;
        this.input = input;
        this.output = output;
        this.cached = cached;
        this.reasoning = reasoning;
        this.total = total;
    }

    /** The period (a day, an ISO week or a month, in the aggregation's time zone). */
    public TimePeriod period() {
        return period;
    }

    /** The values of the {@code --by} dimensions, in their order. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** Rows counted. */
    public long requests() {
        return requests;
    }

    /** Sum of input tokens. */
    public long inputTokens() {
        return input;
    }

    /** Sum of output tokens. */
    public long outputTokens() {
        return output;
    }

    /** Sum of cached input tokens (0 when the log has none). */
    public long cachedTokens() {
        return cached;
    }

    /** Sum of reasoning tokens (0 when the log has none). */
    public long reasoningTokens() {
        return reasoning;
    }

    /** Sum of total tokens: the total column where present, else input + output per row. */
    public long totalTokens() {
        return total;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsageGroup)) {
            return false;
        }
        UsageGroup g = (UsageGroup) o;
        return period.equals(g.period) && dimensions.equals(g.dimensions) && requests == g.requests && input == g.input
                && output == g.output && cached == g.cached && reasoning == g.reasoning && total == g.total;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, dimensions, requests, input, output, cached, reasoning, total);
    }

    @Override
    public String toString() {
        return period + " " + dimensions + ": " + requests + " requests, " + input + " in, " + output + " out, " + total + " total";
    }
}
