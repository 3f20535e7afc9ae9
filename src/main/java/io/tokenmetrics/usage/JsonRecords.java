package io.tokenmetrics.usage;

import io.tokenmetrics.internal.Text;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON usage files: JSON Lines (one value per line, read with a bounded buffer), or whole JSON
 * documents such as a saved usage-report page, pretty-printed or not. Each JSON value yields
 * records: a flat object is one record (nested objects as dotted names); a usage-report page
 * ({@code data[].results[]}) one per result, with its bucket's start; an OTLP trace file
 * ({@code resourceSpans[].scopeSpans[].spans[]}) one per span, with its resource's attributes; an
 * array, the records of each element. A file's source is decided by its first record that fits
 * one, unless it is named.
 */
final class JsonRecords extends RowCounts {
    /** The longest JSON line: Claude Code writes whole tool results into one line. */
    static final int MAX_LINE = 64 << 20;
    /** Records held while no record has yet decided the file's source. */
    private static final int MAX_UNDECIDED = 10_000;
    /**
     * The parser of values read whole: the reading limits, without Jackson's duplicate check (a
     * name given twice matters only where a column reads it: {@link JsonRecord#repeated}).
     */
    private static com.fasterxml.jackson.core.JsonFactory factory() {
        // Jackson starts only when a line is read whole: a log the scanner takes never starts it
        return io.tokenmetrics.internal.Json.STREAMING;
    }

    private final UsageAggregator agg;
    private final UsageAggregator.Run run;
    private final String name;
    private final String project;
    private final String chatsProject;
    // the reading of the current record's source: the file's, or another that a record's own shape names
    private Profile profile;
    private RowProcessor proc;
    private RowProcessor.Layout layout;
    /** Per column of the virtual row: the candidate names. */
    private List<List<String>> candidates;
    private int[] dimColumns;
    /** The columns of the {@code type} and {@code object} values, which tell some records' sources. */
    private int typeColumn;
    private int objectColumn;
    /** The reading of each source met in this file, the file's own first. */
    private final Map<UsageSource, Reading> readings = new java.util.LinkedHashMap<>();
    /** The source the file's first decided record gave; records of other shapes are read by their own. */
    private Reading home;

    /** What reading records of one source needs. */
    private static final class Reading {
        Profile profile;
        RowProcessor proc;
        RowProcessor.Layout layout;
        List<List<String>> candidates;
        int[] dimColumns;
        FlatJson flat;
        int typeColumn;
        int objectColumn;
        /** Records that need the file's earlier lines (Codex's model, Gemini CLI's session): read as trees, in order. */
        boolean trees;
    }

    /** The state of a Codex CLI rollout file; null until the file is known to be one. */
    private CodexRollout codex;
    /** A Gemini CLI chat file's session, from its metadata line: the messages after it do not repeat it. */
    private String chatSession;
    private final List<Pending> undecided = new ArrayList<>();
    final Problems problems = new Problems();

    private static final class Pending {
        final JsonRecord record;
        final long line;
        final String path;

        Pending(JsonRecord record, long line, String path) {
            this.record = record;
            this.line = line;
            this.path = path;
        }
    }

    /** Whether the input may be a whole JSON document rather than JSON Lines (not for .jsonl and .ndjson). */
    private final boolean documents;

    /**
     * Ends a part's reading when the part cannot be read apart from the rest of the file: a record
     * whose shape names another source than the file's. The file is then read whole, by one
     * thread.
     */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Abort INSTANCE = new Abort();

