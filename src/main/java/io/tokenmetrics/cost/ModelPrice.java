package io.tokenmetrics.cost;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The prices of one model, in US dollars per token (per request for {@link #request()}), as one
 * price table gives them, and the cost of token counts at those prices.
 *
 * <p>The token parts follow this library's one meaning (see {@code docs/usage-sources.md}):
 * {@code input} includes cache reads and cache writes, {@code output} includes reasoning. So:
 *
 * <pre>
 * cost = (input - cacheRead - cacheWrite) × input price
 *      + cacheRead × cache-read price
 *      + (cacheWrite - cacheWrite1h) × cache-write price + cacheWrite1h × one-hour cache-write price
 *      + (output - reasoning) × output price + reasoning × reasoning price
 *      + requests × request price
 * </pre>
 *
 * where a missing cache price is the input price, a missing one-hour cache-write price is twice
 * the input price (Anthropic's published rate for one-hour writes, {@link #cacheWrite1hFromTable()}
 * says which), and a missing reasoning price is the output price (reasoning is billed as output
 * unless the table says otherwise). For one request whose
 * input is above 200,000 tokens, the {@code _above_200k_tokens} prices replace the base ones
 * where the table has them. Immutable and thread-safe.
 */
public final class ModelPrice {
    /** The input size above which a request is priced at the tier prices: {@link io.tokenmetrics.usage.UsageGroup#LARGE_INPUT}. */
    public static final long TIER_THRESHOLD = io.tokenmetrics.usage.UsageGroup.LARGE_INPUT;

    private final String key;
    private final String source;
    private final BigDecimal input;
    private final BigDecimal output;
    private final BigDecimal cacheRead;
    private final BigDecimal cacheWrite;
    private final BigDecimal reasoning;
    private final BigDecimal request;
    private final BigDecimal inputAbove;
    private final BigDecimal outputAbove;
    private final BigDecimal cacheReadAbove;
    private final BigDecimal cacheWriteAbove;
    private final BigDecimal cacheWrite1h;
    private final BigDecimal cacheWrite1hAbove;
    private final String provider;
    /** The prices of other service tiers, by tier ({@code flex}, {@code priority}, {@code batch}, {@code fast}). */
    private final java.util.Map<String, ModelPrice> tiers;

    private ModelPrice(Builder b) {
        this.tiers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.tiers));
        this.cacheWrite1h = b.cacheWrite1h;
        this.cacheWrite1hAbove = b.cacheWrite1hAbove;
        this.provider = b.provider;
        this.key = b.key;
        this.source = b.source;
        this.input = b.input;
        this.output = b.output;
        this.cacheRead = b.cacheRead;
        this.cacheWrite = b.cacheWrite;
        this.reasoning = b.reasoning;
        this.request = b.request;
        this.inputAbove = b.inputAbove;
        this.outputAbove = b.outputAbove;
        this.cacheReadAbove = b.cacheReadAbove;
        this.cacheWriteAbove = b.cacheWriteAbove;
    }

    /**
     * A builder for the prices of the entry {@code key}, from {@code source} (a file name or URL).
     *
     * @param key the entry's name in its table
     * @param source where the table came from
     * @param input dollars per input token
     * @param output dollars per output token
     * @return a builder
     * @throws IllegalArgumentException if a price is negative
     */
    public static Builder builder(String key, String source, BigDecimal input, BigDecimal output) {
        return new Builder(key, source, input, output);
    }

    /**
     * The entry's name in its table.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Where the table came from.
     *
     * @return the file or URL
     */
    public String source() {
        return source;
    }

    /**
     * Dollars per input token (not a cache read or write).
     *
     * @return the input price
     */
    public BigDecimal input() {
        return input;
    }

    /**
     * Dollars per output token.
     *
     * @return the output price
     */
    public BigDecimal output() {
        return output;
    }

    /**
     * Dollars per cache-read token, if the table gives it.
     *
     * @return the cache-read price
     */
    public Optional<BigDecimal> cacheRead() {
        return Optional.ofNullable(cacheRead);
    }

    /**
     * Dollars per cache-write token, if the table gives it.
     *
     * @return the cache-write price
     */
    public Optional<BigDecimal> cacheWrite() {
        return Optional.ofNullable(cacheWrite);
    }

    /**
     * Dollars per reasoning token, if the table prices reasoning apart from output.
     *
     * @return the reasoning price
     */
    public Optional<BigDecimal> reasoning() {
        return Optional.ofNullable(reasoning);
    }

    /**
     * Dollars per request, if the table gives it.
     *
     * @return the request price
     */
    public Optional<BigDecimal> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Whether the table gives prices for requests above {@link #TIER_THRESHOLD} input tokens.
     *
     * @return true if some tier price is given
     */
    public boolean hasTier() {
        return inputAbove != null || outputAbove != null || cacheReadAbove != null || cacheWriteAbove != null || cacheWrite1hAbove != null;
    }

    /**
     * The price of a cache write kept for one hour, as the table gives it (LiteLLM's
     * {@code cache_creation_input_token_cost_above_1hr}); empty when it does not, and then such
     * writes cost twice the input price.
     *
     * @return the table's one-hour cache-write price, or empty
     */
    public Optional<BigDecimal> cacheWrite1hFromTable() {
        return Optional.ofNullable(cacheWrite1h);
    }

    /**
     * The prices of the service tier a request was served at ({@code UsageAggregator.SERVICE_TIER}):
     * these for the standard tier (empty, {@code standard}, {@code default}, {@code auto}); the
     * table's {@code flex}, {@code priority} or {@code batch} prices (LiteLLM's {@code _flex},
     * {@code _priority}, {@code _batches} fields); for {@code fast}, Anthropic's fast-mode
     * multiplier of the input and output prices (LiteLLM's {@code provider_specific_entry.fast}),
     * else the priority prices (OpenAI renamed priority processing "fast"). Empty when the table has
     * no prices for that tier.
     *
     * @param tier the tier, as the log writes it
     * @return the prices of that tier, or empty
     */
    public Optional<ModelPrice> forTier(String tier) {
        String t = Objects.requireNonNull(tier, "tier").trim().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty() || t.equals("standard") || t.equals("default") || t.equals("auto")) {
            return Optional.of(this);
        }
        ModelPrice p = tiers.get(t);
        if (p == null && t.equals("fast")) {
            p = tiers.get("priority");
        }
        return Optional.ofNullable(p);
    }

    /**
     * Who serves the model at these prices, as the table says (LiteLLM's {@code litellm_provider}:
     * {@code anthropic}, {@code bedrock}, {@code vertex_ai-anthropic_models}…); empty when it does
     * not say. Of several entries for one model name, the first party's is preferred
     * ({@link PriceTable#match}).
     *
     * @return the provider, or empty
     */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * The cost of a group of an aggregation at these prices: its requests of at most 200,000
     * input tokens at the base prices, its single requests above at the tier prices, and its rows
     * of several requests above 200,000 together (which request crossed is unknown) as the range
     * between the two. One-hour cache writes at their own price. A request-level log is exact.
     *
     * @param g the group
     * @return the cost in US dollars: a point, or a range when the group has undecided rows
     * @throws IllegalArgumentException if the table prices requests and the group's request count is unknown
     */
    public io.tokenmetrics.amount.Quantity costOf(io.tokenmetrics.usage.UsageGroup g) {
        Objects.requireNonNull(g, "group");
        io.tokenmetrics.usage.UsageGroup large = g.largeRequests();
        io.tokenmetrics.usage.UsageGroup undecided = g.undecidedRows();
        boolean counted = g.requests().isPresent();
        if (request != null && !counted) {
            throw new IllegalArgumentException("group (" + g.period() + " " + g.dimensions() + ") has no request count, and " + key
                    + " is priced per request");
        }
        long baseRequests = counted ? g.requests().getAsLong() - large.requests().getAsLong() - undecided.requests().orElse(0) : 0;
        TokenParts base = TokenParts.of(g.inputTokens() - large.inputTokens() - undecided.inputTokens(),
                g.cacheReadTokens() - large.cacheReadTokens() - undecided.cacheReadTokens(),
                g.cacheWriteTokens() - large.cacheWriteTokens() - undecided.cacheWriteTokens(),
                g.outputTokens() - large.outputTokens() - undecided.outputTokens(),
                g.reasoningTokens() - large.reasoningTokens() - undecided.reasoningTokens())
                .withCacheWrite1h(g.cacheWrite1hTokens() - large.cacheWrite1hTokens() - undecided.cacheWrite1hTokens());
        io.tokenmetrics.amount.Quantity.Unit usd = io.tokenmetrics.amount.Quantity.Unit.USD;
        return io.tokenmetrics.amount.Quantity.of(costOfBucket(base, baseRequests), usd)
                .plus(io.tokenmetrics.amount.Quantity.of(costOfLargeRequests(parts(large), counted ? large.requests().getAsLong() : 0), usd))
                .plus(costOfBucketRange(parts(undecided), counted ? undecided.requests().orElse(0) : 0));
    }

    private static TokenParts parts(io.tokenmetrics.usage.UsageGroup g) {
        return TokenParts.of(g.inputTokens(), g.cacheReadTokens(), g.cacheWriteTokens(), g.outputTokens(), g.reasoningTokens())
                .withCacheWrite1h(g.cacheWrite1hTokens());
    }

    /**
     * The cost of one request: tier prices apply when its input is above 200,000 tokens.
     *
     * @param tokens the request's token parts
     * @return the cost in US dollars, exact
     */
    public BigDecimal costOfRequest(TokenParts tokens) {
        Objects.requireNonNull(tokens, "tokens");
        boolean above = tokens.input() > TIER_THRESHOLD;
        return cost(tokens, above, 1);
    }

    /**
     * The cost of many requests summed together (a bucket of a usage export): base prices only,
     * since which requests were above 200,000 input tokens is not known from a sum.
     *
     * @param tokens the summed token parts
     * @param requests the number of requests, for the request price
     * @return the cost in US dollars, exact
     */
    public BigDecimal costOfBucket(TokenParts tokens, long requests) {
        Objects.requireNonNull(tokens, "tokens");
        if (requests < 0) {
            throw new IllegalArgumentException("requests (" + requests + ") must be >= 0");
        }
        return cost(tokens, false, requests);
    }

    /**
     * The cost of requests that were each above 200,000 input tokens, summed together: tier
     * prices where the table has them, base prices where not.
     *
     * @param tokens the summed token parts of those requests
     * @param requests the number of requests, for the request price
     * @return the cost in US dollars, exact
     */
    public BigDecimal costOfLargeRequests(TokenParts tokens, long requests) {
        Objects.requireNonNull(tokens, "tokens");
        if (requests < 0) {
            throw new IllegalArgumentException("requests (" + requests + ") must be >= 0");
        }
        return cost(tokens, true, requests);
    }

    /**
     * The cost of many requests summed together, as an amount in US dollars. Exact when the
     * table has no tier prices, when the summed input is at most 200,000 tokens (then no request
     * in it was above), or when the sum is one request. Otherwise the range from every request
     * below 200,000 input tokens (base prices) to every request above (tier prices), since a sum
     * does not say which requests crossed the threshold.
     *
     * @param tokens the summed token parts
     * @param requests the number of requests
     * @return the cost, a point or a range
     */
    public io.tokenmetrics.amount.Quantity costOfBucketRange(TokenParts tokens, long requests) {
        BigDecimal base = costOfBucket(tokens, requests);
        if (requests == 1 && hasTier()) {
            return io.tokenmetrics.amount.Quantity.of(costOfRequest(tokens), io.tokenmetrics.amount.Quantity.Unit.USD);
        }
        if (!hasTier() || tokens.input() <= TIER_THRESHOLD) {
            return io.tokenmetrics.amount.Quantity.of(base, io.tokenmetrics.amount.Quantity.Unit.USD);
        }
        BigDecimal tiered = cost(tokens, true, requests);
        return base.compareTo(tiered) == 0 ? io.tokenmetrics.amount.Quantity.of(base, io.tokenmetrics.amount.Quantity.Unit.USD)
                : io.tokenmetrics.amount.Quantity.range(base.min(tiered), base.max(tiered), io.tokenmetrics.amount.Quantity.Unit.USD);
    }

    private BigDecimal cost(TokenParts t, boolean above, long requests) {
        BigDecimal in = pick(above, inputAbove, input);
        BigDecimal out = pick(above, outputAbove, output);
        // a missing cache price is the input price in force (the tier's, above 200k)
        BigDecimal cr = pick(above, cacheReadAbove, cacheRead != null ? cacheRead : in);
        BigDecimal cw = pick(above, cacheWriteAbove, cacheWrite != null ? cacheWrite : in);
        // Anthropic's one-hour writes cost twice the input price (the tier's, above 200k)
        BigDecimal cw1 = above && cacheWrite1hAbove != null ? cacheWrite1hAbove
                : cacheWrite1h != null && !(above && inputAbove != null) ? cacheWrite1h : in.add(in);
        BigDecimal r = reasoning != null ? reasoning : out;
        long uncached = t.input() - t.cacheRead() - t.cacheWrite();
        long plainOut = t.output() - t.reasoning();
        return BigDecimal.valueOf(uncached).multiply(in)
                .add(BigDecimal.valueOf(t.cacheRead()).multiply(cr))
                .add(BigDecimal.valueOf(t.cacheWrite() - t.cacheWrite1h()).multiply(cw))
                .add(BigDecimal.valueOf(t.cacheWrite1h()).multiply(cw1))
                .add(BigDecimal.valueOf(plainOut).multiply(out))
                .add(BigDecimal.valueOf(t.reasoning()).multiply(r))
                .add(request == null ? BigDecimal.ZERO : BigDecimal.valueOf(requests).multiply(request));
    }

    private static BigDecimal pick(boolean above, BigDecimal tier, BigDecimal base) {
        return above && tier != null ? tier : base;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ModelPrice)) {
            return false;
        }
        ModelPrice p = (ModelPrice) o;
        return key.equals(p.key) && source.equals(p.source) && same(input, p.input) && same(output, p.output) && same(cacheRead, p.cacheRead)
                && same(cacheWrite, p.cacheWrite) && same(reasoning, p.reasoning) && same(request, p.request) && same(inputAbove, p.inputAbove)
                && same(outputAbove, p.outputAbove) && same(cacheReadAbove, p.cacheReadAbove) && same(cacheWriteAbove, p.cacheWriteAbove)
                && same(cacheWrite1h, p.cacheWrite1h) && same(cacheWrite1hAbove, p.cacheWrite1hAbove) && Objects.equals(provider, p.provider);
    }

    /** Whether {@code p} has the same prices (whatever its key, source and provider). */
    boolean samePrices(ModelPrice p) {
        return same(input, p.input) && same(output, p.output) && same(cacheRead, p.cacheRead) && same(cacheWrite, p.cacheWrite)
                && same(reasoning, p.reasoning) && same(request, p.request) && same(inputAbove, p.inputAbove) && same(outputAbove, p.outputAbove)
                && same(cacheReadAbove, p.cacheReadAbove) && same(cacheWriteAbove, p.cacheWriteAbove) && same(cacheWrite1h, p.cacheWrite1h)
                && same(cacheWrite1hAbove, p.cacheWrite1hAbove);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, source, input.stripTrailingZeros(), output.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return key + " (" + source + "): input " + input.toPlainString() + ", output " + output.toPlainString() + " $/token";
    }

    /** Builds a {@link ModelPrice}; not thread-safe. */
    public static final class Builder {
        private final String key;
        private final String source;
        private final BigDecimal input;
        private final BigDecimal output;
        private BigDecimal cacheRead;
        private BigDecimal cacheWrite;
        private BigDecimal reasoning;
        private BigDecimal request;
        private BigDecimal inputAbove;
        private BigDecimal outputAbove;
        private BigDecimal cacheReadAbove;
        private BigDecimal cacheWriteAbove;
        private BigDecimal cacheWrite1h;
        private BigDecimal cacheWrite1hAbove;
        private String provider;
        private final java.util.Map<String, ModelPrice> tiers = new java.util.TreeMap<>();

        private Builder(String key, String source, BigDecimal input, BigDecimal output) {
            this.key = Objects.requireNonNull(key, "key");
            this.source = Objects.requireNonNull(source, "source");
            this.input = price("input", input);
            this.output = price("output", output);
        }

        private static BigDecimal price(String name, BigDecimal v) {
            Objects.requireNonNull(v, name);
            if (v.signum() < 0) {
                throw new IllegalArgumentException(name + " price (" + v.toPlainString() + ") must be >= 0");
            }
            return v;
        }

        private static BigDecimal optional(String name, BigDecimal v) {
            return v == null ? null : price(name, v);
        }

        /**
         * The cache-read price.
         *
         * @param v dollars per token, or null
         * @return this builder
         */
        public Builder cacheRead(BigDecimal v) {
            this.cacheRead = optional("cache-read", v);
            return this;
        }

        /**
         * The cache-write price.
         *
         * @param v dollars per token, or null
         * @return this builder
         */
        public Builder cacheWrite(BigDecimal v) {
            this.cacheWrite = optional("cache-write", v);
            return this;
        }

        /**
         * The reasoning price, where reasoning is priced apart from output.
         *
         * @param v dollars per token, or null
         * @return this builder
         */
        public Builder reasoning(BigDecimal v) {
            this.reasoning = optional("reasoning", v);
            return this;
        }

        /**
         * The price per request.
         *
         * @param v dollars per request, or null
         * @return this builder
         */
        public Builder request(BigDecimal v) {
            this.request = optional("request", v);
            return this;
        }

        /**
         * The prices for a request above 200,000 input tokens; each may be null.
         *
         * @param in input
         * @param out output
         * @param read cache read
         * @param write cache write
         * @return this builder
         */
        public Builder above200k(BigDecimal in, BigDecimal out, BigDecimal read, BigDecimal write) {
            this.inputAbove = optional("input above 200k", in);
            this.outputAbove = optional("output above 200k", out);
            this.cacheReadAbove = optional("cache-read above 200k", read);
            this.cacheWriteAbove = optional("cache-write above 200k", write);
            return this;
        }

        /**
         * The price of cache writes kept for one hour, and its price above 200k (null: twice the
         * input price in force).
         *
         * @param v the one-hour cache-write price per token, or null
         * @param above the same above 200,000 input tokens, or null
         * @return this builder
         */
        public Builder cacheWrite1h(BigDecimal v, BigDecimal above) {
            this.cacheWrite1h = optional("one-hour cache-write", v);
            this.cacheWrite1hAbove = optional("one-hour cache-write above 200k", above);
            return this;
        }

        /**
         * The prices of another service tier ({@link ModelPrice#forTier}).
         *
         * @param tier the tier: {@code flex}, {@code priority}, {@code batch} or {@code fast}
         * @param prices its prices
         * @return this builder
         */
        public Builder tier(String tier, ModelPrice prices) {
            tiers.put(Objects.requireNonNull(tier, "tier").toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(prices, "prices"));
            return this;
        }

        /**
         * Who serves the model at these prices (LiteLLM's {@code litellm_provider}), or null.
         *
         * @param p the provider, or null
         * @return this builder
         */
        public Builder provider(String p) {
            this.provider = p;
            return this;
        }

        /**
         * The prices.
         *
         * @return the prices
         */
        public ModelPrice build() {
            return new ModelPrice(this);
        }
    }
}
