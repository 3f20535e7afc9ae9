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
    /**
     * Input tokens above which one request is priced at a long-context tier (LiteLLM's
     * {@code _above_200k_tokens}, Anthropic's long-context rates): the rows above it are kept apart
     * ({@link #largeRequests()}, {@link #undecidedRows()}). The one definition of the threshold;
     * {@code ModelPrice.TIER_THRESHOLD} is this.
     */
    public static final long LARGE_INPUT = 200_000;

    private final TimePeriod period;
    private final List<String> dimensions;
    private final long requests;
    private final boolean requestsKnown;
    private final long input;
    private final long output;
    private final long cacheRead;
    private final long cacheWrite;
    private final long reasoning;
    private final long cacheWrite1h;
    private final UsageGroup large;
    private final UsageGroup undecided;
    private final java.math.BigDecimal logged;
    private final long loggedMissing;

    private UsageGroup(TimePeriod period, List<String> dimensions, long[] sums, int from, long cacheWrite1h, UsageGroup large,
            UsageGroup undecided, java.math.BigDecimal logged, long loggedMissing) {
        this.cacheWrite1h = cacheWrite1h;
        this.period = period;
        this.dimensions = dimensions;
        this.requests = sums[from];
        this.requestsKnown = sums[from + 1] == 0;
        this.input = sums[from + 2];
        this.output = sums[from + 3];
        this.cacheRead = sums[from + 4];
        this.cacheWrite = sums[from + 5];
        this.reasoning = sums[from + 6];
        this.large = large;
        this.undecided = undecided;
        this.logged = logged;
        this.loggedMissing = loggedMissing;
    }

    /**
     * A group from an aggregation's sums and extras ({@link Accumulator#EXTRA}) and its logged cost
     * (null: none); rows without a logged cost are counted only when some row of the aggregation had one.
     */
    static UsageGroup of(TimePeriod period, List<String> dimensions, long[] sums, java.math.BigDecimal loggedCost, boolean anyLogged) {
        List<String> dims = Collections.unmodifiableList(dimensions);
        int x = Accumulator.SUMS;
        UsageGroup large = new UsageGroup(period, dims, sums, x + Accumulator.LARGE, sums[x + Accumulator.CACHE_1H_LARGE], null, null, null, 0);
        UsageGroup undecided = new UsageGroup(period, dims, sums, x + Accumulator.UNDECIDED, sums[x + Accumulator.CACHE_1H_UNDECIDED], null,
                null, null, 0);
        long missing = anyLogged ? sums[x + Accumulator.LOGGED_MISSING] : 0;
        java.math.BigDecimal cost = missing == 0 && sums[x + Accumulator.LOGGED_ROWS] > 0 ? loggedCost : null;
        return new UsageGroup(period, dims, sums, 0, sums[x + Accumulator.CACHE_1H], large, undecided, cost, missing);
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
     * Cache writes kept for one hour (part of {@link #cacheWriteTokens()}), priced above the
     * five-minute writes: Anthropic's {@code cache_creation.ephemeral_1h_input_tokens}, in Claude
     * Code's logs, Messages API responses and the usage report. 0 when the source does not tell
     * the durations apart: then every cache write is taken as a five-minute one.
     *
     * @return one-hour cache writes
     */
    public long cacheWrite1hTokens() {
        return cacheWrite1h;
    }

    /**
     * Reasoning tokens (part of {@link #outputTokens()}; 0 when the source has none).
     *
     * @return reasoning tokens (part of {@link #outputTokens()}; 0 when the source has none)
     */
    public long reasoningTokens() {
        return reasoning;
    }

    /**
     * The part of this group made of single requests whose input was above 200,000 tokens
     * (the threshold of long-context prices, {@code ModelPrice.TIER_THRESHOLD}): rows of
     * request-level logs, and export rows that stand for exactly one request. All zero when
     * there were none. Its own {@code largeRequests()} and {@code undecidedRows()} are all zero.
     *
     * @return the single requests above 200,000 input tokens, summed
     */
    public UsageGroup largeRequests() {
        return large != null ? large : empty();
    }

    /**
     * The part of this group made of rows that each sum several requests (or an unknown number)
     * with more than 200,000 input tokens together: some of those requests may have been above
     * the threshold, and which is not known. All zero when there were none. The rest of the group
     * (the sums minus {@link #largeRequests()} and this) is known to be requests of at most
     * 200,000 input tokens each.
     *
     * @return the rows that may hold requests above 200,000 input tokens, summed
     */
    public UsageGroup undecidedRows() {
        return undecided != null ? undecided : empty();
    }

    private UsageGroup empty() {
        return new UsageGroup(period, dimensions, new long[Accumulator.SUMS], 0, 0, null, null, null, 0);
    }

    /**
     * The source's own cost of the group in US dollars (Claude Code's {@code costUSD}, LiteLLM's
     * {@code spend}), summed exactly; empty when the source logs no cost, or when any row of the
     * group lacked it ({@link #rowsWithoutLoggedCost()}): a partial sum is never shown as the
     * whole.
     *
     * @return the logged cost, or empty
     */
    public java.util.Optional<java.math.BigDecimal> loggedCost() {
        return java.util.Optional.ofNullable(logged);
    }

    /**
     * Rows of this group that lacked the cost field, when other rows of the aggregation had one (0
     * when no row had one: then the source logged no cost).
     *
     * @return rows of this group without a logged cost
     */
    public long rowsWithoutLoggedCost() {
        return loggedMissing;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsageGroup)) {
            return false;
        }
        UsageGroup g = (UsageGroup) o;
        return period.equals(g.period) && dimensions.equals(g.dimensions) && requests == g.requests && requestsKnown == g.requestsKnown
                && input == g.input && output == g.output && cacheRead == g.cacheRead && cacheWrite == g.cacheWrite && reasoning == g.reasoning
                && cacheWrite1h == g.cacheWrite1h && largeRequests().sums(g.largeRequests()) && undecidedRows().sums(g.undecidedRows()) && (logged == null ? g.logged == null : g.logged != null && logged.compareTo(g.logged) == 0)
                && loggedMissing == g.loggedMissing;
    }

    private boolean sums(UsageGroup g) {
        return requests == g.requests && requestsKnown == g.requestsKnown && input == g.input && output == g.output && cacheRead == g.cacheRead
                && cacheWrite == g.cacheWrite && reasoning == g.reasoning && cacheWrite1h == g.cacheWrite1h;
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, dimensions, requests, requestsKnown, input, output, cacheRead, cacheWrite, cacheWrite1h, reasoning, logged == null ? null : logged.stripTrailingZeros(), loggedMissing);
    }

    @Override
    public String toString() {
        return period + " " + dimensions + ": " + (requestsKnown ? requests + " requests, " : "") + input + " in (" + cacheRead
                + " cache read, " + cacheWrite + " cache write" + (cacheWrite1h > 0 ? ", " + cacheWrite1h + " of it 1h" : "") + "), " + output + " out (" + reasoning + " reasoning), " + totalTokens() + " total"
                + (logged != null ? ", logged cost " + logged.toPlainString() : "");
    }
}
