package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a group's sums alone cannot say: which tokens came from single requests above 200,000
 * input tokens (priced at long-context tiers), and the cost the source logged itself.
 */
class LargeRequestsAndLoggedCostTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static UsageAggregator.Builder agg(String... by) {
        return UsageAggregator.builder().period(PeriodType.WEEK).by(Arrays.asList(by));
    }

    @Test
    void singleRequestsAboveTheThresholdAreKeptApartAndBucketsAboveItAreUndecided() throws IOException {
        // per-request rows: 250,000 (above), 200,000 (not above: the tier starts after 200,000), 100,000;
        // a row of 3 requests with 300,000 together: some may be above, which is unknown;
        // a row of 1 request (an export bucket of one) with 210,000: above
        Path log = file("u.csv", "timestamp,model,input_tokens,output_tokens,cache_read_tokens,reasoning_tokens,requests\n"
                + "2026-04-13T10:00:00Z,m,250000,1000,50000,100,\n"
                + "2026-04-13T10:01:00Z,m,200000,10,0,0,\n"
                + "2026-04-13T10:02:00Z,m,100000,20,0,0,\n"
                + "2026-04-13T10:03:00Z,m,300000,30,0,0,3\n"
                + "2026-04-13T10:04:00Z,m,210000,40,7,0,1\n");
        UsageGroup g = agg("model").build().aggregate(log).groups().get(0);
        assertEquals(OptionalLong.of(7), g.requests());
        assertEquals(1_060_000, g.inputTokens());
        UsageGroup large = g.largeRequests();
        // 250,000 + 210,000 input; 1,000 + 40 output; 50,000 + 7 cache reads; 100 reasoning; 2 requests
        assertEquals(OptionalLong.of(2), large.requests());
        assertEquals(460_000, large.inputTokens());
        assertEquals(1_040, large.outputTokens());
        assertEquals(50_007, large.cacheReadTokens());
        assertEquals(100, large.reasoningTokens());
        UsageGroup undecided = g.undecidedRows();
        assertEquals(OptionalLong.of(3), undecided.requests());
        assertEquals(300_000, undecided.inputTokens());
        assertEquals(30, undecided.outputTokens());
        // the parts of a part are empty, and the group's period and values are kept
        assertEquals(0, large.largeRequests().inputTokens());
        assertEquals(g.period(), large.period());
        assertEquals(g.dimensions(), undecided.dimensions());
        // a source without a cost field logs none
        assertEquals(Optional.empty(), g.loggedCost());
        assertEquals(0, g.rowsWithoutLoggedCost());
    }

    @Test
    void largeRequestsAddUpAcrossThreadsAndFiles() throws IOException {
        StringBuilder a = new StringBuilder("timestamp,model,input_tokens,output_tokens\n");
        for (int i = 0; i < 20_000; i++) {
            a.append("2026-04-13T10:00:00Z,m,").append(i % 4 == 0 ? 300_001 : 1).append(",1\n");
        }
        Path f1 = file("a.csv", a.toString());
        Path f2 = file("b.csv", a.toString());
        UsageGroup g = agg("model").threads(2).build().aggregate(f1, f2).groups().get(0);
        // 5,000 rows of 300,001 in each of two files
        assertEquals(OptionalLong.of(10_000), g.largeRequests().requests());
        assertEquals(10_000L * 300_001, g.largeRequests().inputTokens());
        assertEquals(0, g.undecidedRows().inputTokens());
    }

    @Test
    void liteLlmSpendIsSummedExactlyAndAGroupWithAMissingSpendHasNone() throws IOException {
        // binary floating point would give 0.1 + 0.2 = 0.30000000000000004
        Path log = file("spend.csv", "request_id,spend,prompt_tokens,completion_tokens,startTime,model,user\n"
                + "r1,0.1,10,1,2026-04-13 10:00:00,gpt-5,alice\n"
                + "r2,0.2,10,1,2026-04-13 11:00:00,gpt-5,alice\n"
                + "r3,1.5e-7,10,1,2026-04-13 12:00:00,gpt-5,bob\n"
                + "r4,,10,1,2026-04-13 13:00:00,gpt-5,carol\n"
                + "r5,0.5,10,1,2026-04-13 14:00:00,gpt-5,carol\n");
        UsageResult r = agg("user").build().aggregate(log);
        assertEquals(Optional.of(new BigDecimal("0.3")).map(BigDecimal::stripTrailingZeros),
                r.groups().get(0).loggedCost().map(BigDecimal::stripTrailingZeros));
        assertEquals(0, new BigDecimal("0.00000015").compareTo(r.groups().get(1).loggedCost().get()));
        UsageGroup carol = r.groups().get(2);
        assertEquals(Optional.empty(), carol.loggedCost());
        assertEquals(1, carol.rowsWithoutLoggedCost());
    }

    @Test
    void anyColumnCanBeTheLoggedCost() throws IOException {
        Path log = file("u.csv", "timestamp,model,input_tokens,output_tokens,price\n2026-04-13T10:00:00Z,m,1,1,0.25\n"
                + "2026-04-13T11:00:00Z,m,1,1,0.5\n");
        UsageGroup g = agg("model").map(UsageField.COST, "price").build().aggregate(log).groups().get(0);
        assertEquals(0, new BigDecimal("0.75").compareTo(g.loggedCost().get()));
    }

    @Test
    void claudeCodeCostUsdIsReadAndCountsOnceWithItsMessage() throws IOException {
        String line = "{\"type\":\"assistant\",\"sessionId\":\"s1\",\"uuid\":\"u%d\",\"requestId\":\"req_1\",\"costUSD\":0.0123,"
                + "\"timestamp\":\"2026-04-13T08:00:05Z\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5\",\"usage\":"
                + "{\"input_tokens\":4,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":10}}}\n";
        // the same message twice (Claude Code repeats it across session files): its cost counts once, as its tokens do
        Path log = file("s1.jsonl", String.format(line, 1) + String.format(line, 2));
        UsageResult r = agg("model").build().aggregate(log);
        assertEquals(1, r.duplicates());
        assertEquals(0, new BigDecimal("0.0123").compareTo(r.groups().get(0).loggedCost().get()));
    }

    @Test
    void aLoggedCostOverInputsWithAndWithoutOneIsWithheld() throws IOException {
        Path spend = file("spend.csv", "request_id,spend,prompt_tokens,completion_tokens,startTime,model\n"
                + "r1,0.1,10,1,2026-04-13 10:00:00,gpt-5\n");
        Path plain = file("plain.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,gpt-5,10,1\n");
        UsageResult r = agg("model").build().aggregate(spend, plain);
        assertEquals(Optional.empty(), r.groups().get(0).loggedCost());
        assertTrue(r.notes().contains("no logged cost: some inputs log their own cost and others do not, so a logged sum would leave rows out"),
                r.notes()::toString);
    }

    @Test
    void aBadLoggedCostIsABadRowNamingTheValue() throws IOException {
        Path log = file("spend.csv", "request_id,spend,prompt_tokens,completion_tokens,startTime,model\n"
                + "r1,0.1,10,1,2026-04-13 10:00:00,gpt-5\n"
                + "r2,-0.5,10,1,2026-04-13 10:00:00,gpt-5\n"
                + "r3,abc,10,1,2026-04-13 10:00:00,gpt-5\n"
                + "r4,1e-99,10,1,2026-04-13 10:00:00,gpt-5\n");
        UsageLogException e = assertThrows(UsageLogException.class, () -> agg("model").build().aggregate(log));
        assertEquals(log + ":3: spend (-0.5) is negative", e.getMessage());
        UsageResult r = agg("model").skipBad(true).build().aggregate(log);
        assertEquals(3, r.skipped());
        assertEquals("[" + log + ":3: spend (-0.5) is negative, " + log + ":4: spend (\"abc\") is not a decimal number of US dollars, "
                + log + ":5: spend (1e-99) has more than 30 digits before or after the point]", r.firstSkipped().toString());
        // the good row alone: its tokens and its cost
        assertEquals(11, r.groups().get(0).totalTokens());
        // bad rows are not in the group, so its logged cost is whole
        assertEquals(0, new BigDecimal("0.1").compareTo(r.groups().get(0).loggedCost().get()));
    }
}
