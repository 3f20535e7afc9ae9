package io.tokenmetrics.cost;

/**
 * The token counts that prices apply to, in this library's one meaning: {@code input} includes
 * cache reads and cache writes, {@code output} includes reasoning. Immutable and thread-safe.
 */
public final class TokenParts {
    private final long input;
    private final long cacheRead;
    private final long cacheWrite;
    private final long output;
    private final long reasoning;
    private final long cacheWrite1h;

    private TokenParts(long input, long cacheRead, long cacheWrite, long cacheWrite1h, long output, long reasoning) {
        this.cacheWrite1h = cacheWrite1h;
        this.input = input;
        this.cacheRead = cacheRead;
        this.cacheWrite = cacheWrite;
        this.output = output;
        this.reasoning = reasoning;
    }

    /**
     * Token parts.
     *
     * @param input input tokens, cache reads and writes included
     * @param cacheRead of which cache reads
     * @param cacheWrite of which cache writes
     * @param output output tokens, reasoning included
     * @param reasoning of which reasoning
     * @return the parts
     * @throws IllegalArgumentException naming the part: a negative count, cache parts above the
     *     input, or reasoning above the output
     */
    public static TokenParts of(long input, long cacheRead, long cacheWrite, long output, long reasoning) {
        nonNegative("input", input);
        nonNegative("cacheRead", cacheRead);
        nonNegative("cacheWrite", cacheWrite);
        nonNegative("output", output);
        nonNegative("reasoning", reasoning);
        if (cacheRead > input - cacheWrite) {
            throw new IllegalArgumentException("cacheRead (" + cacheRead + ") + cacheWrite (" + cacheWrite + ") must be <= input (" + input
                    + "): input includes the cache");
        }
        if (reasoning > output) {
            throw new IllegalArgumentException("reasoning (" + reasoning + ") must be <= output (" + output + "): output includes reasoning");
        }
        return new TokenParts(input, cacheRead, cacheWrite, 0, output, reasoning);
    }

    /**
     * These parts with {@code cacheWrite1h} of the cache writes kept for one hour (Anthropic's
     * {@code ephemeral_1h_input_tokens}), priced above the five-minute writes.
     *
     * @param cacheWrite1h the one-hour cache writes, part of {@link #cacheWrite()}
     * @return the parts with their one-hour cache writes
     * @throws IllegalArgumentException if negative or more than the cache writes
     */
    public TokenParts withCacheWrite1h(long cacheWrite1h) {
        nonNegative("cacheWrite1h", cacheWrite1h);
        if (cacheWrite1h > cacheWrite) {
            throw new IllegalArgumentException("cacheWrite1h (" + cacheWrite1h + ") must be <= cacheWrite (" + cacheWrite
                    + "): the one-hour writes are part of the cache writes");
        }
        return new TokenParts(input, cacheRead, cacheWrite, cacheWrite1h, output, reasoning);
    }

    /**
     * The cache writes kept for one hour, part of {@link #cacheWrite()} (0 unless given).
     *
     * @return the one-hour cache writes
     */
    public long cacheWrite1h() {
        return cacheWrite1h;
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " (" + v + ") must be >= 0");
        }
    }

    /**
     * Input tokens, cache reads and writes included.
     *
     * @return input tokens
     */
    public long input() {
        return input;
    }

    /**
     * Cache-read tokens.
     *
     * @return cache-read tokens
     */
    public long cacheRead() {
        return cacheRead;
    }

    /**
     * Cache-write tokens.
     *
     * @return cache-write tokens
     */
    public long cacheWrite() {
        return cacheWrite;
    }

    /**
     * Output tokens, reasoning included.
     *
     * @return output tokens
     */
    public long output() {
        return output;
    }

    /**
     * Reasoning tokens.
     *
     * @return reasoning tokens
     */
    public long reasoning() {
        return reasoning;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TokenParts)) {
            return false;
        }
        TokenParts t = (TokenParts) o;
        return input == t.input && cacheRead == t.cacheRead && cacheWrite == t.cacheWrite && cacheWrite1h == t.cacheWrite1h && output == t.output
                && reasoning == t.reasoning;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(input, cacheRead, cacheWrite, cacheWrite1h, output, reasoning);
    }

    @Override
    public String toString() {
        return "input " + input + " (cache read " + cacheRead + ", write " + cacheWrite + (cacheWrite1h > 0 ? " of which 1h " + cacheWrite1h : "")
                + "), output " + output + " (reasoning " + reasoning + ")";
    }
}
