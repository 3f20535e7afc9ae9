package io.tokenmetrics.usage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates records that an application adds one at a time, with the periods, zone, dimensions
 * and rules of the {@link UsageAggregator} that made it: a record is checked as a log row is
 * (parts within their whole, sums that would pass {@link Long#MAX_VALUE} refused) and a request
 * id seen before counts once. Thread-safe: {@link #add} and {@link #result} may be called from
 * any thread.
 */
public final class UsageRecorder {
    private static final String NAME = "(recorded)";
    private final UsageAggregator agg;
    private final UsageAggregator.Run run;
    private final RowProcessor proc;
    private final Problems problems = new Problems();
    private final List<String> by;
    private long count;
    private final RowCounts counts = new RowCounts() {
        @Override
        void bad(long line, String path, String kind, String message) {
            run.bad(problems, NAME, line, path, kind, message);
        }
    };

    UsageRecorder(UsageAggregator agg) {
        this.agg = agg;
        this.run = agg.newRun();
        this.by = agg.by();
        Profile p = agg.profile(UsageSource.JSONL);
        int[] slot = new int[Slot.ALL.length];
        java.util.Arrays.fill(slot, -1);
        Slot[] used = {Slot.TIMESTAMP, Slot.ID, Slot.REQUESTS, Slot.INPUT, Slot.CACHE_READ, Slot.CACHE_WRITE, Slot.OUTPUT, Slot.REASONING,
            Slot.CACHE_WRITE_5M, Slot.CACHE_WRITE_1H};
        String[] names = new String[used.length + by.size()];
        for (int i = 0; i < used.length; i++) {
            slot[used[i].ordinal()] = i;
            names[i] = used[i].name().toLowerCase(java.util.Locale.ROOT);
        }
        int[] dims = new int[by.size()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = used.length + k;
            names[dims[k]] = by.get(k);
        }
        this.proc = run.processor(new RowProcessor.Layout(names.length, slot, dims, by.toArray(new String[0]), names, p, true));
    }

    /**
     * Adds one record.
     *
     * @return this recorder
     * @param r the record
     * @throws UsageLogException naming the record's number when it is bad (a dimension of the
     *     aggregator it lacks, parts larger than their whole, a sum past the limit), unless the
     *     aggregator skips bad rows: then it is counted in the result
     * @throws NullPointerException if {@code r} is null
     */
    public synchronized UsageRecorder add(UsageRecord r) {
        Objects.requireNonNull(r, "record");
        count++;
        String[] v = new String[10 + by.size()];
        v[0] = r.timestamp.toString();
        v[1] = r.requestId == null ? "" : r.requestId;
        v[2] = Long.toString(r.requests);
        v[3] = Long.toString(r.input);
        v[4] = Long.toString(r.cacheRead);
        v[5] = Long.toString(r.cacheWrite);
        v[6] = Long.toString(r.output);
        v[7] = Long.toString(r.reasoning);
        // the five-minute part is the rest: more one-hour writes than writes is then a contradiction the row checks name
        v[8] = Long.toString(Math.max(0, r.cacheWrite - r.cacheWrite1h));
        v[9] = Long.toString(r.cacheWrite1h);
        for (int k = 0; k < by.size(); k++) {
            String d = r.dimensions.get(by.get(k).toLowerCase(java.util.Locale.ROOT));
            if (d == null && Profile.optionalDimension(by.get(k))) {
                d = "";
            }
            if (d == null) {
                counts.bad(count, null, "missing field", "no " + by.get(k) + " dimension (the record has " + r.dimensions.keySet() + ")");
                return this;
            }
            v[10 + k] = d;
        }
        byte[][] f = new byte[v.length][];
        int total = 0;
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i].getBytes(StandardCharsets.UTF_8);
            total += f[i].length;
        }
        byte[] row = new byte[total];
        int[] start = new int[v.length];
        int[] end = new int[v.length];
        int at = 0;
        for (int i = 0; i < v.length; i++) {
            start[i] = at;
            System.arraycopy(f[i], 0, row, at, f[i].length);
            at += f[i].length;
            end[i] = at;
        }
        counts.count(proc.row(row, start, end), proc, count, null);
        return this;
    }

    /**
     * The aggregation of the records added so far.
     *
     * @return the aggregation of the records added so far
     */
    public synchronized UsageResult result() {
        UsageAggregator.Run copy = agg.newRun();
        copy.mergeFrom(run, problems, NAME);
        counts.addTo(copy);
        return copy.result();
    }
}
