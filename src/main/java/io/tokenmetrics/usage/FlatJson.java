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
 * Reads one flat JSON object straight into the columns of a row, token by token: no tree, no
 * map of every field, and no string per field once the names have been seen (Jackson hands out
 * one instance per field name, and the dotted lower-case names are cached by instance). Only the
 * fields that some column wants are kept; of several candidates for one column, the first in
 * the profile's order wins, as on the tree path.
 */
final class FlatJson {
    /** A value the fast path does not read (a document shape, a non-object): read it as a tree. */
    static final int TREE = -2;
    /**
     * The fast path's factory: the same limits, without Jackson's duplicate detection (a hash set
     * per object); a wanted field seen twice sends the line to the tree path, which reports it.
     */
    private static final com.fasterxml.jackson.core.JsonFactory FAST = io.tokenmetrics.internal.Json.STREAMING;

    private final Map<String, int[]> wanted = new HashMap<>();
    private final int columns;
    private final List<List<String>> candidates;
    /** A field seen before: its dotted lower-case path, what it is wanted for, its prefix for children. */
    private static final class Field {
        final String path;
        final int[] want;
        final String dotted;
        /** At the top, a name that makes the value a document: a usage page or an OTLP file. */
        final boolean document;
        /** Its bit among the names that tell a record's source ({@link Profile#SHAPE_NAMES}), or 0. */
        final long shape;

        Field(String path, int[] want) {
            this.path = path;
            this.shape = Profile.shapeBit(path);
            this.want = want;
            this.dotted = path + ".";
            this.document = path.equals("resourcespans") || path.equals("data") || path.equals("results");
        }
    }

    private final IdentityHashMap<String, IdentityHashMap<String, Field>> paths = new IdentityHashMap<>();
    private final String[] firstNames;
    private final int[] priority;
    private final boolean[] fractional;
    private final int[] start;
    private final int[] end;
    private byte[] row = new byte[512];
    private int at;
    private final String[] names;
    private final String projectValue;
    private final int projectColumn;

    FlatJson(List<List<String>> candidates, String[] names, String project) {
        this.candidates = candidates;
        this.columns = candidates.size();
        this.names = names;
        int pc = -1;
        for (int k = 0; k < columns; k++) {
            List<String> c = candidates.get(k);
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i).equals(Records.PROJECT_KEY)) {
                    pc = k;
                }
                wanted.putIfAbsent(c.get(i), new int[] {k, i});
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
     * One non-blocking parser fed line after line, so that a line costs no parser of its own (a
     * new parser per line detects the encoding and allocates its buffers every time).
     */
    private JsonParser async;

    /**
     * Reads the line {@code b[from, to)} into the columns: 0 when it was one flat object, -1 when
     * a second value follows on the line, {@link #TREE} for anything else (a document shape, not
     * an object, malformed or cut short), which the caller reads again as a tree for its records
     * or its exact error.
     */
    int readLine(byte[] b, int from, int to) {
        try {
            if (async == null) {
                async = FAST.createNonBlockingByteArrayParser();
            }
            ((com.fasterxml.jackson.core.async.ByteArrayFeeder) async.getNonBlockingInputFeeder()).feedInput(b, from, to);
            int r = read(async);
            if (r != 0) {
                reset();
            }
            return r;
        } catch (IOException e) {
            reset();
            return TREE;
        }
    }

    private void reset() {
        if (async != null) {
            try {
                async.close();
            } catch (IOException ignored) {
                // nothing to release
            }
            async = null;
        }
    }

    /** Off only in tests, to compare the scanner with Jackson's parser on the same lines. */
    static boolean scanner = true;

