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

        Field(String path, int[] want) {
            this.path = path;
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

    int read(JsonParser p) throws IOException {
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
