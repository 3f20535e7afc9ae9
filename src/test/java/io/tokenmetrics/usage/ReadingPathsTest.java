package io.tokenmetrics.usage;

import static io.tokenmetrics.usage.SameResult.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of reading one input gives one answer: one thread; a large file in parts on two
 * threads; many small files as tasks on two threads; every line read whole instead of scanned;
 * and the Java {@link UsageRecorder}. The inputs are generated vendor logs in which request ids
 * repeat across parts and files (the first copy counts), with bad rows, CRLF line ends, a
 * byte-order mark, {@code -0} and exponents; the expected sums are the generator's own, kept as
 * it writes (the first copy of each id, good rows only).
 */
class ReadingPathsTest {
    @TempDir
    Path dir;

    private static final String[] MODELS = {"gpt-4o-mini-2024-07-18", "o4-mini-2025-04-16", "gpt-5-2025-08-07"};

    /** One response as the generator wrote it. */
    private static final class Response {
        String id;
        long created;
        String model;
        long prompt;
        long cached;
        long completion;
        long reasoning;
    }

    /** The lines, and by "day model" the expected requests, input, output, cache read and reasoning. */
    private static final class Log {
        final List<String> lines = new ArrayList<>();
        final List<Response> counted = new ArrayList<>();
        final Map<String, long[]> truth = new TreeMap<>();
        long bad;
        long repeats;
    }

    private static String line(Response r, Random rnd) {
        return line(r, rnd, Long.toString(r.prompt));
    }

    private static String line(Response r, Random rnd, String prompt) {
        String zero = rnd.nextInt(20) == 0 ? "-0" : "0";
        return "{\"id\":\"" + r.id + "\",\"object\":\"chat.completion\",\"created\":" + r.created + ",\"model\":\"" + r.model
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"said \\\"" + r.id + "\\\"\\n \u6a21\u578b\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + r.completion
                + ",\"total_tokens\":" + (r.prompt + r.completion) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + r.cached
                + ",\"audio_tokens\":" + zero + "},\"completion_tokens_details\":{\"reasoning_tokens\":" + r.reasoning + "}}}";
    }

