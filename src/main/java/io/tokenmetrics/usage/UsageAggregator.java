package io.tokenmetrics.usage;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates request-level usage logs into exact token totals per period and per dimensions.
 *
 * <p>CSV files (any name but {@code .jsonl}, {@code .ndjson}, {@code .json}) have a header row;
 * columns are recognised by the names of {@link UsageField} and the dimension names, or mapped
 * with {@link Builder#map}. JSON Lines files have one object per line; nested objects are read
 * with dotted names ({@code usage.prompt_tokens}). Columns that are neither mapped nor a
 * dimension are ignored. A CSV file is split at line boundaries over {@link Builder#threads}
 * threads, each reading through one 256 KiB buffer; memory grows with the number of groups, not
 * rows. A CSV line longer than 8 MiB, or a JSON line longer than 1 MiB, is a bad row.
 *
 * <p>Bad rows stop the aggregation with file, line and reason, unless {@link Builder#skipBad}:
 * then they are counted by reason in the result, with the first few line numbers. Immutable and
 * thread-safe.
 */
public final class UsageAggregator {
    private static final Logger LOG = LoggerFactory.getLogger(UsageAggregator.class);
    /** At most this much of a file per thread task. */
    private static final long MAX_CHUNK = 1L << 30;
    /**
     * The read buffer of each thread. Small enough to stay in the CPU cache between the kernel's
     * copy and the scan (an 8 MiB buffer measured half as fast); it grows for a long line.
     */
    static final int BLOCK = 256 << 10;
    /** The longest line a CSV file may have. */
    static final int MAX_LINE = 8 << 20;

    private final PeriodType period;
    private final ZoneId zone;
    private final List<String> by;
    private final Map<UsageField, String> mapping;
    private final boolean skipBad;
    private final int threads;

    private UsageAggregator(Builder b) {
        this.period = b.period;
        this.zone = b.zone;
        this.by = Collections.unmodifiableList(new ArrayList<>(b.by));
        this.mapping = Collections.unmodifiableMap(new EnumMap<>(b.mapping));
        this.skipBad = b.skipBad;
        this.threads = b.threads;
    }

    /** A builder: weekly periods, UTC, no dimensions, strict, one thread per available core. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link UsageAggregator}; not thread-safe. */
    public static final class Builder {
        private PeriodType period = PeriodType.WEEK;
        private ZoneId zone = ZoneOffset.UTC;
        private List<String> by = new ArrayList<>();
        private final Map<UsageField, String> mapping = new EnumMap<>(UsageField.class);
        private boolean skipBad;
        private int threads = Runtime.getRuntime().availableProcessors();

        /**
         * Groups by days, ISO weeks or months.
         *
         * @throws IllegalArgumentException for other period types
         */
        public Builder period(PeriodType p) {
            if (p != PeriodType.DAY && p != PeriodType.WEEK && p != PeriodType.MONTH) {
                throw new IllegalArgumentException("period (" + p + ") must be DAY, WEEK or MONTH");
            }
            this.period = p;
            return this;
        }

        /** The time zone periods are cut in (default UTC). */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** The dimensions to group by, in order (column or field names, such as {@code model}). */
        public Builder by(List<String> dims) {
            for (String d : dims) {
                if (d == null || d.trim().isEmpty()) {
                    throw new IllegalArgumentException("dimension (" + d + ") must not be empty");
                }
            }
            if (dims.size() != dims.stream().distinct().count()) {
                throw new IllegalArgumentException("dimensions (" + dims + ") must not repeat");
            }
            this.by = new ArrayList<>(dims);
            return this;
        }

        /** Reads {@code field} from the column or field named {@code column}. */
        public Builder map(UsageField field, String column) {
            mapping.put(field, Objects.requireNonNull(column, "column"));
            return this;
        }

        /** Counts and reports bad rows instead of stopping at the first. */
        public Builder skipBad(boolean skip) {
            this.skipBad = skip;
            return this;
        }

        /**
         * Threads for CSV files.
         *
         * @throws IllegalArgumentException unless 1 to 64
         */
        public Builder threads(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("threads (" + n + ") must be between 1 and 64");
            }
            this.threads = n;
            return this;
        }

        /** The aggregator. */
        public UsageAggregator build() {
            return new UsageAggregator(this);
        }
    }

    /** The period type. */
    public PeriodType period() {
        return period;
    }

    /** The zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The dimensions. */
    public List<String> by() {
        return by;
    }

    /**
     * Aggregates the rows of all {@code files} together.
     *
     * @throws UsageLogException naming the file, line and reason: a missing file, a header without
     *     the needed columns, or (unless skipping) the first bad row
     */
    public UsageResult aggregate(List<Path> files) {
        Merged merged = new Merged();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "token-metrics-usage");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Path f : files) {
                String name = f.toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
                    new JsonLines(this, name).read(f, merged);
                } else {
                    csv(f, name, merged, pool);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return merged.result(this);
    }

    RowProcessor processor(RowProcessor.Layout layout) {
        return new RowProcessor(layout, period, zone);
    }

    boolean skipBad() {
        return skipBad;
    }

    String column(UsageField f) {
        return mapping.get(f);
    }

    private void csv(Path f, String name, Merged merged, ExecutorService pool) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            HeaderLine h = header(ch, size, name);
            RowProcessor.Layout layout = layout(h.names, name);
            long dataStart = h.end;
            int n = (int) Math.max(threads, (size - dataStart + MAX_CHUNK - 1) / MAX_CHUNK);
            long[] bounds = new long[n + 1];
            bounds[0] = dataStart;
            bounds[n] = size;
            for (int k = 1; k < n; k++) {
                bounds[k] = nextLine(ch, Math.max(bounds[k - 1], dataStart + (size - dataStart) * k / n), size);
            }
            try {
                runChunks(ch, bounds, layout, name, merged, pool, false, h.line);
            } catch (CsvChunk.QuoteFound q) {
                LOG.debug("{} has quoted fields: reading it with one thread", name);
                runChunks(ch, new long[] {dataStart, size}, layout, name, merged, pool, true, h.line);
            }
        } catch (NoSuchFileException e) {
            throw new UsageLogException(name, 0, "no such file");
        } catch (IOException e) {
            throw new UsageLogException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    private void runChunks(FileChannel ch, long[] bounds, RowProcessor.Layout layout, String name, Merged merged,
            ExecutorService pool, boolean quotes, long headerLines) throws IOException {
        int n = bounds.length - 1;
        List<Future<CsvChunk>> futures = new ArrayList<>();
        List<RowProcessor> procs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long s = bounds[k];
            long e = bounds[k + 1];
            RowProcessor p = processor(layout);
            procs.add(p);
            futures.add(pool.submit(() -> {
                CsvChunk c = new CsvChunk();
                try {
                    readRegion(ch, s, e, c, p, quotes);
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
                if (ex.getCause() instanceof CsvChunk.QuoteFound) {
                    quote = (CsvChunk.QuoteFound) ex.getCause();
                    chunks.add(null);
                } else if (ex.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) ex.getCause();
                } else {
                    throw new IllegalStateException(ex.getCause());
                }
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
            merged.add(procs.get(k), layout);
            merged.rows += c.rows;
            merged.blank += c.blank;
            merged.problems.addAll(c.problems, lineOffset, name);
            lineOffset += c.lines;
        }
    }

    /**
     * Reads {@code [s, e)} through one reusable buffer, so memory stays at {@link #BLOCK} per
     * thread whatever the file size (up to {@link #MAX_LINE} while a long line is read); a line
     * longer than {@link #MAX_LINE} is a bad row and is skipped.
     */
    private void readRegion(FileChannel ch, long s, long e, CsvChunk c, RowProcessor p, boolean quotes) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BLOCK, Math.max(e - s, 1)));
        int maxLine = (int) Math.min(MAX_LINE, Math.max(e - s, 1));
        long pos = s;
        int have = 0;
        boolean skipping = false;
        while (true) {
            buf.limit(buf.capacity());
            buf.position(have);
            if (pos < e) {
                buf.limit((int) Math.min(buf.capacity(), have + (e - pos)));
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                }
            }
            have = buf.position();
            boolean last = pos >= e;
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
                if (buf.capacity() < maxLine) {
                    // a line longer than the buffer: grow up to the line limit, keeping what was read
                    ByteBuffer bigger = ByteBuffer.allocate(Math.min(maxLine, buf.capacity() * 2));
                    bigger.put(buf.array(), 0, have);
                    buf = bigger;
                    continue;
                }
                c.tooLong(MAX_LINE, skipBad);
                skipping = true;
                have = 0;
                continue;
            }
            int rest = have - consumed;
            for (int i = 0; i < rest; i++) {
                buf.put(i, buf.get(consumed + i));
            }
            have = rest;
        }
    }

    private static final class HeaderLine {
        final List<String> names;
        final long end;
        final long line;

        HeaderLine(List<String> names, long end, long line) {
            this.names = names;
            this.end = end;
            this.line = line;
        }
    }

    private static HeaderLine header(FileChannel ch, long size, String name) throws IOException {
        if (size == 0) {
            throw new UsageLogException(name, 0, "the file is empty: a CSV usage log needs a header row");
        }
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, 65536));
        ch.read(b, 0);
        b.flip();
        int start = 0;
        if (b.limit() >= 3 && (b.get(0) & 0xFF) == 0xEF && (b.get(1) & 0xFF) == 0xBB && (b.get(2) & 0xFF) == 0xBF) {
            start = 3;
        }
        int i = start;
        while (i < b.limit() && b.get(i) != '\n') {
            i++;
        }
        if (i == b.limit() && size > b.limit()) {
            throw new UsageLogException(name, 1, "the header row is longer than 64 KiB");
        }
        int end = i > start && b.get(i - 1) == '\r' ? i - 1 : i;
        String line = CsvChunk.utf8(b.array(), start, end);
        return new HeaderLine(CsvChunk.header(line), Math.min(i + 1, size), 1);
    }

    private static long nextLine(FileChannel ch, long from, long size) throws IOException {
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

    /** Which column plays which part, from the header names, the user's mapping and the dimensions. */
    RowProcessor.Layout layout(List<String> names, String file) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        int[] role = new int[UsageField.values().length];
        for (UsageField f : UsageField.values()) {
            role[f.ordinal()] = find(index, mapping.containsKey(f) ? Collections.singletonList(mapping.get(f)) : f.defaultNames());
            if (role[f.ordinal()] < 0 && mapping.containsKey(f)) {
                throw new UsageLogException(file, 1, "no column \"" + mapping.get(f) + "\" for " + f.name().toLowerCase(Locale.ROOT)
                        + " (columns: " + String.join(", ", names) + ")");
            }
        }
        for (UsageField f : new UsageField[] {UsageField.TIMESTAMP, UsageField.INPUT, UsageField.OUTPUT}) {
            if (role[f.ordinal()] < 0) {
                throw new UsageLogException(file, 1, "no " + f.name().toLowerCase(Locale.ROOT) + " column (looked for "
                        + String.join(", ", f.defaultNames()) + "; map another with --map " + f.name().toLowerCase(Locale.ROOT)
                        + "=COLUMN); columns: " + String.join(", ", names));
            }
        }
        int[] dims = new int[by.size()];
        for (int k = 0; k < by.size(); k++) {
            dims[k] = find(index, UsageField.dimensionNames(by.get(k)));
            if (dims[k] < 0) {
                throw new UsageLogException(file, 1, "no column for dimension \"" + by.get(k) + "\" (columns: " + String.join(", ", names) + ")");
            }
        }
        return new RowProcessor.Layout(names.size(), role[UsageField.TIMESTAMP.ordinal()], dims, by.toArray(new String[0]),
                role[UsageField.INPUT.ordinal()], role[UsageField.OUTPUT.ordinal()], role[UsageField.CACHED.ordinal()],
                role[UsageField.REASONING.ordinal()], role[UsageField.TOTAL.ordinal()], names.toArray(new String[0]));
    }

    private static int find(Map<String, Integer> index, List<String> candidates) {
        for (String c : candidates) {
            Integer i = index.get(c.toLowerCase(Locale.ROOT));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Groups of all files and threads, merged by their values. */
    static final class Merged {
        final Map<List<Object>, long[]> groups = new HashMap<>();
        long rows;
        long blank;
        final Problems problems = new Problems();

        void add(RowProcessor p, RowProcessor.Layout layout) {
            Accumulator a = p.acc;
            long[] t = a.table;
            for (int e = 0; e < t.length; e += Accumulator.STRIDE) {
                if (!Accumulator.used(t, e)) {
                    continue;
                }
                long key = t[e];
                int periodIndex = (int) (key >> 32);
                int tuple = (int) key;
                int[] ids = a.tupleIds(tuple);
                List<Object> k = new ArrayList<>(ids.length + 1);
                k.add(periodIndex);
                for (int d = 0; d < ids.length; d++) {
                    k.add(a.dicts[d].value(ids[d]));
                }
                long[] sums = groups.computeIfAbsent(k, x -> new long[6]);
                try {
                    for (int x = 0; x < 6; x++) {
                        sums[x] = Math.addExact(sums[x], t[e + 1 + x]);
                    }
                } catch (ArithmeticException overflow) {
                    throw new UsageLogException("(all files)", 0, "the token sum of group " + k + " exceeds " + Long.MAX_VALUE
                            + ": refused rather than wrapped");
                }
            }
        }

        UsageResult result(UsageAggregator agg) {
            return UsageResult.of(agg, groups, rows, blank, problems);
        }
    }

    @Override
    public String toString() {
        return "UsageAggregator(period " + period + ", zone " + zone + ", by " + by + (skipBad ? ", skip bad rows" : "") + ")";
    }
}
