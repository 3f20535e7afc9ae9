package io.tokenmetrics.usage;

import static io.tokenmetrics.usage.SameResult.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregation in parts (what the Spark job runs on each partition) against the aggregation
 * of the same rows from one file: the same groups, counts and reasons, with and without request
 * ids. Spark itself is tested in the {@code spark} profile.
 */
class UsagePartitionsTest {
    @TempDir
    Path dir;

    /** A log with good rows, bad rows of several kinds, and (with ids) repeated ids, one first claimed by a bad row. */
    private static List<String> log(boolean ids, int n, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add((ids ? "request_id," : "") + "timestamp,model,input_tokens,output_tokens,cache_read_tokens");
        for (int i = 0; i < n; i++) {
            String id = ids ? "req-" + r.nextInt(n / 2) + "," : "";
            String ts = "2026-04-" + (10 + r.nextInt(15)) + "T" + (10 + r.nextInt(12)) + ":00:00Z";
            long in = r.nextInt(300_000);
            long cr = r.nextInt(10) == 0 ? in + 1 : r.nextInt((int) in + 1);
            String out = r.nextInt(50) == 0 ? "x" + r.nextInt(9) : Integer.toString(r.nextInt(2000));
            lines.add(id + ts + ",m" + r.nextInt(5) + "," + in + "," + out + "," + cr);
        }
        return lines;
    }

    private UsageResult oneFile(UsageAggregator a, List<String> lines) throws IOException {
        Path f = dir.resolve("log.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return a.aggregate(f);
    }

    /** What an engine does: rows split into parts; with ids, the first good row of each id kept. */
    private static UsageResult parts(UsageAggregator a, List<String> lines, int parts) {
        List<String> header = Arrays.asList(lines.get(0).split(","));
        UsagePartitions.Plan plan = UsagePartitions.plan(a, header, false, "rows");
        List<Integer> idCols = plan.idColumns();
        List<UsagePartitions.Part> ps = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            ps.add(plan.newPart("part " + k));
        }
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",", -1);
            UsagePartitions.Part p = ps.get((i - 1) * parts / (lines.size() - 1));
            if (!idCols.isEmpty() && p.check(v) && !seen.add(v[idCols.get(0)])) {
                duplicates++;
                continue;
            }
            p.add(v);
        }
        return UsagePartitions.merge(plan, ps, duplicates);
    }

    @Test
    void partsGiveWhatOneFileGives() throws IOException {
        UsageAggregator a = UsageAggregator.builder().period(PeriodType.DAY).by(Arrays.asList("model")).skipBad(true).build();
        List<String> lines = log(false, 20_000, 1);
        UsageResult expected = oneFile(a, lines);
        // the log has bad rows of two kinds, and large requests
        assertEquals(2, expected.skippedByReason().size(), expected.skippedByReason()::toString);
        assertSameResult(expected, parts(a, lines, 1));
        assertSameResult(expected, parts(a, lines, 7));
    }

    @Test
    void requestIdsCountOnceAndABadRowNeverClaimsOne() throws IOException {
        UsageAggregator a = UsageAggregator.builder().period(PeriodType.WEEK).by(Arrays.asList("model")).skipBad(true).build();
        List<String> lines = log(true, 20_000, 2);
        // req-0 first on a bad row, then on a good one: the good one counts
        lines.add(1, "req-0,2026-04-13T10:00:00Z,m1,5,x,0");
        UsageResult expected = oneFile(a, lines);
        assertEquals(true, expected.duplicates() > 1000, "duplicates " + expected.duplicates());
        assertSameResult(expected, parts(a, lines, 5));
    }

    @Test
    void withoutSkipBadTheFirstBadRowStopsTheMerge() {
        UsageAggregator a = UsageAggregator.builder().period(PeriodType.DAY).by(Arrays.asList("model")).build();
        List<String> lines = Arrays.asList("timestamp,model,input_tokens,output_tokens", "2026-04-13T10:00:00Z,m,1,2", "2026-04-13T10:00:00Z,m,1x,2");
        UsageLogException e = assertThrows(UsageLogException.class, () -> parts(a, lines, 1));
        assertEquals("part 0:2: input_tokens (\"1x\") is not a whole number of tokens", e.getMessage());
    }

    @Test
    void aSumPastTheLimitAcrossPartsIsRefusedNotWrapped() {
        UsageAggregator a = UsageAggregator.builder().period(PeriodType.DAY).by("model").build();
        UsagePartitions.Plan plan = UsagePartitions.plan(a, Arrays.asList("timestamp", "model", "input_tokens", "output_tokens"), false, "rows");
        // each part holds 5,000,000,000,000,000,000 input tokens of m on 2026-04-13: fine alone, past 2^63 - 1 together
        UsagePartitions.Part p1 = plan.newPart("part 0").add(new String[] {"2026-04-13T10:00:00Z", "m", "5000000000000000000", "0"});
        UsagePartitions.Part p2 = plan.newPart("part 1").add(new String[] {"2026-04-13T11:00:00Z", "m", "5000000000000000000", "0"});
        UsageLogException e = assertThrows(UsageLogException.class, () -> UsagePartitions.merge(plan, Arrays.asList(p1, p2), 0));
        assertEquals("part 1: the token sums of the group of 2026-04-13 [m] pass 9223372036854775807: refused rather than wrapped", e.getMessage());
    }

    @Test
    void columnsThatFitNoSourceAreRefusedOnThePlan() {
        UsageAggregator a = UsageAggregator.builder().build();
        UsageLogException e = assertThrows(UsageLogException.class, () -> UsagePartitions.plan(a, Arrays.asList("a", "b"), false, "a Dataset"));
        assertEquals(true, e.getMessage().startsWith("a Dataset:1: the header fits no known source (columns: a, b)"), e.getMessage());
    }
}