    private static Log generate(long seed, int n) {
        Random rnd = new Random(seed);
        Log log = new Log();
        List<Response> written = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long start = Instant.parse("2026-04-06T00:00:00Z").getEpochSecond();
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(100);
            if (kind < 2 && !written.isEmpty()) {
                // a copy of an earlier response, near or far (across parts and files), with other counts: the first counts
                Response earlier = written.get(rnd.nextBoolean() ? written.size() - 1 : rnd.nextInt(written.size()));
                Response copy = new Response();
                copy.id = earlier.id;
                copy.created = earlier.created + 1;
                copy.model = earlier.model;
                copy.prompt = earlier.prompt + 7;
                copy.completion = earlier.completion;
                log.lines.add(line(copy, rnd));
                log.repeats++;
                continue;
            }
            if (kind < 3) {
                // bad: a count that is not a whole number
                log.lines.add("{\"id\":\"bad-" + i + "\",\"object\":\"chat.completion\",\"created\":" + start + ",\"model\":\"m\",\"usage\":"
                        + "{\"prompt_tokens\":\"12x\",\"completion_tokens\":1,\"total_tokens\":13}}");
                log.bad++;
                continue;
            }
            if (kind < 4) {
                // bad: not JSON
                log.lines.add("{\"id\":\"cut-" + i + "\",\"object\":\"chat.compl");
                log.bad++;
                continue;
            }
            Response r = new Response();
            r.id = "chatcmpl-" + seed + "-" + i;
            r.created = start + rnd.nextInt(21 * 86400);
            r.model = MODELS[rnd.nextInt(MODELS.length)];
            r.prompt = rnd.nextInt(50) == 0 ? 1000 : 1 + rnd.nextInt(30000);
            r.cached = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt((int) r.prompt + 1);
            r.completion = 1 + rnd.nextInt(4000);
            r.reasoning = r.model.startsWith("gpt-4o") ? 0 : rnd.nextInt((int) r.completion + 1);
            if (r.prompt == 1000 && rnd.nextBoolean()) {
                // bad: a count written with an exponent is not a whole count (docs/usage-sources.md)
                log.lines.add(line(r, rnd, "1e3"));
                log.bad++;
                continue;
            }
            String l = line(r, rnd);
            log.lines.add(rnd.nextInt(30) == 0 ? l + "\r" : l);
            written.add(r);
            if (ids.add(r.id)) {
                log.counted.add(r);
                String day = Instant.ofEpochSecond(r.created).atZone(ZoneOffset.UTC).toLocalDate().toString();
                long[] t = log.truth.computeIfAbsent(day + " " + r.model, k -> new long[5]);
                t[0]++;
                t[1] += r.prompt;
                t[2] += r.completion;
                t[3] += r.cached;
                t[4] += r.reasoning;
            }
        }
        return log;
    }

    private static UsageAggregator.Builder agg() {
        return UsageAggregator.builder().period(PeriodType.DAY).by("model").skipBad(true);
    }

    private static Map<String, long[]> sums(UsageResult r) {
        Map<String, long[]> out = new TreeMap<>();
        for (UsageGroup g : r.groups()) {
            out.put(g.period().start() + " " + g.dimensions().get(0), new long[] {g.requests().getAsLong(), g.inputTokens(), g.outputTokens(),
                g.cacheReadTokens(), g.reasoningTokens()});
        }
        return out;
    }

    private static String show(Map<String, long[]> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append(' ').append(java.util.Arrays.toString(v)).append('\n'));
        return b.toString();
    }

    private void write(Path f, List<String> lines, boolean bom) throws IOException {
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        for (String l : lines) {
            b.append(l).append('\n');
        }
        Files.write(f, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idsRepeatedAcrossPartsAndFilesCountOnceWhicheverWayTheLogIsRead() throws IOException {
        for (long seed : new long[] {1, 2}) {
            Log log = generate(seed, 12_000);
            Path big = dir.resolve("big-" + seed + ".jsonl");
            write(big, log.lines, true);
            assertTrue(Files.size(big) > UsageAggregator.JSON_PARTS_MIN, "big enough to read in parts: " + Files.size(big));
            // the same lines as files of 100 lines each, in path order
            Path tree = Files.createDirectories(dir.resolve("tree-" + seed));
            for (int f = 0; f * 100 < log.lines.size(); f++) {
                write(tree.resolve(String.format("part-%04d.jsonl", f)), log.lines.subList(f * 100, Math.min(log.lines.size(), (f + 1) * 100)), f == 0);
            }
            UsageResult one = agg().threads(1).build().aggregate(big);
            // the generator's truth: the first copy of each id, good rows only
            assertEquals(show(log.truth), show(sums(one)));
            assertEquals(log.bad, one.skipped());
            assertEquals(log.repeats, one.duplicates());

            UsageResult parts = agg().threads(2).build().aggregate(big);
            assertEquals(1, parts.filesReadInParts, "read in parts");
            assertSameResult(one, parts);
            assertEquals(one.firstSkipped(), parts.firstSkipped());
            UsageResult whole = agg().threads(1).readsWhole(true).build().aggregate(big);
            assertSameResult(one, whole);
            assertEquals(one.firstSkipped(), whole.firstSkipped());

            UsageResult treeOne = agg().threads(1).build().aggregate(tree);
            UsageResult treeTasks = agg().threads(2).build().aggregate(tree);
            assertSameResult(treeOne, treeTasks);
            assertEquals(treeOne.firstSkipped(), treeTasks.firstSkipped());
            assertEquals(treeOne.sources(), treeTasks.sources());
            // the tree holds the same lines: the same groups and counts; cut lines are each file's last or not, as it falls
            assertEquals(show(sums(one)), show(sums(treeTasks)));
            assertEquals(one.duplicates(), treeTasks.duplicates());
            assertEquals(one.skipped(), treeTasks.skipped() + treeTasks.incompleteLastLines());

            // the Java recorder, given the responses in the same order
            UsageRecorder rec = agg().build().recorder();
            for (Response r : log.counted) {
                rec.add(UsageRecord.builder(Instant.ofEpochSecond(r.created)).dimension("model", r.model).requestId(r.id).inputTokens(r.prompt)
                        .cacheReadTokens(r.cached).outputTokens(r.completion).reasoningTokens(r.reasoning).build());
            }
            assertEquals(show(sums(one)), show(sums(rec.result())));
            assertEquals(one.groups(), rec.result().groups());
        }
    }

    @Test
    void claudeCodeCopiesAcrossPartsAndFilesKeepTheFinalCopyWhicheverWayTheLogIsRead() throws IOException {
        ClaudeCodeTrees t = ClaudeCodeTrees.generate(dir.resolve("claude"), 5);
        List<Path> files = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir.resolve("claude"))) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        // every session again and again in one file: copies of each response in every part, the final copy's counts once
        StringBuilder b = new StringBuilder();
        while (b.length() < UsageAggregator.JSON_PARTS_MIN + (1 << 20)) {
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                b.append(text).append(text.endsWith("\n") ? "" : "\n");
            }
        }
        Path big = dir.resolve("one-session.jsonl");
        Files.write(big, b.toString().getBytes(StandardCharsets.UTF_8));
        UsageAggregator.Builder a = UsageAggregator.builder().period(PeriodType.DAY).by("model").skipBad(true);
        UsageResult one = a.threads(1).build().aggregate(big);
        Map<String, long[]> expected = new TreeMap<>();
        t.truth.forEach((k, v) -> expected.put(k, new long[] {v[0], v[1], v[2], v[3], v[4]}));
        Map<String, long[]> got = new TreeMap<>();
        for (UsageGroup g : one.groups()) {
            got.put(g.period().start() + " " + g.dimensions().get(0), new long[] {g.requests().getAsLong(), g.inputTokens(), g.outputTokens(),
                g.cacheReadTokens(), g.cacheWriteTokens()});
        }
        assertEquals(show(expected), show(got));
        UsageResult parts = a.threads(2).build().aggregate(big);
        assertEquals(1, parts.filesReadInParts, "read in parts");
        assertSameResult(one, parts);
        assertEquals(one.firstSkipped(), parts.firstSkipped());
        UsageResult tasks = a.threads(2).build().aggregate(dir.resolve("claude"));
        UsageResult treeOne = a.threads(1).build().aggregate(dir.resolve("claude"));
        assertSameResult(treeOne, tasks);
        assertEquals(one.groups(), tasks.groups());
    }
}
