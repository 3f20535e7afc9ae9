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

    @Test
    void theCopyRuleIsAMaximumAndAMinimumWhateverTheOrder() {
        // copies of one id that differ in what a tie keeps (model, project): out 10 at 09:00 (file 1), out 30 at
        // 09:05 (file 2, line 7), out 30 at 09:07 (file 2, line 9), out 20 at 08:59 (file 3)
        FinalCopies.Copy[] c = {copy(10, 9 * 3600, "a", 1, 3), copy(30, 9 * 3600 + 300, "b", 2, 7), copy(30, 9 * 3600 + 420, "c", 2, 9),
            copy(20, 9 * 3600 - 60, "d", 3, 1)};
        FinalCopies.Key k = new FinalCopies.Key(1, 2);
        int[][] orders = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}};
        for (int[] order : orders) {
            // one reader, in this order
            FinalCopies one = new FinalCopies();
            for (int i : order) {
                one.offer(k, clone(c[i]));
            }
            // two parts, merged
            FinalCopies p1 = new FinalCopies();
            FinalCopies p2 = new FinalCopies();
            p1.offer(k, clone(c[order[0]]));
            p1.offer(k, clone(c[order[1]]));
            p2.offer(k, clone(c[order[2]]));
            p2.offer(k, clone(c[order[3]]));
            assertEquals(1, p2.merge(p1));
            for (FinalCopies f : new FinalCopies[] {one, p2}) {
                FinalCopies.Copy kept = f.drain().get(0);
                // the highest output (30), of the two the later in the input (file 2, line 9: "c"), dated at the earliest (08:59)
                assertEquals("c", kept.dims[0], java.util.Arrays.toString(order));
                assertEquals(30, kept.out);
                assertEquals(9 * 3600 - 60, kept.earliest);
            }
        }
    }

    private static FinalCopies.Copy copy(long out, long at, String dim, long rank, long seq) {
        FinalCopies.Copy c = new FinalCopies.Copy();
        c.out = out;
        c.earliest = at;
        c.dims = new String[] {dim};
        c.fileRank = rank;
        c.seq = seq;
        return c;
    }

    private static FinalCopies.Copy clone(FinalCopies.Copy o) {
        return copy(o.out, o.earliest, o.dims[0], o.fileRank, o.seq);
    }
}
