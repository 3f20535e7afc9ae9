package io.tokenmetrics.openrouter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * combined, and a {@code (date, model_permaslug)} present in several responses keeps the row of
 * the newest {@code meta.as_of}. Unknown fields are ignored (the API may add some); the fields
 * used are required and checked, each error naming the file and JSON path. Immutable.
 */
public final class RankingsData {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).build()).build());

    private final Map<String, DailyRow> rows;

    private RankingsData(Map<String, DailyRow> rows) {
        this.rows = rows;
    }

    /** No rows. */
    public static RankingsData empty() {
        return new RankingsData(new TreeMap<>());
    }

    /** Reads one saved response. */
    public static RankingsData read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new OpenRouterException(file + ": no such file");
        } catch (IOException e) {
            throw new OpenRouterException(file + ": cannot read: " + io.tokenmetrics.usage.IoErrors.reason(e), e);
        }
    }

    /** Reads one response from {@code in}, naming it {@code name} in errors. */
    public static RankingsData parse(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            throw new OpenRouterException(name + ": " + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ")
                    + "malformed JSON: " + (m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m), e);
        } catch (IOException e) {
            throw new OpenRouterException(name + ": cannot read: " + io.tokenmetrics.usage.IoErrors.reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new OpenRouterException(name + ": $: expected a JSON object with \"data\" and \"meta\"");
        }
        JsonNode meta = root.get("meta");
        if (meta == null || !meta.isObject() || !meta.path("as_of").isTextual()) {
            throw new OpenRouterException(name + ": $.meta.as_of: missing; every figure must be cited with its as_of time");
        }
        String asOf = meta.get("as_of").textValue();
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new OpenRouterException(name + ": $.data: expected an array");
        }
        Map<String, DailyRow> rows = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            String p = "$.data[" + i + "]";
            JsonNode r = data.get(i);
            String date = text(r, name, p, "date");
            String slug = text(r, name, p, "model_permaslug");
            JsonNode t = r.get("total_tokens");
            if (t == null || !(t.isTextual() || t.isIntegralNumber())) {
                throw new OpenRouterException(name + ": " + p + ".total_tokens: expected a string of digits, found " + (t == null ? "nothing" : t.toString()));
            }
            String digits = t.asText();
            long tokens;
            if (!digits.matches("[0-9]{1,19}")) {
                throw new OpenRouterException(name + ": " + p + ".total_tokens: \"" + abbreviate(digits) + "\" is not a whole number of tokens");
            }
            try {
                tokens = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new OpenRouterException(name + ": " + p + ".total_tokens: \"" + digits + "\" is larger than " + Long.MAX_VALUE, e);
            }
            LocalDate d;
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new OpenRouterException(name + ": " + p + ".date: \"" + abbreviate(date) + "\" is not a date (YYYY-MM-DD)", e);
            }
            DailyRow row = new DailyRow(d, slug, tokens, asOf);
            if (rows.put(key(row), row) != null) {
                throw new OpenRouterException(name + ": " + p + ": " + d + " " + slug + " appears twice in one response");
            }
        }
        return new RankingsData(rows);
    }

    private static String key(DailyRow r) {
        return r.date() + "\u0000" + r.permaslug();
    }

    private static String text(JsonNode r, String name, String p, String field) {
        JsonNode v = r == null ? null : r.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new OpenRouterException(name + ": " + p + "." + field + ": expected a non-empty string, found " + (v == null ? "nothing" : abbreviate(v.toString())));
        }
        return v.textValue();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /**
     * Both sets of rows; a day and model in both keeps the row with the newer {@code as_of}
     * (ISO-8601 times compare as text), and this one's on a tie.
     */
    public RankingsData merge(RankingsData other) {
        Map<String, DailyRow> out = new TreeMap<>(rows);
        for (Map.Entry<String, DailyRow> e : other.rows.entrySet()) {
            DailyRow mine = out.get(e.getKey());
            if (mine == null || e.getValue().asOf().compareTo(mine.asOf()) > 0) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new RankingsData(out);
    }

    /** The rows, by date then permaslug. */
    public List<DailyRow> rows() {
        return Collections.unmodifiableList(new ArrayList<>(rows.values()));
    }

    /** The newest {@code as_of} among the rows, for the citation; empty text when there are none. */
    public String asOf() {
        String max = "";
        for (DailyRow r : rows.values()) {
            if (r.asOf().compareTo(max) > 0) {
                max = r.asOf();
            }
        }
        return max;
    }

    /** The citation that must accompany any figure. */
    public String citation() {
        return "Source: OpenRouter (openrouter.ai/rankings), as of " + asOf() + ".";
    }
}
