package io.tokenmetrics.usage;

import java.util.Locale;

/**
 * Where a usage log comes from, which decides what its numbers mean. Every source is read into
 * one meaning (the OpenTelemetry GenAI conventions): input includes cache reads and cache writes,
 * output includes reasoning, total is input + output. {@code docs/usage-sources.md} has the table
 * of each source's fields and the vendor page it follows.
 */
public enum UsageSource {
    /** Flat CSV with a header row: generic names, or those given with {@code --map}. */
    CSV("csv", null),
    /** Flat JSON Lines: generic names, nested objects as dotted names, or {@code --map}. */
    JSONL("jsonl", null),
    /** OpenAI Chat Completions or Responses objects, one per line. */
    OPENAI("openai", "openai"),
    /** Pages of OpenAI's organization Usage API for completions (time buckets). */
    OPENAI_USAGE("openai-usage", "openai"),
    /** Anthropic Messages API responses, one per line, or flat rows with Anthropic's column names. */
    ANTHROPIC("anthropic", "anthropic"),
    /** Pages of Anthropic's Admin API usage report for messages (time buckets). */
    ANTHROPIC_USAGE("anthropic-usage", "anthropic"),
    /** Claude Code's session logs ({@code projects/<project>/<session>.jsonl}). */
    CLAUDE_CODE("claude-code", "anthropic"),
    /** Codex CLI's session rollouts ({@code sessions/YYYY/MM/DD/rollout-*.jsonl}): one request per change of the running token totals. */
    CODEX("codex", "openai"),
    /** Gemini CLI's chat files ({@code tmp/<project>/chats/session-*.jsonl}, and the older {@code .json}). */
    GEMINI_CLI("gemini-cli", "gemini"),
    /** OpenCode's message files ({@code storage/message/<session>/<message>.json}). */
    OPENCODE("opencode", null),
    /** Gemini {@code GenerateContentResponse} objects with {@code usageMetadata}, one per line. */
    GEMINI("gemini", "gemini"),
    /** Amazon Bedrock model invocation logs. */
    BEDROCK("bedrock", "bedrock"),
    /** OTLP/JSON trace files (the Collector's file exporter), or flat rows with {@code gen_ai.*} names. */
    OTEL("otel", null),
    /** LiteLLM spend logs exported as CSV or JSON. */
    LITELLM("litellm", null);

    private final String id;
    private final String vendor;

    UsageSource(String id, String vendor) {
        this.id = id;
        this.vendor = vendor;
    }

    /**
     * The provider that served the records of this source, by the name price tables use for it
     * ({@code anthropic}, {@code openai}, {@code gemini}, {@code bedrock}); empty for sources
     * that carry any provider's records (generic rows, OpenTelemetry, LiteLLM).
     *
     * @return the vendor, or empty
     */
    public java.util.Optional<String> vendor() {
        return java.util.Optional.ofNullable(vendor);
    }

    /**
     * Whether the source tells one-hour cache writes from five-minute ones (Anthropic's
     * {@code ephemeral_1h_input_tokens}): then {@code UsageGroup.cacheWrite1hTokens()} can be
     * non-zero, and the command line shows a column for them.
     *
     * @return whether one-hour cache writes are kept apart
     */
    public boolean splitsCacheWrites() {
        return !Profile.of(this).names(Slot.CACHE_WRITE_1H).isEmpty();
    }

    /**
     * The name used on the command line, such as {@code claude-code}.
     *
     * @return the name used on the command line, such as {@code claude-code}
     */
    public String id() {
        return id;
    }

    /**
     * The source of a command-line name.
     *
     * @param name the name, for messages
     * @return the source of a command-line name
     * @throws IllegalArgumentException listing the valid names
     * @throws NullPointerException if {@code name} is null
     */
    public static UsageSource fromId(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (UsageSource s : values()) {
            if (s.id.equals(n)) {
                return s;
            }
        }
        StringBuilder all = new StringBuilder();
        for (UsageSource s : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(s.id);
        }
        throw new IllegalArgumentException("source (" + name + ") must be one of " + all);
    }

    @Override
    public String toString() {
        return id;
    }
}
