package io.tokenmetrics.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An input stream read ahead by a thread of its own, so that decompressing a {@code .gz} log and
 * parsing it run on two cores at once instead of one after the other: the whole read then takes
 * about as long as the slower of the two (decompression), not their sum. Memory is bounded: at
 * most {@link #DEPTH} blocks of {@link #BLOCK} bytes wait. An error of the underlying stream is
 * thrown by the {@code read} that reaches it; closing stops the thread. Not thread-safe: one
 * reader.
 */
final class ReadAhead extends InputStream {
    static final int BLOCK = 1 << 20;
    static final int DEPTH = 4;
    private static final byte[] END = new byte[0];

    private final InputStream in;
    private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(DEPTH + 2);
    private final Thread reader;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int currentLength;
    private int pos;
    private boolean ended;

    ReadAhead(InputStream in) {
        this.in = in;
        this.reader = new Thread(this::fill, "token-metrics-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /** The reading thread: full blocks (the last may be short), then {@link #END} or the error. */
    private void fill() {
        try {
            int made = 0;
            while (!closed) {
                // blocks go round: memory stays at DEPTH + 2 blocks however long the stream
                byte[] b = free.poll();
                if (b == null) {
                    b = made < DEPTH + 2 ? new byte[BLOCK] : free.take();
                    made++;
                }
                int n = 0;
                while (n < BLOCK) {
                    int r = in.read(b, n, BLOCK - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                if (n > 0) {
                    blocks.put(new Block(b, n));
                }
                if (n < BLOCK) {
                    blocks.put(END);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                offer(e);
            }
        } catch (InterruptedException e) {
            // closed while waiting for room: nobody reads any more
        }
    }

    private void offer(Exception e) {
        try {
            blocks.put(e);
        } catch (InterruptedException ignored) {
            // closed
        }
    }

    private static final class Block {
        final byte[] bytes;
        final int length;

        Block(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }
    }

    /** Moves to the next block; false at the end. */
    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object o;
        try {
            o = blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (o == END) {
            ended = true;
            return false;
        }
        if (o instanceof IOException) {
            ended = true;
            throw (IOException) o;
        }
        if (o instanceof RuntimeException) {
            ended = true;
            throw (RuntimeException) o;
        }
        Block b = (Block) o;
        if (current.length == BLOCK) {
            free.offer(current);
        }
        current = b.bytes;
        currentLength = b.length;
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos == currentLength && !next()) {
            return -1;
        }
        return current[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == currentLength && !next()) {
            return -1;
        }
        int n = Math.min(len, currentLength - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.interrupt();
        in.close();
    }
}
