package io.tokenmetrics.usage;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The fields a usage row can have, with the column or field names recognised by default. */
public enum UsageField {
    /** When the request happened: ISO-8601 with or without offset, or epoch seconds or milliseconds. */
    TIMESTAMP("timestamp", "time", "ts", "created_at", "created", "start_time", "request_time"),
    /** Input (prompt) tokens: OpenAI {@code prompt_tokens}, Anthropic {@code input_tokens}, OpenTelemetry GenAI. */
    INPUT("input_tokens", "prompt_tokens", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "usage.input_tokens",
            "usage.prompt_tokens"),
    /** Output (completion) tokens. */
    OUTPUT("output_tokens", "completion_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
            "usage.output_tokens", "usage.completion_tokens"),
    /** Cached input tokens, part of the input. */
    CACHED("cached_tokens", "cache_read_input_tokens", "cached_input_tokens", "usage.cache_read_input_tokens"),
    /** Reasoning tokens, part of the output. */
    REASONING("reasoning_tokens", "usage.reasoning_tokens"),
    /** Total tokens; when absent, input + output. */
    TOTAL("total_tokens", "usage.total_tokens");

    private final List<String> names;

    UsageField(String... names) {
        this.names = Collections.unmodifiableList(Arrays.asList(names));
    }

    /** The names recognised by default, in order of preference. */
    public List<String> defaultNames() {
        return names;
    }

    /** The field of a lower-case name such as {@code input}, or an error listing the valid ones. */
    public static UsageField fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field (" + name + ") must be one of timestamp, input, output, cached, reasoning, total");
        }
    }

    /** Dimension aliases: {@code model} also matches OpenTelemetry's {@code gen_ai.request.model}. */
    static List<String> dimensionNames(String dim) {
        switch (dim) {
            case "model": return Arrays.asList("model", "gen_ai.request.model", "gen_ai.response.model", "model_name");
            case "provider": return Arrays.asList("provider", "gen_ai.system", "gen_ai.provider.name", "vendor");
            default: return Collections.singletonList(dim);
        }
    }
}
