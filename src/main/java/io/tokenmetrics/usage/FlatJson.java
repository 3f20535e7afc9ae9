package io.tokenmetrics.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one JSON Lines record straight into the columns of a row, in one pass over its bytes: no
 * tree, no map of every field, and no string per field once the names have been seen. Only the
 * fields that some column wants are kept; of several candidates for one column, the first in the
 * profile's order wins, as on the path that reads a value whole ({@link JsonTree},
 * {@link JsonRecord}). Arrays (a response's {@code choices}, a message's {@code content}) and
 * strings that no column wants are checked and skipped, never materialised.
 *
 * <p>This is the one reader of JSON Lines records; a line it does not take (a document shape,
 * a name with an escape, a wanted field given twice, anything that is not JSON) is read whole,
 * which finds its records or its exact error. Both give a value the same text: a number as
 * written, a string's characters ({@code FlatJsonScannerTest} compares the two on generated
 * lines).
 */
final class FlatJson {
    /** A line the scanner does not take: the caller reads it whole. */
    static final int TREE = -2;
    /** Nesting the scanner follows; deeper lines are read whole, where Jackson's limit applies. */
    private static final int MAX_DEPTH = 48;

    private final Map<String, int[]> wanted = new HashMap<>();
    private final int columns;
    /** A field seen before: its dotted lower-case path, what it is wanted for, its prefix for children. */
    private static final class Field {
        final String path;
        /** The path as the file spells it, for messages. */
        final String spelled;
        final int[] want;
        final String dotted;
        final String spelledDotted;
        /**
         * At the top, a name that may make the value a document (a usage page, an OTLP file, a
         * Gemini CLI chat or checkpoint): such a line is read whole, which decides.
         */
        final boolean document;
        /** At the top, a name that makes a line with a {@code messages} array a Gemini CLI chat. */
        final boolean chat;
        /** Its bit among the names that tell a record's source ({@link Profile#SHAPE_NAMES}), or 0. */
        final long shape;

        Field(String path, String spelled, int[] want) {
            this.path = path;
            this.spelled = spelled;
            this.shape = Profile.shapeBit(path);
            this.want = want;
            this.dotted = path + ".";
            this.spelledDotted = spelled + ".";
            this.document = path.equals("resourcespans") || path.equals("data") || path.equals("results") || path.equals("$set");
            this.chat = path.equals("sessionid") || path.equals("projecthash");
        }
    }

    private final String[] firstNames;
    private final int[] priority;
    private final boolean[] fractional;
    private final int[] start;
    private final int[] end;
    private byte[] row = new byte[512];
    private int at;
    private final String[] names;
    /** The project every record read gets (Claude Code's directory), or null; per file. */
    private String projectValue;
    private final int projectColumn;