    /**
     * Reads the line with a scanner of our own when it is plain (see {@link #scan}), else with
     * Jackson's parser: 0, -1 or {@link #TREE} as {@link #readLine}.
     */
    int readPlainOrParse(byte[] b, int from, int to) {
        if (scanner && scan(b, from, to)) {
            return 0;
        }
        return readLine(b, from, to);
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
    private final Field root = new Field("", null);
    private Field[] parents = new Field[16];

    /**
     * One flat line in one pass over its bytes, for the common shape: an object of ASCII names and
     * values, strings without escapes, numbers, true, false, null, and objects inside objects.
     * Anything else (an array, an escape, a byte that is not printable ASCII, a document-shaped
     * name, a wanted field given twice, text after the object, malformed JSON) returns false
     * having decided nothing: the line is then read by Jackson's parser, which also finds the
     * exact error. Never accepts a line Jackson rejects, and reads every line it accepts as
     * Jackson does ({@code FlatJsonScannerTest} compares the two).
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
                    return skipSpace(b, i, to) == to;
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
            if (i < 0) {
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
            shape |= field.shape;
            if (depth == 0 && field.document) {
                return false;
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
                if (++depth == parents.length) {
                    parents = Arrays.copyOf(parents, depth * 2);
                }
                parents[depth] = field;
                i++;
                afterOpen = true;
                continue;
            }
            if (c == '"') {
                int valueFrom = i + 1;
                i = stringEnd(b, valueFrom, to);
                if (i < 0) {
                    return false;
                }
                if (!take(field, b, valueFrom, i, false)) {
                    return false;
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
                // an array, or not JSON
                return false;
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
     * The closing quote of a string whose text starts at {@code i}, or -1 for one the scanner does
     * not read (an escape, a control character, a byte that is not ASCII, or no closing quote).
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

    /** The end of a JSON number at {@code i} (RFC 8259 grammar), or -1. */
    private static int number(byte[] b, int i, int to) {
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
        if (w[1] == priority[w[0]] && !field.path.equals(Records.PROJECT_KEY)) {
            return false;
        }
        if (w[1] < priority[w[0]]) {
            ensure(to - from);
            int s = at;
            System.arraycopy(b, from, row, at, to - from);
            at += to - from;
            set(w[0], w[1], s, at, frac, field.path);
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
        String full = (parent.dotted.equals(".") ? "" : parent.dotted) + name;
        String lower = full.toLowerCase(Locale.ROOT);
        Field f = new Field(lower, wanted.get(lower));
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

    int read(JsonParser p) throws IOException {
        begin();
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            return TREE;
        }
        String[] prefix = new String[16];
        int depth = 0;
        prefix[0] = "";
        Field field = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case FIELD_NAME:
                    field = field(prefix[depth], p.currentName());
                    shape |= field.shape;
                    if (depth == 0 && field.document) {
                        return TREE;
                    }
                    break;
                case START_OBJECT:
                    if (++depth == prefix.length) {
                        prefix = Arrays.copyOf(prefix, depth * 2);
                    }
                    prefix[depth] = field.dotted;
                    break;
                case END_OBJECT:
                    if (depth == 0) {
                        JsonToken after = p.nextToken();
                        return after == null || after == JsonToken.NOT_AVAILABLE ? 0 : -1;
                    }
                    depth--;
                    break;
                case NOT_AVAILABLE:
                    // the line ended inside the object
                    return TREE;
                case START_ARRAY:
                    p.skipChildren();
                    break;
                case VALUE_NULL:
                    break;
                default:
                    int[] w = field.want;
                    if (w != null) {
                        if (w[1] == priority[w[0]] && !field.path.equals(Records.PROJECT_KEY)) {
                            // a field read twice: the tree path reports the duplicate exactly
                            return TREE;
                        }
                        if (w[1] < priority[w[0]]) {
                            value(p, t, w[0], w[1], field.path);
                        }
                    }
                    break;
            }
        }
        return TREE;
    }

    private Field field(String prefix, String name) {
        IdentityHashMap<String, Field> m = paths.get(prefix);
        if (m == null) {
            m = new IdentityHashMap<>();
            paths.put(prefix, m);
        }
        Field f = m.get(name);
        if (f == null) {
            String full = (prefix + name).toLowerCase(Locale.ROOT);
            f = new Field(full, wanted.get(full));
            m.put(name, f);
        }
        return f;
    }

    private void value(JsonParser p, JsonToken t, int k, int prio, String field) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            // digits, sign, point and exponent are ASCII
            ensure(len);
            int s = at;
            for (int i = 0; i < len; i++) {
                row[at++] = (byte) c[off + i];
            }
            set(k, prio, s, at, t == JsonToken.VALUE_NUMBER_FLOAT, field);
            return;
        }
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = c[off + i] < 0x80;
        }
        if (ascii) {
            ensure(len);
            int s = at;
            for (int i = 0; i < len; i++) {
                row[at++] = (byte) c[off + i];
            }
            set(k, prio, s, at, false, field);
        } else {
            put(k, prio, new String(c, off, len).getBytes(StandardCharsets.UTF_8), false);
            names[k] = field;
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

    static String malformed(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? "" : m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m;
    }
}
