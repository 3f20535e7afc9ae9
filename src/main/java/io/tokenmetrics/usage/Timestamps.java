package io.tokenmetrics.usage;


/**
 * Reads timestamps from bytes without making objects: ISO-8601 {@code 2026-04-13T12:34:56Z}
 * (also {@code ' '} for {@code 'T'}, fractions of a second, offsets {@code +08:00}, {@code +0800},
 * {@code +08}), a date alone, or epoch time: seconds (10 digits, a fraction allowed),
 * milliseconds (13), microseconds (16) or nanoseconds (19). A timestamp without offset is local
 * time in the aggregation's zone.
 */
final class Timestamps {
    /** Marks "no offset written": the caller applies its zone. */
    static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int DAY_CACHE = 1024;

    private Timestamps() {
    }

    /** A parse result held in a reusable holder, so the hot path allocates nothing. */
    static final class Parsed {
        final int[] cacheKey = new int[DAY_CACHE];
        final long[] cacheDay = new long[DAY_CACHE];
        /** The written date (as days since 1970-01-01) and time of day; with {@link #offsetSeconds}, the instant. */
        long day;
        int secondOfDay;
        int offsetSeconds;
        String error;
    }

    static boolean parse(byte[] b, int from, int to, Parsed out) {
        out.error = null;
        int n = to - from;
        if (n == 0) {
            out.error = "is empty";
            return false;
        }
        boolean numeric = n < 10 || b[from + 4] != '-';
        int dot = -1;
        for (int i = from; numeric && i < to; i++) {
            int c = b[i];
            if (c == '.' && dot < 0 && i > from && i < to - 1) {
                dot = i;
            } else if (c < '0' || c > '9') {
                numeric = false;
            }
        }
        if (numeric) {
            return epoch(b, from, dot < 0 ? to : dot, dot >= 0, out);
        }
        if (n < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            out.error = "is not an ISO-8601 timestamp (2026-04-13T12:34:56Z) or epoch seconds";
            return false;
        }
        int y = digits(b, from, 4);
        int mo = digits(b, from + 5, 2);
        int d = digits(b, from + 8, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || (d > 28 && d > monthLength(y, mo))) {
            out.error = "has no valid date";
            return false;
        }
        // logs cluster on few days: a direct-mapped cache spares the calendar arithmetic
        int key = (y << 9) | (mo << 5) | d;
        int slot = (key ^ (key >>> 10)) & (DAY_CACHE - 1);
        long day;
        if (out.cacheKey[slot] == key) {
            day = out.cacheDay[slot];
        } else {
            day = epochDay(y, mo, d);
            out.cacheKey[slot] = key;
            out.cacheDay[slot] = day;
        }
        int i = from + 10;
        long secs = 0;
        if (i < to) {
            int sep = b[i];
            if (sep != 'T' && sep != 't' && sep != ' ') {
                out.error = "has '" + (char) sep + "' where 'T' should separate date and time";
                return false;
            }
            if (to - i < 6 || b[i + 3] != ':') {
                out.error = "has no valid time";
                return false;
            }
            int h = digits(b, i + 1, 2);
            int mi = digits(b, i + 4, 2);
            int s = 0;
            i += 6;
            if (i < to && b[i] == ':') {
                s = digits(b, i + 1, 2);
                i += 3;
                if (i > to) {
                    out.error = "has no valid time";
                    return false;
                }
            }
            if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
                out.error = "has no valid time";
                return false;
            }
            if (i < to && (b[i] == '.' || b[i] == ',')) {
                i++;
                int start = i;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
                if (i == start) {
                    out.error = "has no digits after the decimal point";
                    return false;
                }
            }
            secs = h * 3600L + mi * 60L + s;
        }
        out.day = day;
        out.secondOfDay = (int) secs;
        out.offsetSeconds = NO_OFFSET;
        if (i == to) {
            return true;
        }
        int c = b[i];
        if ((c == 'Z' || c == 'z') && i + 1 == to) {
            out.offsetSeconds = 0;
            return true;
        }
        if (c == '+' || c == '-') {
            int rest = to - i - 1;
            int oh;
            int om = 0;
            if (rest == 2) {
                oh = digits(b, i + 1, 2);
            } else if (rest == 4) {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 3, 2);
            } else if (rest == 5 && b[i + 3] == ':') {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 4, 2);
            } else {
                out.error = "has an offset that is not +HH:MM";
                return false;
            }
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                out.error = "has an offset that is not +HH:MM";
                return false;
            }
            out.offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            return true;
        }
        out.error = "has unexpected text after the time";
        return false;
    }

    /**
     * Epoch time by its number of digits: 10 seconds (2001-09-09 to 2286), 13 milliseconds, 16
     * microseconds, 19 nanoseconds (OpenTelemetry); a fraction only after seconds. Any other
     * length is refused rather than read as a date in 1970: {@code 20260413} and {@code 2026}
     * are not epoch times.
     */
    private static boolean epoch(byte[] b, int from, int intEnd, boolean fraction, Parsed out) {
        int digits = intEnd - from;
        if (digits != 10 && (fraction || digits != 13 && digits != 16 && digits != 19)) {
            out.error = (fraction ? "has a fraction after " + digits + " digits: only epoch seconds (10 digits) may have one"
                    : "is neither epoch seconds (10 digits), milliseconds (13), microseconds (16) or nanoseconds (19) nor ISO-8601"
                    + " (2026-04-13T12:34:56Z)") + (digits == 8 ? "; write a date as 2026-04-13" : "");
            return false;
        }
        long v = 0;
        for (int i = from; i < intEnd; i++) {
            int c = b[i] - '0';
            if (v > (Long.MAX_VALUE - c) / 10) {
                out.error = "is past the largest epoch time this reads (2262-04-11 in nanoseconds)";
                return false;
            }
            v = v * 10 + c;
        }
        long sec = digits == 10 ? v : digits == 13 ? v / 1000 : digits == 16 ? v / 1_000_000 : v / 1_000_000_000;
        out.day = Math.floorDiv(sec, 86400L);
        out.secondOfDay = (int) Math.floorMod(sec, 86400L);
        out.offsetSeconds = 0;
        return true;
    }

    private static int digits(byte[] b, int at, int n) {
        if (n == 2 && at + 1 < b.length) {
            int d1 = b[at] - '0';
            int d2 = b[at + 1] - '0';
            return (d1 | d2) >= 0 && d1 <= 9 && d2 <= 9 ? d1 * 10 + d2 : -1;
        }
        int v = 0;
        for (int k = at; k < at + n; k++) {
            if (k >= b.length) {
                return -1;
            }
            int c = b[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int monthLength(int y, int m) {
        switch (m) {
            case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11: return 30;
            default: return 31;
        }
    }

    /** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
    static long epochDay(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(yy, 400);
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468;
    }
}
