package io.tokenmetrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A LiteLLM table indexed and built entry by entry ({@link JsonIndex}, {@link Entries}) against
 * the same document read whole by Jackson: on generated tables and on generated damage to them,
 * the same entries, notes, matches and errors.
 */
class LazyPriceTableTest {
    private static final String[] PROVIDERS = {"openai", "anthropic", "bedrock", "vertex_ai-language-models", "azure", "gemini"};
    private static final String[] NAMES = {"gpt-4o", "gpt-4o-2024-08-06", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4.5",
        "gemini-2.5-pro", "o3-mini", "dall-e-3", "text-embedding-3-small", "mistral-large", "deepseek-chat", "grok-4"};

    private static String price(Random r) {
        switch (r.nextInt(5)) {
            case 0: return (1 + r.nextInt(9)) + "e-0" + (5 + r.nextInt(3));
            case 1: return "0.00000" + (1 + r.nextInt(99));
            case 2: return "\"0.000" + (1 + r.nextInt(999)) + "\"";
            case 3: return (1 + r.nextInt(9)) + "." + r.nextInt(10) + "E-6";
            default: return "0";
        }
    }

    /** A LiteLLM-shaped document: priced entries with tiers, fast mode and 1-hour writes, entries priced otherwise, stamps. */
    static String table(Random r, int n) {
        StringBuilder b = new StringBuilder("{\n  \"sample_spec\": {\"input_cost_per_token\": 0.0, \"mode\": \"one of: chat\"},\n");
        for (int i = 0; i < n; i++) {
            String key = NAMES[r.nextInt(NAMES.length)] + (i % 3 == 0 ? "" : "-v" + i);
            if (r.nextInt(40) == 0) {
                b.append("  \"last_updated\": \"2026-12-0").append(1 + r.nextInt(9)).append("\",\n");
                continue;
            }
            b.append("  \"").append(key).append(i).append("\": {");
            if (r.nextInt(6) == 0) {
                b.append("\"mode\": \"image_generation\", \"output_cost_per_image\": 0.04, \"supported_endpoints\": [\"/v1/images\"]},\n");
                continue;
            }
            b.append("\"input_cost_per_token\": ").append(price(r)).append(", \"output_cost_per_token\": ").append(price(r));
            b.append(", \"litellm_provider\": \"").append(PROVIDERS[r.nextInt(PROVIDERS.length)]).append('"');
            if (r.nextBoolean()) {
                b.append(", \"cache_read_input_token_cost\": ").append(price(r)).append(", \"cache_creation_input_token_cost\": ").append(price(r));
            }
            if (r.nextInt(3) == 0) {
                b.append(", \"input_cost_per_token_above_200k_tokens\": ").append(price(r)).append(", \"output_cost_per_token_above_200k_tokens\": ")
                        .append(price(r));
            }
            if (r.nextInt(4) == 0) {
                b.append(", \"input_cost_per_token_flex\": ").append(price(r)).append(", \"output_cost_per_token_flex\": ").append(price(r));
            }
            if (r.nextInt(5) == 0) {
                b.append(", \"provider_specific_entry\": {\"fast\": ").append(1 + r.nextInt(6)).append("}");
            }
            if (r.nextInt(5) == 0) {
                b.append(", \"cache_creation_input_token_cost_above_1hr\": ").append(price(r));
            }
            if (r.nextInt(20) == 0) {
                // an invalid price: checked when the entry is built
                b.append(", \"output_cost_per_reasoning_token\": -1e-06");
            }
            b.append(", \"metadata\": {\"notes\": \"caf\\u00e9 \\\"quoted\\\" 模型\"}, \"supports_vision\": ").append(r.nextBoolean())
                    .append(", \"max_tokens\": null, \"tpm\": 1.0e6}");
            b.append(i == n - 1 ? "\n" : ",\n");
        }
        return b.append("}\n").toString();
    }

