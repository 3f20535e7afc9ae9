package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code trees ({@link ClaudeCodeTrees}) against the generator's ground truth: each
 * response's final output, its first copy's day, never the reader's own numbers.
 */
class ClaudeCodeTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyDayEqualsTheGroundTruthOfFinalCopies() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            Path d = Files.createTempDirectory(dir, "seed" + seed);
            ClaudeCodeTrees tree = ClaudeCodeTrees.generate(d, seed);
            for (int threads : new int[] {1, 2}) {
                UsageResult r = UsageAggregator.builder().period(PeriodType.DAY).zone(ZoneOffset.UTC).by("model").threads(threads).build()
                        .aggregate(d.resolve("projects"));
                Map<String, long[]> got = new TreeMap<>();
                for (UsageGroup g : r.groups()) {
                    got.put(g.period().start() + " " + g.dimensions().get(0), new long[] {g.requests().getAsLong(), g.inputTokens(),
                        g.outputTokens(), g.cacheReadTokens(), g.cacheWriteTokens(), g.cacheWrite1hTokens()});
                }
                assertEquals(render(tree.truth), render(got), "seed " + seed + ", " + threads + " threads");
                assertEquals(tree.responseCount, r.rows());
                assertEquals(tree.copies - tree.responseCount, r.duplicates(), "copies beyond the first of each response");
                assertEquals(tree.placeholders, r.placeholders());
                assertEquals(tree.cut, r.incompleteLastLines());
                assertEquals(0, r.skipped());
            }
        }
    }

    @Test
    void sinceAndUntilCountTheResponsesWhoseFirstCopyIsInTheRange() throws IOException {
        for (long seed = 4; seed <= 5; seed++) {
            Path d = Files.createTempDirectory(dir, "range" + seed);
            ClaudeCodeTrees tree = ClaudeCodeTrees.generate(d, seed);
            java.time.LocalDate from = java.time.LocalDate.parse("2026-04-15");
            java.time.LocalDate to = java.time.LocalDate.parse("2026-04-18");
            Map<String, long[]> want = new TreeMap<>();
            long outside = 0;
            for (Map.Entry<String, long[]> e : tree.truth.entrySet()) {
                java.time.LocalDate day = java.time.LocalDate.parse(e.getKey().substring(0, 10));
                if (day.isBefore(from) || day.isAfter(to)) {
                    outside += e.getValue()[0];
                } else {
                    want.put(e.getKey(), e.getValue());
                }
            }
            UsageResult r = UsageAggregator.builder().period(PeriodType.DAY).zone(ZoneOffset.UTC).by("model").since(from).until(to).build()
                    .aggregate(d.resolve("projects"));
            Map<String, long[]> got = new TreeMap<>();
            for (UsageGroup g : r.groups()) {
                got.put(g.period().start() + " " + g.dimensions().get(0), new long[] {g.requests().getAsLong(), g.inputTokens(),
                    g.outputTokens(), g.cacheReadTokens(), g.cacheWriteTokens(), g.cacheWrite1hTokens()});
            }
            assertEquals(render(want), render(got), "seed " + seed);
            assertEquals(outside, r.outsideDates());
            assertEquals(tree.responseCount - outside, r.rows());
        }
    }

    static String render(Map<String, long[]> m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, long[]> e : m.entrySet()) {
            b.append(e.getKey()).append(' ').append(java.util.Arrays.toString(e.getValue())).append('\n');
        }
        return b.toString();
    }
}
