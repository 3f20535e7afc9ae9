package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenmetrics.period.PeriodType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coding agents' own logs, from fixtures shaped as their published sources write them
 * ({@code docs/usage-sources.md} names each source file): Codex CLI rollouts, Gemini CLI chat
 * files, OpenCode message files. Every expected number is derived by hand in the comments.
 */
class AgentLogsTest {
    private static UsageAggregator.Builder agg(PeriodType p, String... by) {
        return UsageAggregator.builder().period(p).by(Arrays.asList(by));
    }

    private static Path fixture(String name) {
        return UsageSourcesTest.fixture(name);
    }

    /** period dims requests input output total cache_read cache_write reasoning, as UsageSourcesTest writes them */
    private static List<String> rows(UsageResult r) {
        return UsageSourcesTest.rows(r);
    }

    @Test
    void codexCountsEachRequestOnceByTheChangeOfTheRunningSums() {
        UsageResult r = agg(PeriodType.DAY, "model").build().aggregate(fixture("codex/sessions"));
        // 2025-11-18, gpt-5-codex (turn_context), token_count events:
        //   total {in 12850, cached 3072, out 412, reasoning 256, total 13262}: the first request, all of it
        //   the same again (written when the rate limits changed): a repeat
        //   total {25000, 15000, 600, 300, 25600}: the second request, 12150 in (11928 cached), 188 out (44 reasoning)
        // then gpt-5: the same sums with a total-only estimate as last: a repeat; sums reset to {0,0,0,0,272000}
        // with last {total 5000 only}: not a request; then {30000, 20000, 900, 400, 302900}: a request of
        // 30000 in (20000 cached), 900 out (400 reasoning) at 23:59:59
        // 2025-11-19, the forked session: the parent's session_meta, turn_context and two token_counts copied
        // (same sums: counted already), then {40000, 25000, 800, 300, 40800}: 15000 in (10000 cached), 200 out
        assertEquals(Arrays.asList("2025-11-18 gpt-5 1 30000 900 30900 20000 0 400",
                "2025-11-18 gpt-5-codex 2 25000 600 25600 15000 0 300",
                "2025-11-19 gpt-5-codex 1 15000 200 15200 10000 0 0"), rows(r));
        // the repeat, the estimate's repeat and the fork's two copies
        assertEquals(4, r.duplicates());
        UsageResult bySession = agg(PeriodType.MONTH, "project", "session").build().aggregate(fixture("codex/sessions"));
        // the project is the session's working directory (/Users/alice/proj), not the dated folders
        assertEquals(Arrays.asList("2025-11-01 proj|019a9776-0a34-7842-8627-112b63d66e90 3 55000 1500 56500 35000 0 700",
                "2025-11-01 proj|019a9999-0000-7000-8000-000000000001 1 15000 200 15200 10000 0 0"), rows(bySession));
    }

    @Test
    void geminiCliCountsEachMessageOnceWithThoughtsAndToolTokensAdded() {
        UsageResult r = agg(PeriodType.DAY, "model").build().aggregate(fixture("gemini-cli/tmp"));
        // 2026-05-01 (legacy .json): input 1000 (cached 0) + tool 0, output 10 + thoughts 5 = 15, total 1015
        // 2026-05-02 g1 (written three times: the legacy .json's snapshot, then twice in the .jsonl):
        //   input 18234 (12288 cached), output 96 + thoughts 412 = 508, total 18742 = 18234 + 96 + 412 + 0
        // g2: input 20000 + tool 50 = 20050 (18000 cached), output 300, total 20350; the $rewindTo after it
        //   does not unbill it
        assertEquals(Arrays.asList("2026-05-01 gemini-2.5-pro 1 1000 15 1015 0 0 5",
                "2026-05-02 gemini-2.5-flash 1 20050 300 20350 18000 0 0",
                "2026-05-02 gemini-2.5-pro 1 18234 508 18742 12288 0 412"), rows(r));
        assertEquals(2, r.duplicates());
        UsageResult bySession = agg(PeriodType.MONTH, "project", "session").build().aggregate(fixture("gemini-cli/tmp"));
        // the project is the directory above chats; the .jsonl's messages take the session of its first line
        assertEquals(Arrays.asList("2026-05-01 proj-a|6f1d2c3a-9b8e-4f70-a1c2-3d4e5f607182 2 38284 808 39092 30288 0 412",
                "2026-05-01 proj-a|aaaa1111-2222-4333-8444-555566667777 1 1000 15 1015 0 0 5"), rows(bySession));
    }

    @Test
    void openCodeAddsTheCacheToInputAndReasoningToOutput() {
        UsageResult r = agg(PeriodType.DAY, "provider", "model").build().aggregate(fixture("opencode/storage"));
        // 1767312000123 ms is 2026-01-02T00:00:00.123Z.
        // claude-sonnet-4-5: input 1820 + cache read 23110 + cache write 1490 = 26420, output 655, total 27075
        // gpt-5: input 500 + read 1000 = 1500, output 100 + reasoning 200 = 300, total 1800
        // the user message has no tokens; the aborted message's are all zero: a placeholder, not a request
        assertEquals(Arrays.asList("2026-01-02 anthropic|claude-sonnet-4-5 1 26420 655 27075 23110 1490 0",
                "2026-01-02 openai|gpt-5 1 1500 300 1800 1000 0 200"), rows(r));
        assertEquals(1, r.recordsWithoutUsage());
        assertEquals(1, r.placeholders());
    }

    @Test
    void aDateRangeStillCountsCopiesOnce() {
        // --since 2025-11-19: the parent's requests (18th) are outside, yet their ids are claimed, so the fork's
        // copies of them are copies; the fork's own request (15000 in, 10000 cached, 200 out) is the one counted
        UsageResult r = agg(PeriodType.DAY, "model").since(java.time.LocalDate.parse("2025-11-19")).build()
                .aggregate(fixture("codex/sessions"));
        assertEquals(Arrays.asList("2025-11-19 gpt-5-codex 1 15000 200 15200 10000 0 0"), rows(r));
        // the parent's three requests
        assertEquals(3, r.outsideDates());
    }

    @Test
    void codexCountsThatAreNotWholeNumbersAreBadRowsNotSkipped(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path f = dir.resolve("rollout-x.jsonl");
        java.nio.file.Files.write(f, Arrays.asList(
                "{\"timestamp\":\"2025-11-18T21:55:50.101Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s\",\"cwd\":\"/p\"}}",
                "{\"timestamp\":\"2025-11-18T21:55:56.513Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
                        + "{\"total_token_usage\":{\"input_tokens\":\"12x\",\"output_tokens\":4,\"total_tokens\":16}}}}",
                "{\"timestamp\":\"2025-11-18T21:56:56.513Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
                        + "{\"last_token_usage\":{\"input_tokens\":5,\"output_tokens\":4}}}}"), java.nio.charset.StandardCharsets.UTF_8);
        UsageLogException e = org.junit.jupiter.api.Assertions.assertThrows(UsageLogException.class, () -> agg(PeriodType.DAY).build().aggregate(f));
        assertEquals(f + ":2: input_tokens (\"12x\") is not a whole number of tokens", e.getMessage());
        UsageResult skipped = agg(PeriodType.DAY).skipBad(true).build().aggregate(f);
        // the second event has info but no running sums: a bad row too, not "not usage"
        assertEquals(2, skipped.skipped());
        assertEquals(0, skipped.rows());
    }
}
