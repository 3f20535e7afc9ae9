package io.tokenmetrics.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Model prices by entry name, read from LiteLLM's {@code model_prices_and_context_window.json}
 * or OpenRouter's models list ({@code GET /api/v1/models}), told apart by their shape: a
 * {@code "data"} array is OpenRouter's, an object of entries LiteLLM's. Later tables override
 * earlier ones entry by entry ({@link #merge}). Names in logs are matched to entries by the rules
 * of {@link PriceMatch.Rule}, in order; a name two entries match equally is ambiguous and left
 * unpriced, as is a name no rule matches, never priced at $0. Immutable and thread-safe.
 */
public final class PriceTable {
    private static final Pattern DATE_SUFFIX = Pattern.compile("-(20\\d{2}-?\\d{2}-?\\d{2})$");

    private final Entries entries;
    private final Map<String, String> mapped;
    private final List<String> notes;

    private PriceTable(Entries entries, Map<String, String> mapped) {
        this(entries, mapped, Collections.<String>emptyList());
    }

    private PriceTable(Entries entries, Map<String, String> mapped, List<String> notes) {
        this.entries = entries;
        this.mapped = Collections.unmodifiableMap(mapped);
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /**
     * What reading the table skipped, for a person to see: top-level values that are not model
     * entries (a {@code "last_updated"} stamp that a copy of LiteLLM's table adds, say).
     *
     * @return the notes, empty when nothing was skipped
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * A table of these prices; a key given twice keeps the later.
     *
     * @param prices the prices
     * @return the table
     */
    public static PriceTable of(List<ModelPrice> prices) {
        java.util.Objects.requireNonNull(prices, "prices");
        Map<String, Object> m = new TreeMap<>();
        for (ModelPrice p : prices) {
            m.put(p.key(), p);
        }
        return new PriceTable(new Entries(m), new TreeMap<>());
    }

    /**
     * Reads a price table in either format.
     *
     * @param file the file
     * @return the table
     * @throws IOException if the file cannot be read
     * @throws PriceTableException naming the file and JSON path
     */
    public static PriceTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return parse(in, file.toString());
        }
    }

    /**
     * Reads a price table in either format from {@code in}, naming it {@code name} in errors.
     *
     * @param in the stream
     * @param name the name, for messages
     * @return the table
     * @throws IOException if the stream cannot be read
     * @throws PriceTableException naming the name and JSON path
     */
    public static PriceTable parse(InputStream in, String name) throws IOException {
        java.util.Objects.requireNonNull(in, "in");
        java.util.Objects.requireNonNull(name, "name");
        // a LiteLLM table (a few MB) is read into memory and indexed; a document that does not start
        // as an object, or is larger than INDEXED_MAX, goes to Jackson as a stream, which stops at its first fault
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        boolean object = false;
        for (int n; (n = in.read(buf)) > 0;) {
            all.write(buf, 0, n);
            if (!object) {
                int first = firstByte(all.toByteArray());
                if (first >= 0 && first != '{') {
                    break;
                }
                object = first == '{';
            }
            if (all.size() > INDEXED_MAX) {
                break;
            }
        }
        if (object && all.size() <= INDEXED_MAX) {
            return parse(all.toByteArray(), name, true);
        }
        return parseWhole(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(all.toByteArray()), in), name);
    }

    /** The largest document read into memory and indexed (LiteLLM's table is under 2 MB). */
    private static final int INDEXED_MAX = 32 << 20;

    /** The first byte of a document after a UTF-8 byte-order mark and white space; -1 if none yet. */
    private static int firstByte(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < b.length ? b[i] & 0xFF : -1;
    }

    /**
     * A table from a document's bytes. {@code lazily}: a LiteLLM table that {@link JsonIndex}
     * vouches for is indexed, each entry built when first asked for (a run prices a few models of
     * thousands); otherwise, and for OpenRouter's list, Jackson reads the whole document, which
     * also gives the message of a malformed one.
     */
    static PriceTable parse(byte[] doc, String name, boolean lazily) throws IOException {
        List<JsonIndex.Member> members = lazily ? JsonIndex.members(doc, doc.length) : null;
        if (members != null && !hasMember(members, "data")) {
            Map<String, Object> raw = new TreeMap<>();
            List<String> notes = new ArrayList<>();
            for (JsonIndex.Member m : members) {
                if (m.name.equals("sample_spec")) {
                    // LiteLLM's documentation of the fields, not a model
                    continue;
                }
                byte first = doc[m.start];
                if (first != '{') {
                    notes.add(name + ": $[\"" + m.name + "\"] is not an object of prices (" + (first == '[' ? "an array" : first == '"' ? "a string"
                            : first == 't' || first == 'f' ? "a boolean" : first == 'n' ? "null" : "a number") + "): skipped");
                    continue;
                }
                raw.put(m.name, new Entries.Pending(doc, m.start, m.end, name));
            }
            return new PriceTable(new Entries(raw), new TreeMap<>(), notes);
        }
        return parseWhole(new java.io.ByteArrayInputStream(doc), name);
    }

    /** A table read whole by Jackson: OpenRouter's list, or a document the index leaves to Jackson. */
    private static PriceTable parseWhole(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = io.tokenmetrics.internal.Json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedPriceTableException(name + ": " + io.tokenmetrics.internal.Json.malformed(e), e);
        } catch (NumberFormatException e) {
            // a float whose exponent does not fit a BigDecimal escapes Jackson unwrapped (found by fuzzing the index)
            String m = String.valueOf(e.getMessage());
            throw new MalformedPriceTableException(name + ": a number is out of range: " + (m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPriceTableException(name + ": $: expected an object: LiteLLM's model entries, or OpenRouter's {\"data\": [...]}", null);
        }
        return root.has("data") ? openRouter(root, name) : liteLlm(root, name);
    }

    private static boolean hasMember(List<JsonIndex.Member> members, String name) {
        for (JsonIndex.Member m : members) {
            if (m.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** LiteLLM's table, as its repository publishes it. */
    public static final String LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json";
    /** OpenRouter's public models list (no key needed). */
    public static final String OPENROUTER_URL = "https://openrouter.ai/api/v1/models";
    private static final int MAX_BODY = 64 << 20;

    /**
     * Fetches a price table over HTTP(S) ({@link #LITELLM_URL}, {@link #OPENROUTER_URL}, or any
     * URL serving either format): 10 s to connect, 60 s to read, at most 64 MiB.
     *
     * @param url the address
     * @return the table, its entries' source being the URL
     * @throws IOException naming the URL when it cannot be fetched (offline, refused, an HTTP error)
     * @throws PriceTableException if what it serves is not a price table
     */
    public static PriceTable fetch(String url) throws IOException {
        Objects.requireNonNull(url, "url");
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
        try {
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            c.setRequestProperty("Accept", "application/json");
            int code = c.getResponseCode();
            if (code != 200) {
                throw new IOException(url + ": HTTP " + code);
            }
            try (InputStream in = c.getInputStream()) {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0;) {
                    if (b.size() + n > MAX_BODY) {
                        throw new IOException(url + ": larger than " + MAX_BODY + " bytes");
                    }
                    b.write(buf, 0, n);
                }
                return parse(new java.io.ByteArrayInputStream(b.toByteArray()), url);
            }
        } finally {
            c.disconnect();
        }
    }

    private static PriceTable liteLlm(JsonNode root, String name) {
        Map<String, Object> m = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("sample_spec")) {
                // LiteLLM's documentation of the fields, not a model
                continue;
            }
            JsonNode n = e.getValue();
            if (!n.isObject()) {
                // a copy's "last_updated": "…" stamp and the like: not a model
                notes.add(name + ": $[\"" + key + "\"] is not an object of prices (" + kind(n) + "): skipped");
                continue;
            }
            ModelPrice p = liteLlmEntry(key, n, name);
            if (p != null) {
                m.put(key, p);
            }
        }
        return new PriceTable(new Entries(m), new TreeMap<>(), notes);
    }

    /**
     * One LiteLLM entry's prices; null for an entry priced per something other than tokens in
     * and out (embeddings, images, audio). The one rule for an entry, whether the table was read
     * whole or its entries are built when first asked for ({@link Entries}).
     */
    static ModelPrice liteLlmEntry(String key, JsonNode n, String name) {
        String p = "$[\"" + key + "\"]";
        BigDecimal in = number(n, name, p, "input_cost_per_token");
        BigDecimal out = number(n, name, p, "output_cost_per_token");
        if (in == null || out == null) {
            return null;
        }
        try {
            ModelPrice.Builder b = ModelPrice.builder(key, name, in, out);
            tiers(b, n, name, p, key, in, out);
            return b.cacheRead(number(n, name, p, "cache_read_input_token_cost"))
                    .cacheWrite(number(n, name, p, "cache_creation_input_token_cost"))
                    .reasoning(number(n, name, p, "output_cost_per_reasoning_token"))
                    .cacheWrite1h(number(n, name, p, "cache_creation_input_token_cost_above_1hr"),
                            number(n, name, p, "cache_creation_input_token_cost_above_1hr_above_200k_tokens"))
                    .provider(n.hasNonNull("litellm_provider") ? n.get("litellm_provider").asText() : null)
                    .above200k(number(n, name, p, "input_cost_per_token_above_200k_tokens"), number(n, name, p, "output_cost_per_token_above_200k_tokens"),
                            number(n, name, p, "cache_read_input_token_cost_above_200k_tokens"),
                            number(n, name, p, "cache_creation_input_token_cost_above_200k_tokens"))
                    .build();
        } catch (IllegalArgumentException x) {
            throw new InvalidPriceTableException(name + ": " + p + ": " + x.getMessage(), x);
        }
    }

    /**
     * The service tiers' prices of a LiteLLM entry: {@code _flex}, {@code _priority} (and its 200k
     * variants) and {@code _batches} fields, where the input and output prices are given; and
     * Anthropic's fast mode, {@code provider_specific_entry.fast}, a multiplier of the input and
     * output prices (LiteLLM leaves the cache prices as they are).
     */
    private static void tiers(ModelPrice.Builder b, JsonNode n, String name, String p, String key, BigDecimal in, BigDecimal out) {
        String[][] suffixes = {{"flex", "_flex"}, {"priority", "_priority"}, {"batch", "_batches"}};
        for (String[] s : suffixes) {
            BigDecimal tin = number(n, name, p, "input_cost_per_token" + s[1]);
            BigDecimal tout = number(n, name, p, "output_cost_per_token" + s[1]);
            if (tin == null || tout == null) {
                continue;
            }
            // where the tier has no price of its own, the standard one (LiteLLM's fallback): a cache
            // read never costs the tier's full input price for want of a tier cache price
            b.tier(s[0], ModelPrice.builder(key + " (" + s[0] + ")", name, tin, tout)
                    .cacheRead(first(number(n, name, p, "cache_read_input_token_cost" + s[1]), number(n, name, p, "cache_read_input_token_cost")))
                    .cacheWrite(first(number(n, name, p, "cache_creation_input_token_cost" + s[1]),
                            number(n, name, p, "cache_creation_input_token_cost")))
                    .cacheWrite1h(number(n, name, p, "cache_creation_input_token_cost_above_1hr"), null)
                    .reasoning(number(n, name, p, "output_cost_per_reasoning_token"))
                    .above200k(number(n, name, p, "input_cost_per_token_above_200k_tokens" + s[1]),
                            number(n, name, p, "output_cost_per_token_above_200k_tokens" + s[1]),
                            number(n, name, p, "cache_read_input_token_cost_above_200k_tokens" + s[1]), null)
                    .build());
        }
        JsonNode special = n.get("provider_specific_entry");
        BigDecimal fast = special != null && special.isObject() ? number(special, name, p + ".provider_specific_entry", "fast") : null;
        if (fast != null) {
            BigDecimal inAbove = number(n, name, p, "input_cost_per_token_above_200k_tokens");
            BigDecimal outAbove = number(n, name, p, "output_cost_per_token_above_200k_tokens");
            b.tier("fast", ModelPrice.builder(key + " (fast: " + fast.stripTrailingZeros().toPlainString() + "×)", name, in.multiply(fast),
                    out.multiply(fast))
                    .cacheRead(number(n, name, p, "cache_read_input_token_cost"))
                    .cacheWrite(number(n, name, p, "cache_creation_input_token_cost"))
                    // cache prices as they are: without a table 1h price, twice the standard input, not the fast one
                    .cacheWrite1h(first(number(n, name, p, "cache_creation_input_token_cost_above_1hr"), in.add(in)), null)
                    .reasoning(number(n, name, p, "output_cost_per_reasoning_token"))
                    .above200k(inAbove == null ? null : inAbove.multiply(fast), outAbove == null ? null : outAbove.multiply(fast),
                            number(n, name, p, "cache_read_input_token_cost_above_200k_tokens"),
                            number(n, name, p, "cache_creation_input_token_cost_above_200k_tokens"))
                    .build());
        }
    }

    private static BigDecimal first(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : "null";
    }

    private static PriceTable openRouter(JsonNode root, String name) {
        JsonNode data = root.get("data");
        if (!data.isArray()) {
            throw new MalformedPriceTableException(name + ": $.data: expected an array of models", null);
        }
        Map<String, ModelPrice> m = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            String p = "$.data[" + i + "]";
            JsonNode n = data.get(i);
            JsonNode id = n.get("id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                throw new MalformedPriceTableException(name + ": " + p + ".id: expected a model id", null);
            }
            JsonNode pricing = n.get("pricing");
            if (pricing == null || !pricing.isObject()) {
                throw new MalformedPriceTableException(name + ": " + p + ".pricing: expected an object", null);
            }
            String pp = p + ".pricing";
            BigDecimal in = number(pricing, name, pp, "prompt", true);
            BigDecimal out = number(pricing, name, pp, "completion", true);
            if (in == null || out == null || in.signum() < 0 || out.signum() < 0) {
                // OpenRouter writes -1 for a router whose price depends on the model it picks: no price
                continue;
            }
            BigDecimal reasoning = number(pricing, name, pp, "internal_reasoning");
            BigDecimal request = number(pricing, name, pp, "request");
            try {
                m.put(id.textValue(), ModelPrice.builder(id.textValue(), name, in, out).cacheRead(number(pricing, name, pp, "input_cache_read"))
                        .cacheWrite(number(pricing, name, pp, "input_cache_write"))
                        // "0" there means reasoning is not priced apart: it is billed as completion
                        .reasoning(reasoning != null && reasoning.signum() > 0 ? reasoning : null)
                        .request(request != null && request.signum() > 0 ? request : null).build());
            } catch (IllegalArgumentException x) {
                throw new InvalidPriceTableException(name + ": " + p + ": " + x.getMessage(), x);
            }
        }
        return new PriceTable(new Entries(new TreeMap<String, Object>(m)), new TreeMap<>());
    }

    /** A price: a JSON number (LiteLLM: 3e-06, read exactly) or a decimal string (OpenRouter: "0.000003"); null when absent. */
    private static BigDecimal number(JsonNode n, String name, String p, String field) {
        return number(n, name, p, field, false);
    }

    /** {@link #number(JsonNode, String, String, String)}; {@code router}: OpenRouter's -1 (a router's price, which depends on the model) is let through. */
    private static BigDecimal number(JsonNode n, String name, String p, String field, boolean router) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                d = new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw new InvalidPriceTableException(name + ": " + p + "." + field + ": \"" + v.textValue() + "\" is not a decimal number", e);
            }
        } else {
            throw new InvalidPriceTableException(name + ": " + p + "." + field + ": " + v + " is not a price", null);
        }
        if (d.signum() < 0 && !router) {
            // named at the field, not at its entry, where the price's own check would name it
            throw new InvalidPriceTableException(name + ": " + p + "." + field + ": " + (v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString())
                    + " is not a price: it must be >= 0", null);
        }
        return d;
    }

    /**
     * This table with {@code later}'s entries added, replacing entries of the same name.
     *
     * @param later the table that wins
     * @return both together
     */
    public PriceTable merge(PriceTable later) {
        Entries m = entries.merge(later.entries);
        Map<String, String> map = new TreeMap<>(mapped);
        map.putAll(later.mapped);
        List<String> n = new ArrayList<>(notes);
        n.addAll(later.notes);
        return new PriceTable(m, map, n);
    }

    /**
     * This table with {@code model} priced as the entry {@code key}, whatever the rules would say.
     *
     * @param model the name as logs write it
     * @param key an entry of this table
     * @return the table with the mapping
     * @throws IllegalArgumentException if the table has no entry {@code key}
     */
    public PriceTable withMapping(String model, String key) {
        Objects.requireNonNull(model, "model");
        if (!entries.containsKey(Objects.requireNonNull(key, "key"))) {
            throw new IllegalArgumentException("no price entry \"" + key + "\" to map " + model + " to");
        }
        Map<String, String> map = new TreeMap<>(mapped);
        map.put(model, key);
        return new PriceTable(entries, map, notes);
    }

    /**
     * The entries by name. A LiteLLM table read from a file builds its entries when first asked
     * for; this map builds (and checks) all of them.
     *
     * @return the entries
     * @throws InvalidPriceTableException if an entry's prices are invalid
     */
    public Map<String, ModelPrice> entries() {
        return entries.all();
    }

    /**
     * The entry for {@code model}, by the first rule that finds exactly one; empty when none
     * does or when a rule finds several (see {@link #candidates}).
     *
     * @param model the name as a log writes it
     * @return the match
     */
    public Optional<PriceMatch> match(String model) {
        return match(model, null);
    }

    /**
     * The first party of a model family, by the name's start ({@code claude} → {@code anthropic},
     * {@code gpt}/{@code o1}… → {@code openai}, {@code gemini} → {@code gemini}…); null for others.
     */
    static String firstParty(String model) {
        String n = normalize(model);
        for (String[] f : FAMILIES) {
            for (int i = 1; i < f.length; i++) {
                if (n.startsWith(f[i])) {
                    return f[0];
                }
            }
        }
        return null;
    }

    private static final String[][] FAMILIES = {{"anthropic", "claude"}, {"openai", "gpt-", "o1", "o3", "o4", "chatgpt", "codex-"},
        {"gemini", "gemini", "gemma"}, {"xai", "grok"}, {"mistral", "mistral", "codestral", "magistral", "devstral", "pixtral"},
        {"deepseek", "deepseek"}};

    /** LiteLLM's provider names of each first party and vendor: an entry "is" anthropic if its provider is one of these. */
    private static boolean provides(ModelPrice p, String who) {
        if (who == null || !p.provider().isPresent()) {
            return false;
        }
        String v = p.provider().get().toLowerCase(Locale.ROOT);
        switch (who) {
            case "gemini":
                return v.equals("gemini") || v.equals("vertex_ai-language-models");
            case "bedrock":
                return v.equals("bedrock") || v.equals("bedrock_converse");
            case "openai":
                return v.equals("openai") || v.equals("text-completion-openai");
            default:
                return v.equals(who);
        }
    }

    /**
     * The entry for {@code model} as a log of {@code vendor} writes it: a mapping, the exact
     * name, then a normalised or undated name; of several entries for one name, the vendor's own
     * ({@code litellm_provider}: {@code anthropic} for Anthropic's API and Claude Code,
     * {@code openai}, {@code gemini}/{@code vertex_ai-language-models}, {@code bedrock}), then
     * the first party of the model family's. Empty when none fits or several still do.
     *
     * @param model the name as a log writes it
     * @param vendor the provider that served the log's requests ({@code anthropic},
     *     {@code openai}, {@code gemini}, {@code bedrock}), or null when unknown
     * @return the match
     */
    public Optional<PriceMatch> match(String model, String vendor) {
        Objects.requireNonNull(model, "model");
        if (mapped.containsKey(model)) {
            return Optional.of(new PriceMatch(model, PriceMatch.Rule.MAPPED, entries.get(mapped.get(model))));
        }
        if (entries.containsKey(model)) {
            return Optional.of(new PriceMatch(model, PriceMatch.Rule.EXACT, entries.get(model)));
        }
        List<String> c = candidates(model);
        if (c.size() == 1) {
            String k = c.get(0);
            PriceMatch.Rule r = normalize(k).equals(normalize(model)) ? PriceMatch.Rule.NORMALIZED : PriceMatch.Rule.UNDATED;
            return Optional.of(new PriceMatch(model, r, entries.get(k)));
        }
        for (String who : new String[] {vendor, firstParty(model)}) {
            List<String> own = new ArrayList<>();
            for (String k : c) {
                if (provides(entries.get(k), who)) {
                    own.add(k);
                }
            }
            if (own.size() == 1) {
                return Optional.of(new PriceMatch(model, PriceMatch.Rule.PROVIDER, entries.get(own.get(0))));
            }
            if (own.size() > 1) {
                // several of the provider's own (dated and undated copies, say): the first, if their prices agree
                ModelPrice first = entries.get(own.get(0));
                for (String k : own) {
                    if (!entries.get(k).samePrices(first)) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new PriceMatch(model, PriceMatch.Rule.PROVIDER, first));
            }
        }
        return Optional.empty();
    }

    /**
     * The entries the first rule that finds any matches (after a mapping and the exact name): one
     * for a match, several for an ambiguous name, none for an unknown one.
     *
     * @param model the name as a log writes it
     * @return the candidate entries, by name
     */
    public List<String> candidates(String model) {
        Objects.requireNonNull(model, "model");
        String n = normalize(model);
        List<String> same = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (String k : entries.names()) {
            String nk = normalize(k);
            // an entry not priced by tokens is no candidate: built (and checked) only when its name fits
            if (nk.equals(n) && entries.containsKey(k)) {
                same.add(k);
            } else if (undate(nk).equals(undate(n)) && entries.containsKey(k)) {
                undated.add(k);
            }
        }
        return same.isEmpty() ? undated : same;
    }

    /** Lower case, no provider prefix, '.' as '-': "anthropic/Claude-Sonnet-4.5" is "claude-sonnet-4-5". A ":free" tag stays: a free variant is not the paid one. */
    static String normalize(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        return s.replace('.', '-');
    }

    private static String undate(String normalized) {
        return DATE_SUFFIX.matcher(normalized).replaceFirst("");
    }

    @Override
    public boolean equals(Object o) {
        // by every entry's prices, an invalid entry by its error, so that comparing never throws
        return o instanceof PriceTable && ((PriceTable) o).entries.comparable().equals(entries.comparable()) && ((PriceTable) o).mapped.equals(mapped);
    }

    @Override
    public int hashCode() {
        return entries.comparable().hashCode() * 31 + mapped.hashCode();
    }

    @Override
    public String toString() {
        // the entries of the document, built or not: printing a table builds nothing
        return "PriceTable(" + entries.size() + " entries" + (mapped.isEmpty() ? "" : ", " + mapped.size() + " mapped") + ")";
    }
}
