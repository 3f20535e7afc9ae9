package io.tokenmetrics.cost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of a JSON document's top-level object, each with the bytes of its value, found in
 * one pass that checks the whole document as the library's Jackson settings would
 * ({@code internal.Json}: strict duplicate detection at every depth, no trailing tokens, JSON's
 * own number grammar, well-formed UTF-8) without building anything: a price table's entries are
 * then built only when a run needs them. Anything it does not take (a document that is not an
 * object, a doubt of any kind) gives null, and the caller reads the document with Jackson, whose
 * message names the fault: this scanner only ever says yes to what Jackson reads.
 */
final class JsonIndex {
    /** One member: its name, and its value's bytes {@code [start, end)}. */
    static final class Member {
        final String name;
        final int start;
        final int end;

        Member(String name, int start, int end) {
            this.name = name;
            this.start = start;
            this.end = end;
        }
    }

    /**
     * The library's Jackson limits, which the scanner leaves a margin below: deeper, longer
     * numbers, longer strings or names are Jackson's to judge (and to refuse, with its message).
     */
    private static final int MAX_DEPTH = io.tokenmetrics.internal.Json.LIMITS.getMaxNestingDepth() - 2;
    private static final int MAX_NUMBER = io.tokenmetrics.internal.Json.LIMITS.getMaxNumberLength() - 1;
    private static final int MAX_STRING = io.tokenmetrics.internal.Json.LIMITS.getMaxStringLength() / 4;
    /** Jackson's document limit (256 MiB, set in Json where Jackson has it), with a margin. */
    private static final int MAX_DOCUMENT = 128 << 20;
    /** Jackson 2.16's default name limit is 50,000; Spark 3.5's Jackson has none. */
    private static final int MAX_NAME = 1_000;

    private final byte[] b;
    private final int end;
    private int i;

    private JsonIndex(byte[] b, int from, int end) {
        this.b = b;
        this.i = from;
        this.end = end;
    }

    /** Thrown where the document is not one the scanner vouches for. */
    private static final class Doubt extends Exception {
        private static final long serialVersionUID = 1L;
        static final Doubt INSTANCE = new Doubt();

        private Doubt() {
            super(null, null, false, false);
        }
    }

    /**
     * The members of the top-level object of {@code b[0, length)}, in order; null when the
     * document is not a JSON object this scanner vouches for.
     */
    static List<Member> members(byte[] b, int length) {
        int from = length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        if (length > MAX_DOCUMENT) {
            return null;
        }
        JsonIndex s = new JsonIndex(b, from, length);
        try {
            s.space();
            if (s.i >= s.end || s.b[s.i] != '{') {
                return null;
            }
            List<Member> out = new ArrayList<>();
            s.object(0, out);
            s.space();
            return s.i == s.end ? out : null;
        } catch (Doubt d) {
            return null;
        }
    }

    private void space() {
        // locals: this runs cold, in the interpreter, over every byte between tokens
        byte[] a = b;
        int j = i;
        int e = end;
        while (j < e) {
            byte c = a[j];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            j++;
        }
        i = j;
    }

    private byte next() throws Doubt {
        if (i >= end) {
            throw Doubt.INSTANCE;
        }
        return b[i];
    }

    private void value(int depth) throws Doubt {
        space();
        switch (next()) {
            case '{':
                object(depth + 1, null);
                return;
            case '[':
                array(depth + 1);
                return;
            case '"':
                string(null);
                return;
            case 't':
                literal("true");
                return;
            case 'f':
                literal("false");
                return;
            case 'n':
                literal("null");
                return;
            default:
                number();
        }
    }

