package io.tokenmetrics.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one source's fields are called and what they mean. Names are matched case-insensitively,
 * the first present candidate wins. The meaning is reduced to two flags, because the sources
 * differ in exactly two ways: whether the stated input already contains the cache reads and
 * writes (OpenAI, Gemini, OpenTelemetry: yes; Anthropic, Bedrock: no) and whether the stated
 * output already contains the reasoning (OpenAI: yes; Gemini: no).
 */
final class Profile {
    final UsageSource source;
    private final Map<Slot, List<String>> names;
    final boolean inputIncludesCache;
    final boolean outputIncludesReasoning;
    /** The source has no request count: requests are unknown, never invented. */
    final boolean requestsUnknown;
    /** Records without any token count are not usage (Claude Code's user lines, spans of other work). */
    final boolean nonUsageAllowed;
    final Set<Slot> required;
    private final Map<String, List<String>> dimensions;
    /**
     * The source writes one response several times as it streams, under one id: the copy with
     * the highest output counts, dated at its first copy ({@link FinalCopies}). Otherwise the
     * first copy of an id counts.
     */
    final boolean finalCopy;
    /** Records whose token counts are all zero are placeholders (a failed request), not requests. */
    final boolean zeroIsPlaceholder;
    /** With {@link #finalCopy}: the last copy of an id is the final one (a record re-written whole when it changes), not the one with the highest output. */
    final boolean lastCopyWins;
    /**
     * A record needs the lines before it in its file (Codex's model and running sums, Gemini CLI's
     * session), or a file is one pretty-printed record (OpenCode): read file by file, in order, as
     * trees; never on Spark.
     */
    final boolean fileOrdered;

    private Profile(Builder b) {
        this.finalCopy = b.finalCopy;
        this.zeroIsPlaceholder = b.zeroIsPlaceholder;
        this.lastCopyWins = b.lastCopyWins;
        this.fileOrdered = b.fileOrdered;
        this.source = b.source;
        this.names = b.names;
        this.inputIncludesCache = b.inputIncludesCache;
        this.outputIncludesReasoning = b.outputIncludesReasoning;
        this.requestsUnknown = b.requestsUnknown;
        this.nonUsageAllowed = b.nonUsageAllowed;
        this.required = b.required;
        this.dimensions = b.dimensions;
    }

    /** The candidate names of a slot, lower case, in order of preference (empty: the source has no such field). */
    List<String> names(Slot s) {
        List<String> n = names.get(s);
        return n == null ? Collections.<String>emptyList() : n;
    }

    /** Whether a record may leave dimension {@code dim} out (its value is then empty): the service tier. */
    static boolean optionalDimension(String dim) {
        return dim.equalsIgnoreCase(UsageAggregator.SERVICE_TIER);
    }

    /** The candidate names of a dimension: the source's own for {@code model}, {@code provider}…, else the name itself. */
    List<String> dimensionNames(String dim) {
        List<String> n = dimensions.get(dim.toLowerCase(Locale.ROOT));
        return n != null ? n : Collections.singletonList(dim.toLowerCase(Locale.ROOT));
    }

    /** This profile with the user's {@code --map} names in place of the defaults. */
    Profile mapped(Map<UsageField, String> mapping) {
        if (mapping.isEmpty()) {
            return this;
        }
        Builder b = new Builder(source);
        b.names.putAll(names);
        b.inputIncludesCache = inputIncludesCache;
        b.outputIncludesReasoning = outputIncludesReasoning;
        b.requestsUnknown = requestsUnknown && !mapping.containsKey(UsageField.REQUESTS);
        b.nonUsageAllowed = nonUsageAllowed;
        b.finalCopy = finalCopy;
        b.zeroIsPlaceholder = zeroIsPlaceholder;
        b.lastCopyWins = lastCopyWins;
        b.fileOrdered = fileOrdered;
        b.required.addAll(required);
        b.dimensions.putAll(dimensions);
        for (Map.Entry<UsageField, String> e : mapping.entrySet()) {
            b.names.put(e.getKey().slot, Collections.singletonList(e.getValue().toLowerCase(Locale.ROOT)));
        }
        return new Profile(b);
    }

