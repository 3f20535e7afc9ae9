package io.tokenmetrics.usage;

import java.util.List;
import java.util.Locale;

/**
 * The records of one JSON value read whole, by its shape: a flat object is one record (nested
 * objects as dotted names); a usage-report page ({@code data[].results[]}) one per result, with
 * its bucket's start and end; an OTLP trace file ({@code resourceSpans[].scopeSpans[].spans[]})
 * one per span, with its resource's attributes; a Gemini CLI chat ({@code messages[]} with a
 * {@code sessionId} or {@code projectHash}, or a {@code $set} checkpoint) one per message; an
 * array, the records of each element. Each record carries its JSON path, for messages.
 */
final class JsonShapes {
    /** Where the records of a value go. */
    interface Sink {
        /** A record; {@code own}: a record of its own (not a page's result, a span or a message), whose shape may name its source. */
        void record(JsonRecord r, long line, String path, boolean own);

        /** A value that holds no record where one was expected. */
        void bad(long line, String path, String kind, String message);

        /** The source that a document's shape names, for a file whose source is not yet decided. */
        void shape(UsageSource s);

        /** A Gemini CLI chat's session, which its messages do not repeat. */
        void session(String id);
    }

    private JsonShapes() {
    }

    /** The records of {@code v}, read from line {@code line} at JSON path {@code path}. */
    static void records(Object v, long line, String path, Sink sink) {
        if (v instanceof List) {
            List<?> a = (List<?>) v;
            for (int i = 0; i < a.size(); i++) {
                records(a.get(i), line, path + "[" + i + "]", sink);
            }
            return;
        }
        if (!(v instanceof JsonTree.Obj)) {
            sink.bad(line, path, "not an object", "expected a JSON object, found " + JsonTree.kind(v));
            return;
        }
        JsonTree.Obj node = (JsonTree.Obj) v;
        if (node.has("resourceSpans")) {
            spans(node, line, path, sink);
            return;
        }
        Object data = node.get("data");
        Object messages = node.get("messages");
        Object set = node.get("$set");
        if (messages == null && set instanceof JsonTree.Obj) {
            // a Gemini CLI checkpoint: the whole message list again
            messages = ((JsonTree.Obj) set).get("messages");
        }
        if (messages instanceof List && (node.has("sessionId") || node.has("projectHash") || node.has("$set"))) {
            sink.shape(UsageSource.GEMINI_CLI);
            if (node.hasNonNull("sessionId")) {
                sink.session(JsonTree.text(node.get("sessionId")));
            }
            List<?> m = (List<?>) messages;
            for (int i = 0; i < m.size(); i++) {
                if (m.get(i) instanceof JsonTree.Obj) {
                    JsonRecord r = new JsonRecord();
                    r.flatten((JsonTree.Obj) m.get(i), "", "");
                    sink.record(r, line, path + "messages[" + i + "]", false);
                }
            }
            return;
        }
        if (data instanceof List && (node.has("has_more") || "page".equals(JsonTree.text(node.get("object")))
                || !((List<?>) data).isEmpty() && ((List<?>) data).get(0) instanceof JsonTree.Obj
                        && ((JsonTree.Obj) ((List<?>) data).get(0)).has("results"))) {
            List<?> d = (List<?>) data;
            for (int i = 0; i < d.size(); i++) {
                bucket(d.get(i), line, path + "data[" + i + "]", sink);
            }
            return;
        }
        if (node.has("results") && (node.has("start_time") || node.has("starting_at"))) {
            bucket(node, line, path, sink);
            return;
        }
        JsonRecord r = new JsonRecord();
        r.flatten(node, "", "");
        sink.record(r, line, path, true);
    }

    private static final String[] BUCKET_TIMES = {"start_time", "end_time", "starting_at", "ending_at"};

