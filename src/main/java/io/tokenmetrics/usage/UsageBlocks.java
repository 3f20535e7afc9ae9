package io.tokenmetrics.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage blocks ({@link UsageAggregator#blocks}): their rows, and what was read, as
 * {@link UsageResult} says it (whose {@code groups()} are empty here: the rows are the blocks').
 * Immutable and thread-safe.
 */
public final class UsageBlocks {
    private final List<UsageBlock> rows;
    private final UsageResult read;
    private final int hours;

    private UsageBlocks(List<UsageBlock> rows, UsageResult read, int hours) {
        this.rows = rows;
        this.read = read;
        this.hours = hours;
    }

    /** The blocks of a run whose groups are hours (period index: epoch hour). */
    static UsageBlocks of(UsageAggregator agg, UsageAggregator.Run run, int hours, Instant now) {
        // by hour, then dimension values: the sums (with the extras after them)
        TreeMap<Integer, List<Map.Entry<List<Object>, long[]>>> byHour = new TreeMap<>();
        for (Map.Entry<List<Object>, long[]> e : run.table.groups.entrySet()) {
            byHour.computeIfAbsent((Integer) e.getKey().get(0), k -> new ArrayList<>()).add(e);
        }
        List<UsageBlock> out = new ArrayList<>();
        Integer blockStart = null;
        TreeMap<List<String>, long[]> rows = new TreeMap<>(UsageBlocks::compare);
        for (Map.Entry<Integer, List<Map.Entry<List<Object>, long[]>>> h : byHour.entrySet()) {
            if (blockStart != null && h.getKey() >= blockStart + hours) {
                close(out, blockStart, hours, rows, now);
                rows.clear();
                blockStart = null;
            }
            if (blockStart == null) {
                blockStart = h.getKey();
            }
            for (Map.Entry<List<Object>, long[]> g : h.getValue()) {
                List<String> dims = new ArrayList<>();
                for (Object o : g.getKey().subList(1, g.getKey().size())) {
                    dims.add((String) o);
                }
                long[] into = rows.computeIfAbsent(dims, k -> new long[Accumulator.SUMS + Accumulator.EXTRA]);
                long[] add = g.getValue();
                // each hour's sums were checked; a block's may still pass the limit
                if (!Accumulator.addSums(into, add, 0)) {
                    throw new UsageLogException("(all files)", 0, "the token sums of the block from " + Instant.ofEpochSecond(blockStart * 3600L)
                            + (dims.isEmpty() ? "" : " " + dims) + " pass " + Long.MAX_VALUE + ": refused rather than wrapped");
                }
                Accumulator.mergeExtras(into, Accumulator.SUMS, add, Accumulator.SUMS);
            }
        }
        if (blockStart != null) {
            close(out, blockStart, hours, rows, now);
        }
        return new UsageBlocks(Collections.unmodifiableList(out), UsageResult.of(agg, run, false), hours);
    }

    private static void close(List<UsageBlock> out, int startHour, int hours, TreeMap<List<String>, long[]> rows, Instant now) {
        Instant start = Instant.ofEpochSecond(startHour * 3600L);
        Instant end = start.plusSeconds(hours * 3600L);
        boolean active = !now.isBefore(start) && now.isBefore(end);
        for (Map.Entry<List<String>, long[]> r : rows.entrySet()) {
            long[] s = r.getValue();
            long[] sums = new long[8];
            System.arraycopy(s, 0, sums, 0, 7);
            sums[7] = s[Accumulator.SUMS + Accumulator.CACHE_1H];
            Instant first = Instant.ofEpochSecond(s[Accumulator.SUMS + Accumulator.FIRST_SEEN] - 1);
            Instant last = Instant.ofEpochSecond(s[Accumulator.SUMS + Accumulator.LAST_SEEN] - 1);
            out.add(new UsageBlock(start, end, Collections.unmodifiableList(r.getKey()), sums, first, last, active, now));
        }
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = io.tokenmetrics.internal.Text.compareCodePoints(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The blocks' rows: by block start, then dimension values.
     *
     * @return the rows
     */
    public List<UsageBlock> rows() {
        return rows;
    }

    /**
     * What was read: rows, duplicates, bad rows, sources, notes; its groups are empty.
     *
     * @return what was read
     */
    public UsageResult read() {
        return read;
    }

    /**
     * The length of a block, in hours.
     *
     * @return the hours a block lasts
     */
    public int hours() {
        return hours;
    }
}
