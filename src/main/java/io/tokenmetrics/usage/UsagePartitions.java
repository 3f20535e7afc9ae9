package io.tokenmetrics.usage;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The aggregation in parts that run apart and are merged, for engines that hold the rows
 * themselves, such as Apache Spark ({@code io.tokenmetrics.spark}): a {@link Plan}, made once
 * from an aggregator and the rows' column names, goes to every worker; each worker reads its rows
 * into a {@link Part}; {@link #merge} adds the parts into the {@link UsageResult} that
 * {@link UsageAggregator} gives for the same rows in one file. Every row goes through the same
 * source profile and checks as on one machine. A plan and a sealed part are serializable; a part
 * is read by one thread.
 */
public final class UsagePartitions {
    /**
     * The column name under which a row carries the directory its file lies in: Claude Code's
     * {@code project} dimension, which the record itself does not hold.
     */
    public static final String PROJECT_COLUMN = Records.PROJECT_KEY;

    private UsagePartitions() {
    }

    /**
     * The project of a record read from the file at {@code path}, as on one machine: the directory
     * the file lies in (Claude Code's {@code projects/<project>/}); null at the root.
     *
     * @param path the file's path (a URI's path for a remote file)
     * @return the project, or null
     */
    public static String projectOf(String path) {
        return Records.project(Objects.requireNonNull(path, "path"));
    }

    /**
     * The plan for rows with these column names (a CSV header, or a JSON record's fields with
     * dotted names for nested objects).
     *
     * @param aggregator the period, zone, dimensions, source, mapping and bad-row policy
     * @param columns the column names, in the order of each row's values
     * @param json whether the values came from JSON (a missing one is then "no X field", not "X is empty")
     * @param name what the rows are called in messages (their paths, or "a Spark Dataset")
     * @return the plan
     * @throws UsageLogException naming {@code name} when the columns fit no source or lack a
     *     required one, as a CSV header would
     */
    public static Plan plan(UsageAggregator aggregator, List<String> columns, boolean json, String name) {
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(name, "name");
        Plan p = new Plan(aggregator, columns, json, name);
        UsageSource s = aggregator.source();
        if (s == null) {
            List<String> lower = new ArrayList<>();
            for (String c : columns) {
                lower.add(c.toLowerCase(java.util.Locale.ROOT));
            }
            try {
                s = Profile.detectFlat(lower, null);
            } catch (IllegalArgumentException e) {
                // the layout below says why
                s = null;
            }
        }
        if (s != null && Profile.of(s).fileOrdered) {
            // their records need the lines before them in the same file, or are whole pretty-printed files
            throw new UsageLogException(name, 0, "the records are " + s.id() + " logs, which are read file by file in order (a"
                    + " request's model or session is on an earlier line, or a file is one pretty-printed message): aggregate them"
                    + " with the usage command on one machine");
        }
        // fails here, on the driver, for columns that fit no source
        p.layout(aggregator);
        return p;
    }

    /**
     * The plan for JSON Lines that the engine holds as lines (Spark's text reader): each line is
     * read on the worker by the same reader as on one machine ({@link Part#addJsonLine}), into one
     * column per part a record of the source plays (each with the source's candidate names, the
     * first the record has). The source is the aggregator's, or the one the first decided record
     * of {@code firstLines} gives, as a file's first records decide it on one machine.
     *
     * @param aggregator the period, zone, dimensions, source, mapping and bad-row policy
     * @param firstLines the first lines of the first input (a hundred are plenty)
     * @param name what the rows are called in messages (their paths)
     * @return the plan
     * @throws UsageLogException naming {@code name} when the first record fits no source, or its
     *     source's records need the lines before them (Codex CLI, Gemini CLI)
     */
    public static Plan planJsonLines(UsageAggregator aggregator, List<String> firstLines, String name) {
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(firstLines, "firstLines");
        Objects.requireNonNull(name, "name");
        UsageSource s = aggregator.source();
        if (s == null) {
            try {
                JsonRecords probe = new JsonRecords(aggregator, aggregator.newRun(), name, null);
                probe.read(new java.io.ByteArrayInputStream((String.join("\n", firstLines) + "\n").getBytes(StandardCharsets.UTF_8)));
                s = probe.flatSource();
            } catch (UsageLogException e) {
                throw new UsageLogException(name, 1, "the first record: " + e.getMessage());
            } catch (java.io.IOException e) {
                // a byte array does not fail to read
                throw new java.io.UncheckedIOException(e);
            }
            if (s == null) {
                throw new UsageLogException(name, 1, "the first record fits no known source, or is a document (a usage page, an OTLP file):"
                        + " name the source with --source, or aggregate documents with the usage command on one machine");
            }
        }
        if (Profile.of(s).fileOrdered) {
            throw new UsageLogException(name, 0, "the records are " + s.id() + " logs, which are read file by file in order (a"
                    + " request's model or session is on an earlier line, or a file is one pretty-printed message): aggregate them"
                    + " with the usage command on one machine");
        }
        List<List<String>> candidates = JsonRecords.columns(aggregator.profile(s), aggregator.by());
        List<String> columns = new ArrayList<>();
        for (List<String> c : candidates) {
            columns.add(c.get(0));
        }
        Plan p = new Plan(UsageSettings.of(aggregator).withSource(s), columns, true, name, candidates);
        // fails here, on the driver, for a dimension or mapping the source cannot give
        p.layout(p.aggregator());
        return p;
    }

    /**
     * What every worker needs: the aggregator's settings and the column names. Immutable.
     *
     * @serial exclude
     */
    public static final class Plan implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The aggregation's settings: the one value the aggregator is built from, carried as it is. */
        private final UsageSettings settings;
        private final ArrayList<String> columns;
        private final boolean json;
        private final String name;
        /** For JSON Lines read on the workers: each column's candidate names; null for rows the engine splits itself. */
        private final ArrayList<ArrayList<String>> candidates;

        private Plan(UsageAggregator a, List<String> columns, boolean json, String name) {
            this(UsageSettings.of(a), columns, json, name, null);
        }

        private Plan(UsageSettings settings, List<String> columns, boolean json, String name, List<List<String>> candidates) {
            this.settings = settings;
            this.columns = new ArrayList<>(columns);
            if (candidates == null) {
                this.candidates = null;
            } else {
                this.candidates = new ArrayList<>();
                for (List<String> c : candidates) {
                    this.candidates.add(new ArrayList<>(c));
                }
            }
            this.json = json;
            this.name = name;
        }

        /** The aggregator this plan was made from, made again (on a worker). */
        UsageAggregator aggregator() {
            return settings.aggregator();
        }

        RowProcessor.Layout layout(UsageAggregator a) {
            return a.layout(columns, name, json);
        }

        /**
         * The columns that hold a request id (one, or two read together, as Claude Code's message
         * id and request id), by index; empty when the rows have none. Rows with ids count once
         * per id: the engine must keep one row per id before the parts read them, the first in
         * the input's order among the rows that {@link Part#check} finds good.
         *
         * @return the id columns' indexes
         */
        public List<Integer> idColumns() {
            RowProcessor.Layout l = layout(aggregator());
            List<Integer> ids = new ArrayList<>();
            if (l.profile.finalCopy) {
                // the parts keep each id's final copy themselves, merged by the copies' places in the input
                return Collections.emptyList();
            }
            for (Slot s : new Slot[] {Slot.ID, Slot.ID2}) {
                if (l.slot[s.ordinal()] >= 0) {
                    ids.add(l.slot[s.ordinal()]);
                }
            }
            return Collections.unmodifiableList(ids);
        }

        /**
         * A new part, named for messages ("spark partition 3").
         *
         * @param partName what the part's rows are called in messages
         * @return the part
         */
        public Part newPart(String partName) {
            return new Part(this, Objects.requireNonNull(partName, "partName"));
        }
    }

    /**
     * One worker's rows: added one at a time, then {@link #seal sealed} into sums that travel.
     * Bad rows are counted by reason with the first messages ("spark partition 3:17: …", the row
     * number within the part); whether they stop the aggregation is decided at the merge.
     *
     * @serial exclude
     */
    public static final class Part extends RowCounts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String partName;
        private transient UsageAggregator.Run run;
        private transient RowProcessor proc;
        private transient byte[] buf = new byte[256];
        private transient int[] start;
        private transient int[] end;
        private long line;
        private HashMap<List<Object>, long[]> groups;
        private HashMap<List<Object>, BigDecimal> logged;
        private long blank;
        private long counted;
        private long withoutUsage;
        private long placeholderCount;
        private long outsideCount;
        /** Copies of a response this part held another copy of (final-copy sources). */
        private long copiesCount;
        private FinalCopies finals;
        /** The rank of the file of the row being added, for a final-copy source. */
        private long fileRank;
        private boolean withCostField;
        private final ProblemsCopy problems = new ProblemsCopy();
        /** The reader of JSON lines, for a plan made by {@link #planJsonLines}. */
        private transient JsonLineValues json;

        Part(Plan plan, String partName) {
            this.partName = partName;
            UsageAggregator a = plan.aggregator();
            this.run = a.newRun();
            RowProcessor.Layout l = plan.layout(a);
            // ids are the engine's to de-duplicate across parts; final copies are the part's to keep
            this.proc = new RowProcessor(l, a, run.shared, null, l.profile.finalCopy ? run.finals : null);
            this.proc.file = partName;
            run.layoutUsed(l);
            this.withCostField = run.withCostField;
            this.start = new int[l.columns];
            this.end = new int[l.columns];
            if (plan.candidates != null) {
                this.json = new JsonLineValues(new ArrayList<List<String>>(plan.candidates));
            }
        }

        /**
         * Adds one line of a JSON Lines file, read as on one machine (the plan must come from
         * {@link #planJsonLines}): a blank line is counted as blank; a line that is not a record
         * is a bad row, or, when it ends inside a value and is its file's last, a write cut short;
         * a line holding an array adds the records of its elements.
         *
         * @param text the line, without its newline
         * @param path the path of its file (for Claude Code's project: the directory it lies in)
         * @param fileRank the rank of its file among the inputs
         * @param seq its place within its file
         * @return this part
         */
        public Part addJsonLine(String text, String path, long fileRank, long seq) {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(path, "path");
            if (json == null) {
                throw new IllegalStateException("the plan reads rows, not JSON lines: make it with planJsonLines");
            }
            String t = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (t.trim().isEmpty()) {
                // not seen: a cut line followed by blank lines is still its file's last, as on one machine
                line++;
                run.blank++;
                return this;
            }
            seen(fileRank, seq);
            if (!json.read(t, Records.project(path))) {
                if (json.kind.equals("malformed JSON") && JsonRecords.cutShort(t)) {
                    line++;
                    cut.add(new long[] {fileRank, seq, line});
                    cutMessages.add(json.why);
                    return this;
                }
                line++;
                bad(line, null, json.kind, json.why);
                return this;
            }
            for (String[] v : json.records) {
                add(v, fileRank, seq);
            }
            return addProblems(json.problems, fileRank, seq);
        }

        /**
         * The records of a JSON line, read once where the line is, for an engine that keeps each
         * request id once and so takes a line holding an array record by record: each record's
         * values (to be checked with {@link #check} and added with {@link #add(String[], long, long)}),
         * what of the line is not a record in {@link #jsonProblems()}; null for a blank line or one
         * that is not JSON, which {@link #addJsonLine} takes whole.
         *
         * @param text the line, without its newline
         * @param path the path of its file
         * @return the records' values in the plan's column order, or null
         */
        public List<String[]> jsonRecords(String text, String path) {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(path, "path");
            if (json == null) {
                throw new IllegalStateException("the plan reads rows, not JSON lines: make it with planJsonLines");
            }
            String t = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (t.trim().isEmpty() || !json.read(t, Records.project(path))) {
                return null;
            }
            return new ArrayList<>(json.records);
        }

        /**
         * What of the last line {@link #jsonRecords} read was not a record.
         *
         * @return {kind, message} of each: an array's bad element, a repeated field
         */
        public List<String[]> jsonProblems() {
            return json == null ? Collections.<String[]>emptyList() : new ArrayList<>(json.problems);
        }

        /**
         * Adds what of a JSON line was not a record ({@link #jsonProblems()}) as bad rows.
         *
         * @param problems {kind, message} of each
         * @param fileRank the rank of its file among the inputs
         * @param seq the line's place within its file
         * @return this part
         */
        public Part addProblems(List<String[]> problems, long fileRank, long seq) {
            Objects.requireNonNull(problems, "problems");
            if (!problems.isEmpty()) {
                seen(fileRank, seq);
            }
            for (String[] p : problems) {
                line++;
                bad(line, null, p[0], p[1]);
            }
            return this;
        }

        /** The messages of {@link #cut} lines, for when one is not its file's last after all. */
        private final ArrayList<String> cutMessages = new ArrayList<>();

        /**
         * Adds one row.
         *
         * @param values the row's values in the plan's column order; null for a missing one
         * @return this part
         */
        public Part add(String[] values) {
            Objects.requireNonNull(values, "values");
            count(read(values), proc, line, null);
            return this;
        }

        /**
         * Adds one row with its place in the input: for a source that writes a response several
         * times (Claude Code), of two copies with the same output the later one in the input is
         * kept, whichever part holds them.
         *
         * @param values the row's values in the plan's column order; null for a missing one
         * @param fileRank the rank of the row's file among the inputs, in the order one machine
         *     reads them (the order given, directories in path order)
         * @param seq the row's place within its file (any increasing number)
         * @return this part
         */
        public Part add(String[] values, long fileRank, long seq) {
            Objects.requireNonNull(values, "values");
            this.fileRank = fileRank;
            seen(fileRank, seq);
            // the row's place in the input, not this part's row count, decides a tie between copies
            proc.seq = seq - 1;
            int r = read(values);
            count(r, proc, line, null);
            return this;
        }

        /**
         * Adds one line of a CSV file (not its header), split as on one machine: RFC 4180 quotes,
         * a CR before the line end dropped, an empty line counted as blank.
         *
         * @param text the line, without its newline
         * @return this part
         */
        public Part addCsvLine(String text) {
            Objects.requireNonNull(text, "text");
            String t = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (t.isEmpty()) {
                line++;
                run.blank++;
                return this;
            }
            List<String> f = new ArrayList<>();
            String wrong = csvFields(t, f);
            if (wrong != null) {
                line++;
                bad(line, null, "malformed quoting", wrong);
                return this;
            }
            return add(f.toArray(new String[0]));
        }

        /**
         * Counts a row that is not a record at all (a line the engine could not read as JSON) as
         * a bad row of the kind "malformed JSON".
         *
         * @param what what is wrong with it, for the message
         * @return this part
         */
        public Part malformed(String what) {
            Objects.requireNonNull(what, "what");
            line++;
            bad(line, null, "malformed JSON", "malformed JSON: " + what);
            return this;
        }

        /**
         * A line the engine could not read as JSON, with its text and its place in the input: when
         * it ends inside a value and is its file's last line, it is a write cut short (counted,
         * not bad), as on one machine; which line is a file's last is decided at the merge.
         *
         * @param what what is wrong with it, for the message
         * @param text the line
         * @param fileRank the rank of its file among the inputs
         * @param seq its place within its file (as for {@link #add(String[], long, long)})
         * @return this part
         */
        public Part malformed(String what, String text, long fileRank, long seq) {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(text, "text");
            seen(fileRank, seq);
            if (!JsonRecords.cutShort(text)) {
                return malformed(what);
            }
            line++;
            cut.add(new long[] {fileRank, seq, line});
            cutMessages.add("malformed JSON: " + what);
            return this;
        }

        /** Lines that end inside a value: their file's rank, their place, their row in the part. */
        private final ArrayList<long[]> cut = new ArrayList<>();
        /** The last place seen in each file, by rank: which line is a file's last. */
        private final HashMap<Long, Long> lastSeq = new HashMap<>();

        private void seen(long fileRank, long seq) {
            lastSeq.merge(fileRank, seq, Math::max);
        }

        /**
         * Whether a row is good: what {@link #add} would count, checked without keeping anything,
         * so that an engine can keep the first good row of each request id. A bad row is not
         * counted here; {@link #add} counts it.
         *
         * @param values the row's values
         * @return true for a row {@link #add} would count
         */
        public boolean check(String[] values) {
            Objects.requireNonNull(values, "values");
            line++;
            boolean good = fill(values) >= 0;
            if (good) {
                proc.checkOnly = true;
                good = proc.row(buf, start, end) == RowProcessor.COUNTED;
                proc.checkOnly = false;
            }
            line--;
            return good;
        }

        private int read(String[] values) {
            line++;
            proc.line = line;
            proc.fileRank = fileRank;
            if (fill(values) < 0) {
                proc.errorKind = "wrong number of columns";
                proc.error = "expected " + start.length + " columns, found " + values.length;
                return RowProcessor.BAD;
            }
            return proc.row(buf, start, end);
        }

        /** The row's values as one UTF-8 buffer with each field's bounds; -1 for a row of the wrong width. */
        private int fill(String[] values) {
            if (values.length != start.length) {
                return -1;
            }
            int at = 0;
            for (int k = 0; k < values.length; k++) {
                byte[] v = values[k] == null ? new byte[0] : values[k].getBytes(StandardCharsets.UTF_8);
                if (at + v.length > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, at + v.length));
                }
                System.arraycopy(v, 0, buf, at, v.length);
                start[k] = at;
                at += v.length;
                end[k] = at;
            }
            return at;
        }

        @Override
        void bad(long row, String path, String kind, String message) {
            problems.add(kind, row, message);
        }

        /**
         * Ends the part: its rows' sums become the part's state, which travels to the merge.
         *
         * @return this part
         */
        public Part seal() {
            if (run != null) {
                // RowCounts is not serializable: its counts travel in this class's fields
                counted = rows;
                withoutUsage = notUsage;
                placeholderCount = placeholders;
                outsideCount = outside;
                copiesCount = duplicates;
                finals = run.finals;
                run.mergeShared();
                groups = new HashMap<>(run.table.groups);
                logged = new HashMap<>(run.table.logged);
                blank = run.blank;
                run = null;
                proc = null;
            }
            return this;
        }
    }

    /**
     * The column names of a CSV header line, as on one machine: RFC 4180 quotes, each name trimmed
     * ({@code timestamp, input_tokens} names {@code input_tokens}).
     *
     * @param line the header line, without its line end (and without a byte-order mark)
     * @return the names
     */
    public static List<String> csvHeader(String line) {
        return CsvChunk.header(Objects.requireNonNull(line, "line"));
    }

    /**
     * Splits a CSV line into {@code out} with RFC 4180 quotes (a quoted field may hold commas and
     * doubled quotes; a quote inside an unquoted field is malformed); null when it splits, else
     * what is wrong.
     *
     * @param line the line, without its line end
     * @param out where the fields go
     * @return null, or what is wrong with the quoting
     */
    public static String csvFields(String line, List<String> out) {
        java.util.Objects.requireNonNull(line, "line");
        java.util.Objects.requireNonNull(out, "out");
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                if (cur.length() > 0 || wasQuoted) {
                    return "a quote inside an unquoted field";
                }
                inQuotes = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(c);
            }
        }
        if (inQuotes) {
            return "a quoted field is not closed before the end of the line (a field with a line break is read on one machine, not on Spark)";
        }
        out.add(cur.toString());
        return null;
    }

    /** Bad rows of a part, as {@link Problems} keeps them, in a form that travels. */
    private static final class ProblemsCopy implements Serializable {
        private static final long serialVersionUID = 1L;
        final HashMap<String, Long> byKind = new HashMap<>();
        final ArrayList<String> kinds = new ArrayList<>();
        final ArrayList<Long> lines = new ArrayList<>();
        final ArrayList<String> messages = new ArrayList<>();
        long total;

        void add(String kind, long line, String message) {
            total++;
            if (byKind.merge(kind, 1L, Long::sum) == 1L) {
                kinds.add(kind);
            }
            if (lines.size() < Problems.KEEP) {
                lines.add(line);
                messages.add(message);
            }
        }
    }

    /**
     * Adds the parts into one result, in the order given (which decides the first messages),
     * with every sum checked: a sum past 2^63 − 1 is refused, never wrapped.
     *
     * @param plan the plan the parts were made from
     * @param parts the parts (sealed here if they are not)
     * @param duplicates rows the engine dropped as repeats of a request id
     * @return the result
     * @throws UsageLogException for the first bad row when the aggregator does not skip bad rows,
     *     or for a sum past the limit
     */
    public static UsageResult merge(Plan plan, List<Part> parts, long duplicates) {
        return merge(plan, parts, duplicates, Collections.<Long, Long>emptyMap());
    }

    /**
     * {@link #merge(Plan, List, long)} for an engine that dropped repeats of a request id before
     * the parts saw them: {@code lastLines} gives, by file rank, the place of each file's last
     * line that is not blank among all the lines, dropped ones included, so that a line cut short
     * and followed only by repeats is not taken for its file's last (on one machine it is a bad row).
     *
     * @param plan the plan the parts were made from
     * @param parts the parts (sealed here if they are not)
     * @param duplicates rows the engine dropped as repeats of a request id
     * @param lastLines by file rank, the place of its last line that is not blank
     * @return the result
     * @throws UsageLogException as {@link #merge(Plan, List, long)}
     */
    public static UsageResult merge(Plan plan, List<Part> parts, long duplicates, Map<Long, Long> lastLines) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(lastLines, "lastLines");
        UsageAggregator aggregator = plan.aggregator();
        UsageAggregator.Run total = aggregator.newRun();
        HashMap<Long, Long> last = new HashMap<>(lastLines);
        for (Part p : parts) {
            p.lastSeq.forEach((k, v) -> last.merge(k, v, Math::max));
        }
        RowProcessor.Layout layout = plan.layout(aggregator);
        total.sources.add(plan.name + ": " + layout.profile.source.id());
        total.kinds.add(layout.profile.source);
        // the processor that adds the final copies the parts kept
        total.processor(layout);
        for (Part p : parts) {
            p.seal();
            for (int i = 0; i < p.cut.size(); i++) {
                long[] c = p.cut.get(i);
                if (last.get(c[0]) == c[1]) {
                    total.incompleteLastLines++;
                } else {
                    // not its file's last: a bad row, with the reader's own message, as on one machine
                    p.problems.add("malformed JSON", c[2], p.cutMessages.get(i));
                }
            }
            p.cut.clear();
            p.cutMessages.clear();
            if (!aggregator.skipsBad() && p.problems.total > 0) {
                throw new UsageLogException(p.partName, p.problems.lines.get(0), p.problems.messages.get(0));
            }
            try {
                total.mergeGroups(p.groups, p.logged, p.partName);
            } catch (UsageAggregator.MergeOverflow overflow) {
                throw new UsageLogException(overflow.file, 0, overflow.getMessage());
            }
            total.rows += p.counted;
            total.notUsage += p.withoutUsage;
            total.placeholders += p.placeholderCount;
            total.outside += p.outsideCount;
            total.duplicates += p.copiesCount;
            if (p.finals != null) {
                long both = total.finals.merge(p.finals);
                total.rows -= both;
                total.duplicates += both;
            }
            total.blank += p.blank;
            if (p.withCostField) {
                total.withCostField = true;
            } else {
                total.withoutCostField = true;
            }
            Problems pr = new Problems();
            pr.total = p.problems.total;
            for (String k : p.problems.kinds) {
                pr.byKind.put(k, p.problems.byKind.get(k));
            }
            for (int i = 0; i < p.problems.lines.size(); i++) {
                pr.firstLines.add(new long[] {p.problems.lines.get(i)});
                pr.firstMessages.add(p.problems.messages.get(i));
            }
            total.problems.addAll(pr, 0, p.partName);
        }
        total.duplicates += duplicates;
        // a copy whose add passes the limit stops here, naming its part and row, unless skipping
        total.addHeldCopies();
        try {
            total.mergeShared();
        } catch (UsageAggregator.MergeOverflow overflow) {
            throw new UsageLogException(overflow.file, 0, overflow.getMessage());
        }
        return total.result();
    }
}
