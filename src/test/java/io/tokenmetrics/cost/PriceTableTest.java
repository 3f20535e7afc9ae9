package io.tokenmetrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Price tables in LiteLLM's and OpenRouter's formats, name matching, and the cost of token parts, against hand-derived figures. */
class PriceTableTest {
    private static Path fixture(String name) throws Exception {
        return Paths.get(PriceTableTest.class.getResource(name).toURI());
    }

    private static PriceTable litellm() throws Exception {
        return PriceTable.read(fixture("litellm-prices.json"));
    }

    private static PriceTable openrouter() throws Exception {
        return PriceTable.read(fixture("openrouter-models.json"));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertDollars(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), "expected " + expected + ", got " + actual.toPlainString());
    }

    @Test
    void liteLlmPricesAreExactAndSkipTheSampleAndNonTokenEntries() throws Exception {
        PriceTable t = litellm();
        // sample_spec is documentation; the embedding has no output price
        assertFalse(t.entries().containsKey("sample_spec"));
        assertFalse(t.entries().containsKey("text-embedding-3-small"));
        assertEquals(5, t.entries().size());
        ModelPrice s = t.entries().get("claude-sonnet-4-5-20250929");
        // 3e-06 read as a decimal, not a double: exactly 0.000003
        assertEquals("0.0000030", s.input().setScale(7).toPlainString());
        assertDollars("0.0000003", s.cacheRead().get());
        assertTrue(s.hasTier());
        assertDollars("0.000004", t.entries().get("o-reasoner").reasoning().get());
    }

    @Test
    void costsFollowTheOneMeaningOfTheTokenParts() throws Exception {
        ModelPrice s = litellm().entries().get("claude-sonnet-4-5-20250929");
        // input 10,000 of which 6,000 cache reads and 1,000 cache writes; output 2,000:
        // 3,000 × 0.000003 = 0.009; 6,000 × 0.0000003 = 0.0018; 1,000 × 0.00000375 = 0.00375; 2,000 × 0.000015 = 0.03
        // total 0.04455
        assertDollars("0.04455", s.costOfRequest(TokenParts.of(10_000, 6_000, 1_000, 2_000, 0)));
        // above 200k input: 250,000 uncached × 0.000006 = 1.5; 1,000 output × 0.0000225 = 0.0225; total 1.5225
        assertDollars("1.5225", s.costOfRequest(TokenParts.of(250_000, 0, 0, 1_000, 0)));
        // the same tokens summed in a bucket of 2 requests: base prices, 250,000 × 0.000003 + 1,000 × 0.000015 = 0.765
        assertDollars("0.765", s.costOfBucket(TokenParts.of(250_000, 0, 0, 1_000, 0), 2));
        // reasoning billed apart: 1,000 output of which 600 reasoning: 400 × 0.000008 + 600 × 0.000004 = 0.0032 + 0.0024 = 0.0056
        assertDollars("0.0056", litellm().entries().get("o-reasoner").costOfRequest(TokenParts.of(0, 0, 0, 1_000, 600)));
        // gpt-5 has no cache-write price: the write is priced as input. 1,000 input with 200 writes: 800 × 0.00000125
        // + 200 × 0.00000125 = 0.00125
        assertDollars("0.00125", litellm().entries().get("gpt-5").costOfRequest(TokenParts.of(1_000, 0, 200, 0, 0)));
        // OpenRouter's per-request price: 2 requests × 0.0001 plus 1,000 in × 0.0000004 and 500 out × 0.0000012 = 0.0002 + 0.0004 + 0.0006
        ModelPrice q = openrouter().entries().get("qwen/qwen3.6-plus");
        assertDollars("0.0012", q.costOfBucket(TokenParts.of(1_000, 0, 0, 500, 0), 2));
        // and its internal_reasoning price applies to reasoning: 500 reasoning × 0.000002 = 0.001
        assertDollars("0.001", q.costOfBucket(TokenParts.of(0, 0, 0, 500, 500), 0));
    }

    @Test
    void aBucketCostsARangeOnlyWhenItCouldHaveCrossedTheTier() throws Exception {
        ModelPrice s = litellm().entries().get("claude-sonnet-4-5-20250929");
        io.tokenmetrics.amount.Quantity.Unit usd = io.tokenmetrics.amount.Quantity.Unit.USD;
        // 250,000 input and 1,000 output over 2 requests: $0.765 at base prices to $1.5225 at tier prices (derived above)
        assertEquals(io.tokenmetrics.amount.Quantity.range(d("0.765"), d("1.5225"), usd),
                s.costOfBucketRange(TokenParts.of(250_000, 0, 0, 1_000, 0), 2));
        // the same as one request is that request: the tier applies
        assertEquals(io.tokenmetrics.amount.Quantity.of(d("1.5225"), usd), s.costOfBucketRange(TokenParts.of(250_000, 0, 0, 1_000, 0), 1));
        // 150,000 input in all: no request can have been above 200,000. 150,000 × 0.000003 = 0.45
        assertEquals(io.tokenmetrics.amount.Quantity.of(d("0.45"), usd), s.costOfBucketRange(TokenParts.of(150_000, 0, 0, 0, 0), 3));
    }

    @Test
    void requestsKnownToBeAboveTheTierArePricedAtItWhereTheTableHasOne() throws Exception {
        ModelPrice s = litellm().entries().get("claude-sonnet-4-5-20250929");
        // two requests of 250,000 and 300,000 input (100,000 of them cache reads) and 3,000 output, summed:
        // 450,000 × 0.000006 + 100,000 × 0.0000006 + 3,000 × 0.0000225 = 2.7 + 0.06 + 0.0675 = 2.8275
        assertDollars("2.8275", s.costOfLargeRequests(TokenParts.of(550_000, 100_000, 0, 3_000, 0), 2));
        // gpt-5 has no tier: base prices, 300,000 × 0.00000125 = 0.375
        assertDollars("0.375", litellm().entries().get("gpt-5").costOfLargeRequests(TokenParts.of(300_000, 0, 0, 0, 0), 1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.costOfLargeRequests(TokenParts.of(1, 0, 0, 0, 0), -1));
        assertEquals("requests (-1) must be >= 0", e.getMessage());
        // the aggregation keeps large requests apart by the same threshold
        assertEquals(200_000, ModelPrice.TIER_THRESHOLD);
    }

    @Test
    void openRouterPricesAreDecimalStringsAndRoutersHaveNone() throws Exception {
        PriceTable t = openrouter();
        // openrouter/auto's -1 means "depends on the model picked": no price, not a negative one
        assertFalse(t.entries().containsKey("openrouter/auto"));
        ModelPrice s = t.entries().get("anthropic/claude-sonnet-4.5");
        assertDollars("0.00000375", s.cacheWrite().get());
        // internal_reasoning "0" is not a free reasoning price: reasoning is billed as completion
        assertFalse(s.reasoning().isPresent());
        assertFalse(s.request().isPresent());
        assertDollars("0", t.entries().get("qwen/qwen3.6-plus:free").output());
    }

    @Test
    void namesMatchByDocumentedRulesInOrder() throws Exception {
        PriceTable t = litellm().merge(openrouter());
        assertEquals(PriceMatch.Rule.EXACT, t.match("gpt-5").get().rule());
        // provider prefix, case, and dots against dashes
        PriceMatch n = t.match("Anthropic/Claude-Sonnet-4.5").get();
        assertEquals(PriceMatch.Rule.NORMALIZED, n.rule());
        assertEquals("anthropic/claude-sonnet-4.5", n.price().key());
        // a dated name with an entry of its own is exact; with a provider prefix it matches two entries
        // (the plain one, litellm_provider openai, and azure's): the family's first party, openai, is taken
        assertEquals(Arrays.asList("azure/gpt-5-2025-08-07", "gpt-5-2025-08-07"), t.candidates("gpt-5-2025-08-07").subList(0, 2));
        assertEquals(PriceMatch.Rule.EXACT, t.match("gpt-5-2025-08-07").get().rule());
        PriceMatch fp = t.match("openai/gpt-5-2025-08-07").get();
        assertEquals(PriceMatch.Rule.PROVIDER, fp.rule());
        assertEquals("gpt-5-2025-08-07", fp.price().key());
        // the log's own vendor comes before the first party: azure's copy for a log served by azure
        assertEquals("azure/gpt-5-2025-08-07", t.match("openai/gpt-5-2025-08-07", "azure").get().price().key());
        // an undated name finds the one dated entry
        PriceMatch u = litellm().match("claude-sonnet-4-5").get();
        assertEquals(PriceMatch.Rule.UNDATED, u.rule());
        assertEquals("claude-sonnet-4-5-20250929", u.price().key());
        // a free variant is never priced as the paid one, and unknown names are unpriced
        assertFalse(litellm().merge(openrouter()).match("moonshotai/kimi-k2.5:free").isPresent());
        assertEquals("qwen/qwen3.6-plus:free", t.match("qwen/qwen3.6-plus:free").get().price().key());
        assertFalse(t.match("no-such-model").isPresent());
        assertEquals(Collections.emptyList(), t.candidates("no-such-model"));
        // an explicit mapping wins
        PriceMatch m = t.withMapping("my-proxy-sonnet", "anthropic/claude-sonnet-4.5").match("my-proxy-sonnet").get();
        assertEquals(PriceMatch.Rule.MAPPED, m.rule());
        assertEquals("my-proxy-sonnet -> anthropic/claude-sonnet-4.5 (mapped, " + fixture("openrouter-models.json") + ")", m.toString());
        assertEquals("no price entry \"nope\" to map x to", assertThrows(IllegalArgumentException.class, () -> t.withMapping("x", "nope")).getMessage());
    }

    private static PriceTable table(String json) throws IOException {
        return PriceTable.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    @Test
    void copiesOfOneModelFromSeveralProvidersPreferTheVendorThenTheFirstParty() throws IOException {
        // LiteLLM without a bare claude-3-5-haiku-20241022 key: anthropic's, bedrock's and vertex's copies,
        // whose names all normalise to it, at different prices
        PriceTable t = table("{\"anthropic/claude-3-5-haiku-20241022\": {\"input_cost_per_token\": 8e-07, \"output_cost_per_token\": 4e-06,"
                + " \"litellm_provider\": \"anthropic\"},"
                + " \"bedrock/us-east-1/claude-3-5-haiku-20241022\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 5e-06,"
                + " \"litellm_provider\": \"bedrock\"},"
                + " \"openrouter/claude-3-5-haiku-20241022\": {\"input_cost_per_token\": 9e-07, \"output_cost_per_token\": 4e-06,"
                + " \"litellm_provider\": \"openrouter\"},"
                + " \"together/kimi-k2\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 3e-06, \"litellm_provider\": \"together_ai\"},"
                + " \"fireworks/kimi-k2\": {\"input_cost_per_token\": 6e-07, \"output_cost_per_token\": 2.5e-06, \"litellm_provider\": \"fireworks_ai\"}}");
        assertEquals(3, t.candidates("claude-3-5-haiku-20241022").size());
        // no vendor known: claude's first party is anthropic
        assertEquals("anthropic/claude-3-5-haiku-20241022", t.match("claude-3-5-haiku-20241022").get().price().key());
        // a Bedrock log's own vendor first
        assertEquals("bedrock/us-east-1/claude-3-5-haiku-20241022", t.match("claude-3-5-haiku-20241022", "bedrock").get().price().key());
        // a family without a first party, two providers: still ambiguous, never guessed
        assertFalse(t.match("kimi-k2").isPresent());
        assertEquals(Arrays.asList("fireworks/kimi-k2", "together/kimi-k2"), t.candidates("kimi-k2"));
    }

    @Test
    void topLevelValuesThatAreNotModelEntriesAreSkippedWithANote() throws IOException {
        PriceTable t = table("{\"last_updated\": \"2026-11-30\", \"gpt-5\": {\"input_cost_per_token\": 1.25e-06, \"output_cost_per_token\": 1e-05}}");
        assertEquals(Collections.singleton("gpt-5"), t.entries().keySet());
        assertEquals(Collections.singletonList("t.json: $[\"last_updated\"] is not an object of prices (a string): skipped"), t.notes());
    }

    @Test
    void oneHourCacheWritesAtTheirOwnPriceOrTwiceTheInput() throws IOException {
        // claude-sonnet-4-5 as LiteLLM prices it: input 3e-06, output 1.5e-05, 5m write 3.75e-06, 1h write 6e-06,
        // read 3e-07; above 200k: input 6e-06, output 2.25e-05, 5m write 7.5e-06, 1h write 1.2e-05, read 6e-07
        PriceTable t = table("{\"claude-sonnet-4-5\": {\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05,"
                + " \"cache_creation_input_token_cost\": 3.75e-06, \"cache_creation_input_token_cost_above_1hr\": 6e-06,"
                + " \"cache_read_input_token_cost\": 3e-07, \"input_cost_per_token_above_200k_tokens\": 6e-06,"
                + " \"output_cost_per_token_above_200k_tokens\": 2.25e-05, \"cache_creation_input_token_cost_above_200k_tokens\": 7.5e-06,"
                + " \"cache_creation_input_token_cost_above_1hr_above_200k_tokens\": 1.2e-05,"
                + " \"cache_read_input_token_cost_above_200k_tokens\": 6e-07},"
                + " \"no-1h\": {\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05, \"cache_creation_input_token_cost\": 3.75e-06,"
                + " \"input_cost_per_token_above_200k_tokens\": 6e-06}}");
        ModelPrice p = t.entries().get("claude-sonnet-4-5");
        // 10 uncached + 1000 read + 2000 written (500 of them for 1h), 100 out:
        // 10 × 3e-06 + 1000 × 3e-07 + 1500 × 3.75e-06 + 500 × 6e-06 + 100 × 1.5e-05
        // = 0.00003 + 0.0003 + 0.005625 + 0.003 + 0.0015 = 0.010455
        TokenParts small = TokenParts.of(3010, 1000, 2000, 100, 0).withCacheWrite1h(500);
        assertDollars("0.010455", p.costOfRequest(small));
        // one request of 250,000 input: 10,000 uncached + 200,000 read + 40,000 written (30,000 for 1h), 1,000 out, all at the tier:
        // 10000 × 6e-06 + 200000 × 6e-07 + 10000 × 7.5e-06 + 30000 × 1.2e-05 + 1000 × 2.25e-05
        // = 0.06 + 0.12 + 0.075 + 0.36 + 0.0225 = 0.6375
        TokenParts large = TokenParts.of(250_000, 200_000, 40_000, 1000, 0).withCacheWrite1h(30_000);
        assertDollars("0.6375", p.costOfRequest(large));
        // without a 1h price: twice the input price in force, 2 × 3e-06 below the tier, 2 × 6e-06 above it
        ModelPrice q = t.entries().get("no-1h");
        assertFalse(q.cacheWrite1hFromTable().isPresent());
        // 10 × 3e-06 + 1000 × 3e-06 (no read price: the input's) + 1500 × 3.75e-06 + 500 × 6e-06 + 100 × 1.5e-05
        // = 0.00003 + 0.003 + 0.005625 + 0.003 + 0.0015 = 0.013155
        assertDollars("0.013155", q.costOfRequest(small));
        // 10000 × 6e-06 + 200000 × 6e-06 + 10000 × 3.75e-06 (no write tier) + 30000 × 1.2e-05 + 1000 × 1.5e-05
        // = 0.06 + 1.2 + 0.0375 + 0.36 + 0.015 = 1.6725
        assertDollars("1.6725", q.costOfRequest(large));
        assertEquals("cacheWrite1h (2001) must be <= cacheWrite (2000): the one-hour writes are part of the cache writes",
                assertThrows(IllegalArgumentException.class, () -> TokenParts.of(3010, 1000, 2000, 100, 0).withCacheWrite1h(2001)).getMessage());
    }

    @Test
    void aTierWithoutItsOwnCachePriceKeepsTheStandardOne() throws IOException {
        // gpt-5.4-pro as LiteLLM lists it: flex input and output, no flex cache read price
        PriceTable t = table("{\"pro\": {\"input_cost_per_token\": 3e-05, \"output_cost_per_token\": 1.8e-04,"
                + " \"cache_read_input_token_cost\": 3e-06, \"input_cost_per_token_flex\": 1.5e-05, \"output_cost_per_token_flex\": 9e-05},"
                + " \"opus\": {\"input_cost_per_token\": 5e-06, \"output_cost_per_token\": 2.5e-05, \"provider_specific_entry\": {\"fast\": 6.0}}}");
        ModelPrice flex = t.entries().get("pro").forTier("flex").get();
        // 1,000 input of which 800 cached, 100 output: 200 × 1.5e-05 + 800 × 3e-06 (the standard cache read) + 100 × 9e-05
        // = 0.003 + 0.0024 + 0.009 = 0.0144 (at the flex input price for the cached tokens it would be 0.024)
        assertDollars("0.0144", flex.costOfRequest(TokenParts.of(1000, 800, 0, 100, 0)));
        assertFalse(t.entries().get("pro").forTier("priority").isPresent());
        assertEquals(t.entries().get("pro"), t.entries().get("pro").forTier("default").get());
        // fast mode: input and output × 6; one-hour writes without a table price at twice the standard input (1e-05), not the fast one:
        // 100 uncached × 3e-05 + 1,000 one-hour writes × 1e-05 + 10 × 1.5e-04 = 0.003 + 0.01 + 0.0015 = 0.0145
        ModelPrice fast = t.entries().get("opus").forTier("fast").get();
        assertDollars("0.0145", fast.costOfRequest(TokenParts.of(1100, 0, 1000, 10, 0).withCacheWrite1h(1000)));
    }

    @Test
    void laterTablesOverrideEarlierOnes() throws Exception {
        String cheaper = "{\"gpt-5\": {\"input_cost_per_token\": \"0.000001\", \"output_cost_per_token\": 8e-06}}";
        PriceTable t = litellm().merge(PriceTable.parse(new ByteArrayInputStream(cheaper.getBytes(StandardCharsets.UTF_8)), "mine.json"));
        assertDollars("0.000001", t.entries().get("gpt-5").input());
        assertEquals("mine.json", t.entries().get("gpt-5").source());
        assertEquals(5, t.entries().size());
    }

    private static PriceTable parse(String json) throws IOException {
        return PriceTable.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json");
    }

    @Test
    @org.junit.jupiter.api.Tag("jackson-wording")
    void badTablesNameTheFileThePathAndTheValue() {
        // a LiteLLM entry is checked when a run first needs it: entries() needs them all
        assertEquals("p.json: $[\"m\"].input_cost_per_token: \"cheap\" is not a decimal number",
                assertThrows(InvalidPriceTableException.class, () -> parse("{\"m\": {\"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 1}}").entries())
                        .getMessage());
        // the path runs to the field, not only to its entry (a hostile corpus found it stopping at $["m"])
        assertEquals("p.json: $[\"m\"].input_cost_per_token: -0.1 is not a price: it must be >= 0",
                assertThrows(InvalidPriceTableException.class, () -> parse("{\"m\": {\"input_cost_per_token\": -0.1, \"output_cost_per_token\": 1}}").entries())
                        .getMessage());
        assertEquals("p.json: $[\"m\"].cache_read_input_token_cost: \"-3e-7\" is not a price: it must be >= 0",
                assertThrows(InvalidPriceTableException.class, () -> parse("{\"m\": {\"input_cost_per_token\": 1, \"output_cost_per_token\": 1,"
                        + " \"cache_read_input_token_cost\": \"-3e-7\"}}").entries()).getMessage());
        assertEquals("p.json: $.data[0].pricing: expected an object",
                assertThrows(MalformedPriceTableException.class, () -> parse("{\"data\": [{\"id\": \"a/b\"}]}")).getMessage());
        assertEquals("p.json: $: expected an object: LiteLLM's model entries, or OpenRouter's {\"data\": [...]}",
                assertThrows(MalformedPriceTableException.class, () -> parse("[1]")).getMessage());
        assertEquals("p.json: 1:2: malformed JSON: Unexpected close marker ']': expected '}'",
                assertThrows(MalformedPriceTableException.class, () -> parse("{]")).getMessage());
        assertEquals("cacheRead (600) + cacheWrite (500) must be <= input (1000): input includes the cache",
                assertThrows(IllegalArgumentException.class, () -> TokenParts.of(1_000, 600, 500, 0, 0)).getMessage());
    }
}
