package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five-hour usage blocks, against blocks worked out by hand, and against the day totals on generated Claude Code trees. */
class UsageBlocksTest {
    @TempDir
    Path dir;

    private static String rec(String time, String model, long in, long out) {
        return "{\"timestamp\":\"2026-04-13T" + time + ":00Z\",\"model\":\"" + model + "\",\"input_tokens\":" + in + ",\"output_tokens\":" + out + "}";
    }

    @Test
    void aBlockStartsAtTheHourOfItsFirstRecordAndAGapStartsTheNext() throws IOException {
        Path f = dir.resolve("log.jsonl");
        Files.write(f, Arrays.asList(rec("08:10", "a", 100, 10), rec("09:59", "b", 200, 20), rec("12:30", "a", 300, 30),
                rec("13:00", "a", 400, 40), rec("20:15", "a", 500, 50), rec("23:45", "b", 600, 60)), StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-04-13T23:50:00Z");
        UsageBlocks b = UsageAggregator.builder().build().blocks(Collections.singletonList(f), Duration.ofHours(5), now);
        // 08:10 opens [08:00, 13:00): 08:10, 09:59, 12:30 are in it; 13:00 is its end, so it opens [13:00, 18:00);
        // 20:15, after a gap, opens [20:00, 01:00), which holds 23:45 too and is active at 23:50
        List<String> rows = new ArrayList<>();
        for (UsageBlock k : b.rows()) {
            rows.add(k.start() + " " + k.end() + " " + k.requests().getAsLong() + " " + k.inputTokens() + " " + k.outputTokens() + " "
                    + k.firstRecord() + " " + k.lastRecord() + " " + k.active());
        }
        assertEquals(Arrays.asList("2026-04-13T08:00:00Z 2026-04-13T13:00:00Z 3 600 60 2026-04-13T08:10:00Z 2026-04-13T12:30:00Z false",
                "2026-04-13T13:00:00Z 2026-04-13T18:00:00Z 1 400 40 2026-04-13T13:00:00Z 2026-04-13T13:00:00Z false",
                "2026-04-13T20:00:00Z 2026-04-14T01:00:00Z 2 1100 110 2026-04-13T20:15:00Z 2026-04-13T23:45:00Z true"), rows);
        UsageBlock active = b.rows().get(2);
        // 1210 tokens in the 210 minutes from 20:15 to 23:45: 5.7619… a minute, 5.76 rounded;
        // 70 minutes are left at 23:50: 1210 + 1210 / 210 × 70 = 1210 + 403.33… = 1613
        assertEquals(new BigDecimal("5.76"), active.burnRate().get());
        assertEquals(1613, active.projectedTotal().getAsLong());
        assertFalse(b.rows().get(0).burnRate().isPresent());
        assertEquals(6, b.read().rows());
        assertTrue(b.read().groups().isEmpty());
        // by model: the same blocks, a row per model in each
        UsageBlocks byModel = UsageAggregator.builder().by("model").build().blocks(Collections.singletonList(f), Duration.ofHours(5), now);
        List<String> m = new ArrayList<>();
        for (UsageBlock k : byModel.rows()) {
            m.add(k.start() + " " + k.dimensions() + " " + k.inputTokens());
        }
        assertEquals(Arrays.asList("2026-04-13T08:00:00Z [a] 400", "2026-04-13T08:00:00Z [b] 200", "2026-04-13T13:00:00Z [a] 400",
                "2026-04-13T20:00:00Z [a] 500", "2026-04-13T20:00:00Z [b] 600"), m);
        assertEquals("length (PT30M) must be 1 to 24 whole hours", assertThrows(IllegalArgumentException.class,
                () -> UsageAggregator.builder().build().blocks(Collections.singletonList(f), Duration.ofMinutes(30), now)).getMessage());
    }

    @Test
    void blocksAddUpToTheDaysOnClaudeCodeTrees() throws IOException {
        for (long seed = 1; seed <= 2; seed++) {
            Path d = Files.createTempDirectory(dir, "tree" + seed);
            ClaudeCodeTrees tree = ClaudeCodeTrees.generate(d, seed);
            UsageBlocks b = UsageAggregator.builder().by("model").build().blocks(Collections.singletonList(d.resolve("projects")),
                    Duration.ofHours(5), Instant.EPOCH);
            long requests = 0;
            long in = 0;
            long out = 0;
            Instant lastEnd = Instant.MIN;
            for (UsageBlock k : b.rows()) {
                requests += k.requests().getAsLong();
                in += k.inputTokens();
                out += k.outputTokens();
                // blocks never overlap, and every record lies in its block
                assertTrue(!k.start().isBefore(lastEnd) || k.start().equals(b.rows().get(b.rows().indexOf(k) - 1).start()), k.toString());
                assertTrue(!k.firstRecord().isBefore(k.start()) && k.lastRecord().isBefore(k.end()), k.toString());
                lastEnd = k.end();
            }
            long wantIn = 0;
            long wantOut = 0;
            for (long[] t : tree.truth.values()) {
                wantIn += t[1];
                wantOut += t[2];
            }
            assertEquals(tree.responseCount, requests);
            assertEquals(wantIn, in);
            assertEquals(wantOut, out);
        }
    }
}
