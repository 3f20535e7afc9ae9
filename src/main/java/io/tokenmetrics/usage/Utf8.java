package io.tokenmetrics.usage;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing past U+10FFFF). */
final class Utf8 {
    private Utf8() {
    }

    static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int n = b[i] >= 0 ? 1 : sequence(b, i, to);
            if (n < 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** The length of the well-formed multi-byte sequence that starts at {@code b[i]} (a byte of 0x80 or more), or -1. */
    static int sequence(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n >= to) {
            return -1;
        }
        int cp = c & (0x3F >> n);
        for (int k = 1; k <= n; k++) {
            int x = b[i + k] & 0xFF;
            if ((x & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (x & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return n + 1;
    }
}
