package io.tokenmetrics.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Regions of a file read apart (a part of a large CSV or JSON Lines file), and line boundaries to cut them at. */
final class FileRegions {
    private FileRegions() {
    }

    /** A {@link Src} as an input stream, for the line reader of JSON. */
    static final class SrcInputStream extends InputStream {
        private final Src src;

        SrcInputStream(Src src) {
            this.src = src;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            do {
                n = src.read(ByteBuffer.wrap(b, off, len));
            } while (n == 0);
            return n;
        }
    }

    /** A sequential byte source: a stream, or a region of a file. */
    interface Src {
        /** Reads into {@code b}; -1 at the end. */
        int read(ByteBuffer b) throws IOException;
    }

    /** The region {@code [s, e)} of a file; a file that ends before {@code e} was cut while it was read. */
    static Src region(FileChannel ch, long s, long e, String name) {
        long[] pos = {s};
        return b -> {
            if (pos[0] >= e) {
                return -1;
            }
            int lim = b.limit();
            if (e - pos[0] < b.remaining()) {
                b.limit(b.position() + (int) (e - pos[0]));
            }
            int n = ch.read(b, pos[0]);
            b.limit(lim);
            if (n < 0) {
                throw new UsageLogException(name, 0, "the file became shorter while it was read (it ends at byte " + pos[0] + ", it had "
                        + e + " or more): was it truncated, as log rotation with copytruncate does? Read a copy");
            }
            pos[0] += n;
            return n;
        };
    }

    /** The position after the first newline at or after {@code from}, or {@code size}. */
    static long nextLine(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(65536);
        long pos = from;
        while (pos < size) {
            b.clear();
            int n = ch.read(b, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }
}
