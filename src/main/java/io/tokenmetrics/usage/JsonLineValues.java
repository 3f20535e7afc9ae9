package io.tokenmetrics.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One JSON Lines record as the values of a plan's columns, for an engine that holds the lines
 * itself (Spark): the same reader as on one machine, the scanner ({@link FlatJson}) and, for a
 * line it does not take, the whole value ({@link JsonTree}, {@link JsonRecord}); of each column's
 * candidate names, the first the record has. Not thread-safe: one per part.
 */
final class JsonLineValues {
    private final List<List<String>> candidates;
    private final FlatJson flat;
    private final String[] names;
    /** Why the last line gave no values, and of what kind ("malformed JSON" when it is not JSON at all). */
    String why;
    String kind;

    JsonLineValues(List<List<String>> candidates) {
        this.candidates = candidates;
        this.names = new String[candidates.size()];
        this.flat = new FlatJson(candidates, names, null);
    }

    /**
     * The values of a line (without its line end), the record's project being {@code project}
     * (null for none); null when the line holds no record, with {@link #why} and {@link #kind}.
     */
    String[] values(String line, String project) {
        flat.project(project);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int from = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        String[] out = new String[candidates.size()];
        if (flat.scan(b, from, b.length)) {
            for (int k = 0; k < out.length; k++) {
                out[k] = flat.has(k) ? new String(flat.row(), flat.start()[k], flat.end()[k] - flat.start()[k], StandardCharsets.UTF_8) : null;
            }
            return out;
        }
        Object value;
        try (JsonParser p = io.tokenmetrics.internal.Json.STREAMING.createParser(b, from, b.length - from)) {
            p.nextToken();
            value = JsonTree.read(p);
            if (value != null && p.nextToken() != null) {
                return refuse("malformed JSON", "more than one JSON value on the line (JSON Lines has one per line)");
            }
        } catch (JsonProcessingException e) {
            return refuse("malformed JSON", "malformed JSON: " + io.tokenmetrics.internal.Text.escape(JsonRecords.firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            return refuse("malformed JSON", "malformed JSON: " + io.tokenmetrics.internal.Text.escape(JsonRecords.firstLine(e.getMessage())));
        }
        // the records of the value by the one shape rule: a line of JSON Lines must be one record of its own
        JsonRecord[] one = new JsonRecord[1];
        String[] problem = new String[2];
        JsonShapes.records(value, 1, "", new JsonShapes.Sink() {
            @Override
            public void record(JsonRecord r, long line, String path, boolean own) {
                if (own && one[0] == null && problem[0] == null) {
                    one[0] = r;
                } else {
                    one[0] = null;
                    problem[0] = "not a record";
                    problem[1] = "a document that holds records inside arrays (a usage page, an OTLP file, a chat): aggregate it"
                            + " with the usage command on one machine";
                }
            }

            @Override
            public void bad(long line, String path, String kind, String message) {
                if (problem[0] == null) {
                    problem[0] = kind;
                    problem[1] = path.isEmpty() ? message : path + ": " + message;
                }
            }

            @Override
            public void shape(UsageSource s) {
                // a document's shape: refused above as not one record
            }

            @Override
            public void session(String id) {
                // a chat: refused as a document
            }
        });
        if (problem[0] != null || one[0] == null) {
            return refuse(problem[0] != null ? problem[0] : "not a record", problem[0] != null ? problem[1]
                    : "a document that holds records inside arrays (a usage page, an OTLP file, a chat): aggregate it with the usage command on one"
                            + " machine");
        }
        JsonRecord r = one[0];
        if (project != null) {
            r.set(Records.PROJECT_KEY, project);
        }
        String[] chosen = r.chosen(candidates);
        String twice = r.repeatedField(chosen);
        if (twice != null) {
            return refuse("repeated field", twice);
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = chosen[k] == null ? null : r.values.get(chosen[k]);
        }
        return out;
    }

    private String[] refuse(String kind, String why) {
        this.kind = kind;
        this.why = why;
        return null;
    }
}
