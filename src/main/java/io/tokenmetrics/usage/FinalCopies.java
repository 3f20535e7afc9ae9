package io.tokenmetrics.usage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copy rule of a source that writes one response several times as it streams (Claude Code):
 * per id, the copy with the highest output count is kept whole (the later one on a tie, since a
 * stream only grows), dated at the earliest timestamp among the copies (the request's start).
 * Nothing is added to a group until every input has been read, because a later copy, in any file,
 * may replace the one held. Memory grows with the number of distinct ids (one small object each).
 *
 * <p>Parts read apart (on threads, or on Spark's workers) each hold their own copies and are
 * merged with {@link #merge}, in any order: the rule is a maximum and a minimum, with ties broken
 * by each copy's place in the input (the input's rank in the order given, directories in path
 * order, then the copy's line), so every way of reading gives what one reader of the whole input
 * in that order would have held.
 */
final class FinalCopies implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The 128-bit hash of an id ({@link SeenIds#key}). */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        final long h1;
        final long h2;

        Key(long h1, long h2) {
            this.h1 = h1;
            this.h2 = h2;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).h1 == h1 && ((Key) o).h2 == h2;
        }

        @Override
        public int hashCode() {
            return (int) (Accumulator.mix(h1 ^ h2) >>> 32);
        }
    }

    /** The copy held for one id: its counts and dimension values, and the earliest time seen. */
    static final class Copy implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Earliest instant among the copies (epoch seconds), and its period index. */
        long earliest;
        int periodIndex;
        /** The day (in the zone) of the earliest copy. */
        long day;
        String[] dims;
        long requests;
        long unknown;
        long in;
        long out;
        long cacheRead;
        long cacheWrite;
        long cacheWrite1h;
        long reasoning;
        boolean costField;
        BigDecimal cost;
        /** Where the kept copy was read, for a message. */
        String file;
        long line;
        /** The copy's place in the input: its file's rank among the inputs, then its place in the file. */
        long fileRank;
        long seq;
        /** The last copy is the final one (a record re-written whole), not the one with the highest output. */
        boolean lastWins;

        /** Whether this copy comes after {@code o} in the input. */
        boolean after(Copy o) {
            return fileRank != o.fileRank ? fileRank > o.fileRank : seq > o.seq;
        }
    }

    private final LinkedHashMap<Key, Copy> copies = new LinkedHashMap<>();
    /** One instance per dimension value, so that a hundred thousand copies share a few model names. */
    private final java.util.HashMap<String, String> values = new java.util.HashMap<>();

    /** The one instance of a dimension value. */
    String value(String v) {
        String had = values.putIfAbsent(v, v);
        return had == null ? v : had;
    }

    /**
     * Offers one good copy; true when its id is new (a request), false when it is another copy of
     * an id already held (kept instead of the held one if its output is at least as high).
     */
    boolean offer(Key key, Copy c) {
        Copy held = copies.get(key);
        if (held == null) {
            copies.put(key, c);
            return true;
        }
        combine(key, held, c);
        return false;
    }

    private void combine(Key key, Copy held, Copy other) {
        boolean replace = other.lastWins ? other.after(held) : other.out > held.out || other.out == held.out && other.after(held);
        Copy kept = replace ? other : held;
        Copy dropped = replace ? held : other;
        if (dropped.earliest < kept.earliest) {
            kept.earliest = dropped.earliest;
            kept.periodIndex = dropped.periodIndex;
            kept.day = dropped.day;
        }
        if (replace) {
            copies.put(key, kept);
        }
    }

    /**
     * Adds the copies of {@code other}, read apart from this one's; the number of its ids that this
     * one already held (each counted as a request by both, so one count too many).
     */
    long merge(FinalCopies other) {
        long both = 0;
        for (Map.Entry<Key, Copy> e : other.copies.entrySet()) {
            Copy held = copies.get(e.getKey());
            if (held == null) {
                copies.put(e.getKey(), e.getValue());
            } else {
                both++;
                combine(e.getKey(), held, e.getValue());
            }
        }
        return both;
    }

    int size() {
        return copies.size();
    }

    /** The copies held, in the order their ids were first seen; emptied as they are taken. */
    List<Copy> drain() {
        List<Copy> out = new ArrayList<>(copies.size());
        Iterator<Copy> it = copies.values().iterator();
        while (it.hasNext()) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }
}
