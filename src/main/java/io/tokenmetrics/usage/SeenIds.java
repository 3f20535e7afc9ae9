package io.tokenmetrics.usage;

/**
 * The request ids seen so far, for counting a record written twice once. Keeps 128 bits of two
 * independent 64-bit hashes of each id, not the id: 16 bytes an id whatever its length. Two
 * different ids are taken for one only if both hashes collide, about once in 2^128 pairs: at a
 * billion records, a chance below 10^-20. Not thread-safe: files with ids are read by one thread.
 */
final class SeenIds {
    private long[] table = new long[2 * 1024];
    private int size;
    private long duplicates;

    /** Adds the id made of {@code b[s1, e1)} and {@code b[s2, e2)}; false if it was seen before. */
    boolean add(byte[] b, int s1, int e1, int s2, int e2) {
        FinalCopies.Key k = key(b, s1, e1, s2, e2);
        return add(k.h1, k.h2);
    }

    /** The 128 bits kept of the id made of {@code b[s1, e1)} and {@code b[s2, e2)}: two independent 64-bit hashes. */
    static FinalCopies.Key key(byte[] b, int s1, int e1, int s2, int e2) {
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x9E3779B97F4A7C15L;
        for (int i = s1; i < e1; i++) {
            h1 = (h1 ^ (b[i] & 0xFF)) * 0x100000001b3L;
            h2 = Long.rotateLeft(h2 ^ ((b[i] & 0xFF) * 0xff51afd7ed558ccdL), 29) * 0xc4ceb9fe1a85ec53L;
        }
        // a separator that no byte equals, so ("ab", "c") and ("a", "bc") differ
        h1 = (h1 ^ 0x1FF) * 0x100000001b3L;
        h2 = Long.rotateLeft(h2 ^ 0x1FFL * 0xff51afd7ed558ccdL, 29) * 0xc4ceb9fe1a85ec53L;
        for (int i = s2; i < e2; i++) {
            h1 = (h1 ^ (b[i] & 0xFF)) * 0x100000001b3L;
            h2 = Long.rotateLeft(h2 ^ ((b[i] & 0xFF) * 0xff51afd7ed558ccdL), 29) * 0xc4ceb9fe1a85ec53L;
        }
        h2 ^= h2 >>> 31;
        if (h1 == 0 && h2 == 0) {
            h2 = 1;
        }
        return new FinalCopies.Key(h1, h2);
    }

    private boolean add(long h1, long h2) {
        int slot = slot(h1, h2);
        if (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
            duplicates++;
            return false;
        }
        table[2 * slot] = h1;
        table[2 * slot + 1] = h2;
        if (++size * 2 > table.length / 2) {
            grow();
        }
        return true;
    }

    /** Whether any id of {@code other} is among these. */
    boolean containsAny(SeenIds other) {
        if (size == 0 || other.size == 0) {
            return false;
        }
        long[] t = other.table;
        for (int i = 0; i < t.length; i += 2) {
            if ((t[i] != 0 || t[i + 1] != 0) && contains(t[i], t[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the ids of {@code other}, which holds none of these ({@link #containsAny}), into this
     * set; {@code other} is left empty. The larger table is kept and the smaller one's ids are put
     * into it, after one resize to the size both need: a file read in two parts ends with one table
     * the size of its ids (a million ids: 32 MB), not with that table, its halves, and the tables
     * it grew through (about 80 MB at once, when every id was copied into a growing table).
     */
    void addAll(SeenIds other) {
        long[] from;
        if (other.size > size) {
            from = table;
            table = other.table;
            size += other.size;
        } else {
            from = other.table;
            size += other.size;
        }
        other.table = new long[2 * 16];
        other.size = 0;
        resize(size);
        for (int i = 0; i < from.length; i += 2) {
            if (from[i] != 0 || from[i + 1] != 0) {
                int slot = slot(from[i], from[i + 1]);
                table[2 * slot] = from[i];
                table[2 * slot + 1] = from[i + 1];
            }
        }
    }

    private boolean contains(long h1, long h2) {
        int slot = slot(h1, h2);
        return table[2 * slot] != 0 || table[2 * slot + 1] != 0;
    }

    /** The slot that holds the id, or the empty slot where it would go. */
    private int slot(long h1, long h2) {
        int mask = table.length / 2 - 1;
        int slot = (int) (mix(h1 ^ h2) & mask);
        while (true) {
            long a = table[2 * slot];
            long c = table[2 * slot + 1];
            if (a == 0 && c == 0 || a == h1 && c == h2) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    long duplicates() {
        return duplicates;
    }

    private static long mix(long k) {
        return Accumulator.mix(k);
    }

    private void grow() {
        resize(size);
    }

    /** Makes the table hold {@code ids} ids at most half full (it never shrinks). */
    private void resize(int ids) {
        int length = table.length;
        while ((long) ids * 2 > length / 2) {
            length *= 2;
        }
        if (length == table.length) {
            return;
        }
        long[] old = table;
        table = new long[length];
        int mask = table.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int slot = (int) (mix(old[i] ^ old[i + 1]) & mask);
                while (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