    /** An object from its '{'; {@code top}: where the top level's members go (null below it). */
    private void object(int depth, List<Member> top) throws Doubt {
        if (depth > MAX_DEPTH) {
            throw Doubt.INSTANCE;
        }
        i++;
        Set<String> names = top != null ? new HashSet<>() : null;
        // below the top, names are compared as bytes: an entry's dozen names, no strings made
        int[] seen = top != null ? null : new int[16];
        int count = 0;
        space();
        if (next() == '}') {
            i++;
            return;
        }
        while (true) {
            space();
            if (next() != '"') {
                throw Doubt.INSTANCE;
            }
            int nameStart = i + 1;
            StringBuilder name = top != null ? new StringBuilder() : null;
            string(name);
            if (i - 1 - nameStart > MAX_NAME) {
                throw Doubt.INSTANCE;
            }
            if (top != null) {
                if (!names.add(name.toString())) {
                    // a name given twice: Jackson (STRICT_DUPLICATE_DETECTION) names it
                    throw Doubt.INSTANCE;
                }
            } else {
                int nameEnd = i - 1;
                for (int k = nameStart; k < nameEnd; k++) {
                    if (b[k] == '\\') {
                        // "\u0061" is "a": a name with an escape is Jackson's to compare
                        throw Doubt.INSTANCE;
                    }
                }
                for (int k = 0; k < count; k += 2) {
                    if (sameBytes(seen[k], seen[k + 1], nameStart, nameEnd)) {
                        throw Doubt.INSTANCE;
                    }
                }
                if (count + 2 > seen.length) {
                    seen = java.util.Arrays.copyOf(seen, seen.length * 2);
                }
                seen[count++] = nameStart;
                seen[count++] = nameEnd;
            }
            space();
            if (next() != ':') {
                throw Doubt.INSTANCE;
            }
            i++;
            space();
            int start = i;
            value(depth);
            if (top != null) {
                top.add(new Member(name.toString(), start, i));
            }
            space();
            byte c = next();
            i++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw Doubt.INSTANCE;
            }
        }
    }

    /** Whether two names' bytes are equal (names without escapes: UTF-8 has one spelling of each). */
    private boolean sameBytes(int aStart, int aEnd, int bStart, int bEnd) {
        if (aEnd - aStart != bEnd - bStart) {
            return false;
        }
        for (int k = 0; k < aEnd - aStart; k++) {
            if (b[aStart + k] != b[bStart + k]) {
                return false;
            }
        }
        return true;
    }

    private void array(int depth) throws Doubt {
        if (depth > MAX_DEPTH) {
            throw Doubt.INSTANCE;
        }
        i++;
        space();
        if (next() == ']') {
            i++;
            return;
        }
        while (true) {
            value(depth);
            space();
            byte c = next();
            i++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw Doubt.INSTANCE;
            }
        }
    }

    /** A string from its opening quote; its text goes to {@code text} when given (names). */
    private void string(StringBuilder text) throws Doubt {
        int from = i + 1;
        boolean plain = true;
        // locals: this runs cold, in the interpreter, over most of the document's bytes
        byte[] a = b;
        int e = end;
        int j = from;
        while (true) {
            if (j >= e) {
                throw Doubt.INSTANCE;
            }
            byte c = a[j];
            if (c == '"') {
                break;
            }
            if (c >= 0x20 && c != '\\') {
                j++;
            } else if (c == '\\') {
                plain = false;
                if (j + 1 >= e) {
                    throw Doubt.INSTANCE;
                }
                byte x = a[j + 1];
                if (x == 'u') {
                    for (int k = 2; k <= 5; k++) {
                        if (j + k >= e || Character.digit((char) a[j + k], 16) < 0) {
                            throw Doubt.INSTANCE;
                        }
                    }
                    j += 6;
                } else if (x == '"' || x == '\\' || x == '/' || x == 'b' || x == 'f' || x == 'n' || x == 'r' || x == 't') {
                    j += 2;
                } else {
                    throw Doubt.INSTANCE;
                }
            } else if (c < 0) {
                plain = false;
                i = j;
                utf8();
                j = i;
            } else {
                // a control character, raw
                throw Doubt.INSTANCE;
            }
        }
        i = j;
        if (i - from > MAX_STRING) {
            throw Doubt.INSTANCE;
        }
        if (text != null) {
            if (!plain) {
                // an escape or a non-ASCII name (not in LiteLLM's table): Jackson decodes it
                throw Doubt.INSTANCE;
            }
            text.append(new String(b, from, i - from, StandardCharsets.ISO_8859_1));
        }
        i++;
    }

    /** One well-formed UTF-8 sequence of two to four bytes (no overlong forms, no surrogates). */
    private void utf8() throws Doubt {
        int lead = b[i] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw Doubt.INSTANCE;
        }
        for (int k = 1; k <= n; k++) {
            if (i + k >= end) {
                throw Doubt.INSTANCE;
            }
            int c = b[i + k] & 0xFF;
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
                throw Doubt.INSTANCE;
            }
        }
        i += n + 1;
    }

    private void literal(String word) throws Doubt {
        for (int k = 0; k < word.length(); k++) {
            if (i + k >= end || b[i + k] != word.charAt(k)) {
                throw Doubt.INSTANCE;
            }
        }
        i += word.length();
        // "truex" is not true: a literal ends at a delimiter
        if (i < end && !delimiter(b[i])) {
            throw Doubt.INSTANCE;
        }
    }

    /** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void number() throws Doubt {
        int from = i;
        if (next() == '-') {
            i++;
        }
        if (next() == '0') {
            i++;
        } else if (next() >= '1' && next() <= '9') {
            digits();
        } else {
            throw Doubt.INSTANCE;
        }
        if (i < end && b[i] == '.') {
            i++;
            if (next() < '0' || next() > '9') {
                throw Doubt.INSTANCE;
            }
            digits();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (next() == '+' || next() == '-') {
                i++;
            }
            if (next() < '0' || next() > '9') {
                throw Doubt.INSTANCE;
            }
            int exponent = i;
            digits();
            if (i - exponent > 4) {
                // past BigDecimal's exponent range, or near it: Jackson's to refuse
                throw Doubt.INSTANCE;
            }
        }
        if (i - from > MAX_NUMBER || i < end && !delimiter(b[i])) {
            throw Doubt.INSTANCE;
        }
    }

    private void digits() {
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
