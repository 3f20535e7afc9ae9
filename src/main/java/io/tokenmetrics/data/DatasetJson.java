package io.tokenmetrics.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmetrics.amount.AmountParseException;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dataset JSON format ({@code docs/data-format.md}), read through a tree so that every error
 * names its JSON path. Unknown properties are rejected: a misspelt "quote" or "fact" would
 * otherwise drop provenance silently.
 */
final class DatasetJson {
    static final String FORMAT = "token-metrics-dataset/1";


    private DatasetJson() {
    }

    /** A dataset from a tree already read (the bundled figures, by {@link io.tokenmetrics.internal.BundledJson}). */
    static Dataset fromTree(JsonNode root, String name) {
        return new Reader(name).dataset(root);
    }

    static Dataset read(InputStream in, String name) {
        JsonNode root;
        com.fasterxml.jackson.core.JsonParser parser = null;
        try {
            parser = io.tokenmetrics.internal.Json.FACTORY.createParser(in);
            root = io.tokenmetrics.internal.Json.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw new MalformedDatasetException(name, where(e, parser), "input exceeds a reading limit: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedDatasetException(name, where(e, parser), "malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            // the stream failed, not the JSON: I/O stays I/O
            throw new java.io.UncheckedIOException(name + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
        } catch (NumberFormatException e) {
            // found by fuzzing: a float whose exponent does not fit a BigDecimal escapes Jackson unwrapped
            String at = parser == null ? "1:1" : parser.currentTokenLocation().getLineNr() + ":" + parser.currentTokenLocation().getColumnNr();
            throw new MalformedDatasetException(name, at, "a number is out of range: " + firstLine(e.getMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedDatasetException(name, "1:1", "empty input: expected a JSON object", null);
        }
        return new Reader(name).dataset(root);
    }

    /** The exception's location, or else where the parser stopped (constraint errors carry none). */
    private static String where(JsonProcessingException e, com.fasterxml.jackson.core.JsonParser parser) {
        JsonLocation l = e.getLocation();
        if ((l == null || l.getLineNr() < 1) && parser != null) {
            l = parser.currentLocation();
        }
        return l == null || l.getLineNr() < 1 ? "1:1" : l.getLineNr() + ":" + l.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Walks the tree with the path of every node in hand. */
    private static final class Reader {
        private final String name;
        private final Map<String, Source> sources = new LinkedHashMap<>();

        Reader(String name) {
            this.name = name;
        }

        InvalidDatasetException invalid(String path, String detail) {
            return new InvalidDatasetException(name, path, detail, null);
        }

        Dataset dataset(JsonNode root) {
            object(root, "$");
            fields(root, "$", "format", "sources", "series", "claims", "note");
            String format = text(root, "$", "format", true);
            if (!FORMAT.equals(format)) {
                throw invalid("$.format", "format (\"" + format + "\") must be \"" + FORMAT + "\"");
            }
            JsonNode src = root.get("sources");
            if (src != null) {
                array(src, "$.sources");
                for (int i = 0; i < src.size(); i++) {
                    String p = "$.sources[" + i + "]";
                    Source s = source(src.get(i), p);
                    if (sources.put(s.id(), s) != null) {
                        throw invalid(p + ".id", "source id \"" + s.id() + "\" is defined twice");
                    }
                }
            }
            List<Series> series = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode ser = root.get("series");
            if (ser != null) {
                array(ser, "$.series");
                for (int i = 0; i < ser.size(); i++) {
                    String p = "$.series[" + i + "]";
                    Series s = series(ser.get(i), p);
                    if (!ids.add(s.id())) {
                        throw invalid(p + ".id", "series id \"" + s.id() + "\" is defined twice");
                    }
                    series.add(s);
                }
            }
            List<Claim> claims = new ArrayList<>();
            JsonNode cl = root.get("claims");
            if (cl != null) {
                array(cl, "$.claims");
                Set<String> claimIds = new HashSet<>();
                for (int i = 0; i < cl.size(); i++) {
                    String p = "$.claims[" + i + "]";
                    Claim c = claim(cl.get(i), p);
                    if (!claimIds.add(c.id())) {
                        throw invalid(p + ".id", "claim id \"" + c.id() + "\" is defined twice");
                    }
                    claims.add(c);
                }
            }
            try {
                return Dataset.of(series, sources.values(), claims);
            } catch (IllegalArgumentException e) {
                // aliases are checked across the series: the path is the series array
                throw invalid("$.series", e.getMessage());
            }
        }

        Source source(JsonNode n, String p) {
            object(n, p);
            fields(n, p, "id", "publisher", "title", "date", "url", "note");
            TimePeriod date = period(n, p, "date");
            return Source.of(text(n, p, "id", true), text(n, p, "publisher", true), text(n, p, "title", true), date,
                    text(n, p, "url", false));
        }

        Series series(JsonNode n, String p) {
            object(n, p);
            fields(n, p, "id", "subject", "subject_zh", "region", "measure", "per", "note", "rounded", "aliases", "observations");
            boolean rounded = bool(n, p, "rounded", false);
            String id = text(n, p, "id", true);
            try {
                Series.requireId(id);
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".id", e.getMessage());
            }
            Measure measure;
            try {
                measure = Measure.fromId(text(n, p, "measure", true));
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".measure", e.getMessage());
            }
            JsonNode obs = n.get("observations");
            if (obs == null) {
                throw invalid(p, "missing required field \"observations\"");
            }
            array(obs, p + ".observations");
            List<Observation> list = new ArrayList<>();
            Map<TimePeriod, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < obs.size(); i++) {
                String op = p + ".observations[" + i + "]";
                Observation o = observation(obs.get(i), op, measure, rounded);
                String fit = Series.fits(measure, o);
                if (fit != null) {
                    throw invalid(op, fit);
                }
                Integer before = seen.put(o.period(), i);
                if (before != null) {
                    throw invalid(op + ".period", "period " + o.period() + " appears twice in series " + id
                            + " (also at observations[" + before + "])");
                }
                list.add(o);
            }
            Series built;
            try {
                built = Series.of(id, text(n, p, "subject", true), text(n, p, "region", true), measure,
                        text(n, p, "per", false), text(n, p, "note", false), list);
                String zh = text(n, p, "subject_zh", false);
                if (zh != null) {
                    built = built.withSubjectZh(zh);
                }
            } catch (IllegalArgumentException e) {
                throw invalid(p, e.getMessage());
            }
            JsonNode al = n.get("aliases");
            if (al == null || al.isNull()) {
                return built;
            }
            array(al, p + ".aliases");
            List<String> aliases = new ArrayList<>();
            for (int i = 0; i < al.size(); i++) {
                if (!al.get(i).isTextual()) {
                    throw invalid(p + ".aliases[" + i + "]", "alias (" + al.get(i) + ") must be a string");
                }
                aliases.add(al.get(i).textValue());
            }
            try {
                return built.withAliases(aliases);
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".aliases", e.getMessage());
            }
        }

        Observation observation(JsonNode n, String p, Measure measure, boolean seriesRounded) {
            object(n, p);
            fields(n, p, "period", "value", "status", "change", "rank", "listed", "source", "quote", "fact", "note", "rounded");
            TimePeriod period = period(n, p, "period");
            Quantity value = null;
            JsonNode v = n.get("value");
            if (v != null && !v.isNull()) {
                value = quantity(v, p + ".value", measure.unit());
            }
            Observation.Builder b = Observation.builder(period, value);
            String status = text(n, p, "status", false);
            if (status != null) {
                try {
                    b.status(Status.fromId(status));
                } catch (IllegalArgumentException e) {
                    throw invalid(p + ".status", e.getMessage());
                }
            }
            JsonNode ch = n.get("change");
            if (ch != null && ch.isTextual() && ch.textValue().equals("unknown")) {
                // a source's 0% for a new entry means "no previous figure", not "no change"
                b.changeUnknown(true);
            } else if (ch != null && !ch.isNull()) {
                b.statedChange(quantity(ch, p + ".change", Quantity.Unit.PERCENT));
            }
            JsonNode rank = n.get("rank");
            if (rank != null && !rank.isNull()) {
                if (!rank.isIntegralNumber() || !rank.canConvertToInt() || rank.intValue() < 1) {
                    throw invalid(p + ".rank", "rank (" + rank + ") must be a whole number >= 1");
                }
                b.rank(rank.intValue());
            }
            JsonNode listed = n.get("listed");
            if (listed != null && !listed.isNull()) {
                if (!listed.isBoolean()) {
                    throw invalid(p + ".listed", "listed (" + listed + ") must be true or false");
                }
                b.listed(listed.booleanValue());
            }
            b.source(sourceRef(n, p));
            b.quote(text(n, p, "quote", false)).fact(text(n, p, "fact", false)).note(text(n, p, "note", false));
            b.rounded(bool(n, p, "rounded", seriesRounded));
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw invalid(p, e.getMessage());
            }
        }

        boolean bool(JsonNode n, String p, String field, boolean absent) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                return absent;
            }
            if (!v.isBoolean()) {
                throw invalid(p + "." + field, field + " (" + v + ") must be true or false");
            }
            return v.booleanValue();
        }

        Source sourceRef(JsonNode n, String p) {
            String id = text(n, p, "source", false);
            if (id == null) {
                return null;
            }
            Source s = sources.get(id);
            if (s == null) {
                throw invalid(p + ".source", "source \"" + id + "\" is not defined in $.sources (defined: " + sources.keySet() + ")");
            }
            return s;
        }

        Claim claim(JsonNode n, String p) {
            object(n, p);
            String kindText = text(n, p, "kind", true);
            Claim.Kind kind;
            try {
                kind = Claim.Kind.fromId(kindText);
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".kind", e.getMessage());
            }
            List<String> common = Arrays.asList("id", "kind", "statement", "statement_zh", "source", "quote", "fact", "note");
            List<String> allowed = new ArrayList<>(common);
            switch (kind) {
                case MULTIPLE:
                case ANNUAL_GROWTH:
                    allowed.addAll(Arrays.asList("from", "to", "stated"));
                    break;
                case STREAK:
                    allowed.addAll(Arrays.asList("series", "at", "rises", "falls", "primary"));
                    break;
                case SHARE_ABOVE:
                    allowed.addAll(Arrays.asList("parts", "whole", "threshold"));
                    break;
                case FIRST_AHEAD:
                    allowed.addAll(Arrays.asList("leader", "other", "at", "periods", "primary"));
                    break;
                case STATED_CHANGE:
                    allowed.addAll(Arrays.asList("series", "at", "stated"));
                    break;
                default:
                    allowed.add("reason");
                    allowed.add("reason_zh");
                    break;
            }
            fields(n, p, allowed.toArray(new String[0]));
            String id = text(n, p, "id", true);
            String statement = text(n, p, "statement", true);
            Claim c;
            try {
                switch (kind) {
                    case MULTIPLE:
                        c = Claim.multiple(id, statement, ref(n.get("from"), p + ".from"), ref(n.get("to"), p + ".to"),
                                quantity(required(n, p, "stated"), p + ".stated", Quantity.Unit.MULTIPLE));
                        break;
                    case ANNUAL_GROWTH:
                        c = Claim.annualGrowth(id, statement, ref(n.get("from"), p + ".from"), ref(n.get("to"), p + ".to"),
                                quantity(required(n, p, "stated"), p + ".stated", Quantity.Unit.PERCENT));
                        break;
                    case STREAK:
                        c = Claim.streak(id, statement, text(n, p, "series", true), period(n, p, "at"),
                                integer(n, p, "rises"), integer(n, p, "falls"));
                        break;
                    case SHARE_ABOVE: {
                        JsonNode parts = required(n, p, "parts");
                        array(parts, p + ".parts");
                        List<Claim.Ref> refs = new ArrayList<>();
                        for (int i = 0; i < parts.size(); i++) {
                            refs.add(ref(parts.get(i), p + ".parts[" + i + "]"));
                        }
                        c = Claim.shareAbove(id, statement, refs, ref(n.get("whole"), p + ".whole"),
                                quantity(required(n, p, "threshold"), p + ".threshold", Quantity.Unit.PERCENT));
                        break;
                    }
                    case FIRST_AHEAD:
                        c = Claim.firstAhead(id, statement, text(n, p, "leader", true), text(n, p, "other", true),
                                period(n, p, "at"), integer(n, p, "periods"));
                        break;
                    case STATED_CHANGE:
                        c = Claim.statedChange(id, statement, text(n, p, "series", true), period(n, p, "at"),
                                quantity(required(n, p, "stated"), p + ".stated", Quantity.Unit.PERCENT));
                        break;
                    default:
                        c = Claim.untestable(id, statement, text(n, p, "reason", true));
                        break;
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof AmountParseException) {
                    throw e;
                }
                throw invalid(p, e.getMessage());
            }
            Claim done = c.withProvenance(sourceRef(n, p), text(n, p, "quote", false), text(n, p, "fact", false))
                    .withNote(text(n, p, "note", false)).withChinese(text(n, p, "statement_zh", false), text(n, p, "reason_zh", false));
            try {
                return done.withPrimary(primary(n.get("primary"), p + ".primary"));
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".primary", e.getMessage());
            }
        }

        java.util.Map<String, String> primary(JsonNode n, String p) {
            java.util.Map<String, String> out = new java.util.TreeMap<>();
            if (n == null || n.isNull()) {
                return out;
            }
            object(n, p);
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw invalid(p + "." + e.getKey(), e.getKey() + " must be a series id");
                }
                out.put(e.getKey(), e.getValue().textValue());
            }
            return out;
        }

        Claim.Ref ref(JsonNode n, String p) {
            if (n == null || n.isNull()) {
                throw invalid(p, "missing required reference {\"series\": ..., \"period\": ...}");
            }
            object(n, p);
            fields(n, p, "series", "period");
            String s = text(n, p, "series", true);
            try {
                return Claim.Ref.of(s, period(n, p, "period"));
            } catch (IllegalArgumentException e) {
                throw invalid(p + ".series", e.getMessage());
            }
        }

        Quantity quantity(JsonNode v, String p, Quantity.Unit unit) {
            if (v.isTextual()) {
                try {
                    return Quantity.parse(v.textValue(), unit);
                } catch (AmountParseException e) {
                    throw invalid(p, e.getMessage());
                }
            }
            if (v.isIntegralNumber()) {
                try {
                    return Quantity.of(new BigDecimal(v.bigIntegerValue()), unit);
                } catch (IllegalArgumentException e) {
                    throw invalid(p, e.getMessage());
                }
            }
            throw invalid(p, "value (" + abbreviate(v.toString()) + ") must be a string such as \"20.6万亿\" or a whole number");
        }

        TimePeriod period(JsonNode n, String p, String field) {
            String t = text(n, p, field, true);
            try {
                return TimePeriod.parse(t);
            } catch (DateTimeParseException e) {
                throw invalid(p + "." + field, e.getMessage());
            }
        }

        int integer(JsonNode n, String p, String field) {
            JsonNode v = required(n, p, field);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw invalid(p + "." + field, field + " (" + abbreviate(v.toString()) + ") must be a whole number");
            }
            return v.intValue();
        }

        JsonNode required(JsonNode n, String p, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                throw invalid(p, "missing required field \"" + field + "\"");
            }
            return v;
        }

        String text(JsonNode n, String p, String field, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw invalid(p, "missing required field \"" + field + "\"");
                }
                return null;
            }
            if (!v.isTextual()) {
                throw invalid(p + "." + field, field + " (" + abbreviate(v.toString()) + ") must be a string");
            }
            if (required && v.textValue().trim().isEmpty()) {
                throw invalid(p + "." + field, field + " must not be empty");
            }
            return v.textValue();
        }

        void object(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw invalid(p, "expected an object, found " + kind(n));
            }
        }

        void array(JsonNode n, String p) {
            if (!n.isArray()) {
                throw invalid(p, "expected an array, found " + kind(n));
            }
        }

        void fields(JsonNode n, String p, String... allowed) {
            Set<String> ok = new HashSet<>(Arrays.asList(allowed));
            Iterator<String> it = n.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (!ok.contains(f)) {
                    throw invalid(p + "." + f, "unknown field \"" + abbreviate(f) + "\" (allowed: " + String.join(", ", allowed) + ")");
                }
            }
        }

        private static String kind(JsonNode n) {
            if (n == null) {
                return "nothing";
            }
            switch (n.getNodeType()) {
                case ARRAY: return "an array";
                case OBJECT: return "an object";
                case STRING: return "a string";
                case NUMBER: return "a number";
                case BOOLEAN: return "a boolean";
                case NULL: return "null";
                default: return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    // ------------------------------------------------------------------ writing

    static void write(Dataset d, OutputStream out) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        if (!d.sources().isEmpty()) {
            ArrayNode src = root.putArray("sources");
            for (Source s : d.sources().values()) {
                ObjectNode o = src.addObject();
                o.put("id", s.id()).put("publisher", s.publisher()).put("title", s.title()).put("date", s.date().toString());
                s.url().ifPresent(u -> o.put("url", u));
            }
        }
        ArrayNode ser = root.putArray("series");
        for (Series s : d.givenSeries()) {
            ObjectNode o = ser.addObject();
            o.put("id", s.id()).put("subject", s.subject());
            s.subjectZh().ifPresent(x -> o.put("subject_zh", x));
            o.put("region", s.region()).put("measure", s.measure().id());
            s.per().ifPresent(x -> o.put("per", x));
            s.note().ifPresent(x -> o.put("note", x));
            if (!s.aliases().isEmpty()) {
                ArrayNode al = o.putArray("aliases");
                s.aliases().forEach(al::add);
            }
            ArrayNode obs = o.putArray("observations");
            for (Observation ob : s.observations()) {
                ObjectNode x = obs.addObject();
                x.put("period", ob.period().toString());
                ob.shownValue().ifPresent(v -> x.put("value", v.toString()));
                if (ob.status() != Status.REPORTED) {
                    x.put("status", ob.status().id());
                }
                ob.shownChange().ifPresent(c -> x.put("change", c.toString()));
                if (ob.isRounded()) {
                    x.put("rounded", true);
                }
                if (ob.isChangeUnknown()) {
                    x.put("change", "unknown");
                }
                ob.rank().ifPresent(r -> x.put("rank", r));
                ob.listed().ifPresent(l -> x.put("listed", l));
                ob.source().ifPresent(sr -> x.put("source", sr.id()));
                ob.quote().ifPresent(q -> x.put("quote", q));
                ob.fact().ifPresent(fa -> x.put("fact", fa));
                ob.note().ifPresent(no -> x.put("note", no));
            }
        }
        if (!d.claims().isEmpty()) {
            ArrayNode cl = root.putArray("claims");
            for (Claim c : d.claims()) {
                ObjectNode o = cl.addObject();
                o.put("id", c.id()).put("kind", c.kind().id()).put("statement", c.statement());
                c.from().ifPresent(r -> ref(o.putObject("from"), r));
                c.to().ifPresent(r -> ref(o.putObject("to"), r));
                if (c.kind() == Claim.Kind.SHARE_ABOVE) {
                    ArrayNode parts = o.putArray("parts");
                    for (Claim.Ref r : c.parts()) {
                        ref(parts.addObject(), r);
                    }
                    c.whole().ifPresent(r -> ref(o.putObject("whole"), r));
                    c.stated().ifPresent(t -> o.put("threshold", t.toString()));
                } else {
                    c.stated().ifPresent(t -> o.put("stated", t.toString()));
                }
                if (c.kind() == Claim.Kind.STATED_CHANGE) {
                    o.put("series", c.series().get()).put("at", c.at().get().toString());
                }
                if (c.kind() == Claim.Kind.STREAK) {
                    o.put("series", c.series().get()).put("at", c.at().get().toString()).put("rises", c.rises()).put("falls", c.falls());
                }
                if (c.kind() == Claim.Kind.FIRST_AHEAD) {
                    o.put("leader", c.series().get()).put("other", c.other().get()).put("at", c.at().get().toString())
                            .put("periods", c.periods());
                }
                c.reason().ifPresent(r -> o.put("reason", r));
                c.source().ifPresent(s -> o.put("source", s.id()));
                c.quote().ifPresent(q -> o.put("quote", q));
                c.fact().ifPresent(fa -> o.put("fact", fa));
                c.note().ifPresent(no -> o.put("note", no));
                if (!c.primary().isEmpty()) {
                    ObjectNode pr = o.putObject("primary");
                    c.primary().forEach(pr::put);
                }
                if (!c.statement(io.tokenmetrics.amount.Language.ZH).equals(c.statement())) {
                    o.put("statement_zh", c.statement(io.tokenmetrics.amount.Language.ZH));
                }
                c.reason(io.tokenmetrics.amount.Language.ZH).filter(r -> !c.reason().equals(java.util.Optional.of(r))).ifPresent(r -> o.put("reason_zh", r));
            }
        }
        io.tokenmetrics.internal.Json.mapper().writeValue(new NonClosing(out), root);
    }

    private static void ref(ObjectNode o, Claim.Ref r) {
        o.put("series", r.series()).put("period", r.period().toString());
    }

    /** Jackson closes the target stream by default; the caller owns it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