    private static void bucket(Object value, long line, String path, Sink sink) {
        Object results = value instanceof JsonTree.Obj ? ((JsonTree.Obj) value).get("results") : null;
        if (!(results instanceof List)) {
            sink.bad(line, path, "not a usage bucket", "a usage bucket needs a results array");
            return;
        }
        JsonTree.Obj b = (JsonTree.Obj) value;
        sink.shape(b.has("starting_at") ? UsageSource.ANTHROPIC_USAGE : UsageSource.OPENAI_USAGE);
        List<?> res = (List<?>) results;
        for (int i = 0; i < res.size(); i++) {
            String at = (path.isEmpty() ? "" : path + ".") + "results[" + i + "]";
            if (!(res.get(i) instanceof JsonTree.Obj)) {
                sink.bad(line, at, "not an object", "expected a JSON object, found " + JsonTree.kind(res.get(i)));
                continue;
            }
            JsonRecord r = new JsonRecord();
            r.flatten((JsonTree.Obj) res.get(i), "", "");
            for (String k : BUCKET_TIMES) {
                if (b.hasNonNull(k)) {
                    r.set(k, JsonTree.text(b.get(k)));
                }
            }
            sink.record(r, line, at, false);
        }
    }

    private static final String[] SPAN_FIELDS = {"traceId", "spanId", "name", "startTimeUnixNano"};

    private static void spans(JsonTree.Obj node, long line, String path, Sink sink) {
        sink.shape(UsageSource.OTEL);
        List<?> rs = list(node.get("resourceSpans"));
        for (int i = 0; i < rs.size(); i++) {
            JsonTree.Obj resource = obj(rs.get(i));
            JsonRecord base = new JsonRecord();
            attributes(obj(resource.get("resource")).get("attributes"), base);
            List<?> scopes = list(resource.get("scopeSpans"));
            for (int j = 0; j < scopes.size(); j++) {
                List<?> spans = list(obj(scopes.get(j)).get("spans"));
                for (int k = 0; k < spans.size(); k++) {
                    JsonTree.Obj span = obj(spans.get(k));
                    JsonRecord r = new JsonRecord();
                    r.values.putAll(base.values);
                    r.keys.addAll(base.keys);
                    r.fractional.addAll(base.fractional);
                    r.spelled.putAll(base.spelled);
                    for (String f : SPAN_FIELDS) {
                        if (span.hasNonNull(f)) {
                            r.set(f.toLowerCase(Locale.ROOT), JsonTree.text(span.get(f)));
                            r.spelled.put(f.toLowerCase(Locale.ROOT), f);
                        }
                    }
                    attributes(span.get("attributes"), r);
                    sink.record(r, line, path + "resourceSpans[" + i + "].scopeSpans[" + j + "].spans[" + k + "]", false);
                }
            }
        }
    }

    private static final JsonTree.Obj EMPTY = new JsonTree.Obj();

    private static JsonTree.Obj obj(Object v) {
        return v instanceof JsonTree.Obj ? (JsonTree.Obj) v : EMPTY;
    }

    private static List<?> list(Object v) {
        return v instanceof List ? (List<?>) v : java.util.Collections.emptyList();
    }

    private static final String[] ATTRIBUTE_VALUES = {"intValue", "stringValue", "doubleValue", "boolValue"};

    /** OTLP/JSON attributes: {@code [{"key": k, "value": {"intValue": "12"}}]}; int64 values are often strings. */
    private static void attributes(Object attrs, JsonRecord r) {
        for (Object a : list(attrs)) {
            String spelled = JsonTree.text(obj(a).get("key"));
            if (spelled == null) {
                spelled = "";
            }
            String key = spelled.toLowerCase(Locale.ROOT);
            JsonTree.Obj v = obj(obj(a).get("value"));
            Object x = null;
            for (String f : ATTRIBUTE_VALUES) {
                if (v.has(f)) {
                    x = v.get(f);
                    break;
                }
            }
            r.keys.add(key);
            if (x != null && x != JsonTree.NULL) {
                r.values.put(key, JsonTree.text(x));
                r.spelled.put(key, spelled);
                if (v.has("doubleValue")) {
                    r.fractional.add(key);
                }
            }
        }
    }
}