    private static final class Builder {
        final UsageSource source;
        final Map<Slot, List<String>> names = new EnumMap<>(Slot.class);
        boolean inputIncludesCache = true;
        boolean outputIncludesReasoning = true;
        boolean requestsUnknown;
        boolean nonUsageAllowed;
        boolean finalCopy;
        boolean zeroIsPlaceholder;
        boolean lastCopyWins;
        boolean fileOrdered;
        final Set<Slot> required = EnumSet.of(Slot.TIMESTAMP, Slot.INPUT, Slot.OUTPUT);
        final Map<String, List<String>> dimensions = new HashMap<>();

        Builder(UsageSource source) {
            this.source = source;
        }

        Builder slot(Slot s, String... candidates) {
            List<String> l = new ArrayList<>();
            for (String c : candidates) {
                l.add(c.toLowerCase(Locale.ROOT));
            }
            names.put(s, Collections.unmodifiableList(l));
            return this;
        }

        Builder dim(String dim, String... candidates) {
            List<String> l = new ArrayList<>();
            for (String c : candidates) {
                l.add(c.toLowerCase(Locale.ROOT));
            }
            dimensions.put(dim, Collections.unmodifiableList(l));
            return this;
        }

        Profile build() {
            return new Profile(this);
        }
    }

    private static final String[] GENERIC_TIME = {"timestamp", "time", "ts", "created_at", "created", "start_time", "starttime",
        "request_time"};

    private static Profile generic(UsageSource s) {
        return new Builder(s)
                .slot(Slot.TIMESTAMP, GENERIC_TIME)
                .slot(Slot.ID, "request_id", "requestid")
                .slot(Slot.REQUESTS, "requests", "num_requests")
                .slot(Slot.INPUT, "input_tokens", "prompt_tokens", "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens",
                        "usage.input_tokens", "usage.prompt_tokens")
                .slot(Slot.CACHE_READ, "cache_read_tokens", "cached_tokens", "cached_input_tokens", "gen_ai.usage.cache_read.input_tokens",
                        "prompt_tokens_details.cached_tokens", "usage.prompt_tokens_details.cached_tokens",
                        "input_tokens_details.cached_tokens", "usage.input_tokens_details.cached_tokens")
                .slot(Slot.CACHE_WRITE, "cache_write_tokens", "gen_ai.usage.cache_creation.input_tokens")
                .slot(Slot.OUTPUT, "output_tokens", "completion_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
                        "usage.output_tokens", "usage.completion_tokens")
                .slot(Slot.REASONING, "reasoning_tokens", "gen_ai.usage.reasoning.output_tokens",
                        "completion_tokens_details.reasoning_tokens", "usage.completion_tokens_details.reasoning_tokens",
                        "output_tokens_details.reasoning_tokens", "usage.output_tokens_details.reasoning_tokens")
                .slot(Slot.TOTAL, "total_tokens", "usage.total_tokens", "gen_ai.usage.total_tokens")
                .dim("model", "model", "gen_ai.response.model", "gen_ai.request.model", "model_name")
                .dim("provider", "provider", "gen_ai.provider.name", "gen_ai.system", "vendor")
                .build();
    }

    private static final Map<UsageSource, Profile> PROFILES = new EnumMap<>(UsageSource.class);

