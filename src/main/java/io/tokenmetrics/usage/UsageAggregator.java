package io.tokenmetrics.usage;

import io.tokenmetrics.internal.Text;
import io.tokenmetrics.internal.IoErrors;
import io.tokenmetrics.period.PeriodType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates usage logs and usage exports into exact token totals per period and per dimensions,
 * in one meaning whatever the source: input includes cache reads and writes, output includes
 * reasoning, total is input + output ({@link UsageSource}, {@code docs/usage-sources.md}).
 *
 * <p>Inputs are files, directories (read recursively: {@code .csv}, {@code .jsonl},
 * {@code .ndjson}, {@code .json}, each also {@code .gz}), {@code -} for standard input, FIFOs,
 * or an {@link InputStream}; gzip is read transparently. A file's source is recognised from its
 * header or first records, or named with {@link Builder#source}. A large regular CSV file without
 * request ids is split at line boundaries over {@link Builder#threads} threads, each reading
 * through one 256 KiB buffer; so is a JSON Lines file (4 MiB or more, named {@code .jsonl} or
 * {@code .ndjson}), request ids or not: each part keeps its own ids, the parts are added in file
 * order and a part holding an id an earlier one had is read again, so the answer is one thread's.
 * Small JSON files (a tree of agent sessions) are read as tasks on the same threads and added in
 * input order. A {@code .gz} file is decompressed on a thread of its own. Memory grows with the
 * number of groups and distinct values, and with the number of request ids (16 bytes each), not
 * with rows.
 *
 * <p>A record whose request id was seen before (in any input of the same aggregation) counts
 * once. Bad rows stop the aggregation with file, line and reason, unless {@link Builder#skipBad}:
 * then they are counted by reason in the result, with the first few line numbers. Immutable and
 * thread-safe.
 */
public final class UsageAggregator {
    /**
     * A dimension every source has, which a record may leave out: the service tier it was served
     * at (OpenAI's {@code service_tier}: {@code flex}, {@code priority}…; Anthropic's
     * {@code usage.speed} {@code fast}, else {@code usage.service_tier}; Claude Code's the same
     * under {@code message.}). Empty where a record does not say: the standard tier. Pricing
     * groups by it ({@code docs/cost.md}).
     */
    public static final String SERVICE_TIER = "service_tier";
    private static final Logger LOG = LoggerFactory.getLogger(UsageAggregator.class);
    /** At most this much of a file per thread task. */
    static final long MAX_CHUNK = 1L << 30;
    /** JSON Lines files from this size on are read in parts; smaller ones are not worth the threads. */
    static final long JSON_PARTS_MIN = 4L << 20;
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
    private final UsageSource source;
    private final java.time.LocalDate since;
    private final java.time.LocalDate until;

    private UsageAggregator(Builder b) {
        this.hourly = b.hourly;
        this.since = b.since;
        this.until = b.until;
        this.period = b.period;
        this.zone = b.zone;
        this.by = Collections.unmodifiableList(new ArrayList<>(b.by));
        this.mapping = Collections.unmodifiableMap(new EnumMap<>(b.mapping));
        this.skipBad = b.skipBad;
        this.threads = b.threads;
        this.source = b.source;
        this.readsWhole = b.readsWhole;
    }

    /** Every JSON line read whole, never by the scanner: the second implementation the scanner is tested against. */
    private final boolean readsWhole;

    boolean readsWhole() {
        return readsWhole;
    }

    /**
     * A builder: weekly periods, UTC, no dimensions, strict, one thread per available core.
     *
     * @return a builder: weekly periods, UTC, no dimensions, strict, one thread per available core
     */
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
        private UsageSource source;
        private java.time.LocalDate since;
        private java.time.LocalDate until;
        private boolean hourly;
        private boolean readsWhole;

        /** Reads every JSON line whole ({@link JsonTree}), not with the scanner: for the tests that compare the two. */
        Builder readsWhole(boolean whole) {
            this.readsWhole = whole;
            return this;
        }

        /**
         * Counts only records dated on or after {@code first} in the aggregation's zone (null: from
         * the first). A record of a source that writes a response several times is dated by its
         * first copy. Records left out are counted ({@link UsageResult#outsideDates()}).
         *
         * @param first the first day, or null
         * @return this builder
         */
        public Builder since(java.time.LocalDate first) {
            this.since = first;
            return this;
        }

        /**
         * Counts only records dated on or before {@code last} in the aggregation's zone (null: to
         * the last); see {@link #since}.
         *
         * @param last the last day, or null
         * @return this builder
         */
        public Builder until(java.time.LocalDate last) {
            this.until = last;
            return this;
        }

        /**
         * Reads every input as this source instead of recognising it (null: recognise).
         *
         * @param s the source, or null to recognise each input
         * @return this builder
         */
        public Builder source(UsageSource s) {
            this.source = s;
            return this;
        }

        /**
         * Groups by days, ISO weeks or months.
         *
         * @param period the period type
         * @return this builder
         * @throws IllegalArgumentException for other period types
         */
        public Builder period(PeriodType period) {
            Objects.requireNonNull(period, "period");
            if (period != PeriodType.DAY && period != PeriodType.WEEK && period != PeriodType.MONTH) {
                throw new IllegalArgumentException("period (" + period + ") must be DAY, WEEK or MONTH");
            }
            this.period = period;
            return this;
        }

        /**
         * The time zone periods are cut in (default UTC).
         *
         * @param zone the time zone
         * @return the time zone periods are cut in (default UTC)
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The dimensions to group by, in order, such as {@code by("model", "region")}.
         *
         * @param dims the dimensions
         * @return this builder
         * @throws IllegalArgumentException for an empty or repeated dimension
         */
        public Builder by(String... dims) {
            Objects.requireNonNull(dims, "dims");
            return by(java.util.Arrays.asList(dims));
        }

        /**
         * The dimensions to group by, in order (column or field names, such as {@code model}).
         *
         * @param dims the dimensions
         * @return the dimensions to group by, in order (column or field names, such as {@code model})
         */
        public Builder by(List<String> dims) {
            Objects.requireNonNull(dims, "dims");
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

        /**
         * Reads {@code field} from the column or field named {@code column}.
         *
         * @param field the field
         * @param column the column name
         * @return this builder
         */
        public Builder map(UsageField field, String column) {
            mapping.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Counts and reports bad rows instead of stopping at the first.
         *
         * @param skip whether to skip bad rows
         * @return this builder
         */
        public Builder skipBad(boolean skip) {
            this.skipBad = skip;
            return this;
        }

        /**
         * Threads for large CSV and JSON Lines files, and for decompressing {@code .gz} ones.
         *
         * @param n the number
         * @return this builder
         * @throws IllegalArgumentException unless 1 to 64
         */
        public Builder threads(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("threads (" + n + ") must be between 1 and 64");
            }
            this.threads = n;
            return this;
        }

        /**
         * The aggregator.
         *
         * @return the aggregator
         */
        public UsageAggregator build() {
            if (since != null && until != null && since.isAfter(until)) {
                throw new IllegalArgumentException("since (" + since + ") must not be after until (" + until + ")");
            }
            return new UsageAggregator(this);
        }
    }

    /**
     * The period type.
     *
     * @return the period type
     */
    public PeriodType period() {
        return period;
    }

    /**
     * The zone.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The dimensions.
     *
     * @return the dimensions
     */
    public List<String> by() {
        return by;
    }

    /**
     * The first day counted, or null.
     *
     * @return the first day counted, or null
     */
    public java.time.LocalDate since() {
        return since;
    }

    /**
     * The last day counted, or null.
     *
     * @return the last day counted, or null
     */
    public java.time.LocalDate until() {
        return until;
    }

    /**
     * The source every input is read as, or null when each is recognised.
     *
     * @return the source every input is read as, or null when each is recognised
     */
    public UsageSource source() {
        return source;
    }

    /**
     * Aggregates all {@code inputs} together: files, directories (recursively), {@code -} for
     * standard input. A file given twice, or found twice through directories, is read once.
     *
     * @param inputs the inputs
     * @return the groups and what was read and skipped
     * @throws UsageLogException naming the file, line and reason: a missing file, a header or
     *     record that fits no source, or (unless skipping) the first bad row
     * @throws NullPointerException if {@code inputs} or one of them is null
     */
    public UsageResult aggregate(List<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        List<Inputs.Input> list = Inputs.expand(inputs);
        return run(list, null);
    }

    /**
     * Aggregates these inputs; see {@link #aggregate(List)}.
     *
     * @param inputs the inputs
     * @return the groups and what was read and skipped
     */
    public UsageResult aggregate(Path... inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return aggregate(java.util.Arrays.asList(inputs));
    }

    /**
     * Aggregates one stream (plain or gzip, recognised by its first bytes); {@code name} names it
     * in messages. The stream is read to its end and not closed.
     *
     * @param in the stream to read
     * @param name the name, for messages
     * @return the groups and what was read and skipped
     * @throws UsageLogException naming {@code name}, the line and the reason
     */
    public UsageResult aggregate(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return run(Collections.singletonList(Inputs.Input.stream(in, name)), null);
    }

    /**
     * Aggregates the characters of {@code in} (encoded as UTF-8 for reading); {@code name} names
     * it in messages. The reader is read to its end and not closed.
     *
     * @param in the stream to read
     * @param name the name, for messages
     * @return the groups and what was read and skipped
     * @throws UsageLogException naming {@code name}, the line and the reason
     */
    public UsageResult aggregate(java.io.Reader in, String name) {
        Objects.requireNonNull(in, "in");
        return aggregate(new ReaderInputStream(in), name);
    }

    /** The UTF-8 bytes of a reader's characters, encoded as they are read. */
    private static final class ReaderInputStream extends InputStream {
        private final java.io.Reader reader;
        private final java.nio.charset.CharsetEncoder encoder = java.nio.charset.StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(32768);
        private boolean eof;

        ReaderInputStream(java.io.Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) {
                    return -1;
                }
                chars.compact();
                int n = eof ? -1 : reader.read(chars);
                chars.flip();
                if (n < 0) {
                    eof = true;
                }
                bytes.clear();
                encoder.encode(chars, bytes, eof);
                if (eof && !chars.hasRemaining()) {
                    encoder.flush(bytes);
                }
                bytes.flip();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }
    }

    /**
     * A recorder for records that an application adds one at a time, aggregated as this aggregator does.
     *
     * @return a recorder for records that an application adds one at a time, aggregated as this aggregator does
     */
    public UsageRecorder recorder() {
        return new UsageRecorder(this);
    }

    private UsageResult run(List<Inputs.Input> inputs, List<String> notes) {
        long t0 = System.nanoTime();
        Run r = read(inputs);
        long t1 = System.nanoTime();
        UsageResult result = r.result();
        if (LOG.isDebugEnabled()) {
            LOG.debug("read {} rows in {} ms; {} groups made in {} ms", r.rows, (t1 - t0) / 1_000_000, result.groups().size(),
                    (System.nanoTime() - t1) / 1_000_000);
        }
        return result;
    }

    /** Reads the inputs into one run, again with one table if a sum passed the limit while tables were merged. */
    private Run read(List<Inputs.Input> inputs) {
        Run r = new Run(false);
        try {
            r.readAll(inputs);
            return r;
        } catch (MergeOverflow overflow) {
            if (inputs.stream().anyMatch(i -> i.stream != null)) {
                throw new UsageLogException(overflow.file, 0, overflow.getMessage());
            }
            // a sum passed the limit while threads' tables were merged, where no line is known:
            // read again with one table, so the row that passes it is named
            LOG.debug("overflow while merging; reading again with one thread");
            Run again = new Run(true);
            again.readAll(inputs);
            return again;
        }
    }

    /** Groups by the hour, for usage blocks: an aggregator made by {@link #blocks}. */
    private final boolean hourly;

    boolean hourly() {
        return hourly;
    }

    /**
     * Usage blocks, as subscription plans meter agents' use: a block starts at the hour (UTC) of
     * the first record after the last block ended and lasts {@code length}; a record at or after
     * its end starts the next one, so a gap always does. Each block gives one row per
     * combination of the dimensions, with its first and last record's time; the block that
     * {@code now} falls in is active, and its rows have a burn rate and a projection. The
     * aggregator's period is not used; its zone, dates, dimensions and checks are.
     *
     * @param inputs files, directories or {@code -}, as for {@link #aggregate(List)}
     * @param length the length of a block: whole hours, from 1 to 24 (Claude's plans: 5)
     * @param now the time that decides which block is active
     * @return the blocks' rows, by start then dimension values, and what was read
     * @throws IllegalArgumentException for a length that is not 1 to 24 whole hours
     * @throws UsageLogException as {@link #aggregate(List)}
     */
    public UsageBlocks blocks(List<Path> inputs, java.time.Duration length, java.time.Instant now) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(now, "now");
        if (length.isNegative() || length.isZero() || length.toHours() > 24 || !length.equals(java.time.Duration.ofHours(length.toHours()))) {
            throw new IllegalArgumentException("length (" + length + ") must be 1 to 24 whole hours");
        }
        Builder b = builder().period(period).zone(zone).by(by).skipBad(skipBad).threads(threads).since(since).until(until);
        b.mapping.putAll(mapping);
        if (source != null) {
            b.source(source);
        }
        b.hourly = true;
        b.readsWhole = readsWhole;
        UsageAggregator h = b.build();
        Run r = h.read(Inputs.expand(inputs));
        return UsageBlocks.of(h, r, (int) length.toHours(), now);
    }

    int threadCount() {
        return threads;
    }

    boolean skipsBad() {
        return skipBad;
    }

    Map<UsageField, String> mapping() {
        return mapping;
    }

    Run newRun() {
        return new Run(true);
    }

    Profile profile(UsageSource s) {
        return Profile.of(s).mapped(mapping);
    }

    boolean skipBad() {
        return skipBad;
    }

    PeriodType periodType() {
        return period;
    }

    /** A sum passed the limit while merging per-thread tables. */
    static final class MergeOverflow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String file;

        MergeOverflow(String file, String message) {
            super(message, null, false, false);
            this.file = file;
        }
    }

    /** The state of one aggregation: groups, counts, problems, the ids seen. */
    final class Run extends RowCounts {
        final boolean sequential;
        final Accumulator shared = new Accumulator(by.size());
        /** The groups by their values, with the one checked merge. */
        final GroupTable table = new GroupTable(period, by);
        /** The request ids counted so far (first-copy sources); a run read apart has its own until it is merged. */
        final SeenIds seen;
        /** The copies held by a source whose copy rule is the final copy, added to the groups when every input has been read. */
        final FinalCopies finals = new FinalCopies();
        /** The rank of the input being read, in the order given (directories in path order): a copy's place in the input. */
        long fileRank;
        /** A processor of a final-copy source, which adds the held copies. */
        private RowProcessor finalsProcessor;
        final Problems problems = new Problems();
        final List<String> sources = new ArrayList<>();
        /** The sources read, whichever input. */
        final java.util.Set<UsageSource> kinds = java.util.EnumSet.noneOf(UsageSource.class);
        final List<String> notes = new ArrayList<>();
        long blank;

        /** Inputs read in parts on the pool's threads (for the tests that compare the ways). */
        long filesInParts;

        Run(boolean sequential) {
            this(sequential, new SeenIds());
        }

        /** A run whose ids are checked against {@code seen}: another run's, to read again what could not be read apart. */
        Run(boolean sequential, SeenIds seen) {
            this.sequential = sequential;
            this.seen = seen;
        }

        /**
         * Adds a run read apart from this one (a part of a file, or a whole file, read on a thread)
         * as if this run had read it at this point: its groups with the one checked merge, its
         * counts, its problems (their lines offset by {@code lineOffset}, named {@code file}), its
         * held copies by the copy rule, its sources. Its ids must already be in {@link #seen}.
         */
        void absorb(Run part, Problems partProblems, long lineOffset, String file) {
            part.mergeShared();
            mergeGroups(part, file);
            part.addTo(this);
            blank += part.blank;
            withCostField |= part.withCostField;
            withoutCostField |= part.withoutCostField;
            problems.addAll(partProblems, lineOffset, file);
            problems.addAll(part.problems);
            if (part.finalsProcessor != null) {
                if (finalsProcessor == null) {
                    processor(part.finalsProcessor.layout);
                }
                long both = finals.merge(part.finals);
                rows -= both;
                duplicates += both;
            }
            sources.addAll(part.sources);
            kinds.addAll(part.kinds);
            notes.addAll(part.notes);
            filesInParts += part.filesInParts;
        }

        RowProcessor processor(RowProcessor.Layout layout) {
            layoutUsed(layout);
            if (layout.profile.finalCopy) {
                finalsProcessor = new RowProcessor(layout, UsageAggregator.this, shared, seen, finals);
                return finalsProcessor;
            }
            return new RowProcessor(layout, UsageAggregator.this, shared, seen);
        }

        /**
         * Adds the copies held ({@link FinalCopies}) to the groups: after the last input, since a
         * later copy in any input may replace one. A copy whose add would pass the limit is a bad
         * row of the file and line it was read at.
         */
        void addHeldCopies() {
            if (finalsProcessor == null) {
                return;
            }
            for (FinalCopies.Copy c : finals.drain()) {
                int r = finalsProcessor.addHeld(c);
                if (r == RowProcessor.OUTSIDE) {
                    rows--;
                    outside++;
                } else if (r != RowProcessor.COUNTED) {
                    rows--;
                    bad(problems, c.file, c.line, null, finalsProcessor.errorKind, finalsProcessor.error);
                }
            }
        }

        /** Inputs read with a cost field and without: a logged cost summed over both would be partial. */
        boolean withCostField;
        boolean withoutCostField;

        void layoutUsed(RowProcessor.Layout layout) {
            if (layout.slot[Slot.COST.ordinal()] >= 0) {
                withCostField = true;
            } else {
                withoutCostField = true;
            }
        }

        @Override
        void bad(long line, String path, String kind, String message) {
            // rows are counted into a Run only through its readers, which report their own bad rows
            throw new IllegalStateException("a run has no rows of its own");
        }

        void bad(Problems into, String file, long line, String path, String kind, String message) {
            String m = path == null || path.isEmpty() ? message : path + ": " + message;
            if (!skipBad) {
                throw new UsageLogException(file, line, m);
            }
            into.add(kind, line, m);
        }

        void readAll(List<Inputs.Input> inputs) {
            ExecutorService pool = threads > 1 && !sequential ? Executors.newFixedThreadPool(threads, t -> {
                Thread th = new Thread(t, "token-metrics-usage");
                th.setDaemon(true);
                return th;
            }) : null;
            try {
                List<Inputs.Input> batch = new ArrayList<>();
                for (Inputs.Input in : inputs) {
                    if (pool != null && in.note == null && smallJsonFile(in)) {
                        batch.add(in);
                        continue;
                    }
                    readFiles(batch, pool);
                    batch.clear();
                    fileRank++;
                    if (in.note != null) {
                        notes.add(in.note);
                        continue;
                    }
                    read(in, pool);
                }
                readFiles(batch, pool);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            addHeldCopies();
            mergeShared();
        }

        /** A JSON file (by its name) too small to read in parts: read whole, on a thread of its own, beside others. */
        private boolean smallJsonFile(Inputs.Input in) {
            if (in.path == null) {
                return false;
            }
            String n = in.name.toLowerCase(Locale.ROOT);
            if (!n.endsWith(".jsonl") && !n.endsWith(".ndjson") && !n.endsWith(".json")) {
                return false;
            }
            try {
                return Files.isRegularFile(in.path) && Files.size(in.path) < JSON_PARTS_MIN;
            } catch (IOException e) {
                // the sequential reader names the error
                return false;
            }
        }

        /**
         * Reads small JSON files as tasks on the pool, each into a run of its own, and adds the runs
         * in input order ({@link #absorb}), so the answer is one reader's: a file whose request ids
         * were met in an earlier input is read again after those, against the ids counted so far
         * (the first copy counts); final copies merge by their rule. At most a few files are
         * waiting to be added at any time.
         */
        private void readFiles(List<Inputs.Input> files, ExecutorService pool) {
            if (files.size() < 2) {
                for (Inputs.Input in : files) {
                    fileRank++;
                    read(in, pool);
                }
                return;
            }
            java.util.ArrayDeque<Future<Run>> window = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Inputs.Input> waiting = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !window.isEmpty()) {
                while (next < files.size() && window.size() < 4 * threads) {
                    Inputs.Input in = files.get(next++);
                    long rank = fileRank + next;
                    waiting.add(in);
                    window.add(pool.submit(() -> readApart(in, rank, new SeenIds())));
                }
                Inputs.Input in = waiting.poll();
                Run part;
                try {
                    part = window.poll().get();
                } catch (ExecutionException ex) {
                    Throwable c = ex.getCause();
                    throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new UsageLogException(in.name, 0, "interrupted");
                }
                if (seen.containsAny(part.seen)) {
                    // an id an earlier input had: read again against the ids counted so far
                    part = readApart(in, part.fileRank, seen);
                } else {
                    seen.addAll(part.seen);
                }
                absorb(part, new Problems(), 0, in.name);
            }
            fileRank += files.size();
        }

        /** One whole input read into a run of its own, with rank {@code rank}, its ids checked against {@code ids}. */
        private Run readApart(Inputs.Input in, long rank, SeenIds ids) {
            Run r = new Run(true, ids);
            r.fileRank = rank;
            r.read(in, null);
            return r;
        }

        private void read(Inputs.Input in, ExecutorService pool) {
            ReadAhead ahead = null;
            try (InputStream raw = in.open()) {
                // a small file (one of an agent's thousand sessions) gets a buffer its size, not 64 KiB
                BufferedInputStream s = new BufferedInputStream(raw, bufferSize(in));
                InputStream data = s;
                s.mark(4);
                int b0 = s.read();
                int b1 = s.read();
                s.reset();
                boolean gz = b0 == 0x1f && b1 == 0x8b;
                if (gz && threads > 1 && !sequential) {
                    // decompress on one core while the rows are read on another
                    ahead = new ReadAhead(new GZIPInputStream(s, 1 << 16));
                    data = new BufferedInputStream(ahead, 1 << 16);
                } else if (gz) {
                    data = new BufferedInputStream(new GZIPInputStream(s, 1 << 16), 1 << 16);
                }
                if (holdsNothing(data)) {
                    if (in.given) {
                        throw new UsageLogException(in.name, 0, "the file is empty: it holds no usage records");
                    }
                    // one of a directory's files (a session just started): named, not an error
                    sources.add(in.name + ": empty");
                    notes.add(in.name + " is empty: skipped");
                    return;
                }
                boolean json = in.json(data);
                if (json && !gz && pool != null && in.path != null && JsonFiles.inParts(in) && new JsonFiles(UsageAggregator.this, this).parts(in, pool)) {
                    return;
                }
                if (json) {
                    new JsonRecords(UsageAggregator.this, this, in.name, in.project).read(data);
                } else if (!gz && in.path != null && pool != null && Files.isRegularFile(in.path)) {
                    new CsvFiles(UsageAggregator.this, this).file(in, pool);
                } else {
                    new CsvFiles(UsageAggregator.this, this).stream(data, in.name);
                }
            } catch (java.util.zip.ZipException e) {
                throw new UsageLogException(in.name, 0, "cannot read it as gzip: " + e.getMessage());
            } catch (IOException e) {
                throw new UsageLogException(in.name, 0, "cannot read: " + IoErrors.reason(e));
            } finally {
                if (ahead != null) {
                    try {
                        ahead.close();
                    } catch (IOException e) {
                        LOG.debug("closing {}: {}", in.name, e.toString());
                    }
                }
            }
        }

        /** Whether a stream holds nothing but white space (and a byte-order mark) in its first 64 KiB and then ends; reset after. */
        private boolean holdsNothing(InputStream data) throws IOException {
            data.mark(1 << 16);
            try {
                for (int i = 0; i < 1 << 16; i++) {
                    int c = data.read();
                    if (c < 0) {
                        return true;
                    }
                    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && !(i < 3 && (c == 0xEF || c == 0xBB || c == 0xBF))) {
                        return false;
                    }
                }
                return false;
            } finally {
                data.reset();
            }
        }

        /** A read buffer for {@code in}: 64 KiB, or a regular file's size when smaller (at least 4 KiB). */
        private int bufferSize(Inputs.Input in) {
            if (in.path != null) {
                try {
                    if (Files.isRegularFile(in.path)) {
                        return (int) Math.max(4096, Math.min(1 << 16, Files.size(in.path) + 1));
                    }
                } catch (IOException e) {
                    // the read names the error
                }
            }
            return 1 << 16;
        }

        /** The failure of a part read on the pool, thrown as itself: an I/O error stays one. */
        RuntimeException rethrow(ExecutionException ex) throws IOException {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            throw new IllegalStateException(c);
        }

        void mergeFrom(Run other, Problems recorded, String name) {
            merge(other.shared, name);
            other.addTo(this);
            withCostField |= other.withCostField;
            withoutCostField |= other.withoutCostField;
            blank = other.blank;
            problems.addAll(recorded, 0, name);
        }

        /** Adds the groups of a part's run (its accumulator already merged into its groups) into this run's. */
        private void mergeGroups(Run part, String file) {
            mergeGroups(part.table.groups, part.table.logged, file);
        }

        /**
         * Adds groups made apart and their logged costs into this run's table, every sum checked.
         *
         * @throws MergeOverflow naming {@code file} for a sum past the limit
         */
        void mergeGroups(Map<List<Object>, long[]> partGroups, Map<List<Object>, java.math.BigDecimal> partLogged, String file) {
            table.add(partGroups, partLogged, file);
        }

        void mergeShared() {
            table.add(shared, "(all files)");
        }

        /** Adds an accumulator's groups into this run's table by their values. */
        void merge(Accumulator a, String file) {
            table.add(a, file);
        }

        UsageResult result() {
            return UsageResult.of(UsageAggregator.this, this);
        }
    }
    /** Which column plays which part ({@link Layouts}). */
    RowProcessor.Layout layout(List<String> names, String file) {
        return Layouts.resolve(this, names, file, false);
    }

    /** {@link #layout(List, String)} for rows whose fields came from JSON ({@code json}: a missing field is "no X field"). */
    RowProcessor.Layout layout(List<String> names, String file, boolean json) {
        return Layouts.resolve(this, names, file, json);
    }

    @Override
    public String toString() {
        return "UsageAggregator(period " + period + ", zone " + zone + ", by " + by + (skipBad ? ", skip bad rows" : "") + ")";
    }
}
