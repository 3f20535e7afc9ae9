package io.tokenmetrics.data;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.period.TimePeriod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Datasets as CSV, in two forms, recognised by the header:
 *
 * <ul>
 *   <li>long: {@code series, period, value}, and optional {@code stated_change, rank, status,
 *       source, quote, note, listed, fact} and, per series, {@code subject, region, measure};
 *   <li>wide: a {@code period} column and one column per series, an empty cell being no figure.
 * </ul>
 *
 * <p>A series without a {@code measure} takes it from its periods: ISO weeks give tokens/week,
 * months tokens/month, years tokens/year, anything else tokens/day (a daily rate observed at that
 * time). Its subject is its id and its region GLOBAL unless the columns say otherwise. Errors
 * name the line and the column; malformed CSV (an unclosed quote, a wrong number of cells) is a
 * {@link MalformedDatasetException}, a cell that is not a valid value an
 * {@link InvalidDatasetException}.
 */
final class DatasetCsv {
    private static final List<String> LONG = Arrays.asList("series", "period", "value", "stated_change", "rank", "status", "source",
            "quote", "note", "listed", "fact", "subject", "region", "measure", "rounded");

    private DatasetCsv() {
    }

    static Dataset read(InputStream in, String name) {
        List<List<String>> rows;
        try {
            rows = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
        }
        if (rows.isEmpty()) {
            throw new MalformedDatasetException(name, "1", "empty input: a CSV dataset needs a header row", null);
        }
        List<String> header = new ArrayList<>();
        for (String h : rows.get(0)) {
            // known column names match in any case; a wide-form series column keeps its name as
            // written, so that "Not_Kebab" is rejected as it is rather than quietly renamed
            String lower = h.trim().toLowerCase(Locale.ROOT);
            header.add(LONG.contains(lower) ? lower : h.trim());
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.indexOf(header.get(i)) != i) {
                throw new InvalidDatasetException(name, "1", "column \"" + header.get(i) + "\" appears twice", null);
            }
        }
        if (header.contains("series") && header.contains("value")) {
            return longForm(name, header, rows);
        }
        if (header.contains("period")) {
            return wideForm(name, header, rows);
        }
        throw new InvalidDatasetException(name, "1", "the header has neither series, period, value (long form) nor period and series"
                + " columns (wide form): " + String.join(", ", header), null);
    }

    private static String where(int line, String column) {
        return line + ":" + column;
    }

    /** One series being read: its observations and the metadata its rows give. */
    private static final class Draft {
        final List<Observation> observations = new ArrayList<>();
        final Map<TimePeriod, Integer> lines = new HashMap<>();
        String subject;
        String region;
        Measure measure;
        int firstLine;
    }

    private static Dataset longForm(String name, List<String> header, List<List<String>> rows) {
        for (String h : header) {
            if (!LONG.contains(h)) {
                throw new InvalidDatasetException(name, "1", "unknown column \"" + h + "\" (allowed: " + String.join(", ", LONG) + ")", null);
            }
        }
        if (!header.contains("period")) {
            throw new InvalidDatasetException(name, "1", "missing column \"period\"", null);
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            Map<String, String> cells = cells(name, header, rows.get(r), line);
            if (cells == null) {
                continue;
            }
            String id = required(name, cells, "series", line);
            Draft d = drafts.computeIfAbsent(id, k -> new Draft());
            if (d.firstLine == 0) {
                d.firstLine = line;
            }
            d.subject = meta(name, d.subject, cells.get("subject"), "subject", line);
            d.region = meta(name, d.region, cells.get("region"), "region", line);
            String m = cells.get("measure");
            if (m != null && !m.isEmpty()) {
                try {
                    Measure measure = Measure.fromId(m);
                    if (d.measure != null && d.measure != measure) {
                        throw new InvalidDatasetException(name, where(line, "measure"), "series " + id + " has measure " + d.measure
                                + " on an earlier line and " + measure + " here", null);
                    }
                    d.measure = measure;
                } catch (IllegalArgumentException e) {
                    throw new InvalidDatasetException(name, where(line, "measure"), e.getMessage(), e);
                }
            }
            d.observations.add(observation(name, cells, line, d, sources));
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, Draft> e : drafts.entrySet()) {
            series.add(build(name, e.getKey(), e.getValue(), false));
        }
        return Dataset.of(series, sources.values(), java.util.Collections.<Claim>emptyList());
    }

    private static String meta(String name, String had, String cell, String column, int line) {
        if (cell == null || cell.isEmpty()) {
            return had;
        }
        if (had != null && !had.equals(cell)) {
            throw new InvalidDatasetException(name, where(line, column), column + " (" + cell + ") differs from the series' earlier " + column
                    + " (" + had + ")", null);
        }
        return cell;
    }

    private static Dataset wideForm(String name, List<String> header, List<List<String>> rows) {
        int pc = header.indexOf("period");
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != pc) {
                drafts.put(header.get(c), new Draft());
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            int line = r + 1;
            Map<String, String> cells = cells(name, header, rows.get(r), line);
            if (cells == null) {
                continue;
            }
            for (Map.Entry<String, Draft> e : drafts.entrySet()) {
                String v = cells.get(e.getKey());
                if (v == null || v.isEmpty()) {
                    continue;
                }
                Map<String, String> one = new HashMap<>();
                one.put("period", cells.get("period"));
                one.put("value", v);
                if (e.getValue().firstLine == 0) {
                    e.getValue().firstLine = line;
                }
                e.getValue().observations.add(observation(name, one, line, e.getValue(), new HashMap<>(), e.getKey()));
            }
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, Draft> e : drafts.entrySet()) {
            if (!e.getValue().observations.isEmpty()) {
                series.add(build(name, e.getKey(), e.getValue(), true));
            }
        }
        return Dataset.of(series);
    }

    private static Observation observation(String name, Map<String, String> cells, int line, Draft d, Map<String, Source> sources) {
        return observation(name, cells, line, d, sources, "value");
    }

    private static Observation observation(String name, Map<String, String> cells, int line, Draft d, Map<String, Source> sources,
            String valueColumn) {
        TimePeriod period;
        try {
            period = TimePeriod.parse(required(name, cells, "period", line));
        } catch (DateTimeParseException e) {
            throw new InvalidDatasetException(name, where(line, "period"), e.getMessage(), e);
        }
        Integer before = d.lines.put(period, line);
        if (before != null) {
            throw new InvalidDatasetException(name, where(line, "period"), "period " + period + " appears twice (also on line " + before + ")", null);
        }
        Measure measure = d.measure != null ? d.measure : measureOf(period);
        String v = cells.get("value");
        Quantity value = null;
        if (v != null && !v.isEmpty()) {
            try {
                value = Quantity.parse(v, measure.unit());
            } catch (IllegalArgumentException e) {
                throw new InvalidDatasetException(name, where(line, valueColumn), e.getMessage(), e);
            }
        }
        Observation.Builder b = Observation.builder(period, value);
        String ch = cells.get("stated_change");
        try {
            if ("unknown".equals(ch)) {
                b.changeUnknown(true);
            } else if (ch != null && !ch.isEmpty()) {
                b.statedChange(Quantity.parse(ch, Quantity.Unit.PERCENT));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(name, where(line, "stated_change"), e.getMessage(), e);
        }
        String rank = cells.get("rank");
        if (rank != null && !rank.isEmpty()) {
            try {
                int n = Integer.parseInt(rank);
                b.rank(n);
            } catch (NumberFormatException e) {
                throw new InvalidDatasetException(name, where(line, "rank"), "rank (" + rank + ") must be a whole number >= 1", e);
            }
        }
        String listed = cells.get("listed");
        if (listed != null && !listed.isEmpty()) {
            if (!listed.equals("true") && !listed.equals("false")) {
                throw new InvalidDatasetException(name, where(line, "listed"), "listed (" + listed + ") must be true or false", null);
            }
            b.listed(Boolean.valueOf(listed));
        }
        String rounded = cells.get("rounded");
        if (rounded != null && !rounded.isEmpty()) {
            if (!rounded.equals("true") && !rounded.equals("false")) {
                throw new InvalidDatasetException(name, where(line, "rounded"), "rounded (" + rounded + ") must be true or false", null);
            }
            b.rounded(Boolean.parseBoolean(rounded));
        }
        String status = cells.get("status");
        if (status != null && !status.isEmpty()) {
            try {
                b.status(Status.fromId(status));
            } catch (IllegalArgumentException e) {
                throw new InvalidDatasetException(name, where(line, "status"), e.getMessage(), e);
            }
        }
        String source = cells.get("source");
        if (source != null && !source.isEmpty()) {
            // a free-text source: one per distinct text, dated by the first figure citing it
            b.source(sources.computeIfAbsent(source, s -> Source.of(io.tokenmetrics.internal.Ids.from(s), s, s, period, null)));
        }
        b.quote(empty(cells.get("quote"))).note(empty(cells.get("note"))).fact(empty(cells.get("fact")));
        try {
            Observation o = b.build();
            String fit = Series.fits(measure, o);
            if (fit != null) {
                throw new InvalidDatasetException(name, where(line, "period"), fit, null);
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(name, where(line, valueColumn), e.getMessage(), e);
        }
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The measure a series without one takes from its periods. */
    private static Measure measureOf(TimePeriod p) {
        return p.type() == PeriodType.WEEK ? Measure.TOKENS_PER_WEEK : p.type() == PeriodType.MONTH ? Measure.TOKENS_PER_MONTH
                : p.type() == PeriodType.YEAR ? Measure.TOKENS_PER_YEAR : Measure.TOKENS_PER_DAY;
    }

    /** In the wide form a series is a column, so a bad series (an id not in kebab case) is reported at its header cell. */
    private static Series build(String name, String id, Draft d, boolean wide) {
        Measure measure = d.measure != null ? d.measure : measureOf(d.observations.get(0).period());
        try {
            return Series.builder(id, measure).subject(d.subject != null ? d.subject : id).region(d.region != null ? d.region : "GLOBAL")
                    .observations(d.observations).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidDatasetException(name, wide ? where(1, id) : where(d.firstLine, "series"), e.getMessage(), e);
        }
    }

    private static String required(String name, Map<String, String> cells, String column, int line) {
        String v = cells.get(column);
        if (v == null || v.isEmpty()) {
            throw new InvalidDatasetException(name, where(line, column), column + " is empty", null);
        }
        return v;
    }

    /** The cells of a row by column, or null for a blank line. */
    private static Map<String, String> cells(String name, List<String> header, List<String> row, int line) {
        if (row.size() == 1 && row.get(0).trim().isEmpty()) {
            return null;
        }
        if (row.size() != header.size()) {
            throw new MalformedDatasetException(name, Integer.toString(line), "expected " + header.size() + " cells, found " + row.size(), null);
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), row.get(i).trim());
        }
        return out;
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and newlines; CRLF and a byte-order mark are fine. */
    static List<List<String>> parse(BufferedReader r, String name) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        int c;
        boolean first = true;
        boolean any = false;
        while ((c = r.read()) >= 0) {
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int n = r.read();
                    if (n == '"') {
                        cur.append('"');
                    } else {
                        quoted = false;
                        if (n >= 0) {
                            r.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append((char) c);
                }
                continue;
            }
            if (c == '"' && cur.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\n') {
                row.add(cur.toString());
                cur.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else if (c != '\r') {
                cur.append((char) c);
            }
        }
        if (quoted) {
            throw new MalformedDatasetException(name, Integer.toString(quoteLine), "a quoted cell is not closed before the end of the file", null);
        }
        if (any && (cur.length() > 0 || !row.isEmpty())) {
            row.add(cur.toString());
            rows.add(row);
        }
        return rows;
    }
}
