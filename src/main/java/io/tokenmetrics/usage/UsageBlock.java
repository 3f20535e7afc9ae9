package io.tokenmetrics.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of a usage block ({@link UsageAggregator#blocks}): a block's start and end, the
 * dimension values, and exact sums in the one meaning of {@link UsageGroup}, with the first and
 * last record's time. Rows of the active block also have a burn rate and a projection.
 * Immutable and thread-safe.
 */
public final class UsageBlock {
    private final Instant start;
    private final Instant end;
    private final List<String> dimensions;
    private final long requests;
    private final boolean requestsKnown;
    private final long input;
    private final long output;
    private final long cacheRead;
    private final long cacheWrite;
    private final long cacheWrite1h;
    private final long reasoning;
    private final Instant first;
    private final Instant last;
    private final boolean active;
    private final BigDecimal burnRate;
    private final Long projected;

    UsageBlock(Instant start, Instant end, List<String> dimensions, long[] sums, Instant first, Instant last, boolean active, Instant now) {
        this.start = start;
        this.end = end;
        this.dimensions = dimensions;
        this.requests = sums[0];
        this.requestsKnown = sums[1] == 0;
        this.input = sums[2];
        this.output = sums[3];
        this.cacheRead = sums[4];
        this.cacheWrite = sums[5];
        this.reasoning = sums[6];
        this.cacheWrite1h = sums[7];
        this.first = first;
        this.last = last;
        this.active = active;
        long seconds = last.getEpochSecond() - first.getEpochSecond();
        if (active && seconds > 0) {
            // tokens a minute over the time between the first and last record; the rest of the block at that pace
            BigDecimal total = BigDecimal.valueOf(input).add(BigDecimal.valueOf(output));
            BigDecimal perSecond = total.divide(BigDecimal.valueOf(seconds), 20, java.math.RoundingMode.HALF_EVEN);
            this.burnRate = perSecond.multiply(BigDecimal.valueOf(60)).setScale(2, java.math.RoundingMode.HALF_EVEN);
            long left = Math.max(0, end.getEpochSecond() - now.getEpochSecond());
            this.projected = total.add(perSecond.multiply(BigDecimal.valueOf(left))).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        } else {
            this.burnRate = null;
            this.projected = null;
        }
    }

    /**
     * The block's start: the hour (UTC) of its first record.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * The block's end, its length after the start (exclusive).
     *
     * @return the end
     */
    public Instant end() {
        return end;
    }

    /**
     * The dimension values, in the aggregator's order.
     *
     * @return the dimension values
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * Requests, or empty when a source of the rows has no request count.
     *
     * @return the request count, or empty
     */
    public OptionalLong requests() {
        return requestsKnown ? OptionalLong.of(requests) : OptionalLong.empty();
    }

    /**
     * All input tokens, cache reads and writes included.
     *
     * @return the input tokens
     */
    public long inputTokens() {
        return input;
    }

    /**
     * All output tokens, reasoning included.
     *
     * @return the output tokens
     */
    public long outputTokens() {
        return output;
    }

    /**
     * Input + output.
     *
     * @return the total
     */
    public long totalTokens() {
        return input + output;
    }

    /**
     * Cache reads (part of the input).
     *
     * @return the cache reads
     */
    public long cacheReadTokens() {
        return cacheRead;
    }

    /**
     * Cache writes (part of the input).
     *
     * @return the cache writes
     */
    public long cacheWriteTokens() {
        return cacheWrite;
    }

    /**
     * One-hour cache writes (part of the cache writes).
     *
     * @return the one-hour cache writes
     */
    public long cacheWrite1hTokens() {
        return cacheWrite1h;
    }

    /**
     * Reasoning (part of the output).
     *
     * @return the reasoning tokens
     */
    public long reasoningTokens() {
        return reasoning;
    }

    /**
     * The time of the row's first record.
     *
     * @return the first record's time
     */
    public Instant firstRecord() {
        return first;
    }

    /**
     * The time of the row's last record.
     *
     * @return the last record's time
     */
    public Instant lastRecord() {
        return last;
    }

    /**
     * Whether the block is the one the given {@code now} falls in.
     *
     * @return whether the block is active
     */
    public boolean active() {
        return active;
    }

    /**
     * For the active block: total tokens a minute, from the first record to the last, rounded
     * half-even to 2 places; empty for other blocks, and when the first and last record are in
     * the same second.
     *
     * @return the burn rate, or empty
     */
    public Optional<BigDecimal> burnRate() {
        return Optional.ofNullable(burnRate);
    }

    /**
     * For the active block: the total the row reaches at the block's end at its burn rate (the
     * total now + the unrounded rate × the seconds left), rounded half-even to a whole token;
     * empty where {@link #burnRate()} is.
     *
     * @return the projected total, or empty
     */
    public OptionalLong projectedTotal() {
        return projected == null ? OptionalLong.empty() : OptionalLong.of(projected);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsageBlock)) {
            return false;
        }
        UsageBlock b = (UsageBlock) o;
        return start.equals(b.start) && end.equals(b.end) && dimensions.equals(b.dimensions) && requests == b.requests
                && requestsKnown == b.requestsKnown && input == b.input && output == b.output && cacheRead == b.cacheRead
                && cacheWrite == b.cacheWrite && cacheWrite1h == b.cacheWrite1h && reasoning == b.reasoning && first.equals(b.first)
                && last.equals(b.last) && active == b.active && Objects.equals(burnRate, b.burnRate) && Objects.equals(projected, b.projected);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, dimensions, input, output, first, last);
    }

    @Override
    public String toString() {
        return start + ".." + end + " " + dimensions + ": " + (requestsKnown ? requests + " requests, " : "") + input + " in, " + output
                + " out, first " + first + ", last " + last + (active ? ", active" + (burnRate != null ? ", " + burnRate.toPlainString()
                + " tokens/min, projected " + projected : "") : "");
    }
}
