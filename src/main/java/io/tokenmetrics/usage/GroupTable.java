package io.tokenmetrics.usage;

import io.tokenmetrics.period.PeriodType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups of an aggregation by their values (period index, then dimension values): the sums,
 * then the extras ({@link Accumulator#EXTRA}), and the sources' own cost. Every way of reading
 * adds into it here, through one checked merge: a thread's accumulator, a part read apart, a
 * file read as a task, Spark's partitions. A sum that would pass {@link Long#MAX_VALUE} is
 * refused, never wrapped. Not thread-safe: one run's merging thread adds.
 */
final class GroupTable {
    final Map<List<Object>, long[]> groups = new HashMap<>();
    final Map<List<Object>, BigDecimal> logged = new HashMap<>();
    private final PeriodType period;
    private final List<String> by;

    GroupTable(PeriodType period, List<String> by) {
        this.period = period;
        this.by = by;
    }

    /**
     * Adds groups made apart (by period index and dimension values: the sums, then the extras)
     * and their logged costs, every sum checked.
     *
     * @throws UsageAggregator.MergeOverflow naming {@code file} for a sum past the limit
     */
    void add(Map<List<Object>, long[]> partGroups, Map<List<Object>, BigDecimal> partLogged, String file) {
        for (Map.Entry<List<Object>, long[]> e : partGroups.entrySet()) {
            long[] into = groups.computeIfAbsent(e.getKey(), k -> new long[e.getValue().length]);
            long[] add = e.getValue();
            if (!Accumulator.addSums(into, add, 0)) {
                throw overflow(file, e.getKey());
            }
            // the extras are parts of the sums just checked (and first and last instants)
            Accumulator.mergeExtras(into, Accumulator.SUMS, add, Accumulator.SUMS);
        }
        partLogged.forEach((k, v) -> logged.merge(k, v, BigDecimal::add));
    }

    /** Adds an accumulator's groups by their values. */
    void add(Accumulator a, String file) {
        long[] t = a.table;
        for (int e = 0; e < t.length; e += Accumulator.STRIDE) {
            if (!Accumulator.used(t, e)) {
                continue;
            }
            long key = t[e];
            int periodIndex = (int) (key >> 32);
            int[] ids = a.tupleIds((int) key);
            List<Object> k = new ArrayList<>(ids.length + 1);
            k.add(periodIndex);
            for (int d = 0; d < ids.length; d++) {
                k.add(a.dicts[d].value(ids[d]));
            }
            long[] sums = groups.computeIfAbsent(k, x -> new long[Accumulator.SUMS + Accumulator.EXTRA]);
            if (!Accumulator.addSums(sums, t, e + 1)) {
                throw overflow(file, k);
            }
            long[] x = a.extras.get(key);
            if (x != null) {
                // parts of the sums just checked: they cannot pass the limit
                Accumulator.mergeExtras(sums, Accumulator.SUMS, x, 0);
            }
            BigDecimal cost = a.logged.get(key);
            if (cost != null) {
                logged.merge(k, cost, BigDecimal::add);
            }
        }
    }

    /** A sum past the limit while merging the group of {@code key} (period index, then dimension values). */
    private UsageAggregator.MergeOverflow overflow(String file, List<Object> key) {
        return new UsageAggregator.MergeOverflow(file, "the token sums of the group of " + UsageResult.period(period, (Integer) key.get(0))
                + (by.isEmpty() ? "" : " " + key.subList(1, key.size())) + " pass " + Long.MAX_VALUE + ": refused rather than wrapped");
    }
}