    static {
        PROFILES.put(UsageSource.CSV, generic(UsageSource.CSV));
        PROFILES.put(UsageSource.JSONL, generic(UsageSource.JSONL));
        PROFILES.put(UsageSource.OPENAI, new Builder(UsageSource.OPENAI)
                .slot(Slot.TIMESTAMP, "created", "created_at", "timestamp")
                .slot(Slot.ID, "id")
                .slot(Slot.INPUT, "usage.prompt_tokens", "usage.input_tokens", "prompt_tokens")
                .slot(Slot.CACHE_READ, "usage.prompt_tokens_details.cached_tokens", "usage.input_tokens_details.cached_tokens",
                        "prompt_tokens_details.cached_tokens")
                .slot(Slot.OUTPUT, "usage.completion_tokens", "usage.output_tokens", "completion_tokens")
                .slot(Slot.REASONING, "usage.completion_tokens_details.reasoning_tokens", "usage.output_tokens_details.reasoning_tokens",
                        "completion_tokens_details.reasoning_tokens")
                .slot(Slot.TOTAL, "usage.total_tokens", "total_tokens")
                .dim("model", "model")
                .dim(UsageAggregator.SERVICE_TIER, "service_tier")
                .build());
        Builder ou = new Builder(UsageSource.OPENAI_USAGE)
                .slot(Slot.TIMESTAMP, "start_time")
                .slot(Slot.REQUESTS, "num_model_requests")
                .slot(Slot.INPUT, "input_tokens")
                .slot(Slot.CACHE_READ, "input_cached_tokens")
                .slot(Slot.OUTPUT, "output_tokens")
                .dim("model", "model")
                .dim("project", "project_id")
                .dim("user", "user_id")
                .dim("api_key", "api_key_id");
        ou.required.add(Slot.REQUESTS);
        PROFILES.put(UsageSource.OPENAI_USAGE, ou.build());
        Builder an = new Builder(UsageSource.ANTHROPIC)
                .slot(Slot.TIMESTAMP, GENERIC_TIME)
                .slot(Slot.ID, "id", "request_id")
                .slot(Slot.INPUT, "usage.input_tokens", "input_tokens")
                .slot(Slot.CACHE_READ, "usage.cache_read_input_tokens", "cache_read_input_tokens")
                .slot(Slot.CACHE_WRITE, "usage.cache_creation_input_tokens", "cache_creation_input_tokens")
                .slot(Slot.CACHE_WRITE_5M, "usage.cache_creation.ephemeral_5m_input_tokens", "cache_creation.ephemeral_5m_input_tokens",
                        "ephemeral_5m_input_tokens")
                .slot(Slot.CACHE_WRITE_1H, "usage.cache_creation.ephemeral_1h_input_tokens", "cache_creation.ephemeral_1h_input_tokens",
                        "ephemeral_1h_input_tokens")
                .slot(Slot.OUTPUT, "usage.output_tokens", "output_tokens")
                .dim("model", "model")
                .dim(UsageAggregator.SERVICE_TIER, "usage.speed", "usage.service_tier", "speed", "service_tier");
        an.inputIncludesCache = false;
        PROFILES.put(UsageSource.ANTHROPIC, an.build());
        Builder au = new Builder(UsageSource.ANTHROPIC_USAGE)
                .slot(Slot.TIMESTAMP, "starting_at")
                .slot(Slot.INPUT, "uncached_input_tokens")
                .slot(Slot.CACHE_READ, "cache_read_input_tokens")
                .slot(Slot.CACHE_WRITE_5M, "cache_creation.ephemeral_5m_input_tokens")
                .slot(Slot.CACHE_WRITE_1H, "cache_creation.ephemeral_1h_input_tokens")
                .slot(Slot.OUTPUT, "output_tokens")
                .dim("model", "model")
                .dim("workspace", "workspace_id")
                .dim("api_key", "api_key_id");
        au.inputIncludesCache = false;
        au.requestsUnknown = true;
        PROFILES.put(UsageSource.ANTHROPIC_USAGE, au.build());
        Builder cc = new Builder(UsageSource.CLAUDE_CODE)
                .slot(Slot.TIMESTAMP, "timestamp")
                .slot(Slot.ID, "message.id")
                .slot(Slot.ID2, "requestid")
                .slot(Slot.COST, "costusd")
                .slot(Slot.INPUT, "message.usage.input_tokens")
                .slot(Slot.CACHE_READ, "message.usage.cache_read_input_tokens")
                .slot(Slot.CACHE_WRITE, "message.usage.cache_creation_input_tokens")
                .slot(Slot.CACHE_WRITE_5M, "message.usage.cache_creation.ephemeral_5m_input_tokens")
                .slot(Slot.CACHE_WRITE_1H, "message.usage.cache_creation.ephemeral_1h_input_tokens")
                .slot(Slot.OUTPUT, "message.usage.output_tokens")
                .dim("model", "message.model")
                .dim("session", "sessionid")
                .dim("project", Records.PROJECT_KEY)
                .dim(UsageAggregator.SERVICE_TIER, "message.usage.speed", "message.usage.service_tier");
        cc.inputIncludesCache = false;
        cc.nonUsageAllowed = true;
        cc.finalCopy = true;
        cc.zeroIsPlaceholder = true;
        PROFILES.put(UsageSource.CLAUDE_CODE, cc.build());
        // Gemini CLI's chat files: a gemini message's tokens are one response's usageMetadata, re-written whole when the message changes
        Builder gc = new Builder(UsageSource.GEMINI_CLI)
                .slot(Slot.TIMESTAMP, "timestamp")
                .slot(Slot.ID, "id")
                .slot(Slot.INPUT, "tokens.input")
                .slot(Slot.INPUT_EXTRA, "tokens.tool")
                .slot(Slot.CACHE_READ, "tokens.cached")
                .slot(Slot.OUTPUT, "tokens.output")
                .slot(Slot.REASONING, "tokens.thoughts")
                .slot(Slot.TOTAL, "tokens.total")
                .dim("model", "model")
                .dim("session", "sessionid")
                .dim("project", Records.CHATS_PROJECT_KEY);
        gc.outputIncludesReasoning = false;
        gc.nonUsageAllowed = true;
        gc.finalCopy = true;
        gc.lastCopyWins = true;
        gc.fileOrdered = true;
        PROFILES.put(UsageSource.GEMINI_CLI, gc.build());
        // OpenCode's messages: input without the cache, output without reasoning, the five parts adding up to the whole
        Builder oc = new Builder(UsageSource.OPENCODE)
                .slot(Slot.TIMESTAMP, "time.created")
                .slot(Slot.ID, "id")
                .slot(Slot.INPUT, "tokens.input")
                .slot(Slot.CACHE_READ, "tokens.cache.read")
                .slot(Slot.CACHE_WRITE, "tokens.cache.write")
                .slot(Slot.OUTPUT, "tokens.output")
                .slot(Slot.REASONING, "tokens.reasoning")
                .dim("model", "modelid")
                .dim("provider", "providerid")
                .dim("session", "sessionid")
                .dim("project", "path.root");
        oc.inputIncludesCache = false;
        oc.outputIncludesReasoning = false;
        oc.nonUsageAllowed = true;
        oc.zeroIsPlaceholder = true;
        oc.fileOrdered = true;
        PROFILES.put(UsageSource.OPENCODE, oc.build());
        // Codex CLI's rollout files, as CodexRollout turns their token_count events into one record per request
        Builder cx = new Builder(UsageSource.CODEX)
                .slot(Slot.TIMESTAMP, "timestamp")
                .slot(Slot.ID, CodexRollout.ID)
                .slot(Slot.INPUT, "input_tokens")
                .slot(Slot.CACHE_READ, "cached_input_tokens")
                .slot(Slot.OUTPUT, "output_tokens")
                .slot(Slot.REASONING, "reasoning_output_tokens")
                .slot(Slot.TOTAL, "total_tokens")
                .dim("model", "model")
                .dim("session", "session_id")
                .dim("project", Records.PROJECT_KEY);
        cx.nonUsageAllowed = true;
        cx.fileOrdered = true;
        PROFILES.put(UsageSource.CODEX, cx.build());
        Builder ge = new Builder(UsageSource.GEMINI)
                .slot(Slot.TIMESTAMP, "createtime", "create_time", "timestamp")
                .slot(Slot.ID, "responseid", "response_id")
                .slot(Slot.INPUT, "usagemetadata.prompttokencount", "usage_metadata.prompt_token_count")
                .slot(Slot.INPUT_EXTRA, "usagemetadata.tooluseprompttokencount", "usage_metadata.tool_use_prompt_token_count")
                .slot(Slot.CACHE_READ, "usagemetadata.cachedcontenttokencount", "usage_metadata.cached_content_token_count")
                .slot(Slot.OUTPUT, "usagemetadata.candidatestokencount", "usage_metadata.candidates_token_count")
                .slot(Slot.REASONING, "usagemetadata.thoughtstokencount", "usage_metadata.thoughts_token_count")
                .slot(Slot.TOTAL, "usagemetadata.totaltokencount", "usage_metadata.total_token_count")
                .dim("model", "modelversion", "model_version", "model");
        ge.outputIncludesReasoning = false;
        // proto3 JSON leaves out zero counts: a response with no candidates has no candidatesTokenCount
        ge.required.remove(Slot.OUTPUT);
        PROFILES.put(UsageSource.GEMINI, ge.build());
        Builder br = new Builder(UsageSource.BEDROCK)
                .slot(Slot.TIMESTAMP, "timestamp")
                .slot(Slot.ID, "requestid")
                .slot(Slot.INPUT, "input.inputtokencount")
                .slot(Slot.CACHE_READ, "input.cachereadinputtokencount")
                .slot(Slot.CACHE_WRITE, "input.cachewriteinputtokencount")
                .slot(Slot.OUTPUT, "output.outputtokencount")
                .dim("model", "modelid")
                .dim("account", "accountid");
        br.inputIncludesCache = false;
        PROFILES.put(UsageSource.BEDROCK, br.build());
        Builder ot = new Builder(UsageSource.OTEL)
                .slot(Slot.TIMESTAMP, "startTimeUnixNano", "timestamp", "time")
                .slot(Slot.ID, "traceid")
                .slot(Slot.ID2, "spanid")
                .slot(Slot.INPUT, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens")
                .slot(Slot.CACHE_READ, "gen_ai.usage.cache_read.input_tokens")
                .slot(Slot.CACHE_WRITE, "gen_ai.usage.cache_creation.input_tokens")
                .slot(Slot.OUTPUT, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens")
                .slot(Slot.REASONING, "gen_ai.usage.reasoning.output_tokens")
                .dim("model", "gen_ai.response.model", "gen_ai.request.model")
                .dim("provider", "gen_ai.provider.name", "gen_ai.system")
                .dim("service", "service.name");
        ot.nonUsageAllowed = true;
        PROFILES.put(UsageSource.OTEL, ot.build());
        PROFILES.put(UsageSource.LITELLM, new Builder(UsageSource.LITELLM)
                .slot(Slot.TIMESTAMP, "starttime", "start_time")
                .slot(Slot.ID, "request_id")
                .slot(Slot.COST, "spend")
                .slot(Slot.INPUT, "prompt_tokens")
                .slot(Slot.OUTPUT, "completion_tokens")
                .slot(Slot.TOTAL, "total_tokens")
                .dim("model", "model", "model_group")
                .dim("provider", "custom_llm_provider")
                .dim("team", "team_id")
                .build());
    }

    static Profile of(UsageSource s) {
        return PROFILES.get(s);
    }

    /**
     * The source of a flat row from its field names (lower case; a CSV header, or the dotted names
     * of one JSON object, null values included) and, for JSON, its string values ({@code object},
     * {@code type}). Null when the names fit no source.
     *
     * @throws IllegalArgumentException when the names fit two sources that would count differently
     */
    static UsageSource detectFlat(Collection<String> keys, Map<String, String> values) {
        Set<String> k = new java.util.HashSet<>(keys);
        boolean json = values != null;
        String object = json ? values.get("object") : null;
        String type = json ? values.get("type") : null;
        if (k.contains("sessionid") && (k.contains("uuid") || k.contains("message.usage.input_tokens"))
                || k.contains("leafuuid") && "summary".equals(type)) {
            return UsageSource.CLAUDE_CODE;
        }
        if (k.contains("payload.type") && (!json && k.contains("payload.info.total_token_usage.input_tokens") || type != null
                && (type.equals("session_meta") || type.equals("turn_context")
                || type.equals("event_msg") || type.equals("response_item") || type.equals("compacted")))) {
            return UsageSource.CODEX;
        }
        if (k.contains("projecthash") && k.contains("sessionid") || k.contains("tokens.input") && k.contains("tokens.total")
                && k.contains("tokens.cached")) {
            return UsageSource.GEMINI_CLI;
        }
        if (k.contains("tokens.cache.read") || k.contains("modelid") && k.contains("providerid") && k.contains("tokens.input")
                || k.contains("role") && k.contains("sessionid") && k.contains("time.created")) {
            // an assistant message, or a user message (a file of its own, without tokens)
            return UsageSource.OPENCODE;
        }
        if (k.contains("usagemetadata.prompttokencount") || k.contains("usage_metadata.prompt_token_count")
                || k.contains("usagemetadata.totaltokencount")) {
            return UsageSource.GEMINI;
        }
        if (k.contains("input.inputtokencount") || k.contains("modelid") && k.contains("output.outputtokencount")) {
            return UsageSource.BEDROCK;
        }
        if (k.contains("spend") || k.contains("custom_llm_provider") || k.contains("starttime") && k.contains("prompt_tokens")) {
            return UsageSource.LITELLM;
        }
        boolean anthropic = k.contains("cache_creation_input_tokens") || k.contains("cache_read_input_tokens")
                || k.contains("usage.cache_creation_input_tokens") || k.contains("usage.cache_read_input_tokens")
                || k.contains("cache_creation.ephemeral_5m_input_tokens") || k.contains("usage.cache_creation.ephemeral_5m_input_tokens")
                || "message".equals(type) && k.contains("usage.input_tokens");
        boolean openai = k.contains("usage.prompt_tokens") || k.contains("usage.input_tokens_details.cached_tokens")
                || k.contains("usage.output_tokens_details.reasoning_tokens")
                || object != null && (object.equals("response") || object.startsWith("chat.completion") || object.equals("text_completion"));
        if (anthropic && openai) {
            throw new IllegalArgumentException("has both Anthropic cache fields and OpenAI usage fields");
        }
        if (anthropic) {
            return UsageSource.ANTHROPIC;
        }
        if (openai) {
            return UsageSource.OPENAI;
        }
        if (k.contains("gen_ai.usage.input_tokens") || k.contains("gen_ai.usage.output_tokens")) {
            return UsageSource.OTEL;
        }
        if (json && (k.contains("usage.input_tokens") || k.contains("usage.output_tokens"))) {
            // an Anthropic message and an OpenAI Responses object both say usage.input_tokens, and
            // only one of them counts cache reads inside it: never guess
            throw new IllegalArgumentException("has usage.input_tokens but nothing that says whether it is an Anthropic message"
                    + " (type \"message\", cache_read_input_tokens) or an OpenAI response (object \"response\", input_tokens_details)");
        }
        Profile g = PROFILES.get(json ? UsageSource.JSONL : UsageSource.CSV);
        if (any(k, g.names(Slot.INPUT)) && any(k, g.names(Slot.OUTPUT))) {
            return json ? UsageSource.JSONL : UsageSource.CSV;
        }
        return null;
    }

    /**
     * Every field name {@link #detectFlat} looks at (besides the values of {@code type} and
     * {@code object}): a record's shape, for deciding each record's source in a file that mixes
     * sources. The names a reader saw of these, with those two values, decide as the whole record
     * would, since {@link #detectFlat} looks at nothing else.
     */
    static final List<String> SHAPE_NAMES;
    private static final Map<String, Long> SHAPE_BITS = new HashMap<>();

    static {
        Set<String> n = new java.util.LinkedHashSet<>(java.util.Arrays.asList("sessionid", "uuid", "message.usage.input_tokens", "leafuuid",
                "usagemetadata.prompttokencount", "usage_metadata.prompt_token_count", "usagemetadata.totaltokencount", "input.inputtokencount",
                "modelid", "output.outputtokencount", "spend", "custom_llm_provider", "starttime", "prompt_tokens",
                "cache_creation_input_tokens", "cache_read_input_tokens", "usage.cache_creation_input_tokens", "usage.cache_read_input_tokens",
                "cache_creation.ephemeral_5m_input_tokens", "usage.cache_creation.ephemeral_5m_input_tokens", "usage.input_tokens",
                "usage.prompt_tokens", "usage.input_tokens_details.cached_tokens", "usage.output_tokens_details.reasoning_tokens",
                "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "usage.output_tokens", "payload.type", "projecthash",
                "tokens.input", "tokens.total", "tokens.cached", "tokens.cache.read", "providerid", "role", "time.created"));
        Profile g = PROFILES.get(UsageSource.JSONL);
        n.addAll(g.names(Slot.INPUT));
        n.addAll(g.names(Slot.OUTPUT));
        SHAPE_NAMES = Collections.unmodifiableList(new ArrayList<>(n));
        if (SHAPE_NAMES.size() > 64) {
            throw new IllegalStateException("more shape names than bits");
        }
        for (int i = 0; i < SHAPE_NAMES.size(); i++) {
            SHAPE_BITS.put(SHAPE_NAMES.get(i), 1L << i);
        }
    }

    /** The bit of a shape name ({@link #SHAPE_NAMES}), 0 for any other name (lower case, dotted). */
    static long shapeBit(String name) {
        Long b = SHAPE_BITS.get(name);
        return b == null ? 0 : b;
    }

    /** {@link #detectFlat} of a JSON record from the shape names it has (as bits) and its {@code type} and {@code object} values. */
    static UsageSource detectShape(long bits, String type, String object) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < SHAPE_NAMES.size(); i++) {
            if ((bits & (1L << i)) != 0) {
                keys.add(SHAPE_NAMES.get(i));
            }
        }
        Map<String, String> values = new HashMap<>();
        if (type != null) {
            keys.add("type");
            values.put("type", type);
        }
        if (object != null) {
            keys.add("object");
            values.put("object", object);
        }
        return detectFlat(keys, values);
    }

    private static boolean any(Set<String> keys, List<String> names) {
        for (String n : names) {
            if (keys.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** What detection looks for, for the error when nothing fits. */
    static String detectionHint() {
        return "looked for Claude Code (sessionId, message.usage), Codex CLI (type, payload), Gemini CLI (projectHash, tokens),"
                + " OpenCode (tokens.cache, modelID, providerID), Gemini (usageMetadata), Bedrock (input.inputTokenCount),"
                + " LiteLLM (startTime, spend), Anthropic (cache_creation_input_tokens, cache_read_input_tokens),"
                + " OpenAI (usage.prompt_tokens), OpenTelemetry (gen_ai.usage.*, resourceSpans), usage exports (data[].results[])"
                + " and generic input_tokens/output_tokens; name the source with --source "
                + String.join("|", ids());
    }

    static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (UsageSource s : UsageSource.values()) {
            out.add(s.id());
        }
        return out;
    }

}
