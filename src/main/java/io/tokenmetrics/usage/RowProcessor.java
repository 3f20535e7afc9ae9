package io.tokenmetrics.usage;

import io.tokenmetrics.internal.Text;
import io.tokenmetrics.period.PeriodType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Turns one row's fields (byte ranges of a buffer) into a group update, in the one meaning of
 * every number ({@link Profile}). One per reading thread; holds the reusable state of the hot
 * path. Reports a bad row through {@link #errorKind} and {@link #error} instead of throwing, so
 * that a bad row costs no stack trace. A row is checked whole before anything of it is kept: a
 * bad row interns no dimension value and adds nothing.
 */
final class RowProcessor {
    static final int COUNTED = 0;
    static final int BAD = 1;
    static final int NOT_USAGE = 2;
    static final int DUPLICATE = 3;
    /**
     * A record of a source that writes placeholders with all-zero usage (Claude Code's
     * {@code <synthetic>} lines for a request that failed): not a request, and needs no price.
     */
    static final int PLACEHOLDER = 5;
    /** A good row dated outside {@code --since} .. {@code --until}: left out, and counted. */
    static final int OUTSIDE = 6;

    private static final int IN = Slot.INPUT.ordinal();
    private static final int IN_X = Slot.INPUT_EXTRA.ordinal();
    private static final int CR = Slot.CACHE_READ.ordinal();
    private static final int CW = Slot.CACHE_WRITE.ordinal();
    private static final int CW5 = Slot.CACHE_WRITE_5M.ordinal();
    private static final int CW1 = Slot.CACHE_WRITE_1H.ordinal();
    private static final int OUT = Slot.OUTPUT.ordinal();
    private static final int OUT_X = Slot.OUTPUT_EXTRA.ordinal();
    private static final int RSN = Slot.REASONING.ordinal();
    private static final int TOT = Slot.TOTAL.ordinal();
    private static final int REQ = Slot.REQUESTS.ordinal();
    private static final int COST = Slot.COST.ordinal();
    private static final int FIRST_TOKENS = Slot.INPUT.ordinal();

    /** Which field of a row plays which part. */
    static final class Layout {
        final int columns;
        /** The column of each {@link Slot}, by ordinal; -1 where the source has none. */
        final int[] slot;
        final int[] dims;
        final String[] dimNames;
        /** Column names, for messages. */
        final String[] names;
        final Profile profile;
        /** A JSON record (a missing field is "no X field") rather than a CSV row ("X is empty"). */
        final boolean json;
        final int[] tokenSlots;
        /** The required token slots, by ordinal (the timestamp is checked on its own). */
        final int[] requiredTokens;
        /**
         * Only input and output, both required, each already whole (no parts to add or check, no
         * total, no request count, no id): the shape of most flat logs, read by a shorter path.
         */
        final boolean simple;

        Layout(int columns, int[] slot, int[] dims, String[] dimNames, String[] names, Profile profile, boolean json) {
            this.columns = columns;
            this.slot = slot;
            this.dims = dims;
            this.dimNames = dimNames;
            this.names = names;
            this.profile = profile;
            this.json = json;
            int n = 0;
            int[] t = new int[Slot.ALL.length];
            for (int s = FIRST_TOKENS; s < Slot.ALL.length; s++) {
                if (slot[s] >= 0) {
                    t[n++] = s;
                }
            }
            t[n++] = REQ;
            this.tokenSlots = Arrays.copyOf(t, n);
            this.requiredTokens = profile.required.stream().filter(x -> x != Slot.TIMESTAMP).mapToInt(Enum::ordinal).toArray();
            boolean onlyInOut = slot[Slot.INPUT.ordinal()] >= 0 && slot[Slot.OUTPUT.ordinal()] >= 0
                    && profile.required.contains(Slot.INPUT) && profile.required.contains(Slot.OUTPUT) && !profile.nonUsageAllowed
                    && !profile.requestsUnknown && slot[Slot.TIMESTAMP.ordinal()] >= 0;
            for (Slot x : Slot.ALL) {
                if (x != Slot.TIMESTAMP && x != Slot.INPUT && x != Slot.OUTPUT && slot[x.ordinal()] >= 0) {
                    onlyInOut = false;
                }
            }
            this.simple = onlyInOut;
        }

        boolean hasIds() {
            return slot[Slot.ID.ordinal()] >= 0;
        }
    }

    final Layout layout;
    final Accumulator acc;
    private final PeriodType period;
    private final ZoneRules rules;
    private final int fixedOffset;
    private final boolean fixed;
    private final SeenIds seen;
    /** The first and last day (in the zone) whose rows count, inclusive. */
    private final long sinceDay;
    private final long untilDay;
    /** The current row's day in the zone, set by {@link #periodIndex}. */
    private long rowDay;
    /** Groups by the hour (epoch hours, UTC) for usage blocks, with each group's first and last instant ({@link UsageBlock}). */
    private final boolean hourly;
    private long rowInstant;
    private static final byte[] NONE = new byte[0];
    /** The copies held, for a source whose copy rule is the final copy ({@link Profile#finalCopy}); null where ids are not this reader's. */
    final FinalCopies finals;
    /** Where the current row was read, for the copy held of it: the file, its rank among the inputs, the line (for messages). */
    String file;
    long fileRank;
    long line;
    /**
     * The current row's place in its input, which decides a tie between copies: counted by
     * {@link #row} (rows come in file order to one processor), or set by an engine that knows it
     * ({@link UsagePartitions.Part#add(String[], long, long)}) to one less than the place.
     */
    long seq;
    private final Timestamps.Parsed ts = new Timestamps.Parsed();
    private final int[] ids;
    private final long[] raw = new long[Slot.ALL.length];
    private final boolean[] present = new boolean[Slot.ALL.length];
    private long cachedHour = Long.MIN_VALUE;
    private int cachedOffset;
    private long lastDay = Long.MIN_VALUE;
    private static final int WEEK_CACHE = 1024;
    private final long[] weekCacheDay = new long[WEEK_CACHE];
    private final int[] weekCache = new int[WEEK_CACHE];
    private int lastMonth;
    /** Checks a row whole, then keeps nothing of it: for an engine that de-duplicates good rows itself ({@link UsagePartitions}). */
    boolean checkOnly;
    /** Set by a JSON reader: which columns of the current row held a JSON number with a fraction or exponent. */
    boolean[] fractional;
    String errorKind;
    String error;

    RowProcessor(Layout layout, UsageAggregator agg, Accumulator acc, SeenIds seen) {
        this(layout, agg, acc, seen, null);
    }

    RowProcessor(Layout layout, UsageAggregator agg, Accumulator acc, SeenIds seen, FinalCopies finals) {
        this.finals = finals;
        this.layout = layout;
        this.acc = acc;
        this.period = agg.period();
        this.hourly = agg.hourly();
        this.sinceDay = agg.since() == null ? Long.MIN_VALUE : agg.since().toEpochDay();
        this.untilDay = agg.until() == null ? Long.MAX_VALUE : agg.until().toEpochDay();
        ZoneId zone = agg.zone();
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.ids = new int[layout.dims.length];
        this.seen = seen;
        Arrays.fill(weekCacheDay, Long.MIN_VALUE);
    }

    private int bad(String kind, String message) {
        errorKind = kind;
        error = message;
        return BAD;
    }

    /** Processes one row: {@link #COUNTED}, {@link #BAD} (with {@link #errorKind}, {@link #error}), {@link #NOT_USAGE} or {@link #DUPLICATE}. */
    int row(byte[] b, int[] start, int[] end) {
        seq++;
        if (layout.simple && fractional == null) {
            return simpleRow(b, start, end);
        }
        final int[] slot = layout.slot;
        final Profile profile = layout.profile;
        boolean anyTokens = false;
        for (int s : layout.tokenSlots) {
            int col = slot[s];
            if (col < 0 || end[col] == start[col]) {
                present[s] = false;
                raw[s] = 0;
                continue;
            }
            long v = tokens(b, start[col], end[col], col);
            if (v < 0) {
                return BAD;
            }
            raw[s] = v;
            present[s] = true;
            anyTokens |= s != REQ;
        }
        if (!anyTokens && profile.nonUsageAllowed) {
            return NOT_USAGE;
        }
        for (int o : layout.requiredTokens) {
            if (!present[o]) {
                return missing(Slot.ALL[o]);
            }
        }
        int tcol = slot[Slot.TIMESTAMP.ordinal()];
        if (tcol < 0 || end[tcol] == start[tcol]) {
            return missing(Slot.TIMESTAMP);
        }
        if (!Timestamps.parse(b, start[tcol], end[tcol], ts)) {
            return badTimestamp(b, start[tcol], end[tcol], tcol);
        }
        int costCol = slot[COST];
        java.math.BigDecimal cost = null;
        if (costCol >= 0 && end[costCol] > start[costCol]) {
            cost = cost(b, start[costCol], end[costCol], costCol);
            if (cost == null) {
                return BAD;
            }
        }
        // the one meaning: input with cache reads and writes, output with reasoning
        long cr = raw[CR];
        long cw;
        // the one-hour part of the cache writes, where the source tells the durations apart
        long cw1h = raw[CW1];
        long in;
        long out;
        long rsn = raw[RSN];
        try {
            long parts = Math.addExact(raw[CW5], raw[CW1]);
            if (present[CW]) {
                cw = raw[CW];
                if ((present[CW5] || present[CW1]) && parts != cw) {
                    return badCacheParts(cw, parts);
                }
            } else {
                cw = parts;
            }
            in = Math.addExact(raw[IN], raw[IN_X]);
            if (!profile.inputIncludesCache) {
                in = Math.addExact(in, Math.addExact(cr, cw));
            } else if (Math.addExact(cr, cw) > raw[IN]) {
                return badCache(cr, cw);
            }
            out = Math.addExact(raw[OUT], raw[OUT_X]);
            if (!profile.outputIncludesReasoning) {
                out = Math.addExact(out, rsn);
            } else if (rsn > raw[OUT]) {
                return badReasoning(rsn);
            }
            long sum = Math.addExact(in, out);
            if (present[TOT] && raw[TOT] != sum) {
                return badTotal(in, out, sum);
            }
        } catch (ArithmeticException e) {
            return badRowSum();
        }
        if (profile.zeroIsPlaceholder && in == 0 && out == 0) {
            return PLACEHOLDER;
        }
        long requests;
        long unknown = 0;
        if (present[REQ]) {
            requests = raw[REQ];
        } else if (profile.requestsUnknown) {
            requests = 0;
            unknown = 1;
        } else {
            requests = 1;
        }
        int index = periodIndex();
        int r = findDimensions(b, start, end);
        if (r != COUNTED) {
            return r;
        }
        if (checkOnly) {
            return COUNTED;
        }
        if (layout.hasIds()) {
            int c1 = slot[Slot.ID.ordinal()];
            int c2 = slot[Slot.ID2.ordinal()];
            if (profile.finalCopy && end[c1] > start[c1]) {
                // one response is one id, whatever its request id: copies without one included
                if (finals != null) {
                    return hold(b, start, end, c1, index, requests, unknown, in, out, cr, cw, cw1h, rsn, costCol >= 0, cost);
                }
            } else if (!profile.finalCopy && end[c1] > start[c1] && (c2 < 0 || end[c2] > start[c2])) {
                if (seen != null && !ids(b, start, end, c1, c2)) {
                    return DUPLICATE;
                }
            }
        }
        // after the id is claimed (a copy inside the dates of a record outside them is a copy), and
        // for a held copy when it is added, dated by its earliest copy
        if (rowDay < sinceDay || rowDay > untilDay) {
            return OUTSIDE;
        }
        internDimensions(b, start, end);
        int tuple = acc.tuple(ids);
        if (!acc.add(index, tuple, requests, unknown, in, out, cr, cw, rsn)) {
            return badGroupSum(index, tuple, requests, unknown, in, out, cr, cw, rsn);
        }
        if (in > Accumulator.LARGE_INPUT || costCol >= 0 || cw1h > 0) {
            acc.extra(index, tuple, requests, unknown, in, out, cr, cw, cw1h, rsn, costCol >= 0, cost);
        }
        if (hourly) {
            acc.seen(index, tuple, rowInstant);
        }
        return COUNTED;
    }

    /** Holds a good row as a copy of its id ({@link FinalCopies}): {@link #COUNTED} for a new id, else {@link #DUPLICATE}. */
    private int hold(byte[] b, int[] start, int[] end, int idCol, int index, long requests, long unknown, long in, long out, long cr,
            long cw, long cw1h, long rsn, boolean costField, java.math.BigDecimal cost) {
        FinalCopies.Copy c = new FinalCopies.Copy();
        c.earliest = instant();
        c.periodIndex = index;
        c.day = rowDay;
        c.dims = new String[ids.length];
        for (int k = 0; k < ids.length; k++) {
            int f = layout.dims[k];
            c.dims[k] = f < 0 ? "" : finals.value(new String(b, start[f], end[f] - start[f], java.nio.charset.StandardCharsets.UTF_8));
        }
        c.requests = requests;
        c.unknown = unknown;
        c.in = in;
        c.out = out;
        c.cacheRead = cr;
        c.cacheWrite = cw;
        c.cacheWrite1h = cw1h;
        c.reasoning = rsn;
        c.costField = costField;
        c.cost = cost;
        c.file = file;
        c.line = line;
        c.fileRank = fileRank;
        c.seq = seq;
        c.lastWins = layout.profile.lastCopyWins;
        return finals.offer(SeenIds.key(b, start[idCol], end[idCol], 0, 0), c) ? COUNTED : DUPLICATE;
    }

    /**
     * Adds a held copy to its group: {@link #COUNTED}, {@link #OUTSIDE} the dates, or {@link #BAD}
     * (with the error set) when a sum would pass the limit. Its dimension values were checked
     * when it was read.
     */
    int addHeld(FinalCopies.Copy c) {
        if (c.day < sinceDay || c.day > untilDay) {
            return OUTSIDE;
        }
        for (int k = 0; k < ids.length; k++) {
            byte[] v = c.dims[k].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ids[k] = acc.dicts[k].intern(v, 0, v.length);
        }
        int tuple = acc.tuple(ids);
        if (!acc.add(c.periodIndex, tuple, c.requests, c.unknown, c.in, c.out, c.cacheRead, c.cacheWrite, c.reasoning)) {
            return badGroupSum(c.periodIndex, tuple, c.requests, c.unknown, c.in, c.out, c.cacheRead, c.cacheWrite, c.reasoning);
        }
        if (c.in > Accumulator.LARGE_INPUT || c.costField || c.cacheWrite1h > 0) {
            acc.extra(c.periodIndex, tuple, c.requests, c.unknown, c.in, c.out, c.cacheRead, c.cacheWrite, c.cacheWrite1h, c.reasoning,
                    c.costField, c.cost);
        }
        if (hourly) {
            acc.seen(c.periodIndex, tuple, c.earliest);
        }
        return COUNTED;
    }

    /** The current row's instant in epoch seconds; a time without an offset is wall time in the zone. */
    private long instant() {
        long wall = ts.day * 86400L + ts.secondOfDay;
        if (ts.offsetSeconds != Timestamps.NO_OFFSET) {
            return wall - ts.offsetSeconds;
        }
        if (fixed) {
            return wall - fixedOffset;
        }
        java.time.LocalDateTime local = java.time.LocalDateTime.ofEpochSecond(wall, 0, ZoneOffset.UTC);
        return wall - rules.getOffset(local).getTotalSeconds();
    }

    /** {@link #row} for a {@link Layout#simple} layout: the same checks, with nothing to add up. */
    private int simpleRow(byte[] b, int[] start, int[] end) {
        int ic = layout.slot[IN];
        int oc = layout.slot[OUT];
        if (end[ic] == start[ic]) {
            return missing(Slot.INPUT);
        }
        if (end[oc] == start[oc]) {
            return missing(Slot.OUTPUT);
        }
        long in = tokens(b, start[ic], end[ic], ic);
        if (in < 0) {
            return BAD;
        }
        long out = tokens(b, start[oc], end[oc], oc);
        if (out < 0) {
            return BAD;
        }
        if (in + out < 0) {
            return badRowSum();
        }
        int tcol = layout.slot[Slot.TIMESTAMP.ordinal()];
        if (end[tcol] == start[tcol]) {
            return missing(Slot.TIMESTAMP);
        }
        if (!Timestamps.parse(b, start[tcol], end[tcol], ts)) {
            return badTimestamp(b, start[tcol], end[tcol], tcol);
        }
        int index = periodIndex();
        if (rowDay < sinceDay || rowDay > untilDay) {
            return OUTSIDE;
        }
        int r = findDimensions(b, start, end);
        if (r != COUNTED || checkOnly) {
            return r;
        }
        internDimensions(b, start, end);
        int tuple = acc.tuple(ids);
        if (!acc.add(index, tuple, 1, 0, in, out, 0, 0, 0)) {
            return badGroupSum(index, tuple, 1, 0, in, out, 0, 0, 0);
        }
        if (in > Accumulator.LARGE_INPUT) {
            acc.extra(index, tuple, 1, 0, in, out, 0, 0, 0, 0, false, null);
        }
        if (hourly) {
            acc.seen(index, tuple, rowInstant);
        }
        return COUNTED;
    }

    /** Whether the id is new; checked after everything else, so a bad row's id is never kept. */
    private boolean ids(byte[] b, int[] start, int[] end, int c1, int c2) {
        return seen.add(b, start[c1], end[c1], c2 < 0 ? 0 : start[c2], c2 < 0 ? 0 : end[c2]);
    }

    /** Checks each dimension value and finds its id (-1 when new) into {@link #ids}; interns nothing. */
    private int findDimensions(byte[] b, int[] start, int[] end) {
        for (int k = 0; k < ids.length; k++) {
            int f = layout.dims[k];
            if (f < 0) {
                // an optional dimension the rows have no column for: empty
                ids[k] = acc.dicts[k].find(NONE, 0, 0);
                continue;
            }
            int len = end[f] - start[f];
            if (len > Accumulator.MAX_VALUE_BYTES) {
                return badLength(f, len);
            }
            int id = acc.dicts[k].find(b, start[f], end[f]);
            if (id < 0 && !Utf8.valid(b, start[f], end[f])) {
                return badUtf8(b, start[f], end[f], f);
            }
            ids[k] = id;
        }
        return COUNTED;
    }

    /** Interns the new values of a row found good. */
    private void internDimensions(byte[] b, int[] start, int[] end) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] < 0) {
                int f = layout.dims[k];
                ids[k] = f < 0 ? acc.dicts[k].intern(NONE, 0, 0) : acc.dicts[k].intern(b, start[f], end[f]);
            }
        }
    }

    // the messages, out of the hot method so that it stays small enough to be compiled whole

    private int badTimestamp(byte[] b, int from, int to, int col) {
        return bad("bad timestamp", layout.names[col] + " (\"" + text(b, from, to) + "\") " + ts.error);
    }

    private int badCacheParts(long cw, long parts) {
        return bad("contradictory counts", name(CW) + " (" + cw + ") contradicts its parts " + name(CW5) + " + " + name(CW1)
                + " (" + raw[CW5] + " + " + raw[CW1] + " = " + parts + ")");
    }

    private int badCache(long cr, long cw) {
        return bad("contradictory counts", "cache reads + writes (" + cr + " + " + cw + ") exceed " + name(IN) + " (" + raw[IN]
                + "), which includes them");
    }

    private int badReasoning(long rsn) {
        return bad("contradictory counts", name(RSN) + " (" + rsn + ") exceeds " + name(OUT) + " (" + raw[OUT] + "), which includes it");
    }

    private int badTotal(long in, long out, long sum) {
        return bad("contradictory counts", name(TOT) + " (" + raw[TOT] + ") contradicts input + output (" + in + " + " + out + " = "
                + sum + ")");
    }

    private int badRowSum() {
        return bad("sum overflow", "the row's token counts add up to more than " + Long.MAX_VALUE);
    }

    private int badLength(int col, int len) {
        return bad("value too long", layout.names[col] + " is " + len + " bytes long; at most " + Accumulator.MAX_VALUE_BYTES
                + " are allowed");
    }

    private int badUtf8(byte[] b, int from, int to, int col) {
        return bad("invalid UTF-8", layout.names[col] + " (\"" + text(b, from, to) + "\") is not valid UTF-8");
    }

    private static final String[] SUMS = {"requests", "rows without a request count", "input_tokens", "output_tokens", "cache_read_tokens",
        "cache_write_tokens", "reasoning_tokens"};

    /** Names the sum that would pass the limit and its operands, as Guava's checked arithmetic does. */
    private int badGroupSum(int index, int tuple, long... row) {
        long[] sums = acc.sums(index, tuple);
        String what = "a sum";
        for (int k = 0; k < SUMS.length; k++) {
            if (sums[k] + row[k] < 0) {
                what = SUMS[k] + " (" + sums[k] + " + " + row[k] + ")";
                break;
            }
        }
        if (what.equals("a sum")) {
            // each part fits: their total does not
            what = "total_tokens (" + (sums[2] + sums[3]) + " + " + (row[2] + row[3]) + ")";
        }
        return bad("sum overflow", "adding this row to the group of " + UsageResult.period(period, index) + describeGroup(tuple)
                + " would take " + what + " past " + Long.MAX_VALUE + ": refused rather than wrapped");
    }

    private String describeGroup(int tuple) {
        if (layout.dims.length == 0) {
            return "";
        }
        int[] t = acc.tupleIds(tuple);
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < t.length; k++) {
            s.append(k == 0 ? " (" : ", ").append(layout.dimNames[k]).append('=').append(Text.escape(acc.dicts[k].value(t[k])));
        }
        return s.append(')').toString();
    }

    private String name(int slotOrdinal) {
        int col = layout.slot[slotOrdinal];
        if (col >= 0) {
            return layout.names[col];
        }
        java.util.List<String> n = layout.profile.names(Slot.ALL[slotOrdinal]);
        return n.isEmpty() ? Slot.ALL[slotOrdinal].name().toLowerCase(java.util.Locale.ROOT) : n.get(0);
    }

    private int missing(Slot s) {
        int col = layout.slot[s.ordinal()];
        if (layout.json || col < 0) {
            return bad("missing field", "no " + name(s.ordinal()) + " field (looked for " + String.join(", ", layout.profile.names(s)) + ")");
        }
        return bad(s == Slot.TIMESTAMP ? "bad timestamp" : "missing token count", layout.names[col] + " is empty");
    }

    private int periodIndex() {
        long day = zonedDay();
        rowDay = day;
        if (hourly) {
            rowInstant = instant();
            return (int) Math.floorDiv(rowInstant, 3600L);
        }
        switch (period) {
            case DAY:
                return (int) day;
            case WEEK:
                int slot = (int) day & (WEEK_CACHE - 1);
                if (weekCacheDay[slot] != day) {
                    weekCacheDay[slot] = day;
                    weekCache[slot] = (int) Math.floorDiv(day + 3, 7L);
                }
                return weekCache[slot];
            default:
                if (day != lastDay) {
                    LocalDate d = LocalDate.ofEpochDay(day);
                    lastMonth = d.getYear() * 12 + d.getMonthValue() - 1;
                    lastDay = day;
                }
                return lastMonth;
        }
    }

    /** The current row's day in the zone. */
    private long zonedDay() {
        long day = ts.day;
        if (ts.offsetSeconds != Timestamps.NO_OFFSET || !fixed) {
            // move the written wall time to the zone's wall time; an offset and a zone may be up
            // to 36 hours apart, so the day can move by more than one
            int shift;
            if (fixed) {
                shift = fixedOffset - ts.offsetSeconds;
            } else {
                long instant = ts.day * 86400L + ts.secondOfDay - (ts.offsetSeconds == Timestamps.NO_OFFSET ? 0 : ts.offsetSeconds);
                shift = ts.offsetSeconds == Timestamps.NO_OFFSET ? 0 : offsetAt(instant) - ts.offsetSeconds;
            }
            int sod = ts.secondOfDay + shift;
            if (sod < 0 || sod >= 86400) {
                day += Math.floorDiv(sod, 86400);
            }
        }
        return day;
    }

    /** A token count, or -1 with the error set. */
    private long tokens(byte[] b, int from, int to, int col) {
        if (fractional != null && fractional[col]) {
            bad("bad token count", layout.names[col] + " (" + text(b, from, to) + ") is not a whole number of tokens");
            return -1;
        }
        if (to - from > 1 && b[from] == '-' && zeros(b, from + 1, to)) {
            // -0 is 0, as Jackson reads it on the tree path: one value however the line was read
            return 0;
        }
        long v = 0;
        // up to 18 digits cannot overflow a long: only longer numbers need the (dividing) check
        boolean check = to - from > 18;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                bad("bad token count", layout.names[col] + " (\"" + text(b, from, to) + "\") is not a whole number of tokens");
                return -1;
            }
            if (check && v > (Long.MAX_VALUE - c) / 10) {
                bad("bad token count", layout.names[col] + " (\"" + text(b, from, to) + "\") is larger than " + Long.MAX_VALUE);
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * The source's own cost of the row, a decimal number of US dollars, exact; or null with the
     * error set. A negative cost, or one with more than 30 decimal places or digits (no logged
     * cost has them, and an exponent such as 1e-999999 would make every later sum huge), is bad.
     */
    private java.math.BigDecimal cost(byte[] b, int from, int to, int col) {
        java.math.BigDecimal d = null;
        if (to - from <= 64) {
            char[] c = new char[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = (char) (b[i] & 0xFF);
            }
            try {
                d = new java.math.BigDecimal(c);
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        if (d == null) {
            bad("bad cost", layout.names[col] + " (\"" + text(b, from, to) + "\") is not a decimal number of US dollars");
            return null;
        }
        if (d.signum() < 0) {
            bad("bad cost", layout.names[col] + " (" + text(b, from, to) + ") is negative");
            return null;
        }
        if (d.scale() > 30 || d.precision() - d.scale() > 30) {
            bad("bad cost", layout.names[col] + " (" + text(b, from, to) + ") has more than 30 digits before or after the point");
            return null;
        }
        return d;
    }

    private int offsetAt(long instant) {
        long hour = Math.floorDiv(instant, 3600L);
        if (hour != cachedHour) {
            // offsets change on hour or half-hour boundaries; caching by hour is exact except inside
            // a transition hour, which is recomputed when it starts at a non-hour instant
            ZoneOffset o = rules.getOffset(Instant.ofEpochSecond(instant));
            ZoneOffset atHour = rules.getOffset(Instant.ofEpochSecond(hour * 3600L));
            ZoneOffset atEnd = rules.getOffset(Instant.ofEpochSecond(hour * 3600L + 3599));
            if (!atHour.equals(atEnd)) {
                return o.getTotalSeconds();
            }
            cachedHour = hour;
            cachedOffset = o.getTotalSeconds();
        }
        return cachedOffset;
    }

    /** Up to 40 bytes of a value for a message, control characters and invalid UTF-8 escaped. */
    static String text(byte[] b, int from, int to) {
        int n = Math.min(to - from, 40);
        return Text.escapeBytes(b, from, from + n) + (to - from > 40 ? "..." : "");
    }
}
