package io.tokenmetrics.usage;

/**
 * The raw values a source profile reads from a row, before they are turned into the one meaning
 * of input, output, cache reads and writes and reasoning ({@link Profile#normalise}).
 */
enum Slot {
    TIMESTAMP,
    ID,
    ID2,
    REQUESTS,
    /** The source's own cost of the row in US dollars (Claude Code's costUSD, LiteLLM's spend): not tokens. */
    COST,
    INPUT,
    INPUT_EXTRA,
    CACHE_READ,
    CACHE_WRITE,
    CACHE_WRITE_5M,
    CACHE_WRITE_1H,
    OUTPUT,
    OUTPUT_EXTRA,
    REASONING,
    TOTAL;

    static final Slot[] ALL = values();

    boolean isTokens() {
        return ordinal() >= INPUT.ordinal();
    }
}
