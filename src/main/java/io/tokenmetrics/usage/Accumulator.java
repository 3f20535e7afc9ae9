package io.tokenmetrics.usage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One thread's groups: dimension values interned as ids straight from the bytes, groups in an
 * open-addressing table keyed by (period index, tuple of ids), exact sums that throw on overflow.
 * Memory grows with the number of distinct values and groups, never with rows.
 */
final class Accumulator {
    static final int MAX_VALUE_BYTES = 1024;

    /** Interns byte strings: id by content, without a String per row. */
    static final class Dict {
        private byte[][] values = new byte[64][];
        private int[] table = new int[128];
        private int size;

        Dict() {
            Arrays.fill(table, -1);
        }

        /** The id of these bytes, or -1 if they were never interned. */
        int find(byte[] b, int from, int to) {
            int h = 0x811C9DC5;
            for (int i = from; i < to; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            int mask = table.length - 1;
            int slot = h & mask;
            while (true) {
                int id = table[slot];
                if (id < 0) {
                    return -1;
                }
                byte[] v = values[id];
                if (v.length == to - from && same(v, b, from)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
        }

        int intern(byte[] b, int from, int to) {
            int found = find(b, from, to);
            if (found >= 0) {
                return found;
            }
            int h = 0x811C9DC5;
            for (int i = from; i < to; i++) {
                h = (h ^ b[i]) * 0x01000193;
            }
            int mask = table.length - 1;
            int slot = h & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            byte[] copy = new byte[to - from];
            for (int i = from; i < to; i++) {
                copy[i - from] = b[i];
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size] = copy;
            table[slot] = size;
            if (++size * 2 > table.length) {
                rehash();
            }
            return size - 1;
        }

        private static boolean same(byte[] v, byte[] b, int from) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] t = new int[table.length * 2];
            Arrays.fill(t, -1);
            int mask = t.length - 1;
            for (int id = 0; id < size; id++) {
                int h = 0x811C9DC5;
                for (byte x : values[id]) {
                    h = (h ^ x) * 0x01000193;
                }
                int slot = h & mask;
                while (t[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                t[slot] = id;
            }
            table = t;
        }

        int size() {
            return size;
        }

        String value(int id) {
            return new String(values[id], StandardCharsets.UTF_8);
        }
    }

    final Dict[] dicts;
    private final Map<String, Integer> wideTuples = new HashMap<>();
    private final List<int[]> tupleIds = new ArrayList<>();
    private final Map<Long, Integer> narrowTuples = new HashMap<>();

    /**
     * The groups, in an open-addressing table whose entries hold key and sums side by side
     * ({@link #STRIDE} longs: key, requests, rows without a request count, input, output, cache
     * reads, cache writes, reasoning), so that one row touches one cache line.
     */
    static final int STRIDE = 8;
    /** The sums of an entry, after its key. */
    static final int SUMS = STRIDE - 1;
    private static final long EMPTY = Long.MIN_VALUE;
    long[] table = newTable(64);
    private int groups;

    private static long[] newTable(int entries) {
        long[] t = new long[entries * STRIDE];
        for (int i = 0; i < t.length; i += STRIDE) {
            t[i] = EMPTY;
        }
        return t;
    }

    private int lastTupleA = -1;
    private int lastTupleB = -1;
    private int lastTuple = -1;

    Accumulator(int dims) {
        dicts = new Dict[dims];
        for (int i = 0; i < dims; i++) {
            dicts[i] = new Dict();
        }
    }

    /** The tuple id of these dimension ids; the common one- and two-dimension cases make no objects when repeated. */
    int tuple(int[] ids) {
        if (ids.length == 0) {
            if (tupleIds.isEmpty()) {
                tupleIds.add(new int[0]);
            }
            return 0;
        }
        if (ids.length == 1) {
            // one dimension: the value id is the tuple id
            return ids[0];
        }
        if (ids.length == 2) {
            int a = ids[0];
            int b = ids[1];
            if (a == lastTupleA && b == lastTupleB) {
                return lastTuple;
            }
            long k = ((long) a << 32) | (b & 0xFFFFFFFFL);
            Integer t = narrowTuples.get(k);
            if (t == null) {
                t = tupleIds.size();
                tupleIds.add(ids.clone());
                narrowTuples.put(k, t);
            }
            lastTupleA = a;
            lastTupleB = b;
            lastTuple = t;
            return t;
        }
        String k = Arrays.toString(ids);
        Integer t = wideTuples.get(k);
        if (t == null) {
            t = tupleIds.size();
            tupleIds.add(ids.clone());
            wideTuples.put(k, t);
        }
        return t;
    }

    int[] tupleIds(int tuple) {
        return dicts.length == 1 ? new int[] {tuple} : tupleIds.get(tuple);
    }

    /**
     * Adds one row to the group of (period, tuple), all of it or, if any sum (or input + output)
     * would pass {@link Long#MAX_VALUE}, nothing: then false.
     */
    boolean add(int periodIndex, int tuple, long requests, long unknown, long in, long out, long cr, long cw, long rsn) {
        long key = ((long) periodIndex << 32) | (tuple & 0xFFFFFFFFL);
        long[] t = table;
        int e = (int) (mix(key) & (t.length / STRIDE - 1)) * STRIDE;
        while (t[e] != key) {
            if (t[e] == EMPTY) {
                e = insert(key);
                t = table;
                break;
            }
            e = (e + STRIDE) & (t.length - 1);
        }
        long r = t[e + 1] + requests;
        long u = t[e + 2] + unknown;
        long i = t[e + 3] + in;
        long o = t[e + 4] + out;
        long c = t[e + 5] + cr;
        long w = t[e + 6] + cw;
        long s = t[e + 7] + rsn;
        // all addends are non-negative: a sum that wrapped is negative
        if ((r | u | i | o | c | w | s | (i + o)) < 0) {
            return false;
        }
        t[e + 1] = r;
        t[e + 2] = u;
        t[e + 3] = i;
        t[e + 4] = o;
        t[e + 5] = c;
        t[e + 6] = w;
        t[e + 7] = s;
        return true;
    }

    /** The sums of the group of (period, tuple), all 0 for a group not seen yet. */
    long[] sums(int periodIndex, int tuple) {
        long key = ((long) periodIndex << 32) | (tuple & 0xFFFFFFFFL);
        long[] t = table;
        int e = (int) (mix(key) & (t.length / STRIDE - 1)) * STRIDE;
        while (t[e] != key) {
            if (t[e] == EMPTY) {
                return new long[SUMS];
            }
            e = (e + STRIDE) & (t.length - 1);
        }
        return java.util.Arrays.copyOfRange(t, e + 1, e + 1 + SUMS);
    }

    /** Makes an entry for a new key, growing the table first when it is half full; its index. */
    private int insert(long key) {
        if ((groups + 1) * 2 > table.length / STRIDE) {
            grow();
        }
        long[] t = table;
        int e = (int) (mix(key) & (t.length / STRIDE - 1)) * STRIDE;
        while (t[e] != EMPTY) {
            e = (e + STRIDE) & (t.length - 1);
        }
        t[e] = key;
        groups++;
        return e;
    }

    /** The finaliser of MurmurHash3: spreads a key's bits over the table index. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    private void grow() {
        long[] old = table;
        long[] t = newTable(old.length / STRIDE * 2);
        int mask = t.length / STRIDE - 1;
        for (int i = 0; i < old.length; i += STRIDE) {
            if (old[i] != EMPTY) {
                int e = (int) (mix(old[i]) & mask) * STRIDE;
                while (t[e] != EMPTY) {
                    e = (e + STRIDE) & (t.length - 1);
                }
                System.arraycopy(old, i, t, e, STRIDE);
            }
        }
        table = t;
    }

    /** {@link UsageGroup#LARGE_INPUT}: rows above it are kept apart. */
    static final long LARGE_INPUT = UsageGroup.LARGE_INPUT;
    /** Offsets in an extra entry: single requests above {@link #LARGE_INPUT}, then rows of several requests above it. */
    static final int LARGE = 0;
    static final int UNDECIDED = SUMS;
    /** Rows with the source's own cost, and rows of a source with a cost field that lacked it. */
    static final int LOGGED_ROWS = 2 * SUMS;
    static final int LOGGED_MISSING = 2 * SUMS + 1;
    /**
     * Cache writes of one hour (Anthropic's {@code ephemeral_1h_input_tokens}), part of the cache
     * writes and priced apart: of the whole group, of its single large requests, of its undecided rows.
     */
    static final int CACHE_1H = 2 * SUMS + 2;
    static final int CACHE_1H_LARGE = 2 * SUMS + 3;
    static final int CACHE_1H_UNDECIDED = 2 * SUMS + 4;
    /**
     * For hourly groups (usage blocks): the first and last instant of a record in the group, in
     * epoch seconds plus one (0: none), which merge as a minimum and a maximum, not a sum.
     */
    static final int FIRST_SEEN = 2 * SUMS + 5;
    static final int LAST_SEEN = 2 * SUMS + 6;
    static final int EXTRA = 2 * SUMS + 7;

    /**
     * Adds the {@link #SUMS} sums at {@code add[from..]} into {@code into[0..]}, all of them or,
     * if any sum (or input + output) would pass {@link Long#MAX_VALUE}, none: then false. The one
     * checked merge of groups read apart (threads' tables, parts, Spark's partitions, blocks).
     */
    static boolean addSums(long[] into, long[] add, int from) {
        long[] next = new long[SUMS];
        boolean overflow = false;
        for (int x = 0; x < SUMS; x++) {
            next[x] = into[x] + add[from + x];
            overflow |= next[x] < 0;
        }
        if (overflow || next[2] + next[3] < 0) {
            return false;
        }
        System.arraycopy(next, 0, into, 0, SUMS);
        return true;
    }

    /** Adds {@code x} (extras of the same group) into {@code into}: sums added, first and last seen as minimum and maximum. */
    static void mergeExtras(long[] into, int at, long[] x, int from) {
        for (int i = 0; i < EXTRA; i++) {
            long a = into[at + i];
            long b = x[from + i];
            if (i == FIRST_SEEN) {
                into[at + i] = a == 0 ? b : b == 0 ? a : Math.min(a, b);
            } else if (i == LAST_SEEN) {
                into[at + i] = Math.max(a, b);
            } else {
                into[at + i] = a + b;
            }
        }
    }

    /** Notes a record at {@code instant} (epoch seconds) in the group of (period, tuple), for usage blocks. */
    void seen(int periodIndex, int tuple, long instant) {
        long key = ((long) periodIndex << 32) | (tuple & 0xFFFFFFFFL);
        long[] x = extras.computeIfAbsent(key, k -> new long[EXTRA]);
        long v = instant + 1;
        x[FIRST_SEEN] = x[FIRST_SEEN] == 0 ? v : Math.min(x[FIRST_SEEN], v);
        x[LAST_SEEN] = Math.max(x[LAST_SEEN], v);
    }

    /**
     * What a group's sums alone cannot say, kept apart from the hot table because few rows need
     * it: the parts of rows above {@link #LARGE_INPUT} input tokens, one-hour cache writes, and the
     * source's own cost.
     */
    final Map<Long, long[]> extras = new HashMap<>();
    final Map<Long, java.math.BigDecimal> logged = new HashMap<>();

    /**
     * Records, for a row already added, its part above the tier threshold, its one-hour cache
     * writes and its logged cost. Cannot overflow: each is a part of the group's sums, which
     * {@link #add} checked.
     *
     * @param cw1h the row's one-hour cache writes (part of {@code cw})
     * @param costField whether the source has a cost field; {@code cost} null when the row lacked it
     */
    void extra(int periodIndex, int tuple, long requests, long unknown, long in, long out, long cr, long cw, long cw1h, long rsn,
            boolean costField, java.math.BigDecimal cost) {
        long key = ((long) periodIndex << 32) | (tuple & 0xFFFFFFFFL);
        long[] x = extras.computeIfAbsent(key, k -> new long[EXTRA]);
        x[CACHE_1H] += cw1h;
        if (in > LARGE_INPUT) {
            boolean single = requests == 1 && unknown == 0;
            int o = single ? LARGE : UNDECIDED;
            x[single ? CACHE_1H_LARGE : CACHE_1H_UNDECIDED] += cw1h;
            x[o] += requests;
            x[o + 1] += unknown;
            x[o + 2] += in;
            x[o + 3] += out;
            x[o + 4] += cr;
            x[o + 5] += cw;
            x[o + 6] += rsn;
        }
        if (costField) {
            if (cost == null) {
                x[LOGGED_MISSING]++;
            } else {
                x[LOGGED_ROWS]++;
                logged.merge(key, cost, java.math.BigDecimal::add);
            }
        }
    }

    /** Whether table entry {@code e} (a multiple of STRIDE) holds a group. */
    static boolean used(long[] t, int e) {
        return t[e] != EMPTY;
    }
}
