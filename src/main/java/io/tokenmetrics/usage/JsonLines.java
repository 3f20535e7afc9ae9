package io.tokenmetrics.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The lines of a JSON Lines stream, read through one buffer (never a call per byte). */
final class JsonLines {
    private final InputStream in;
    /** Starts small (a line of most logs fits) and doubles for a longer line, up to {@link JsonRecords#MAX_LINE}. */
    byte[] buf = new byte[1 << 14];
    private int pos;
    private int lim;
    private boolean eof;
    /** The current line: {@code buf[start, end)}, or over-long. */
    int start;
    int end;
    boolean tooLong;

    JsonLines(InputStream in) {
        this.in = in;
    }

    /** The next line; false at the end. A line longer than {@link JsonRecords#MAX_LINE} is skipped with {@link #tooLong} set. */
    boolean next() throws IOException {
        tooLong = false;
        int scan = pos;
        while (true) {
            int i = newline(scan);
            if (i >= 0) {
                start = pos;
                end = i;
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos == lim) {
                    return false;
                }
                start = pos;
                end = lim;
                pos = lim;
                return true;
            }
            if (lim - pos >= JsonRecords.MAX_LINE) {
                // drop what was read of the line and everything up to its end
                tooLong = true;
                pos = lim;
                skipRest();
                start = end = pos;
                return true;
            }
            scan = lim - pos;
            fill();
            scan += pos;
        }
    }

    private java.nio.ByteBuffer words;

    /**
     * The first newline in {@code buf[from, lim)}, or -1: eight bytes at a time, since JSON
     * lines are long (a newline is the only byte looked for, so a word costs one test).
     */
    private int newline(int from) {
        if (words == null || words.array() != buf) {
            words = java.nio.ByteBuffer.wrap(buf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        }
        int i = from;
        for (; lim - i >= 8; i += 8) {
            long x = words.getLong(i) ^ 0x0A0A0A0A0A0A0A0AL;
            long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (zero != 0) {
                // the lowest flagged byte is a newline (only bytes above a real zero can be flagged falsely)
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < lim; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void skipRest() throws IOException {
        while (true) {
            pos = 0;
            lim = 0;
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return;
            }
            lim = n;
            for (int i = 0; i < lim; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    return;
                }
            }
        }
    }

    /** Moves the partial line to the front and reads more, growing the buffer for a long line. */
    private void fill() throws IOException {
        int rest = lim - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, rest);
        } else if (rest == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, JsonRecords.MAX_LINE + 1));
        }
        pos = 0;
        lim = rest;
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
    }

    /** What is left of the stream after the current line: the buffered rest, then the stream. */
    InputStream rest() {
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, pos, lim - pos), in);
    }
}
