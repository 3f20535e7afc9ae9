package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.period.PeriodType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source, from fixtures written after each vendor's documented examples (each fixture
 * record names its page in a {@code _doc} field or column, which the readers ignore). Expected
 * values are derived by hand in the comments from the vendor's definition of each field.
 */
class UsageSourcesTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Paths.get(UsageSourcesTest.class.getResource("sources/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UsageAggregator.Builder agg(PeriodType p, String... by) {
        return UsageAggregator.builder().period(p).by(Arrays.asList(by));
    }

    /** period start, dimensions, requests ("" when unknown), input, output, total, cache read, cache write, reasoning. */
    static List<String> rows(UsageResult r) {
        List<String> out = new ArrayList<>();
        for (UsageGroup g : r.groups()) {
            out.add(g.period().start() + " " + String.join("|", g.dimensions()) + " " + (g.requests().isPresent() ? g.requests().getAsLong() : "")
                    + " " + g.inputTokens() + " " + g.outputTokens() + " " + g.totalTokens() + " " + g.cacheReadTokens() + " "
                    + g.cacheWriteTokens() + " " + g.reasoningTokens());
        }
        return out;
    }

    @Test
    void openAiChatCompletionsCountCachedInsideThePromptAndReasoningInsideTheCompletion() {
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(fixture("openai-chat.jsonl"));
        // created 1741570283 and 1741570300 are 2025-03-10 (Monday of 2025-W11).
        // gpt-4o: prompt 1117 (of which 1024 cached), completion 46, total 1163 = 1117 + 46.
        // o3-mini: prompt 200, completion 1500 (of which 1200 reasoning), total 1700.
        // The third line repeats the first id: counted once.
        assertEquals(Arrays.asList("2025-03-10 gpt-4o-2024-08-06 1 1117 46 1163 1024 0 0",
                "2025-03-10 o3-mini-2025-01-31 1 200 1500 1700 0 0 1200"), rows(r));
        assertEquals(1, r.duplicates());
        assertEquals(Arrays.asList(fixture("openai-chat.jsonl") + ": openai"), r.sources());
    }

    @Test
    void openAiResponsesObjects() {
        UsageResult r = agg(PeriodType.WEEK).build().aggregate(fixture("openai-responses.jsonl"));
        // created_at 1741476542 and 1741476600: 2025-03-08, a Saturday of 2025-W10 (Monday 03-03).
        // input 36 + 5000 = 5036 (cached 0 + 4096), output 87 + 900 = 987 (reasoning 0 + 640), total 6023.
        assertEquals(Arrays.asList("2025-03-03  2 5036 987 6023 4096 0 640"), rows(r));
    }

    @Test
    void openAiUsageApiPagesWeighRequestsByNumModelRequests() {
        UsageResult r = agg(PeriodType.DAY, "model").build().aggregate(fixture("openai-usage-page.json"));
        // buckets start 1730419200 (2024-11-01) and 1730505600 (2024-11-02); input_tokens includes
        // input_cached_tokens; num_model_requests is the request count of a result.
        assertEquals(Arrays.asList("2024-11-01 gpt-4.1-2025-04-14 12 20000 3000 23000 0 0 0",
                "2024-11-01 gpt-4o-mini-2024-07-18 5 1000 500 1500 800 0 0",
                "2024-11-02 gpt-4o-mini-2024-07-18 3 700 70 770 100 0 0"), rows(r));
    }

    @Test
    void anthropicMessagesAddCacheReadsAndWritesToTheInput() {
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(fixture("anthropic-messages.jsonl"));
        // msg 1: input_tokens 10 excludes cache writes 2000 and reads 50000: input 52010, output 300,
        // total 52310 (the example). cache_creation 2000 = ephemeral 1500 + 500.
        // msg 2: 2026-04-14T18:00+08:00 is 10:00 UTC, same week; 400 in, 50 out.
        assertEquals(Arrays.asList("2026-04-13 claude-haiku-4-5-20251001 1 400 50 450 0 0 0",
                "2026-04-13 claude-sonnet-4-5-20250929 1 52010 300 52310 50000 2000 0"), rows(r));
    }

    @Test
    void anthropicFlatCsvIsRecognisedByItsCacheColumns() {
        UsageResult r = agg(PeriodType.WEEK).build().aggregate(fixture("anthropic-flat.csv"));
        // row 1: 10 + 2000 + 50000 = 52010 in, 300 out; row 2: 5 + 0 + 12000 = 12005 in, 40 out.
        // input 64015, output 340, total 64355, cache reads 62000, writes 2000.
        assertEquals(Arrays.asList("2026-04-13  2 64015 340 64355 62000 2000 0"), rows(r));
        assertEquals(Arrays.asList(fixture("anthropic-flat.csv") + ": anthropic"), r.sources());
    }

    @Test
    void anthropicUsageReportHasNoRequestCount() {
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(fixture("anthropic-usage-report.json"));
        // 2025-08-01 (Friday) and 08-02 are in 2025-W31 (Monday 07-28).
        // bucket 1: uncached 1500 + cache reads 200 + writes (1h 1000 + 5m 500) = 3200 in, 500 out.
        // bucket 2: 30 + 70 = 100 in, 9 out. Sum: 3300 in, 509 out, 3809 total, 270 read, 1500 written.
        // The report counts no requests: the column stays empty.
        assertEquals(Arrays.asList("2025-07-28 claude-sonnet-4-20250514  3300 509 3809 270 1500 0"), rows(r));
    }

    @Test
    void claudeCodeProjectsCountEachMessageOnceAcrossSessions() {
        Path projects = fixture("claude/projects");
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(projects);
        // msg_A (written twice): 4 + 3000 + 10000 = 13004 in, 120 out.
        // msg_B (twice in s1's project, once more in s2's, a resumed session): 2 + 500 + 13000 = 13502 in, 800 out.
        // W16 opus: 26506 in, 920 out, 27426 total, reads 23000, writes 3500, 2 requests.
        // msg_C on 2026-04-20 (W17): 7 + 20000 = 20007 in, 50 out.
        assertEquals(Arrays.asList("2026-04-13 claude-opus-4-1-20250805 2 26506 920 27426 23000 3500 0",
                "2026-04-20 claude-sonnet-4-5-20250929 1 20007 50 20057 20000 0 0"), rows(r));
        assertEquals(2, r.duplicates());
        // the summary and the user line are not usage
        assertEquals(2, r.recordsWithoutUsage());
        UsageResult byProject = agg(PeriodType.MONTH, "project").build().aggregate(projects);
        // files are read in path order (-home-dev-api/s2.jsonl, then -home-dev-app/s1.jsonl); the copies of
        // msg_B tie at 800 output, and of a tie the later copy is kept whole, so app's copy is counted:
        // api holds C (20007 in, 50 out); app holds A and B (13004 + 13502 = 26506 in, 120 + 800 = 920 out,
        // reads 10000 + 13000, writes 3000 + 500)
        assertEquals(Arrays.asList("2026-04-01 -home-dev-api 1 20007 50 20057 20000 0 0",
                "2026-04-01 -home-dev-app 2 26506 920 27426 23000 3500 0"), rows(byProject));
    }

    @Test
    void geminiAddsThoughtsAndToolUsePromptsOnTopOfPromptAndCandidates() {
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(fixture("gemini.jsonl"));
        // r1: input = prompt 1000 (cached 600 inside) + tool-use prompt 100 = 1100; output =
        // candidates 200 + thoughts 150 = 350; 1100 + 350 = 1450 = totalTokenCount.
        // r2: prompt 40 and no candidates (proto3 leaves zeros out): 40 in, 0 out, total 40.
        assertEquals(Arrays.asList("2026-04-13 gemini-2.5-flash 1 1100 350 1450 600 0 150",
                "2026-04-13 gemini-2.5-pro 1 40 0 40 0 0 0"), rows(r));
    }

    @Test
    void bedrockInvocationLogsAddCacheCountsToInputTokenCount() {
        UsageResult r = agg(PeriodType.WEEK, "region").build().aggregate(fixture("bedrock.jsonl"));
        // b-1: inputTokenCount 120 + cache reads 3000 + writes 500 = 3620 in, 80 out.
        // b-2: 900 in, 100 out.
        assertEquals(Arrays.asList("2026-04-13 eu-west-1 1 900 100 1000 0 0 0",
                "2026-04-13 us-east-1 1 3620 80 3700 3000 500 0"), rows(r));
    }

    @Test
    void otlpTraceFilesCountGenAiSpansOnce() {
        UsageResult r = agg(PeriodType.DAY, "provider", "model").build().aggregate(fixture("otel-traces.json"));
        // 1776074400 s is 2026-04-13T10:00Z. OpenAI span: 811 in (640 cache reads inside), 92 out.
        // Anthropic span (gen_ai.system): 5200 in (4000 read + 1000 written inside), 300 out.
        // The HTTP span has no usage; the second line re-exports the same spans: counted once.
        assertEquals(Arrays.asList("2026-04-13 anthropic|claude-sonnet-4-5 1 5200 300 5500 4000 1000 0",
                "2026-04-13 openai|gpt-4.1-2025-04-14 1 811 92 903 640 0 0"), rows(r));
        assertEquals(2, r.duplicates());
        assertEquals(2, r.recordsWithoutUsage());
    }

    @Test
    void liteLlmSpendLogsAsCsvAndJson() {
        UsageResult r = agg(PeriodType.WEEK, "provider").build().aggregate(fixture("litellm-spend.csv"), fixture("litellm-spend.json"));
        // CSV: chatcmpl-1 (openai, 1117 + 46 = 1163, written twice: once), chatcmpl-2 (anthropic, 2000 + 50).
        // JSON array: x-1 (openai, 20 + 10). openai: 2 requests, 1137 in, 56 out.
        assertEquals(Arrays.asList("2026-04-13 anthropic 1 2000 50 2050 0 0 0", "2026-04-13 openai 2 1137 56 1193 0 0 0"), rows(r));
        assertEquals(1, r.duplicates());
    }

    @Test
    void gzipStandardStreamsAndDirectoriesReadTheSameRows() throws IOException {
        byte[] csv = Files.readAllBytes(fixture("anthropic-flat.csv"));
        Path gz = dir.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv);
        }
        UsageAggregator a = agg(PeriodType.WEEK).build();
        List<String> expected = rows(a.aggregate(fixture("anthropic-flat.csv")));
        assertEquals(expected, rows(a.aggregate(gz)));
        assertEquals(expected, rows(a.aggregate(new ByteArrayInputStream(csv), "stdin")));
        // a directory holding the gzip file, and the same file named again: read once, with a note
        UsageResult twice = a.aggregate(dir, gz);
        assertEquals(expected, rows(twice));
        assertEquals(Arrays.asList(gz + " is the same file as " + gz + ": read once"), twice.notes());
    }

    @Test
    void jsonLinesReadByTheStreamingPathEqualTheSameRowsAsCsv() throws IOException {
        Path csv = dir.resolve("g.csv");
        UsageLogGenerator.write(csv, 5000, 7L);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        StringBuilder json = new StringBuilder();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            // field order varies, and an unread nested object and array are skipped
            json.append(i % 2 == 0
                    ? "{\"timestamp\":\"" + f[0] + "\",\"model\":\"" + f[1] + "\",\"input_tokens\":" + f[4] + ",\"output_tokens\":" + f[5] + "}\n"
                    : "{\"output_tokens\":" + f[5] + ",\"meta\":{\"a\":[1,{\"b\":2}]},\"input_tokens\":" + f[4] + ",\"model\":\"" + f[1]
                    + "\",\"timestamp\":\"" + f[0] + "\"}\n");
        }
        Path jsonl = dir.resolve("g.jsonl");
        Files.write(jsonl, json.toString().getBytes(StandardCharsets.UTF_8));
        UsageAggregator a = agg(PeriodType.WEEK, "model").build();
        assertEquals(rows(a.aggregate(csv)), rows(a.aggregate(jsonl)));
        // a bad line among streamed ones gets the tree path's exact message
        Files.write(jsonl, (json.substring(0, json.indexOf("\n") + 1) + "{\"timestamp\":\n" + json.substring(json.indexOf("\n") + 1))
                .getBytes(StandardCharsets.UTF_8));
        UsageResult r = agg(PeriodType.WEEK, "model").skipBad(true).build().aggregate(jsonl);
        assertEquals(Arrays.asList(jsonl + ":2: malformed JSON: Unexpected end-of-input within/between Object entries"), r.firstSkipped());
        assertEquals(5000, r.rows());
    }

    @Test
    void anApplicationRecordsItsOwnUsageOneRecordAtATime() {
        UsageAggregator a = agg(PeriodType.DAY, "model").build();
        UsageRecorder rec = a.recorder();
        java.time.Instant t = java.time.Instant.parse("2026-04-13T10:00:00Z");
        rec.add(UsageRecord.builder(t).dimension("model", "gpt-4.1").inputTokens(1000).cacheReadTokens(800).outputTokens(50)
                .reasoningTokens(20).requestId("r1").build());
        // the same id again counts once
        rec.add(UsageRecord.builder(t).dimension("model", "gpt-4.1").inputTokens(1000).outputTokens(50).requestId("r1").build());
        rec.add(UsageRecord.builder(t.plusSeconds(86400)).dimension("model", "gpt-4.1").inputTokens(5).outputTokens(5).requests(3).build());
        UsageResult r = rec.result();
        assertEquals(Arrays.asList("2026-04-13 gpt-4.1 1 1000 50 1050 800 0 20", "2026-04-14 gpt-4.1 3 5 5 10 0 0 0"), rows(r));
        assertEquals(1, r.duplicates());
        // a record whose parts exceed their whole is refused like a log row: 900 cached of 100 input
        UsageLogException e = assertThrows(UsageLogException.class,
                () -> rec.add(UsageRecord.builder(t).dimension("model", "m").inputTokens(100).cacheReadTokens(900).build()));
        assertEquals("(recorded):4: cache reads + writes (900 + 0) exceed input (100), which includes them", e.getMessage());
        assertEquals("inputTokens (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> UsageRecord.builder(t).inputTokens(-1)).getMessage());
        // one-hour cache writes, part of the writes: 300 of 500 written for an hour
        UsageRecorder one = a.recorder();
        one.add(UsageRecord.builder(t).dimension("model", "claude-sonnet-4-5").inputTokens(600).cacheWriteTokens(500).cacheWrite1hTokens(300)
                .outputTokens(10).build());
        UsageGroup g = one.result().groups().get(0);
        assertEquals(500, g.cacheWriteTokens());
        assertEquals(300, g.cacheWrite1hTokens());
        UsageLogException more = assertThrows(UsageLogException.class, () -> one.add(UsageRecord.builder(t).dimension("model", "m")
                .inputTokens(600).cacheWriteTokens(100).cacheWrite1hTokens(300).outputTokens(1).build()));
        assertEquals("(recorded):2: cache_write (100) contradicts its parts cache_write_5m + cache_write_1h (0 + 300 = 300)",
                more.getMessage());
    }

    @Test
    void aReaderIsReadAsItsUtf8() {
        java.io.StringReader in = new java.io.StringReader("timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,模型,7,3\n");
        UsageResult r = agg(PeriodType.WEEK, "model").build().aggregate(in, "reader");
        assertEquals(Arrays.asList("2026-04-13 模型 1 7 3 10 0 0 0"), rows(r));
    }

    @Test
    void anAmbiguousOrUnknownShapeIsAnErrorThatNamesSource() throws IOException {
        Path f = dir.resolve("x.jsonl");
        Files.write(f, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}\n".getBytes(StandardCharsets.UTF_8));
        UsageLogException e = assertThrows(UsageLogException.class, () -> agg(PeriodType.WEEK).build().aggregate(f));
        assertEquals(f + ":1: cannot tell the source: the record has usage.input_tokens but nothing that says whether it is an Anthropic"
                + " message (type \"message\", cache_read_input_tokens) or an OpenAI response (object \"response\", input_tokens_details);"
                + " name it with --source csv|jsonl|openai|openai-usage|anthropic|anthropic-usage|claude-code|codex|gemini-cli|opencode|gemini|bedrock|otel|litellm",
                e.getMessage());
        // named, it is read: as Anthropic, 5 in and 1 out
        UsageResult r = agg(PeriodType.WEEK).source(UsageSource.ANTHROPIC).build().aggregate(f);
        assertEquals(Arrays.asList("2026-04-13  1 5 1 6 0 0 0"), rows(r));
    }

    @Test
    void contradictoryPartsAreErrors() throws IOException {
        Path f = dir.resolve("c.jsonl");
        Files.write(f, ("{\"id\":\"a\",\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"m\",\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":5,\"total_tokens\":15,\"prompt_tokens_details\":{\"cached_tokens\":11}}}\n"
                + "{\"id\":\"b\",\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"m\",\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":5,\"total_tokens\":15,\"completion_tokens_details\":{\"reasoning_tokens\":6}}}\n"
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"id\":\"c\",\"type\":\"message\",\"model\":\"m\",\"usage\":{\"input_tokens\":1,"
                + "\"output_tokens\":1,\"cache_creation_input_tokens\":9,\"cache_creation\":{\"ephemeral_5m_input_tokens\":4,"
                + "\"ephemeral_1h_input_tokens\":4}}}\n").getBytes(StandardCharsets.UTF_8));
        UsageResult r = agg(PeriodType.WEEK).skipBad(true).source(UsageSource.OPENAI).build().aggregate(f);
        assertEquals(Arrays.asList(
                f + ":1: cache reads + writes (11 + 0) exceed usage.prompt_tokens (10), which includes them",
                f + ":2: usage.completion_tokens_details.reasoning_tokens (6) exceeds usage.completion_tokens (5), which includes it"),
                r.firstSkipped());
        // read as OpenAI, line 3 is a Responses-style object: 1 in, 1 out
        assertEquals(1, r.rows());
        UsageResult a = agg(PeriodType.WEEK).skipBad(true).source(UsageSource.ANTHROPIC).build().aggregate(f);
        assertEquals(f + ":3: usage.cache_creation_input_tokens (9) contradicts its parts usage.cache_creation.ephemeral_5m_input_tokens"
                + " + usage.cache_creation.ephemeral_1h_input_tokens (4 + 4 = 8)", a.firstSkipped().get(a.firstSkipped().size() - 1));
        // lines 1 and 2 have no Anthropic input field: all three are bad, nothing is counted
        assertEquals(3, a.skipped());
        assertEquals(0, a.rows());
    }
}
