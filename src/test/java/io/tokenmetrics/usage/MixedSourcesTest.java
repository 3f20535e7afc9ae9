package io.tokenmetrics.usage;

import static io.tokenmetrics.usage.SameResult.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that mixes vendors (responses of several APIs appended to one file) is read record by
 * record by each record's own source: the same totals as the sources' files read apart.
 */
class MixedSourcesTest {
    @TempDir
    Path dir;

    private static final String[] SOURCES = {"openai-chat.jsonl", "openai-responses.jsonl", "anthropic-messages.jsonl", "gemini.jsonl",
        "bedrock.jsonl"};

    @Test
    void aMixedFileGivesTheTotalsOfItsSourcesReadApart() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            List<List<String>> apart = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int k = 0; k < SOURCES.length; k++) {
                List<String> lines = SourceLogs.lines(SOURCES[k], 400, seed * 10 + k, false);
                apart.add(lines);
                Path f = dir.resolve(seed + "-" + SOURCES[k]);
                Files.write(f, lines, StandardCharsets.UTF_8);
                files.add(f);
            }
            // interleaved at random, each source's lines in their own order (so the first copy of an id stays first)
            List<String> mixed = new ArrayList<>();
            int[] next = new int[SOURCES.length];
            while (mixed.size() < 400 * SOURCES.length) {
                int k = r.nextInt(SOURCES.length);
                if (next[k] < apart.get(k).size()) {
                    mixed.add(apart.get(k).get(next[k]++));
                }
            }
            Path mix = dir.resolve(seed + "-mixed.jsonl");
            Files.write(mix, mixed, StandardCharsets.UTF_8);
            for (String by : new String[] {"model", null}) {
                UsageAggregator.Builder b = UsageAggregator.builder().period(PeriodType.DAY);
                if (by != null) {
                    b.by(by);
                }
                UsageAggregator agg = b.build();
                UsageResult expected = agg.aggregate(files);
                UsageResult got = agg.aggregate(mix);
                assertSameResult(expected, got);
                assertEquals(expected.duplicates(), got.duplicates());
            }
        }
    }

    @Test
    void anAnthropicResponseAfterOpenAiOnesKeepsItsCacheTokens() throws IOException {
        // the first line decides "openai"; the second is an Anthropic message, whose input_tokens
        // exclude the cache: 10 + 2000 (writes) + 50000 (reads) = 52010 input, as on its own
        String openai = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-4o\",\"usage\":"
                + "{\"prompt_tokens\":100,\"completion_tokens\":5,\"total_tokens\":105,\"prompt_tokens_details\":{\"cached_tokens\":64}}}";
        String anthropic = "{\"timestamp\":\"2026-04-13T09:15:00Z\",\"id\":\"msg_1\",\"type\":\"message\",\"model\":\"claude-sonnet-4-5\","
                + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":2000,\"cache_read_input_tokens\":50000,\"output_tokens\":300}}";
        Path f = dir.resolve("mixed.jsonl");
        Files.write(f, Arrays.asList(openai, anthropic), StandardCharsets.UTF_8);
        UsageResult r = UsageAggregator.builder().period(PeriodType.DAY).by("model").build().aggregate(f);
        assertEquals(2, r.groups().size());
        UsageGroup claude = r.groups().get(0).dimensions().get(0).equals("claude-sonnet-4-5") ? r.groups().get(0) : r.groups().get(1);
        assertEquals(52010, claude.inputTokens());
        assertEquals(50000, claude.cacheReadTokens());
        assertEquals(2000, claude.cacheWriteTokens());
        assertEquals(Arrays.asList(f + ": openai, anthropic"), r.sources());
    }

    @Test
    void aRecordWithTheFieldsOfTwoSourcesIsABadRowNamingItsLine() throws IOException {
        String openai = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-4o\",\"usage\":"
                + "{\"prompt_tokens\":100,\"completion_tokens\":5,\"total_tokens\":105}}";
        String both = "{\"created\":1776070800,\"model\":\"x\",\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":5,"
                + "\"cache_read_input_tokens\":7}}";
        Path f = dir.resolve("both.jsonl");
        Files.write(f, Arrays.asList(openai, both, openai.replace("chatcmpl-1", "chatcmpl-2")), StandardCharsets.UTF_8);
        UsageLogException e = org.junit.jupiter.api.Assertions.assertThrows(UsageLogException.class,
                () -> UsageAggregator.builder().build().aggregate(f));
        assertEquals(f + ":2: cannot tell the source: the record has both Anthropic cache fields and OpenAI usage fields", e.getMessage());
    }
}
