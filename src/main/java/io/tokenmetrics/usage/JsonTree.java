package io.tokenmetrics.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value as the usage path holds it when a line or document is read whole: numbers keep
 * the text they were written with ({@code 1e3} stays {@code 1e3}, {@code -0} stays {@code -0}),
 * as the line scanner ({@link FlatJson}) keeps them, so that both hand the row checks the same
 * text and a message shows the value as the file has it. An object keeps every member in order,
 * a name given twice included: whether a repeated name matters is the record's to decide
 * ({@link JsonRecord#repeated}), as on the scanner.
 */
final class JsonTree {
    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A number, as written. */
    static final class Num {
        final String text;
        /** Written with a fraction or an exponent. */
        final boolean fractional;

        Num(String text, boolean fractional) {
            this.text = text;
            this.fractional = fractional;
        }
    }

    /** An object: its members in order, repeated names included. */
    static final class Obj {
        final List<String> names = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        /** The value of the first member named {@code name} (exactly), or null when there is none. */
        Object get(String name) {
            int i = names.indexOf(name);
            return i < 0 ? null : values.get(i);
        }

        boolean has(String name) {
            return names.contains(name);
        }

        /** Whether a member named {@code name} holds something other than null. */
        boolean hasNonNull(String name) {
            Object v = get(name);
            return v != null && v != NULL;
        }
    }

    private JsonTree() {
    }

    /** The value at the parser's current token (read past its end), or null when the parser is at its end. */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        switch (t) {
            case START_OBJECT: {
                Obj o = new Obj();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.names.add(name);
                    o.values.add(read(p));
                }
                return o;
            }
            case START_ARRAY: {
                List<Object> a = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p));
                }
                return a;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return new Num(p.getText(), false);
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getText(), true);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                // an embedded object: Jackson's text parsers make none
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    /** The text of a scalar (null for JSON null); an object's or array's is empty, as Jackson's {@code asText}. */
    static String text(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Num) {
            return ((Num) v).text;
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        return v == NULL || v == null ? null : "";
    }

    /** What a value is, in words for a message. */
    static String kind(Object v) {
        return v instanceof List ? "an array" : v instanceof String ? "a string" : v instanceof Num ? "a number"
                : v instanceof Boolean ? "a boolean" : v == NULL ? "null" : "an object";
    }
}
