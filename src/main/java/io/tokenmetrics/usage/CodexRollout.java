package io.tokenmetrics.usage;

/**
 * Codex CLI's session rollout files ({@code $CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl}),
 * one file's lines in order, turned into one record per model request.
 *
 * <p>Every line is {@code {"timestamp", "type", "payload"}}. A {@code turn_context} line names
 * the model of the requests after it ({@code payload.model}); an {@code event_msg} line with
 * {@code payload.type} {@code token_count} carries {@code info.total_token_usage}, the session's
 * running sums, and {@code info.last_token_usage}, the last request's (codex-rs
 * {@code protocol.rs} {@code TokenUsageInfo}). In both, {@code cached_input_tokens} is part of
 * {@code input_tokens}, {@code reasoning_output_tokens} part of {@code output_tokens}, and
 * {@code total_tokens} is input + output.
 *
 * <p>Codex writes a {@code token_count} again, with unchanged sums, whenever the rate limits
 * change (at the start of every request), so the last request's counts are not an increment:
 * adding them up counts requests two or three times. The increment is the change of the running
 * sums. An event whose sums did not change is a repeat; sums that went down were reset (the
 * context window was filled) and the last request's counts are the increment if they hold any.
 * A session forked from another starts by copying the other's lines, with the same running sums:
 * each request is identified by the running sums after it ({@link #ID}), so that a repeat or a
 * copy counts once in any input, the first in input order.
 */
final class CodexRollout {
    /** A record that is wrong in a way the row checks cannot see holds why under this name: a bad row. */
    static final String WRONG = "(codex wrong)";

    /** The field of a record that identifies one request: the session's running sums after it. */
    static final String ID = "(codex request)";

    private static final String[] FIELDS = {"input_tokens", "cached_input_tokens", "output_tokens", "reasoning_output_tokens", "total_tokens"};
    private String model;
    private String session;
    /** The session of the latest session_meta line: a forked file's copied lines follow its parent's. */
    private String scope;
    private String project;
    private long[] previous;

    /** Counts present but not whole numbers: the record carries them as written, for the row checks to report. */
    private static final long[] BAD = new long[0];
    private static final String TOTAL = "payload.info.total_token_usage.";
    private static final String LAST = "payload.info.last_token_usage.";

    /**
     * The request record of one line, or null for a line that is not one (metadata, messages, an
     * event before the first response, an estimate with only a total). An event that repeats the
     * running sums gives a record with the id of the request it repeats and no counts, which the
     * id rule counts once.
     */
    JsonRecord next(JsonRecord line) {
        String type = line.values.get("type");
        if ("session_meta".equals(type)) {
            scope = line.values.get("payload.id");
            if (session == null) {
                // a fork's or resumed file's later session_meta lines are copies: the first names the file's session
                session = line.values.get("payload.id");
                String cwd = line.values.get("payload.cwd");
                project = cwd == null ? null : Records.project(cwd + "/x");
            }
            return null;
        }
        if ("turn_context".equals(type)) {
            String m = line.values.get("payload.model");
            if (m != null) {
                model = m;
            }
            return null;
        }
        if (!"event_msg".equals(type) || !"token_count".equals(line.values.get("payload.type"))) {
            return null;
        }
        long[] total = counts(line, TOTAL);
        boolean info = false;
        for (String k : line.keys) {
            info |= k.startsWith("payload.info.");
        }
        if (total == null && !info) {
            // info is null until the session's first response completes
            return null;
        }
        if (total == null) {
            JsonRecord r = record(line, null);
            r.values.put(WRONG, "a token_count with info but no total_token_usage.input_tokens and output_tokens: the running sums"
                    + " are missing");
            return r;
        }
        if (total == BAD) {
            // running sums that are not whole numbers: a bad row that names them, never a silent skip
            JsonRecord r = record(line, null);
            for (String f : FIELDS) {
                put(r, f, line.values.get(TOTAL + f));
                if (line.fractional.contains(TOTAL + f)) {
                    r.fractional.add(f);
                }
            }
            return r;
        }
        long[] last = counts(line, LAST);
        long[] increment;
        boolean first = previous == null;
        if (first) {
            increment = total;
        } else if (atLeast(total, previous)) {
            increment = new long[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                increment[i] = total[i] - previous[i];
            }
        } else if (last == BAD) {
            // the sums were reset and the last request's counts are not whole numbers: a bad row naming them
            previous = total;
            JsonRecord r = record(line, null);
            for (String f : FIELDS) {
                put(r, f, line.values.get(LAST + f));
                if (line.fractional.contains(LAST + f)) {
                    r.fractional.add(f);
                }
            }
            return r;
        } else {
            // the sums were reset (the context window filled): the last request's own counts, if any
            increment = last;
        }
        previous = total;
        // each request moves the running sums on, so the sums after it name it: a repeat, or a forked
        // session's copy of the line, has the sums of the request it repeats
        StringBuilder id = new StringBuilder("codex:").append(scope);
        for (long v : total) {
            id.append(':').append(v);
        }
        JsonRecord r = record(line, id.toString());
        boolean none = increment == null || increment[0] == 0 && increment[2] == 0;
        if (none && (increment == null || increment[4] != 0 || first)) {
            // an estimate of the context's size, a reset without counts, or sums of nothing yet: not a request
            return null;
        }
        for (int i = 0; i < FIELDS.length; i++) {
            put(r, FIELDS[i], Long.toString(increment[i]));
        }
        return r;
    }

    private JsonRecord record(JsonRecord line, String id) {
        JsonRecord r = new JsonRecord();
        put(r, "timestamp", line.values.get("timestamp"));
        put(r, "model", model);
        put(r, "session_id", session);
        if (project != null) {
            r.values.put(Records.PROJECT_KEY, project);
        } else {
            put(r, Records.PROJECT_KEY, line.values.get(Records.PROJECT_KEY));
        }
        if (id != null) {
            put(r, ID, id);
        }
        return r;
    }

    private static void put(JsonRecord r, String k, String v) {
        r.keys.add(k);
        if (v != null) {
            r.values.put(k, v);
        }
    }

    private static boolean atLeast(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                return false;
            }
        }
        return true;
    }

    /** The five counts under {@code prefix}: null when input or output is missing, {@link #BAD} when one is not a whole number. */
    private static long[] counts(JsonRecord line, String prefix) {
        long[] out = new long[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            String v = line.values.get(prefix + FIELDS[i]);
            if (v == null) {
                if (i == 0 || i == 2) {
                    return null;
                }
                // older builds leave out the cached and reasoning counts when 0, and the total (input + output)
                out[i] = i == 4 ? -1 : 0;
                continue;
            }
            if (v.isEmpty() && (i == 1 || i == 3 || i == 4)) {
                // as the row checks read an empty optional count: absent
                out[i] = i == 4 ? -1 : 0;
                continue;
            }
            if (line.fractional.contains(prefix + FIELDS[i]) || v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return BAD;
            }
            try {
                out[i] = Long.parseLong(v);
            } catch (NumberFormatException e) {
                // past the largest count: the row checks say so
                return BAD;
            }
        }
        if (out[4] < 0) {
            out[4] = out[0] + out[2];
        }
        return out;
    }
}
