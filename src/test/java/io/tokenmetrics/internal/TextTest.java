package io.tokenmetrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    /** The reference order: UTF-8 bytes compared unsigned, which is code-point order (RFC 3629). */
    private static int byUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Test
    void dimensionValuesCompareByCodePointNotByUtf16Unit() {
        // U+1F600 (😀, two UTF-16 units starting 0xD83D) comes after U+FF21 (Ａ) by code point; String.compareTo says before
        assertEquals(true, "\uD83D\uDE00".compareTo("\uFF21") < 0);
        assertEquals(true, Text.compareCodePoints("\uD83D\uDE00", "\uFF21") > 0);
        assertEquals(0, Text.compareCodePoints("model-模型", "model-模型"));
        assertEquals(true, Text.compareCodePoints("a", "ab") < 0);
        // against the byte order of UTF-8 on random strings of ASCII, CJK, private-use and supplementary characters
        Random r = new Random(7);
        int[] pool = {'a', 'z', 0x6A21, 0xE000, 0xFF21, 0xFFFD, 0x1F600, 0x20000, 0x10FFFF};
        List<String> s = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(4); k >= 0; k--) {
                b.appendCodePoint(pool[r.nextInt(pool.length)]);
            }
            s.add(b.toString());
        }
        for (String a : s) {
            for (String b : s) {
                assertEquals(Integer.signum(byUtf8(a, b)), Integer.signum(Text.compareCodePoints(a, b)), a + " vs " + b);
            }
        }
    }
}
