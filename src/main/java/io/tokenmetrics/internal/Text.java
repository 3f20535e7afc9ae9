package io.tokenmetrics.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Values from logs shown safely: control characters as {@code \n}, {@code \r}, {@code \t},
 * {@code \0} or {@code \u001b}, and bytes that are not UTF-8 as {@code \xNN}, so that neither a
 * message nor a table can carry a terminal escape sequence or a raw NUL.
 */
public final class Text {
    private Text() {
    }

    /**
     * Compares two strings by Unicode code point, as the documentation promises for dimension
     * values: {@link String#compareTo} compares UTF-16 units, which puts a character above
     * U+FFFF (an emoji, a rare CJK character) before U+E000–U+FFFF. The same order as the UTF-8
     * bytes.
     *
     * @param a a string
     * @param b another
     * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * {@code s} with every control character (C0, DEL, C1) and the line and paragraph separators escaped.
     *
     * @param s the text
     * @return {@code s} with every control character (C0, DEL, C1) and the line and paragraph separators escaped
     * @throws NullPointerException if {@code s} is null
     */
    public static String escape(String s) {
        int i = 0;
        while (i < s.length() && !control(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!control(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == 0) {
                out.append("\\0");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean control(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    /** Bytes as text: valid UTF-8 decoded and {@link #escape escaped}, invalid bytes as {@code \xNN}. */
    public static String escapeBytes(byte[] b, int from, int to) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from + 1);
        StringBuilder s = new StringBuilder();
        while (true) {
            CoderResult r = d.decode(in, out, true);
            out.flip();
            s.append(escape(out.toString()));
            out.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    s.append(String.format("\\x%02X", in.get() & 0xFF));
                }
                continue;
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        return s.toString();
    }
}