    FlatJson(List<List<String>> candidates, String[] names, String project) {
        this.columns = candidates.size();
        this.names = names;
        int pc = -1;
        for (int k = 0; k < columns; k++) {
            List<String> c = candidates.get(k);
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i).equals(Records.PROJECT_KEY)) {
                    pc = k;
                }
                // a name two columns read (a dimension that is also the id: --by request_id) fills both
                int[] had = wanted.get(c.get(i));
                int[] pair = {k, i};
                if (had == null) {
                    wanted.put(c.get(i), pair);
                } else {
                    int[] both = java.util.Arrays.copyOf(had, had.length + 2);
                    both[had.length] = k;
                    both[had.length + 1] = i;
                    wanted.put(c.get(i), both);
                }
            }
        }
        this.projectColumn = pc;
        this.firstNames = new String[columns];
        for (int k = 0; k < columns; k++) {
            firstNames[k] = candidates.get(k).get(0);
        }
        this.projectValue = project;
        this.priority = new int[columns];
        this.fractional = new boolean[columns];
        this.start = new int[columns];
        this.end = new int[columns];
    }

    /** The project of the records read from now on (their file's directory), or null. */
    void project(String project) {
        this.projectValue = project;
    }

    byte[] row() {
        return row;
    }

    int[] start() {
        return start;
    }

    int[] end() {
        return end;
    }

    boolean[] fractional() {
        return fractional;
    }

    /** Whether column {@code k} got a value. */
    boolean has(int k) {
        return priority[k] != Integer.MAX_VALUE;
    }

    /**
     * Reads the line {@code b[from, to)} into the columns: 0 when it was one record the scanner
     * reads ({@link #scan}), {@link #TREE} for anything else, which the caller reads whole for its
     * records or its exact error.
     */
    int readLine(byte[] b, int from, int to) {
        return scan(b, from, to) ? 0 : TREE;
    }

    /** Per field name seen by the scanner: keyed by the enclosing prefix's field and the name's bytes. */
    private static final class Key {
        final Field parent;
        final byte[] name;
        final int hash;
        final Field field;

        Key(Field parent, byte[] name, int hash, Field field) {
            this.parent = parent;
            this.name = name;
            this.hash = hash;
            this.field = field;
        }
    }

    private Key[] keys = new Key[64];
    private int keyCount;
    private final Field root = new Field("", "", null);
    private Field[] parents = new Field[16];

    /**
     * One line in one pass over its bytes: an object whose names are ASCII without escapes;
     * objects inside are followed, arrays and strings that no column wants are checked and
     * skipped; a wanted string may hold escapes and UTF-8. Anything else (a name with an escape
     * or a byte that is not ASCII, a document-shaped name, a wanted field given twice, text after
     * the object, nesting past {@link #MAX_DEPTH}, a lone surrogate, malformed JSON) returns false
     * having decided nothing: the line is then read whole, which also finds the exact error.
     * Never accepts a line that Jackson rejects.
     */
    boolean scan(byte[] b, int from, int to) {
        begin();
        int i = skipSpace(b, from, to);
        if (i >= to || b[i] != '{') {
            return false;
        }
        i++;
        int depth = 0;
        int member = 0;
        boolean messages = false;
        boolean chat = false;
        parents[0] = root;
        // after '{' or ',': a name (or, after '{', the end of the object). One loop, with the few
        // lines after a value written twice: splitting it into a method per member made 10M
        // lines 0.8 s slower (the JIT no longer keeps the position and depth in registers)
        boolean afterOpen = true;
        while (true) {
            i = skipSpace(b, i, to);
            if (i >= to) {
                return false;
            }
            if (b[i] == '}' && afterOpen) {
                i++;
                if (depth == 0) {
                    // a Gemini CLI chat is read whole, message by message
                    return skipSpace(b, i, to) == to && !(messages && chat);
                }
                depth--;
                i = afterValue(b, i, to);
                if (i < 0) {
                    return false;
                }
                if (b[i] == '}') {
                    // handled as the end of the enclosing object below
                    afterOpen = true;
                    continue;
                }
                i++;
                afterOpen = false;
                continue;
            }
            if (b[i] != '"') {
                return false;
            }
            int nameFrom = ++i;
            i = stringEnd(b, i, to);
            if (i < 0 || i - nameFrom > MAX_NAME) {
                return false;
            }
            // the lines of a log name their fields in the same order: expect the name the last line had here
            Key expect = member < expected.length ? expected[member] : null;
            Field field;
            if (expect != null && expect.parent == parents[depth] && expect.name.length == i - nameFrom && same(expect.name, b, nameFrom)) {
                field = expect.field;
            } else {
                Key k = key(parents[depth], b, nameFrom, i);
                if (member >= expected.length) {
                    expected = Arrays.copyOf(expected, member * 2);
                }
                expected[member] = k;
                field = k.field;
            }
            member++;
            if (depth == 0) {
                if (field.document) {
                    return false;
                }
                chat |= field.chat;
            }
            i = skipSpace(b, i + 1, to);
            if (i >= to || b[i] != ':') {
                return false;
            }
            i = skipSpace(b, i + 1, to);
            if (i >= to) {
                return false;
            }
            byte c = b[i];
            if (c == '{') {
                if (++depth == MAX_DEPTH) {
                    return false;
                }
                if (depth == parents.length) {
                    parents = Arrays.copyOf(parents, depth * 2);
                }
                parents[depth] = field;
                i++;
                afterOpen = true;
                continue;
            }
            if (c == '[') {
                // left out, as the whole-value reader leaves arrays out of a record
                messages |= depth == 0 && field.path.equals("messages");
                i = skipValue(b, i, to, depth + 1);
                if (i < 0) {
                    return false;
                }
            } else {
                // a scalar (null included) names its source, as a whole record's keys do
                shape |= field.shape;
                if (c == '"' && field.want == null) {
                    // a string no column wants (a message's text): checked, not kept, in one pass
                    i = skipString(b, i + 1, to, false);
                    if (i < 0) {
                        return false;
                    }
                    i++;
                } else if (c == '"') {
                    int valueFrom = i + 1;
                    i = stringEnd(b, valueFrom, to);
                    if (i >= 0) {
                        if (!take(field, b, valueFrom, i, false)) {
                            return false;
                        }
                    } else {
                        i = skipString(b, valueFrom, to);
                        if (i < 0 || field.want != null && !takeDecoded(field, b, valueFrom, i)) {
                            return false;
                        }
                    }
                    i++;
                } else if (c == '-' || c >= '0' && c <= '9') {
                    int end = number(b, i, to);
                    if (end < 0) {
                        return false;
                    }
                    boolean frac = false;
                    for (int k = i; k < end; k++) {
                        frac |= b[k] == '.' || b[k] == 'e' || b[k] == 'E';
                    }
                    if (!take(field, b, i, end, frac)) {
                        return false;
                    }
                    i = end;
                } else if (c == 't' && word(b, i, to, TRUE) || c == 'f' && word(b, i, to, FALSE)) {
                    int end = i + (c == 't' ? 4 : 5);
                    if (!take(field, b, i, end, false)) {
                        return false;
                    }
                    i = end;
                } else if (c == 'n' && word(b, i, to, NULL)) {
                    i += 4;
                } else {
                    return false;
                }
            }
            i = afterValue(b, i, to);
            if (i < 0) {
                return false;
            }
            if (b[i] == '}') {
                afterOpen = true;
                continue;
            }
            i++;
            afterOpen = false;
        }
    }

    /**
     * The closing quote of a string whose text starts at {@code i}, or -1 for one the fast loop
     * does not read (an escape, a control character, a byte that is not ASCII, or no closing quote).
     */
    private static int stringEnd(byte[] b, int i, int to) {
        while (i < to) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /**
     * The closing quote of any valid JSON string whose text starts at {@code i}: escapes as RFC
     * 8259 has them, other bytes well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates);
     * -1 otherwise, for Jackson to judge.
     */
    static int skipString(byte[] b, int i, int to) {
        return skipString(b, i, to, false);
    }

    /**
     * {@link #skipString(byte[], int, int)}; for a {@code name}, also -1 at an escaped surrogate:
     * Jackson checks the pairs of names, not of values.
     */
    private static int skipString(byte[] b, int i, int to, boolean name) {
        while (i < to) {
            int c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (i + 1 >= to) {
                    return -1;
                }
                byte e = b[i + 1];
                if (e == 'u') {
                    if (i + 6 > to || hex(b[i + 2]) < 0 || hex(b[i + 3]) < 0 || hex(b[i + 4]) < 0 || hex(b[i + 5]) < 0) {
                        return -1;
                    }
                    if (name && hex(b[i + 2]) == 0xD && hex(b[i + 3]) >= 8) {
                        return -1;
                    }
                    i += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    i += 2;
                } else {
                    return -1;
                }
                continue;
            }
            if (c >= 0) {
                if (c < 0x20) {
                    return -1;
                }
                i++;
                continue;
            }
            int n = Utf8.sequence(b, i, to);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
        return -1;
    }

    private static int hex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * The end of the JSON value at {@code b[i]} (an array, or anything inside one), checked and
     * skipped; -1 for one the scanner does not take.
     */
    private static int skipValue(byte[] b, int i, int to, int depth) {
        if (i >= to) {
            return -1;
        }
        byte c = b[i];
        if (c == '"') {
            int e = skipString(b, i + 1, to);
            return e < 0 ? -1 : e + 1;
        }
        if (c == '[' || c == '{') {
            if (depth >= MAX_DEPTH) {
                return -1;
            }
            boolean object = c == '{';
            byte close = object ? (byte) '}' : (byte) ']';
            i = skipSpace(b, i + 1, to);
            if (i < to && b[i] == close) {
                return i + 1;
            }
            while (true) {
                if (object) {
                    if (i >= to || b[i] != '"') {
                        return -1;
                    }
                    int e = skipString(b, i + 1, to, true);
                    if (e < 0 || e - (i + 1) > MAX_NAME) {
                        return -1;
                    }
                    i = skipSpace(b, e + 1, to);
                    if (i >= to || b[i] != ':') {
                        return -1;
                    }
                    i = skipSpace(b, i + 1, to);
                }
                i = skipValue(b, i, to, depth + 1);
                if (i < 0) {
                    return -1;
                }
                i = skipSpace(b, i, to);
                if (i >= to) {
                    return -1;
                }
                if (b[i] == close) {
                    return i + 1;
                }
                if (b[i] != ',') {
                    return -1;
                }
                i = skipSpace(b, i + 1, to);
            }
        }
        if (c == 't') {
            return word(b, i, to, TRUE) ? i + 4 : -1;
        }
        if (c == 'f') {
            return word(b, i, to, FALSE) ? i + 5 : -1;
        }
        if (c == 'n') {
            return word(b, i, to, NULL) ? i + 4 : -1;
        }
        return c == '-' || c >= '0' && c <= '9' ? number(b, i, to) : -1;
    }

    /**
     * Keeps a wanted string that has escapes or UTF-8, decoded as Jackson decodes it; false for a
     * lone surrogate (Jackson's text of it is not UTF-8) or a wanted field seen twice.
     */
    private boolean takeDecoded(Field field, byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '\\') {
                byte e = b[i + 1];
                if (e == 'u') {
                    s.append((char) (hex(b[i + 2]) << 12 | hex(b[i + 3]) << 8 | hex(b[i + 4]) << 4 | hex(b[i + 5])));
                    i += 6;
                    continue;
                }
                s.append(e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : (char) e);
                i += 2;
                continue;
            }
            int n = c >= 0 ? 1 : Utf8.sequence(b, i, to);
            s.append(new String(b, i, n, StandardCharsets.UTF_8));
            i += n;
        }
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (Character.isHighSurrogate(ch) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(ch)) {
                return false;
            }
        }
        byte[] v = s.toString().getBytes(StandardCharsets.UTF_8);
        return take(field, v, 0, v.length, false);
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static boolean word(byte[] b, int i, int to, byte[] w) {
        if (to - i < w.length) {
            return false;
        }
        for (int k = 0; k < w.length; k++) {
            if (b[i + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

    /** After a value: the index of the ',' or '}' that follows, or -1. */
    private static int afterValue(byte[] b, int i, int to) {
        i = skipSpace(b, i, to);
        return i < to && (b[i] == ',' || b[i] == '}') ? i : -1;
    }

    private static int skipSpace(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * The end of a JSON number at {@code i} (RFC 8259 grammar), or -1; also -1 for a number longer
     * than {@link #MAX_NUMBER}, which Jackson's reading limits judge ({@code Json.LIMITS}).
     */
    private static int number(byte[] b, int i, int to) {
        int begin = i;
        int end = numberEnd(b, i, to);
        return end < 0 || end - begin > MAX_NUMBER ? -1 : end;
    }

    /** The longest number the scanner takes: Jackson's limit is 40 digits; a sign, point and exponent aside, 40 characters stays within it. */
    private static final int MAX_NUMBER = 40;
    /** The longest name the scanner takes: Jackson refuses names past 50,000 bytes by default. */
    private static final int MAX_NAME = 50_000;

    private static int numberEnd(byte[] b, int i, int to) {
        if (b[i] == '-') {
            i++;
        }
        if (i >= to) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            return -1;
        }
        if (i < to && b[i] == '.') {
            int d = ++i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == d) {
                return -1;
            }
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int d = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == d) {
                return -1;
            }
        }
        return i;
    }

    /** Keeps a value for its column when the field is wanted and ranks first so far; false for a wanted field seen twice. */
    private boolean take(Field field, byte[] b, int from, int to, boolean frac) {
        int[] w = field.want;
        if (w == null) {
            return true;
        }
        // each (column, rank) pair the name is wanted for: a column keeps its best-ranked candidate
        for (int p = 0; p < w.length; p += 2) {
            if (w[p + 1] == priority[w[p]] && !field.path.equals(Records.PROJECT_KEY)) {
                return false;
            }
        }
        int s = -1;
        for (int p = 0; p < w.length; p += 2) {
            if (w[p + 1] < priority[w[p]]) {
                if (s < 0) {
                    ensure(to - from);
                    s = at;
                    System.arraycopy(b, from, row, at, to - from);
                    at += to - from;
                }
                set(w[p], w[p + 1], s, s + (to - from), frac, field.spelled);
            }
        }
        return true;
    }

    /** The member names of the last line scanned, in order. */
    private Key[] expected = new Key[16];

    /** The key of a name (printable ASCII, checked by the caller) under {@code parent}. */
    private Key key(Field parent, byte[] b, int from, int to) {
        int h = System.identityHashCode(parent) * 31;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        int mask = keys.length - 1;
        int slot = h & mask;
        while (keys[slot] != null) {
            Key k = keys[slot];
            if (k.hash == h && k.parent == parent && k.name.length == to - from && same(k.name, b, from)) {
                return k;
            }
            slot = (slot + 1) & mask;
        }
        String name = new String(b, from, to - from, StandardCharsets.US_ASCII);
        String full = (parent == root ? "" : parent.spelledDotted) + name;
        String lower = full.toLowerCase(Locale.ROOT);
        Field f = new Field(lower, full, wanted.get(lower));
        Key made = new Key(parent, Arrays.copyOfRange(b, from, to), h, f);
        keys[slot] = made;
        if (++keyCount * 2 > keys.length) {
            Key[] old = keys;
            keys = new Key[old.length * 2];
            for (Key k : old) {
                if (k != null) {
                    int sl = k.hash & (keys.length - 1);
                    while (keys[sl] != null) {
                        sl = (sl + 1) & (keys.length - 1);
                    }
                    keys[sl] = k;
                }
            }
        }
        return made;
    }

    private static boolean same(byte[] a, byte[] b, int from) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The shape names ({@link Profile#SHAPE_NAMES}) of the last line read, as bits. */
    long shape;

    private void begin() {
        shape = 0;
        Arrays.fill(priority, Integer.MAX_VALUE);
        Arrays.fill(fractional, false);
        at = 0;
        for (int k = 0; k < columns; k++) {
            start[k] = 0;
            end[k] = 0;
            names[k] = firstNames[k];
        }
        if (projectColumn >= 0 && projectValue != null) {
            put(projectColumn, 0, projectValue.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private void put(int k, int prio, byte[] v, boolean frac) {
        ensure(v.length);
        int s = at;
        System.arraycopy(v, 0, row, at, v.length);
        at += v.length;
        set(k, prio, s, at, frac, null);
    }

    private void set(int k, int prio, int s, int e, boolean frac, String field) {
        start[k] = s;
        end[k] = e;
        priority[k] = prio;
        fractional[k] = frac;
        if (field != null) {
            names[k] = field;
        }
    }

    private void ensure(int n) {
        if (at + n > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, at + n));
        }
    }

}
