package io.tokenmetrics.usage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request's usage, as an application that logs its own usage records it, in the one meaning
 * of this library: input includes cache reads and writes, output includes reasoning. Immutable
 * and thread-safe; made with {@link #builder(Instant)}.
 */
public final class UsageRecord {
    final Instant timestamp;
    final Map<String, String> dimensions;
    final long input;
    final long output;
    final long cacheRead;
    final long cacheWrite;
    final long cacheWrite1h;
    final long reasoning;
    final long requests;
    final String requestId;

    private UsageRecord(Builder b) {
        this.timestamp = b.timestamp;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensions));
        this.input = b.input;
        this.output = b.output;
        this.cacheRead = b.cacheRead;
        this.cacheWrite = b.cacheWrite;
        this.cacheWrite1h = b.cacheWrite1h;
        this.reasoning = b.reasoning;
        this.requests = b.requests;
        this.requestId = b.requestId;
    }

    /**
     * A builder for a record of a request at {@code timestamp}.
     *
     * @param timestamp the time
     * @return a builder for a record of a request at {@code timestamp}
     * @throws NullPointerException if {@code timestamp} is null
     */
    public static Builder builder(Instant timestamp) {
        return new Builder(Objects.requireNonNull(timestamp, "timestamp"));
    }

    /** Builds a {@link UsageRecord}; not thread-safe. */
    public static final class Builder {
        private final Instant timestamp;
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private long input;
        private long output;
        private long cacheRead;
        private long cacheWrite;
        private long cacheWrite1h;
        private long reasoning;
        private long requests = 1;
        private String requestId;

        private Builder(Instant timestamp) {
            this.timestamp = timestamp;
        }

        private static long count(String name, long v) {
            if (v < 0) {
                throw new IllegalArgumentException(name + " (" + v + ") must be >= 0");
            }
            return v;
        }

        /**
         * A dimension value, such as {@code model}, {@code gpt-4.1}.
         *
         * @param name the name, for messages
         * @param value the value
         * @return a dimension value, such as {@code model}, {@code gpt-4.1}
         */
        public Builder dimension(String name, String value) {
            dimensions.put(Objects.requireNonNull(name, "name").toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * All input tokens, cache reads and writes included. @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return all input tokens, cache reads and writes included
         */
        public Builder inputTokens(long n) {
            input = count("inputTokens", n);
            return this;
        }

        /**
         * All output tokens, reasoning included. @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return all output tokens, reasoning included
         */
        public Builder outputTokens(long n) {
            output = count("outputTokens", n);
            return this;
        }

        /**
         * Input tokens read from a cache (part of the input). @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return input tokens read from a cache (part of the input)
         */
        public Builder cacheReadTokens(long n) {
            cacheRead = count("cacheReadTokens", n);
            return this;
        }

        /**
         * Input tokens written to a cache (part of the input). @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return input tokens written to a cache (part of the input)
         */
        public Builder cacheWriteTokens(long n) {
            cacheWrite = count("cacheWriteTokens", n);
            return this;
        }

        /**
         * Cache writes kept for one hour (part of the cache writes; Anthropic's
         * {@code cache_creation.ephemeral_1h_input_tokens}), priced above five-minute ones. A
         * record with more one-hour writes than cache writes is a bad record.
         *
         * @param n the number
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheWrite1hTokens(long n) {
            cacheWrite1h = count("cacheWrite1hTokens", n);
            return this;
        }

        /**
         * Reasoning tokens (part of the output). @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return reasoning tokens (part of the output)
         */
        public Builder reasoningTokens(long n) {
            reasoning = count("reasoningTokens", n);
            return this;
        }

        /**
         * How many requests this record stands for (default 1). @throws IllegalArgumentException if negative
         *
         * @param n the number
         * @return how many requests this record stands for (default 1)
         */
        public Builder requests(long n) {
            requests = count("requests", n);
            return this;
        }

        /**
         * The request id: a second record with the same id counts once.
         *
         * @param id the id
         * @return the request id: a second record with the same id counts once
         */
        public Builder requestId(String id) {
            requestId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The record.
         *
         * @return the record
         */
        public UsageRecord build() {
            return new UsageRecord(this);
        }
    }

    @Override
    public String toString() {
        return "UsageRecord(" + timestamp + " " + dimensions + ": " + input + " in, " + output + " out)";
    }
}