    /** What reading gives: the notes, the entries (compared by every price), the matches; or the error (at reading, or when the entries are built). */
    private static List<Object> outcome(byte[] doc, boolean lazily) {
        List<Object> out = new ArrayList<>();
        try {
            PriceTable t = PriceTable.parse(doc, "t.json", lazily);
            StringBuilder s = new StringBuilder();
            // matching first: a lazy table builds only what the names need
            for (String name : NAMES) {
                Optional<PriceMatch> m = t.match(name, "anthropic");
                s.append(name).append(" -> ").append(m.isPresent() ? m.get().price() + " " + m.get().rule() : "none").append('\n');
            }
            out.add(s.toString());
            out.add(t.notes());
            out.add(t.entries());
        } catch (PriceTableException | java.io.IOException e) {
            out.clear();
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * The same outcome, but for which invalid entry is named: read whole, the first in the
     * document; built when needed, the first a run needs (or, for all entries, the first by name).
     * Then the entry it names must be one that is invalid there: its text holds the field and the
     * negative value the message quotes.
     */
    private static void assertSame(List<Object> whole, List<Object> lazy, byte[] doc, String what) {
        String w = whole.get(0).toString();
        if (!w.startsWith("InvalidPriceTableException")) {
            assertEquals(whole, lazy, what);
            return;
        }
        String l = lazy.get(0).toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("InvalidPriceTableException: t\\.json: \\$\\[\"([^\"]+)\"\\]\\.(\\w+): (\\S+) is not a (price|decimal number).*")
                .matcher(l);
        assertTrue(m.matches(), what + ": " + l);
        String text = new String(doc, StandardCharsets.UTF_8);
        int at = text.indexOf("\"" + m.group(1) + "\": {");
        assertTrue(at >= 0, l);
        String entry = text.substring(at, text.indexOf('}', text.indexOf(m.group(2), at)));
        // a string as written; a number as read (-1e-06 is -0.000001): its sign
        String written = m.group(3).startsWith("\"") ? m.group(3) : "-";
        assertTrue(entry.contains("\"" + m.group(2) + "\": " + written), what + ": " + l + " in " + entry);
    }

    @Test
    void generatedTablesReadAsJacksonReadsThemWhole() {
        Random r = new Random(7);
        int lazyErrors = 0;
        for (int seed = 0; seed < 60; seed++) {
            byte[] doc = table(r, 5 + r.nextInt(60)).getBytes(StandardCharsets.UTF_8);
            List<Object> whole = outcome(doc, false);
            assertSame(whole, outcome(doc, true), doc, "table " + seed);
            lazyErrors += whole.get(0).toString().startsWith("Invalid") ? 1 : 0;
        }
        // the generator makes invalid entries too: their errors are the same, named at the field
        assertTrue(lazyErrors > 5, "tables with an invalid entry: " + lazyErrors);
    }

    @Test
    void damagedTablesFailAsJacksonFailsOnThem() {
        Random r = new Random(11);
        int malformed = 0;
        for (int k = 0; k < 400; k++) {
            String t = table(r, 4 + r.nextInt(8));
            int at = r.nextInt(t.length());
            String damaged;
            switch (r.nextInt(7)) {
                case 0: damaged = t.substring(0, at) + t.substring(at + 1); break;
                case 1: damaged = t.substring(0, at); break;
                case 2: damaged = t.substring(0, at) + "x" + t.substring(at); break;
                case 3: damaged = t.substring(0, at) + "\"" + t.substring(at); break;
                case 4: damaged = t.replaceFirst("\"litellm_provider\"", "\"litellm_provider\": \"x\", \"litellm_provider\""); break;
                case 5: damaged = t.substring(0, at) + "\u0001" + t.substring(at); break;
                default: damaged = t + "{}"; break;
            }
            byte[] doc = damaged.getBytes(StandardCharsets.UTF_8);
            if (r.nextInt(10) == 0 && doc.length > 10) {
                // a byte that is not UTF-8
                doc[r.nextInt(doc.length)] = (byte) (0x80 + r.nextInt(0x7F));
            }
            List<Object> whole = outcome(doc, false);
            malformed += whole.get(0).toString().startsWith("Malformed") ? 1 : 0;
            assertSame(whole, outcome(doc, true), doc, damaged);
        }
        assertTrue(malformed > 150, "malformed documents among the damaged: " + malformed);
    }

    /** Jackson's limits (internal.Json: numbers of 40 digits, 64 levels): what it refuses, the index leaves to it (a fuzzer's finding). */
    @Test
    void whatJacksonsLimitsRefuseIsRefusedAsJacksonWordsIt() {
        StringBuilder deep = new StringBuilder("{\"m\": {\"input_cost_per_token\": 1, \"output_cost_per_token\": 1, \"x\": ");
        for (int k = 0; k < 70; k++) {
            deep.append('[');
        }
        for (int k = 0; k < 70; k++) {
            deep.append(']');
        }
        String[] docs = {"{\"m\": {\"input_cost_per_token\": 1" + new String(new char[45]).replace('\0', '0') + ", \"output_cost_per_token\": 1}}",
            deep.append("}}").toString(), "{\"m\": {\"input_cost_per_token\": 15E39999999999999999999999999, \"output_cost_per_token\": 1}}"};
        for (String d : docs) {
            byte[] doc = d.getBytes(StandardCharsets.UTF_8);
            List<Object> whole = outcome(doc, false);
            assertTrue(whole.get(0).toString().startsWith("MalformedPriceTableException"), whole.toString());
            assertEquals(whole, outcome(doc, true));
        }
    }

    /** A stream that is not a table (here /dev/zero's endless zeros) fails at its first byte, not after filling memory. */
    @Test
    void aStreamThatIsNotATableFailsAtItsStart() {
        java.io.InputStream zeros = new java.io.InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        MalformedPriceTableException e = assertThrows(MalformedPriceTableException.class, () -> PriceTable.parse(zeros, "zeros"));
        assertTrue(e.getMessage().startsWith("zeros: 1:2: malformed JSON: Illegal character ((CTRL-CHAR, code 0))"), e.getMessage());
    }

    @Test
    void anEntryIsCheckedWhenARunFirstNeedsIt() throws Exception {
        byte[] doc = ("{\"gpt-x\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06},"
                + " \"bad-model\": {\"input_cost_per_token\": -1, \"output_cost_per_token\": 2e-06}}").getBytes(StandardCharsets.UTF_8);
        PriceTable t = PriceTable.parse(doc, "t.json", true);
        // gpt-x: 1e-06 in, 2e-06 out, read without touching bad-model
        assertEquals(0, new java.math.BigDecimal("0.000001").compareTo(t.match("gpt-x").get().price().input()));
        InvalidPriceTableException e = assertThrows(InvalidPriceTableException.class, t::entries);
        assertEquals("t.json: $[\"bad-model\"].input_cost_per_token: -1 is not a price: it must be >= 0", e.getMessage());
        // read whole, the same error at once
        assertEquals(e.getMessage(), assertThrows(InvalidPriceTableException.class, () -> PriceTable.parse(doc, "t.json", false)).getMessage());
    }

    @Test
    void theBundledFixturesReadTheSameBothWays() throws Exception {
        for (String f : new String[] {"litellm-prices.json", "openrouter-models.json"}) {
            byte[] doc = Files.readAllBytes(Paths.get(LazyPriceTableTest.class.getResource(f).toURI()));
            assertEquals(outcome(doc, false), outcome(doc, true), f);
        }
        List<String> none = new ArrayList<>();
        assertEquals(none, PriceTable.parse("{}".getBytes(StandardCharsets.UTF_8), "e.json", true).notes());
    }
}
