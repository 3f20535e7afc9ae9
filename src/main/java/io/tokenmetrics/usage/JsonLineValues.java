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

    /** The values of the records of the last line read, in the plan's column order. */
    final List<String[]> records = new java.util.ArrayList<>();
    /** What in the last line was not a record: {kind, message with its JSON path}, as one machine counts bad rows. */
    final List<String[]> problems = new java.util.ArrayList<>();

    /**
     * Reads a line (without its line end), the record's project being {@code project} (null for
     * none): its records into {@link #records}, what is not a record into {@link #problems}, as
     * one machine reads a line (a line holding an array gives the records of its elements). False
     * when the line is not JSON at all, with {@link #why} and {@link #kind}.
     */
    boolean read(String line, String project) {
        records.clear();
        problems.clear();
        flat.project(project);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int from = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        if (flat.scan(b, from, b.length)) {
            String[] out = new String[candidates.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = flat.has(k) ? new String(flat.row(), flat.start()[k], flat.end()[k] - flat.start()[k], StandardCharsets.UTF_8) : null;
            }
            records.add(out);
            return true;
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
        // the records of the value by the one shape rule: records of their own, or an array of them
        List<JsonRecord> own = new java.util.ArrayList<>();
        boolean[] document = new boolean[1];
        JsonShapes.records(value, 1, "", new JsonShapes.Sink() {
            @Override
            public void record(JsonRecord r, long line, String path, boolean ownRecord) {
                if (ownRecord) {
                    own.add(r);
                } else {
                    document[0] = true;
                }
            }

            @Override
            public void bad(long line, String path, String kind, String message) {
                problems.add(new String[] {kind, path.isEmpty() ? message : path + ": " + message});
            }

            @Override
            public void shape(UsageSource s) {
                document[0] = true;
            }

            @Override
            public void session(String id) {
                // a chat: a document
            }
        });
        if (document[0]) {
            // a usage page, an OTLP file or a chat decides its source by its shape, for the whole file
            problems.clear();
            problems.add(new String[] {"not a record", "a document that holds records inside arrays (a usage page, an OTLP file, a chat):"
                    + " aggregate it with the usage command on one machine"});
            return true;
        }
        for (JsonRecord r : own) {
            if (project != null) {
                r.set(Records.PROJECT_KEY, project);
            }
            String[] chosen = r.chosen(candidates);
            String twice = r.repeatedField(chosen);
            if (twice != null) {
                problems.add(new String[] {"repeated field", twice});
                continue;
            }
            String[] out = new String[candidates.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = chosen[k] == null ? null : r.values.get(chosen[k]);
            }
            records.add(out);
        }
        return true;
    }

    private boolean refuse(String kind, String why) {
        this.kind = kind;
        this.why = why;
        return false;
    }
}