        private Abort() {
            super(null, null, false, false);
        }
    }

    /** One part of a JSON Lines file read at once with others ({@link #part}). */
    private boolean part;
    /** Lines read, for the line numbers of the parts after this one. */
    long lines;
    /**
     * A line that is not JSON, held until the next line shows it was not the file's last: a
     * malformed last line is a write cut short, counted, not a bad row.
     */
    private long cutLine = -1;
    private String cutMessage;
    /** A part's first bad row: reported, with its line in the file, when the aggregation stops at bad rows. */
    long firstBadLine = -1;
    String firstBadMessage;

    /**
     * A reader of one part of a JSON Lines file whose source is decided: see {@link #part}. Its
     * rows are numbered from {@code seqStart} (the part's first byte in the file, so that copies
     * of one id are ordered as in the file); {@code last}: the part ends the file, so a cut last
     * line is the file's.
     */
    static JsonRecords part(UsageAggregator agg, UsageAggregator.Run run, String name, String project, UsageSource source, long seqStart,
            boolean last) {
        JsonRecords r = new JsonRecords(agg, run, name, project);
        r.part = true;
        r.lastPart = last;
        r.decide(source);
        r.proc.seq = seqStart;
        r.partStart = seqStart;
        return r;
    }

    /** Where a part starts in its file (its first byte). */
    private long partStart;
    /**
     * A part's last line when it was not JSON and ends inside a value: the file's last line (a
     * write cut short, counted) only if no later part holds a line that is not blank, which the
     * caller decides ({@link UsageAggregator}); -1 for none.
     */
    long pendingCut = -1;
    String pendingCutMessage;

    /** A part that ends its file ({@link #part}). */
    private boolean lastPart;

    /** Lines of this part that were neither blank nor empty: whether a part holds a line after another part's last. */
    long nonBlankLines() {
        return lines - blankLines;
    }

    private long blankLines;

    /** The source the reader decided on for flat records, or null. */
    UsageSource flatSource() {
        return flat != null && profile != null ? profile.source : null;
    }

    JsonRecords(UsageAggregator agg, UsageAggregator.Run run, String name, String project) {
        this.agg = agg;
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
        this.documents = !lower.endsWith(".jsonl") && !lower.endsWith(".ndjson");
        this.run = run;
        this.name = name;
        this.project = project;
        this.chatsProject = Records.chatsProject(name);
        if (agg.source() != null) {
            decide(agg.source());
        }
    }

    void read(InputStream in) throws IOException {
        JsonLines lines = new JsonLines(in);
        long line = 0;
        try {
            line = readLines(lines);
        } finally {
            this.lines = line;
        }
    }

    /** The line loop of {@link #read}; the number of lines read. */
    private long readLines(JsonLines lines) throws IOException {
        long line = 0;
        boolean first = true;
        while (lines.next()) {
            line++;
            if (lines.tooLong) {
                bad(line, null, "line too long", "the line is longer than " + MAX_LINE + " bytes");
                continue;
            }
            byte[] buf = lines.buf;
            int start = lines.start;
            int end = lines.end;
            // the file's first line, not a part's (a part that starts at a line beginning FF FE is a bad row there)
            boolean fileStart = line == 1 && (!part || partStart == 0);
            if (fileStart && end - start >= 3 && (buf[start] & 0xFF) == 0xEF && (buf[start + 1] & 0xFF) == 0xBB && (buf[start + 2] & 0xFF) == 0xBF) {
                start += 3;
            }
            if (fileStart && end - start >= 2 && ((buf[start] & 0xFF) == 0xFF && (buf[start + 1] & 0xFF) == 0xFE
                    || (buf[start] & 0xFF) == 0xFE && (buf[start + 1] & 0xFF) == 0xFF)) {
                throw new UsageLogException(name, 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8");
            }
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (isBlank(buf, start, end)) {
                run.blank++;
                blankLines++;
                continue;
            }
            if (cutLine >= 0) {
                // a line followed it: it was not cut short, it is malformed
                long at = cutLine;
                cutLine = -1;
                bad(at, null, "malformed JSON", cutMessage);
            }
            if (first) {
                first = false;
                if (documents && startsDocument(buf, start, end)) {
                    // a pretty-printed document: read the rest of the file as JSON values
                    document(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(Arrays.copyOfRange(buf, start, end)),
                            new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(new byte[] {'\n'}), lines.rest())), line);
                    finish();
                    return line;
                }
            }
            if (part && flat == null) {
                throw Abort.INSTANCE;
            }
            if (profile == null && undecided.isEmpty() && !agg.readsWhole()) {
                // the file's first record decides its source by its shape, read by the scanner (the whole-value
                // reader, which would decide it the same way, is left for what the scanner does not take)
                detectByShape(buf, start, end);
            }
            if (flat != null && !trees && !agg.readsWhole()) {
                if (flat.readLine(buf, start, end) == 0) {
                    processFlat(line, buf, start, end);
                    continue;
                }
            }
            tree(buf, start, end, line);
        }
        finish();
        return line;
    }

    /** The columns the shape detector reads: a record's {@code type} and {@code object} values, with its shape names. */
    private static final List<List<String>> SHAPE_COLUMNS = Arrays.asList(java.util.Collections.singletonList("type"),
            java.util.Collections.singletonList("object"));
    private FlatJson detector;

    /**
     * Decides the file's source from a scanned line's shape names and its {@code type} and
     * {@code object} values ({@link Profile#detectShape}, which decides as the whole record's keys
     * do: {@code ShapeDetectionTest}); nothing when the scanner does not take the line or the
     * shape names no source, which the whole-value reader then decides or reports.
     */
    private void detectByShape(byte[] buf, int start, int end) {
        if (detector == null) {
            detector = new FlatJson(SHAPE_COLUMNS, new String[2], null);
        }
        if (!detector.scan(buf, start, end)) {
            return;
        }
        UsageSource s;
        try {
            s = Profile.detectShape(detector.shape, detectorValue(0), detectorValue(1));
        } catch (IllegalArgumentException e) {
            // two sources that count differently: the whole-value reader says so with the record's fields
            return;
        }
        if (s != null) {
            decide(s);
        }
    }

    private String detectorValue(int k) {
        return detector.has(k) ? new String(detector.row(), detector.start()[k], detector.end()[k] - detector.start()[k], StandardCharsets.UTF_8)
                : null;
    }

    /** A line read whole: its records, or why it is not JSON. */
    private void tree(byte[] buf, int start, int end, long line) {
        Object value;
        try (JsonParser p = factory().createParser(buf, start, end - start)) {
            p.nextToken();
            value = JsonTree.read(p);
            if (value == null) {
                // found by UsageLogFuzzTest: a line of NUL bytes holds no JSON value at all
                bad(line, null, "malformed JSON", "malformed JSON: the line holds no JSON value");
                return;
            }
            if (p.nextToken() != null) {
                bad(line, null, "malformed JSON", "more than one JSON value on the line (JSON Lines has one per line)");
                return;
            }
        } catch (JsonProcessingException e) {
            String m = "malformed JSON: " + Text.escape(firstLine(e.getOriginalMessage()));
            if (unfinished(e, buf[lastNonBlank(buf, start, end)])) {
                // cut short if it is the file's last line
                cutLine = line;
                cutMessage = m;
            } else {
                bad(line, null, "malformed JSON", m);
            }
            return;
        } catch (IOException e) {
            // the line is in memory: an I/O error here is Jackson taking NUL bytes for UTF-32
            bad(line, null, "malformed JSON", "malformed JSON: " + Text.escape(firstLine(e.getMessage())));
            return;
        }
        JsonShapes.records(value, line, "", sink);
    }

    /**
     * Whether a line that is not JSON ends inside a value: the mark of a write cut short, which
     * {@link #tree} counts as an incomplete last line when no line follows it.
     */
    static boolean cutShort(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = factory().createParser(b)) {
            p.nextToken();
            JsonTree.read(p);
            return false;
        } catch (JsonProcessingException e) {
            return b.length > 0 && unfinished(e, b[lastNonBlank(b, 0, b.length)]);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether a line that is not JSON looks unfinished: it ends inside a value, or does not end with
     * a closing bracket (a write cut inside {@code null} or a name). A whole line that is wrong
     * (two values) is not.
     */
    private static boolean unfinished(JsonProcessingException e, byte last) {
        return e instanceof com.fasterxml.jackson.core.io.JsonEOFException || last != '}' && last != ']';
    }

    /** The index of the last byte of {@code b[from, to)} that is not a space or tab ({@code from} if none). */
    private static int lastNonBlank(byte[] b, int from, int to) {
        int i = to - 1;
        while (i > from && (b[i] == ' ' || b[i] == '\t')) {
            i--;
        }
        return i;
    }

    private static boolean startsDocument(byte[] b, int from, int to) {
        try (JsonParser p = factory().createParser(b, from, to - from)) {
            p.nextToken();
            p.skipChildren();
            return false;
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whole JSON documents: a malformed one ends the file, since no line boundary is safe to resume at. */
    private void document(InputStream in, long firstLine) throws IOException {
        try (JsonParser p = factory().createParser(in)) {
            while (p.nextToken() != null) {
                long line = firstLine - 1 + p.currentTokenLocation().getLineNr();
                Object value = JsonTree.read(p);
                JsonShapes.records(value, line, "", sink);
            }
        } catch (JsonProcessingException e) {
            long line = firstLine - 1 + (e.getLocation() == null ? 1 : e.getLocation().getLineNr());
            throw new UsageLogException(name, line, "malformed JSON: " + Text.escape(firstLine(e.getOriginalMessage())));
        }
    }

    /** The first line of a parser's message (Jackson adds the input and location on further lines). */
    static String firstLine(String m) {
        return m == null ? "" : m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m;
    }

    /** The records of values read whole, into this reader. */
    private final JsonShapes.Sink sink = new JsonShapes.Sink() {
        @Override
        public void record(JsonRecord r, long line, String path, boolean own) {
            handle(r, line, path, own);
        }

        @Override
        public void bad(long line, String path, String kind, String message) {
            JsonRecords.this.bad(line, path, kind, message);
        }

        @Override
        public void shape(UsageSource s) {
            if (profile == null) {
                decide(s);
            }
        }

        @Override
        public void session(String id) {
            chatSession = id;
        }
    };

    /** One record; {@code own}: a record of its own (not a result of a usage page or a span), whose shape may name its source. */
    private void handle(JsonRecord r, long line, String path, boolean own) {
        if (project != null) {
            r.values.put(Records.PROJECT_KEY, project);
            r.values.put(Records.CHATS_PROJECT_KEY, chatsProject);
        }
        if (profile == null) {
            UsageSource s;
            try {
                s = Profile.detectFlat(r.keys, r.values);
            } catch (IllegalArgumentException e) {
                throw new UsageLogException(name, line, "cannot tell the source: the record " + e.getMessage() + "; name it with --source "
                        + String.join("|", Profile.ids()));
            }
            if (s == null) {
                undecided.add(new Pending(r, line, path));
                if (undecided.size() > MAX_UNDECIDED) {
                    throw undecidable();
                }
                return;
            }
            decide(s);
            List<Pending> held = new ArrayList<>(undecided);
            undecided.clear();
            for (Pending p : held) {
                process(p.record, p.line, p.path);
            }
            process(r, line, path);
            return;
        }
        UsageSource other;
        try {
            other = own ? otherSource(shape(r), r.values.get("type"), r.values.get("object")) : null;
        } catch (IllegalArgumentException e) {
            bad(line, path, "ambiguous record", "cannot tell the source: the record " + e.getMessage());
            return;
        }
        if (other == null) {
            process(r, line, path);
            return;
        }
        if (part) {
            throw Abort.INSTANCE;
        }
        try {
            use(reading(other));
            process(r, line, path);
        } finally {
            use(home);
        }
    }

    /** The shape names ({@link Profile#SHAPE_NAMES}) a record has, as bits. */
    private static long shape(JsonRecord r) {
        long bits = 0;
        for (String k : r.keys) {
            bits |= Profile.shapeBit(k);
        }
        return bits;
    }

    private UsageLogException undecidable() {
        Pending first = undecided.get(0);
        return new UsageLogException(name, first.line, "no record fits a known source (fields of the first: "
                + String.join(", ", abbreviate(first.record.keys)) + "); " + Profile.detectionHint());
    }

    private static List<String> abbreviate(Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (out.size() == 12) {
                out.add("...");
                break;
            }
            out.add(Text.escape(k));
        }
        return out;
    }

    private void finish() {
        if (cutLine >= 0) {
            long at = cutLine;
            cutLine = -1;
            if (part) {
                // a line cut short may be the file's last even when later parts exist (they may hold only blank
                // lines, or nothing: a long last line spans the cut points): the caller knows
                pendingCut = at;
                pendingCutMessage = cutMessage;
            } else {
                incompleteLastLines++;
            }
        }
        if (profile == null && !undecided.isEmpty()) {
            throw undecidable();
        }
        addTo(run);
        if (part) {
            // the caller adds the problems with the part's line offset, and names the source once
            return;
        }
        run.problems.addAll(problems, 0, name);
        List<String> ids = new ArrayList<>();
        for (UsageSource u : readings.keySet()) {
            ids.add(u.id());
            run.kinds.add(u);
        }
        run.sources.add(name + ": " + (ids.isEmpty() ? "no records" : String.join(", ", ids)));
    }

    private void decide(UsageSource s) {
        home = reading(s);
        use(home);
    }

    /** The reading of source {@code s}, made the first time it is met. */
    private Reading reading(UsageSource s) {
        Reading existing = readings.get(s);
        if (existing != null) {
            return existing;
        }
        Reading g = new Reading();
        g.profile = agg.profile(s);
        g.candidates = columns(g.profile, agg.by());
        List<String> names = new ArrayList<>();
        int[] slot = new int[Slot.ALL.length];
        int col = 0;
        for (Slot s2 : Slot.ALL) {
            if (g.profile.names(s2).isEmpty()) {
                slot[s2.ordinal()] = -1;
                continue;
            }
            slot[s2.ordinal()] = col++;
            names.add(g.candidates.get(slot[s2.ordinal()]).get(0));
        }
        List<String> by = agg.by();
        g.dimColumns = new int[by.size()];
        for (int k = 0; k < by.size(); k++) {
            g.dimColumns[k] = col++;
            names.add(by.get(k));
        }
        g.typeColumn = valueColumn(g.candidates, names, "type");
        g.objectColumn = valueColumn(g.candidates, names, "object");
        g.layout = new RowProcessor.Layout(g.candidates.size(), slot, g.dimColumns, by.toArray(new String[0]), names.toArray(new String[0]),
                g.profile, true);
        g.proc = run.processor(g.layout);
        g.proc.file = name;
        g.proc.fileRank = run.fileRank;
        g.flat = new FlatJson(g.candidates, g.layout.names, project);
        // OpenCode's files are one pretty-printed message each: read as documents, trees either way
        g.trees = g.profile.fileOrdered;
        g.proc.fractional = g.flat.fractional();
        readings.put(s, g);
        return g;
    }

    /**
     * The columns a record of {@code profile} is read into, each as its candidate names in the
     * profile's order: one per slot the profile reads, then one per dimension. One rule for the
     * readers on one machine and for an engine's parts ({@link UsagePartitions#planJsonLines}).
     */
    static List<List<String>> columns(Profile profile, List<String> by) {
        List<List<String>> out = new ArrayList<>();
        for (Slot s : Slot.ALL) {
            List<String> c = profile.names(s);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        for (String d : by) {
            out.add(profile.dimensionNames(d));
        }
        return out;
    }

    /** The column that reads field {@code field} first (a dimension may already), else a new one. */
    private static int valueColumn(List<List<String>> candidates, List<String> names, String field) {
        for (int k = 0; k < candidates.size(); k++) {
            if (candidates.get(k).get(0).equals(field)) {
                return k;
            }
        }
        candidates.add(java.util.Collections.singletonList(field));
        names.add(field);
        return candidates.size() - 1;
    }

    private void use(Reading g) {
        trees = g.trees;
        profile = g.profile;
        proc = g.proc;
        layout = g.layout;
        candidates = g.candidates;
        dimColumns = g.dimColumns;
        flat = g.flat;
        typeColumn = g.typeColumn;
        objectColumn = g.objectColumn;
    }

    /**
     * The source a record's own shape names when it is not the file's: null when the shape names
     * none, or the file's. With a source named by the caller ({@code --source}), every record is
     * read as that source.
     *
     * @throws IllegalArgumentException when the shape fits two sources that count differently
     */
    private boolean trees;

    private UsageSource otherSource(long shapeBits, String type, String object) {
        if (agg.source() != null || home == null) {
            return null;
        }
        UsageSource own;
        if (shapeBits == lastShape && java.util.Objects.equals(type, lastType) && java.util.Objects.equals(object, lastObject)) {
            own = lastSource;
        } else {
            try {
                own = Profile.detectShape(shapeBits, type, object);
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith("has both")) {
                    // a shape that could be either of two sources: the file's source places it
                    own = null;
                } else {
                    throw e;
                }
            }
            lastShape = shapeBits;
            lastType = type;
            lastObject = object;
            lastSource = own;
        }
        return own == null || own == home.profile.source ? null : own;
    }

    // the last shape and its source: the lines of one file mostly share one shape
    private long lastShape = -1;
    private String lastType;
    private String lastObject;
    private UsageSource lastSource;

    /** Whether a value column of the flat reader's row holds {@code text} (ASCII), or is absent where {@code text} is null. */
    private boolean sameText(int column, String text) {
        if (!flat.has(column)) {
            return text == null;
        }
        int s = flat.start()[column];
        int n = flat.end()[column] - s;
        if (text == null || text.length() != n) {
            return false;
        }
        byte[] row = flat.row();
        for (int i = 0; i < n; i++) {
            if (row[s + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a value column of the flat reader's row, or null. */
    private String flatValue(int column) {
        if (!flat.has(column)) {
            return null;
        }
        return new String(flat.row(), flat.start()[column], flat.end()[column] - flat.start()[column], StandardCharsets.UTF_8);
    }

    /** The streaming reader of flat objects, once the source is decided. */
    private FlatJson flat;

    /** A flat record read by the file's reading: read again by its own source's when its shape names another. */
    private void processFlat(long line, byte[] buf, int start, int end) {
        UsageSource other;
        try {
            // the lines of a file mostly share one shape: the last one's answer, without a String a line
            other = agg.source() != null || home == null ? null
                    : flat.shape == lastShape && sameText(typeColumn, lastType) && sameText(objectColumn, lastObject)
                            ? (lastSource == home.profile.source ? null : lastSource)
                            : otherSource(flat.shape, flatValue(typeColumn), flatValue(objectColumn));
        } catch (IllegalArgumentException e) {
            bad(line, "", "ambiguous record", "cannot tell the source: the record " + e.getMessage());
            return;
        }
        if (other == null) {
            processFlat(line);
            return;
        }
        if (part) {
            // a file of several sources is read by one thread
            throw Abort.INSTANCE;
        }
        try {
            use(reading(other));
            if (flat.readLine(buf, start, end) == 0) {
                processFlat(line);
            } else {
                tree(buf, start, end, line);
            }
        } finally {
            use(home);
        }
    }

    private void processFlat(long line) {
        if (profile.nonUsageAllowed) {
            boolean tokens = false;
            for (int s = Slot.INPUT.ordinal(); s < Slot.ALL.length && !tokens; s++) {
                tokens = layout.slot[s] >= 0 && flat.has(layout.slot[s]);
            }
            if (!tokens) {
                notUsage++;
                return;
            }
        }
        for (int d = 0; d < dimColumns.length; d++) {
            if (!flat.has(dimColumns[d]) && !Profile.optionalDimension(layout.dimNames[d])) {
                bad(line, "", "missing field", "no " + layout.dimNames[d] + " field (looked for "
                        + String.join(", ", candidates.get(dimColumns[d])) + ")");
                return;
            }
        }
        proc.line = line;
        count(proc.row(flat.row(), flat.start(), flat.end()), proc, line, "");
    }

    private void process(JsonRecord r, long line, String path) {
        if (profile.source == UsageSource.CODEX) {
            if (codex == null) {
                codex = new CodexRollout();
            }
            r = codex.next(r);
            if (r == null) {
                notUsage++;
                return;
            }
            if (r.values.containsKey(CodexRollout.WRONG)) {
                bad(line, path, "missing field", r.values.get(CodexRollout.WRONG));
                return;
            }
        } else if (profile.source == UsageSource.GEMINI_CLI) {
            if (r.values.containsKey("sessionid")) {
                chatSession = r.values.get("sessionid");
            } else if (chatSession != null) {
                r.values.put("sessionid", chatSession);
                r.keys.add("sessionid");
            }
        }
        if (profile.nonUsageAllowed && !hasTokens(r)) {
            // a user line of Claude Code, a span of other work: not a request, whatever it lacks
            notUsage++;
            return;
        }
        int n = candidates.size();
        byte[][] fields = new byte[n][];
        int total = 0;
        String[] names = layout.names;
        String[] chosen = r.chosen(candidates);
        String twice = r.repeatedField(chosen);
        if (twice != null) {
            bad(line, path, "repeated field", twice);
            return;
        }
        for (int k = 0; k < n; k++) {
            String found = chosen[k];
            String v = found == null ? null : r.values.get(found);
            proc.fractional[k] = found != null && r.fractional.contains(found);
            names[k] = found != null ? r.spelled.getOrDefault(found, found) : candidates.get(k).get(0);
            if (v == null && isDim(k) && !Profile.optionalDimension(layout.dimNames[dimIndex(k)])) {
                bad(line, path, "missing field", "no " + layout.dimNames[dimIndex(k)] + " field (looked for "
                        + String.join(", ", candidates.get(k)) + ")");
                return;
            }
            fields[k] = v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8);
            total += fields[k].length;
        }
        byte[] row = new byte[total];
        int[] start = new int[n];
        int[] end = new int[n];
        int at = 0;
        for (int k = 0; k < n; k++) {
            start[k] = at;
            System.arraycopy(fields[k], 0, row, at, fields[k].length);
            at += fields[k].length;
            end[k] = at;
        }
        proc.line = line;
        count(proc.row(row, start, end), proc, line, path);
    }

    private boolean hasTokens(JsonRecord r) {
        for (Slot s : Slot.ALL) {
            if (s.isTokens() && s != Slot.REQUESTS) {
                for (String c : profile.names(s)) {
                    if (r.values.containsKey(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isDim(int k) {
        return dimIndex(k) >= 0;
    }

    private int dimIndex(int k) {
        for (int d = 0; d < dimColumns.length; d++) {
            if (dimColumns[d] == k) {
                return d;
            }
        }
        return -1;
    }

    @Override
    void bad(long line, String path, String kind, String message) {
        if (part) {
            String m = path == null || path.isEmpty() ? message : path + ": " + message;
            if (firstBadLine < 0) {
                firstBadLine = line;
                firstBadMessage = m;
            }
            problems.add(kind, line, m);
            return;
        }
        run.bad(problems, name, line, path, kind, message);
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
