package io.tokenmetrics.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV inputs of one aggregation: the header read into a layout ({@link Layouts}), the rows split
 * by {@link CsvChunk}, a large regular file without request ids cut at line boundaries and read
 * on the pool's threads, each part through one reusable buffer, merged in file order into the
 * run's groups.
 */
final class CsvFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CsvFiles.class);
    private final UsageAggregator agg;
    private final UsageAggregator.Run run;
    private final boolean skipBad;

    CsvFiles(UsageAggregator agg, UsageAggregator.Run run) {
        this.agg = agg;
        this.run = run;
        this.skipBad = agg.skipsBad();
    }

    /** A CSV stream read by this thread. */
    void stream(InputStream in, String name) throws IOException {
        java.nio.channels.ReadableByteChannel ch = java.nio.channels.Channels.newChannel(in);
        FileRegions.Src src = ch::read;
        CsvStart start = start(src, name);
        if (start == null) {
            return;
        }
        RowProcessor p = run.processor(start.layout);
        p.file = name;
        p.fileRank = run.fileRank;
        CsvChunk c = new CsvChunk(skipBad);
        try {
            readRegion(src, start.rest, start.restLength, c, p, true);
        } catch (CsvChunk.Stop stop) {
            throw new UsageLogException(name, start.headerLines + stop.line, stop.message);
        }
        addCounts(c, start.headerLines, name);
    }

    private void addCounts(CsvChunk c, long lineOffset, String name) {
        c.addTo(run);
        run.blank += c.blank;
        run.problems.addAll(c.problems, lineOffset, name);
    }

    /** A regular CSV file: in parts on the pool when it has no request ids. */
    void file(Inputs.Input in, ExecutorService pool) throws IOException {
        String name = in.name;
        try (FileChannel ch = FileChannel.open(in.path, StandardOpenOption.READ)) {
            long size = ch.size();
            FileRegions.Src head = FileRegions.region(ch, 0, size, name);
            CsvStart start = start(head, name);
            if (start == null) {
                return;
            }
            long dataStart = start.headerBytes;
            if (start.layout.hasIds()) {
                // ids are counted once in file order: one thread
                RowProcessor p = run.processor(start.layout);
        p.file = name;
        p.fileRank = run.fileRank;
                CsvChunk c = new CsvChunk(skipBad);
                try {
                    readRegion(FileRegions.region(ch, dataStart, size, name), null, 0, c, p, true);
                } catch (CsvChunk.Stop stop) {
                    throw new UsageLogException(name, start.headerLines + stop.line, stop.message);
                }
                addCounts(c, start.headerLines, name);
                return;
            }
            int n = (int) Math.max(agg.threadCount(), (size - dataStart + UsageAggregator.MAX_CHUNK - 1) / UsageAggregator.MAX_CHUNK);
            long[] bounds = new long[n + 1];
            bounds[0] = dataStart;
            bounds[n] = size;
            for (int k = 1; k < n; k++) {
                bounds[k] = FileRegions.nextLine(ch, Math.max(bounds[k - 1], dataStart + (size - dataStart) * k / n), size);
            }
            try {
                runChunks(ch, bounds, start.layout, name, pool, false, start.headerLines);
            } catch (CsvChunk.QuoteFound q) {
                LOG.debug("{} has quoted fields: reading it with one thread", name);
                runChunks(ch, new long[] {dataStart, size}, start.layout, name, pool, true, start.headerLines);
            }
        }
    }

    private void runChunks(FileChannel ch, long[] bounds, RowProcessor.Layout layout, String name, ExecutorService pool, boolean quotes,
            long headerLines) throws IOException {
        int n = bounds.length - 1;
        List<Future<CsvChunk>> futures = new ArrayList<>();
        List<RowProcessor> procs = new ArrayList<>();
        run.layoutUsed(layout);
        for (int k = 0; k < n; k++) {
            long s = bounds[k];
            long e = bounds[k + 1];
            RowProcessor p = new RowProcessor(layout, agg, new Accumulator(agg.by().size()), null);
            procs.add(p);
            futures.add(pool.submit(() -> {
                CsvChunk c = new CsvChunk(skipBad);
                try {
                    readRegion(FileRegions.region(ch, s, e, name), null, 0, c, p, quotes);
                } catch (CsvChunk.Stop stop) {
                    c.stop = stop;
                }
                return c;
            }));
        }
        List<CsvChunk> chunks = new ArrayList<>();
        CsvChunk.QuoteFound quote = null;
        for (Future<CsvChunk> fu : futures) {
            try {
                chunks.add(fu.get());
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof CsvChunk.QuoteFound)) {
                    throw run.rethrow(ex);
                }
                quote = (CsvChunk.QuoteFound) ex.getCause();
                chunks.add(null);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new UsageLogException(name, 0, "interrupted");
            }
        }
        if (quote != null) {
            throw quote;
        }
        long lineOffset = headerLines;
        for (CsvChunk c : chunks) {
            if (c.stop != null) {
                throw new UsageLogException(name, lineOffset + c.stop.line, c.stop.message);
            }
            lineOffset += c.lines;
        }
        lineOffset = headerLines;
        for (int k = 0; k < n; k++) {
            CsvChunk c = chunks.get(k);
            run.merge(procs.get(k).acc, name);
            addCounts(c, lineOffset, name);
            lineOffset += c.lines;
        }
    }

    /** The header of a CSV input and where its data starts; null for an empty stream. */
    private CsvStart start(FileRegions.Src src, String name) throws IOException {
        ByteBuffer first = ByteBuffer.allocate(HEADER_MAX);
        while (first.hasRemaining() && src.read(first) >= 0) {
            // fill
        }
        int have = first.position();
        byte[] b = first.array();
        if (have == 0) {
            throw new UsageLogException(name, 0, "the file is empty: a CSV usage log needs a header row");
        }
        if (have >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            throw new UsageLogException(name, 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8");
        }
        int start = have >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        int i = start;
        while (i < have && b[i] != '\n') {
            i++;
        }
        int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
        for (int k = start; k < end; k++) {
            if (b[k] == 0) {
                throw new UsageLogException(name, 1, "the header row has a NUL byte: not a UTF-8 text file (UTF-16 without a byte-order mark?)");
            }
            if (b[k] == '\r') {
                throw new UsageLogException(name, 1, "the file has CR-only line ends (classic Mac); convert them to LF or CRLF");
            }
        }
        if (i == have && have == HEADER_MAX) {
            throw new UsageLogException(name, 1, "the header row is longer than " + HEADER_MAX / 1024 + " KiB");
        }
        List<String> names = CsvChunk.header(CsvChunk.utf8(b, start, end));
        RowProcessor.Layout layout = agg.layout(names, name);
        run.sources.add(name + ": " + layout.profile.source.id());
        run.kinds.add(layout.profile.source);
        int rest = Math.min(i + 1, have);
        CsvStart s = new CsvStart();
        s.layout = layout;
        s.headerBytes = rest;
        s.headerLines = 1;
        s.rest = java.util.Arrays.copyOfRange(b, rest, have);
        s.restLength = have - rest;
        return s;
    }

    /**
     * Reads a source through one reusable buffer, so memory stays at {@link UsageAggregator#BLOCK} per thread
     * whatever the file size (up to {@link UsageAggregator#MAX_LINE} while a long line is read); a line longer
     * than {@link UsageAggregator#MAX_LINE} is a bad row and is skipped. {@code pre} holds bytes already read.
     */
    private void readRegion(FileRegions.Src src, byte[] pre, int preLength, CsvChunk c, RowProcessor p, boolean quotes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.max(UsageAggregator.BLOCK, preLength));
        if (pre != null) {
            buf.put(pre, 0, preLength);
        }
        int have = buf.position();
        boolean skipping = false;
        boolean eof = false;
        while (true) {
            buf.limit(buf.capacity());
            buf.position(have);
            while (!eof && buf.hasRemaining()) {
                if (src.read(buf) < 0) {
                    eof = true;
                }
            }
            have = buf.position();
            boolean last = eof;
            int from = 0;
            if (skipping) {
                int nl = -1;
                for (int i = 0; i < have; i++) {
                    if (buf.get(i) == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl < 0) {
                    have = 0;
                    if (last) {
                        return;
                    }
                    continue;
                }
                skipping = false;
                from = nl + 1;
            }
            int consumed = c.parse(buf.array(), from, have, p, quotes, skipBad, last);
            if (last) {
                return;
            }
            if (consumed == 0 && have == buf.capacity()) {
                if (buf.capacity() < UsageAggregator.MAX_LINE) {
                    // a line longer than the buffer: grow up to the line limit, keeping what was read
                    ByteBuffer bigger = ByteBuffer.allocate(Math.min(UsageAggregator.MAX_LINE, buf.capacity() * 2));
                    bigger.put(buf.array(), 0, have);
                    buf = bigger;
                    continue;
                }
                c.tooLong(UsageAggregator.MAX_LINE, skipBad);
                skipping = true;
                have = 0;
                continue;
            }
            int rest = have - consumed;
            System.arraycopy(buf.array(), consumed, buf.array(), 0, rest);
            have = rest;
        }
    }

    private static final int HEADER_MAX = 64 << 10;

    private static final class CsvStart {
        RowProcessor.Layout layout;
        long headerBytes;
        long headerLines;
        byte[] rest;
        int restLength;
    }
}
