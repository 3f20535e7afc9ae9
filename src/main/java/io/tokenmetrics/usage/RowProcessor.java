package io.tokenmetrics.usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Turns one row's fields (byte ranges of a buffer) into a group update. One per thread; holds
 * the reusable state of the hot path. Returns an error text instead of throwing, so that a bad row
 * costs no stack trace.
 */
final class RowProcessor {
    final Layout layout;
    final Accumulator acc;
    private final io.tokenmetrics.period.PeriodType period;
    private final ZoneRules rules;
    private final int fixedOffset;
    private final boolean fixed;
    private final Timestamps.Parsed ts = new Timestamps.Parsed();
    private final int[] ids;
    private long cachedHour = Long.MIN_VALUE;
    private int cachedOffset;
    private long lastDay = Long.MIN_VALUE;
    private static final int WEEK_CACHE = 1024;
    private final long[] weekCacheDay = new long[WEEK_CACHE];
    private final int[] weekCache = new int[WEEK_CACHE];
    private int lastMonth;
    String errorKind;

    /** Which field of a row plays which part. */
    static final class Layout {
        final int columns;
        final int timestamp;
        final int[] dims;
        final String[] dimNames;
        final int input;
        final int output;
        final int cached;
        final int reasoning;
        final int total;
        final String[] names;

        Layout(int columns, int timestamp, int[] dims, String[] dimNames, int input, int output, int cached, int reasoning, int total,
                String[] names) {
            this.columns = columns;
            this.timestamp = timestamp;
            this.dims = dims;
            this.dimNames = dimNames;
            this.input = input;
            this.output = output;
            this.cached = cached;
            this.reasoning = reasoning;
            this.total = total;
            this.names = names;
        }
    }

    RowProcessor(Layout layout, io.tokenmetrics.period.PeriodType period, ZoneId zone) {
        this.layout = layout;
        this.acc = new Accumulator(layout.dims.length);
        this.period = period;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.ids = new int[layout.dims.length];
        java.util.Arrays.fill(weekCacheDay, Long.MIN_VALUE);
    }

    /** Processes one row; null if it was counted, else why not (and {@link #errorKind}). */
    String row(byte[] b, int[] start, int[] end) {
        if (!Timestamps.parse(b, start[layout.timestamp], end[layout.timestamp], ts)) {
            errorKind = "bad timestamp";
            return layout.names[layout.timestamp] + " (\"" + text(b, start[layout.timestamp], end[layout.timestamp]) + "\") " + ts.error;
        }
        long day = ts.day;
        if (ts.offsetSeconds != Timestamps.NO_OFFSET || !fixed) {
            // move the written wall time to the zone's wall time; comparisons instead of divisions
            // on the hot path, since an offset is less than a day
            int shift;
            if (fixed) {
                shift = fixedOffset - ts.offsetSeconds;
            } else {
                long instant = ts.day * 86400L + ts.secondOfDay - (ts.offsetSeconds == Timestamps.NO_OFFSET ? 0 : ts.offsetSeconds);
                shift = ts.offsetSeconds == Timestamps.NO_OFFSET ? 0 : offsetAt(instant) - ts.offsetSeconds;
            }
            int sod = ts.secondOfDay + shift;
            if (sod < 0) {
                day--;
            } else if (sod >= 86400) {
                day++;
            }
        }
        int index;
        switch (period) {
            case DAY:
                index = (int) day;
                break;
            case WEEK:
                int slot = (int) day & (WEEK_CACHE - 1);
                if (weekCacheDay[slot] != day) {
                    weekCacheDay[slot] = day;
                    weekCache[slot] = (int) Math.floorDiv(day + 3, 7L);
                }
                index = weekCache[slot];
                break;
            default:
                if (day != lastDay) {
                    java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
                    lastMonth = d.getYear() * 12 + d.getMonthValue() - 1;
                    lastDay = day;
                }
                index = lastMonth;
                break;
        }
        for (int k = 0; k < ids.length; k++) {
            int f = layout.dims[k];
            int len = end[f] - start[f];
            if (len > Accumulator.MAX_VALUE_BYTES) {
                errorKind = "value too long";
                return layout.names[f] + " is " + len + " bytes long; at most " + Accumulator.MAX_VALUE_BYTES + " are allowed";
            }
            ids[k] = acc.dicts[k].intern(b, start[f], end[f]);
        }
        long in = tokens(b, start, end, layout.input, true);
        if (in < 0) {
            return error;
        }
        long out = tokens(b, start, end, layout.output, true);
        if (out < 0) {
            return error;
        }
        long cache = tokens(b, start, end, layout.cached, false);
        if (cache < 0) {
            return error;
        }
        long reason = tokens(b, start, end, layout.reasoning, false);
        if (reason < 0) {
            return error;
        }
        long tot;
        if (layout.total >= 0 && end[layout.total] > start[layout.total]) {
            tot = tokens(b, start, end, layout.total, true);
            if (tot < 0) {
                return error;
            }
        } else {
            tot = in + out;
            if (tot < 0) {
                errorKind = "sum overflow";
                return "input + output tokens exceed " + Long.MAX_VALUE;
            }
        }
        try {
            acc.add(index, acc.tuple(ids), in, out, cache, reason, tot);
        } catch (ArithmeticException e) {
            errorKind = "sum overflow";
            return "the group's token sum exceeds " + Long.MAX_VALUE + ": refused rather than wrapped";
        }
        return null;
    }

    private String error;

    /** A token count, or -1 with {@link #error} set. An absent optional column counts 0. */
    private long tokens(byte[] b, int[] start, int[] end, int field, boolean required) {
        if (field < 0) {
            return 0;
        }
        int from = start[field];
        int to = end[field];
        if (from == to) {
            if (!required) {
                return 0;
            }
            errorKind = "missing token count";
            error = layout.names[field] + " is empty";
            return -1;
        }
        long v = 0;
        // up to 18 digits cannot overflow a long: only longer numbers need the (dividing) check
        boolean check = to - from > 18;
        for (int i = from; i < to; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                errorKind = "bad token count";
                error = layout.names[field] + " (\"" + text(b, from, to) + "\") is not a whole number of tokens";
                return -1;
            }
            if (check && v > (Long.MAX_VALUE - c) / 10) {
                errorKind = "bad token count";
                error = layout.names[field] + " (\"" + text(b, from, to) + "\") is larger than " + Long.MAX_VALUE;
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private int offsetAt(long instant) {
        if (fixed) {
            return fixedOffset;
        }
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

    static String text(byte[] b, int from, int to) {
        int n = Math.min(to - from, 40);
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = b[from + i];
        }
        return new String(x, StandardCharsets.UTF_8) + (to - from > 40 ? "..." : "");
    }
}
