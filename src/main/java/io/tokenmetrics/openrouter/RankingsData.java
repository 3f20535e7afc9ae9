package io.tokenmetrics.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily rows of OpenRouter's {@code rankings-daily} responses, merged: overlapping windows are
 * combined, and a day present in several responses keeps all its rows from the response with the
 * newest {@code meta.as_of} (compared as instants, offsets applied): a day is merged whole, since
 * a newer response may fold a model into {@code other} that an older one listed, and mixing the
 * two would count it twice. Unknown fields are ignored (the API may add some); the fields used
 * are required and checked, each error naming the file and JSON path. Immutable.
 */
public final class RankingsData {
    private final Map<String, DailyRow> rows;
    /** Whether the rows are weeks' buckets (period=week); false for days and for no rows. */
    private final boolean weeks;

    private RankingsData(Map<String, DailyRow> rows) {
        this(rows, false);
    }

    private RankingsData(Map<String, DailyRow> rows, boolean weeks) {
        this.rows = rows;
        this.weeks = weeks && !rows.isEmpty();
    }

    /**
     * Whether the rows are weeks' buckets ({@code period=week} responses) rather than days.
     *
     * @return true for weeks' buckets
     */
    public boolean isWeekly() {
        return weeks;
    }

    /**
     * Reads one saved {@code period=week} response: each row is an ISO week's bucket, dated by
     * its Monday, covering the days of that week inside the response's {@code meta.start_date}
     * to {@code meta.end_date}.
     *
     * @param file the file
     * @return the rows of the response
     * @throws IOException if the file cannot be opened or read
     * @throws MalformedResponseException if it is not a valid response, with the JSON path
     */
    public static RankingsData readWeeks(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(java.util.Objects.requireNonNull(file, "file"))) {
            return parseWeeks(in, file.toString());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads one {@code period=week} response from {@code in}, naming it {@code name} in errors.
     *
     * @param in the stream to read
     * @param name the name, for messages
     * @return the rows of the response
     * @throws MalformedResponseException if it is not a valid response: also a row not dated by
     *     a Monday, or a response without {@code meta.start_date} and {@code meta.end_date}
     */
    public static RankingsData parseWeeks(InputStream in, String name) {
        java.util.Objects.requireNonNull(in, "in");
        java.util.Objects.requireNonNull(name, "name");
        return parse(in, name, true);
    }

    /**
     * No rows.
     *
     * @return no rows
     */
    public static RankingsData empty() {
        return new RankingsData(new TreeMap<>());
    }

    /**
     * Reads one saved response.
     *
     * @param file the file
     * @return the rows of the response
     * @throws IOException if the file cannot be opened or read: I/O stays I/O
     * @throws MalformedResponseException if it is not a valid response, with the JSON path
     */
    public static RankingsData read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(java.util.Objects.requireNonNull(file, "file"))) {
            return parse(in, file.toString());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads one response from {@code in}, naming it {@code name} in errors.
     *
     * @param in the stream to read
     * @param name the name, for messages
     * @return the rows of the response
     */
    public static RankingsData parse(InputStream in, String name) {
        java.util.Objects.requireNonNull(in, "in");
        java.util.Objects.requireNonNull(name, "name");
        return parse(in, name, false);
    }

    private static RankingsData parse(InputStream in, String name, boolean weeks) {
        JsonNode root = Responses.root(in, name);
        JsonNode meta = root.get("meta");
        if (meta == null || !meta.isObject() || !meta.path("as_of").isTextual()) {
            throw new MalformedResponseException(name + ": $.meta.as_of: missing; every figure must be cited with its as_of time");
        }
        String asOf = meta.get("as_of").textValue();
        java.time.Instant asOfInstant;
        try {
            asOfInstant = java.time.OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(name + ": $.meta.as_of: \"" + Responses.abbreviate(asOf) + "\" is not an ISO-8601 time with an offset"
                    + " (2026-04-20T02:00:00Z); every figure must be cited with it", e);
        }
        LocalDate windowStart = null;
        LocalDate windowEnd = null;
        if (weeks || meta.path("start_date").isTextual() && meta.path("end_date").isTextual()) {
            // a week's bucket at the edge of the window holds only the days inside it; a day outside its response's window is refused
            windowStart = metaDate(meta, name, "start_date");
            windowEnd = metaDate(meta, name, "end_date");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedResponseException(name + ": $.data: expected an array");
        }
        Map<String, DailyRow> rows = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            String p = "$.data[" + i + "]";
            JsonNode r = data.get(i);
            String date = Responses.text(r, name, p, "date");
            String slug = Responses.text(r, name, p, "model_permaslug");
            long tokens = Responses.whole(r, name, p, "total_tokens", true, "a whole number of tokens");
            LocalDate d;
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new MalformedResponseException(name + ": " + p + ".date: \"" + Responses.abbreviate(date) + "\" is not a date (YYYY-MM-DD)", e);
            }
            DailyRow row;
            if (weeks) {
                if (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
                    throw new MalformedResponseException(name + ": " + p + ".date: " + d + " is a " + d.getDayOfWeek().toString().toLowerCase(java.util.Locale.ROOT)
                            + "; a period=week row is dated by the Monday that starts its ISO week");
                }
                LocalDate first = d.isBefore(windowStart) ? windowStart : d;
                LocalDate last = d.plusDays(6).isAfter(windowEnd) ? windowEnd : d.plusDays(6);
                if (last.isBefore(first)) {
                    throw new MalformedResponseException(name + ": " + p + ".date: the week of " + d + " is outside the window " + windowStart + ".." + windowEnd);
                }
                row = new DailyRow(d, slug, tokens, asOf, asOfInstant, first, last);
            } else {
                if (windowStart != null && (d.isBefore(windowStart) || d.isAfter(windowEnd))) {
                    // it would make a week with tokens and no day counted
                    throw new MalformedResponseException(name + ": " + p + ".date: " + d + " is outside the response's window " + windowStart + ".."
                            + windowEnd + " ($.meta.start_date..end_date)");
                }
                row = new DailyRow(d, slug, tokens, asOf, asOfInstant);
            }
            if (rows.put(key(row), row) != null) {
                throw new MalformedResponseException(name + ": " + p + ": " + d + " " + slug + " appears twice in one response");
            }
        }
        return new RankingsData(rows, weeks);
    }

    private static LocalDate metaDate(JsonNode meta, String name, String field) {
        JsonNode v = meta.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedResponseException(name + ": $.meta." + field + ": missing; a period=week response needs it to know which days"
                    + " a week's bucket covers");
        }
        try {
            return LocalDate.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(name + ": $.meta." + field + ": \"" + Responses.abbreviate(v.textValue()) + "\" is not a date (YYYY-MM-DD)", e);
        }
    }

    private static String key(DailyRow r) {
        return r.date() + "\u0000" + r.permaslug();
    }



    /**
     * Both sets of rows; a day in both keeps all its rows from the set whose {@code as_of} is
     * newer (as an instant), and this one's on a tie.
     *
     * @param other the other one
     * @return the merged rows
     * @throws IllegalArgumentException if one holds days and the other weeks
     */
    public RankingsData merge(RankingsData other) {
        java.util.Objects.requireNonNull(other, "other");
        if (!rows.isEmpty() && !other.rows.isEmpty() && weeks != other.weeks) {
            // a Monday's row and the bucket of the week it starts would both be keyed by that Monday
            throw new IllegalArgumentException("cannot merge days (period=day) with weeks (period=week): read each kind on its own");
        }
        Map<LocalDate, java.time.Instant> mine = dayAsOf(rows);
        Map<LocalDate, java.time.Instant> theirs = dayAsOf(other.rows);
        Map<String, DailyRow> out = new TreeMap<>();
        for (DailyRow r : rows.values()) {
            java.time.Instant t = theirs.get(r.date());
            if (t == null || !t.isAfter(mine.get(r.date()))) {
                out.put(key(r), r);
            }
        }
        for (DailyRow r : other.rows.values()) {
            java.time.Instant m = mine.get(r.date());
            if (m == null || theirs.get(r.date()).isAfter(m)) {
                out.put(key(r), r);
            }
        }
        return new RankingsData(out, weeks || other.weeks);
    }

    /** The newest as_of of each day's rows (one response gives one day one as_of). */
    private static Map<LocalDate, java.time.Instant> dayAsOf(Map<String, DailyRow> rows) {
        Map<LocalDate, java.time.Instant> out = new TreeMap<>();
        for (DailyRow r : rows.values()) {
            out.merge(r.date(), r.asOfInstant(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return out;
    }

    /**
     * The rows, by date then permaslug.
     *
     * @return the rows, by date then permaslug
     */
    public List<DailyRow> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows.values()));
    }

    /**
     * The newest {@code as_of} among the rows (as an instant), as written, for the citation; empty text when there are none.
     *
     * @return the newest {@code as_of} among the rows (as an instant), as written, for the citation; empty text when there are
     *     none
     */
    public String asOf() {
        DailyRow max = null;
        for (DailyRow r : rows.values()) {
            if (max == null || r.asOfInstant().isAfter(max.asOfInstant())) {
                max = r;
            }
        }
        return max == null ? "" : max.asOf();
    }

    /**
     * The citation that must accompany any figure.
     *
     * @return the citation that must accompany any figure
     */
    public String citation() {
        return "Source: OpenRouter (openrouter.ai/rankings), as of " + asOf() + ".";
    }
}
