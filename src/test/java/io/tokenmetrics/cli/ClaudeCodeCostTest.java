package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.usage.ClaudeCodeTrees;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usage --prices} on Claude Code trees as a user runs it (no --skip-bad, no --price-map):
 * every day's cost equals Anthropic's rule applied to each response's final copy by this test's
 * own arithmetic: the whole request at the 200k tier when its input (cache included) is above
 * 200,000, five-minute writes at 1.25×, one-hour writes at 2× and reads at 0.1× the input price
 * in force.
 */
class ClaudeCodeCostTest {
    @TempDir
    Path dir;

    /** Base input and output prices per token, and the tier's, by model (Anthropic's published rates). */
    private static final Map<String, String[]> RATES = new TreeMap<>();

    static {
        RATES.put("claude-sonnet-4-5-20250929", new String[] {"0.000003", "0.000015", "0.000006", "0.0000225"});
        RATES.put("claude-opus-4-1-20250805", new String[] {"0.000015", "0.000075", null, null});
        RATES.put("claude-haiku-4-5-20251001", new String[] {"0.000001", "0.000005", null, null});
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static BigDecimal cost(ClaudeCodeTrees.Response r) {
        String[] p = RATES.get(r.model);
        boolean above = r.input + r.cw5 + r.cw1h + r.cacheRead > 200_000 && p[2] != null;
        BigDecimal in = d(above ? p[2] : p[0]);
        BigDecimal out = d(above ? p[3] : p[1]);
        return in.multiply(BigDecimal.valueOf(r.input))
                .add(in.multiply(d("1.25")).multiply(BigDecimal.valueOf(r.cw5)))
                .add(in.multiply(d("2")).multiply(BigDecimal.valueOf(r.cw1h)))
                .add(in.multiply(d("0.1")).multiply(BigDecimal.valueOf(r.cacheRead)))
                .add(out.multiply(BigDecimal.valueOf(r.finalOutput)));
    }

    /**
     * LiteLLM's entries for the three models as its table writes them: sonnet with a 200k tier and
     * one-hour prices, opus with a one-hour price, haiku without one (twice the input, with a
     * note) and only as provider copies (anthropic/, bedrock/), which the vendor picks between.
     * A copy's "last_updated" stamp is skipped with a note.
     */
    private static final String TABLE = "{\"last_updated\": \"2026-11-30\","
            + " \"claude-sonnet-4-5-20250929\": {\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05,"
            + " \"cache_creation_input_token_cost\": 3.75e-06, \"cache_creation_input_token_cost_above_1hr\": 6e-06,"
            + " \"cache_read_input_token_cost\": 3e-07, \"input_cost_per_token_above_200k_tokens\": 6e-06,"
            + " \"output_cost_per_token_above_200k_tokens\": 2.25e-05, \"cache_creation_input_token_cost_above_200k_tokens\": 7.5e-06,"
            + " \"cache_creation_input_token_cost_above_1hr_above_200k_tokens\": 1.2e-05,"
            + " \"cache_read_input_token_cost_above_200k_tokens\": 6e-07, \"litellm_provider\": \"anthropic\"},"
            + " \"claude-opus-4-1-20250805\": {\"input_cost_per_token\": 1.5e-05, \"output_cost_per_token\": 7.5e-05,"
            + " \"cache_creation_input_token_cost\": 1.875e-05, \"cache_creation_input_token_cost_above_1hr\": 3e-05,"
            + " \"cache_read_input_token_cost\": 1.5e-06, \"litellm_provider\": \"anthropic\"},"
            + " \"anthropic/claude-haiku-4-5-20251001\": {\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 5e-06,"
            + " \"cache_creation_input_token_cost\": 1.25e-06, \"cache_read_input_token_cost\": 1e-07, \"litellm_provider\": \"anthropic\"},"
            + " \"bedrock/claude-haiku-4-5-20251001\": {\"input_cost_per_token\": 1.1e-06, \"output_cost_per_token\": 5.5e-06,"
            + " \"cache_creation_input_token_cost\": 1.375e-06, \"cache_read_input_token_cost\": 1.1e-07, \"litellm_provider\": \"bedrock\"}}";

    @Test
    void everyDaysCostIsAnthropicsRuleOnTheFinalCopies() throws Exception {
        Path prices = dir.resolve("litellm.json");
        Files.write(prices, TABLE.getBytes(StandardCharsets.UTF_8));
        for (long seed = 1; seed <= 2; seed++) {
            Path d = Files.createTempDirectory(dir, "tree" + seed);
            ClaudeCodeTrees tree = ClaudeCodeTrees.generate(d, seed);
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (ClaudeCodeTrees.Response r : tree.responses) {
                expected.merge(r.day() + "," + r.model, cost(r), BigDecimal::add);
            }
            CliRun run = CliRun.of("usage", d.resolve("projects").toString(), "--by", "model", "--period", "day", "--prices", prices.toString(),
                    "--format", "csv");
            assertEquals(0, run.code, run::toString);
            Map<String, BigDecimal> got = new TreeMap<>();
            String[] lines = run.out.split("\n");
            int costAt = java.util.Arrays.asList(lines[0].split(",")).indexOf("cost_usd");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",");
                got.put(f[0] + "," + f[2], d(f[costAt]));
            }
            assertEquals(expected.keySet(), got.keySet());
            for (String k : expected.keySet()) {
                assertEquals(0, expected.get(k).compareTo(got.get(k)), k + ": expected " + expected.get(k) + ", got " + got.get(k));
            }
            assertTrue(run.err.contains("token-metrics: " + prices + ": $[\"last_updated\"] is not an object of prices (a string): skipped"), run.err);
            assertTrue(run.err.contains("token-metrics: priced claude-haiku-4-5-20251001 -> anthropic/claude-haiku-4-5-20251001 (provider"), run.err);
            assertTrue(run.err.contains("claude-haiku-4-5-20251001: one-hour cache writes priced at twice the input price"), run.err);
        }
    }
}
