package io.tokenmetrics.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;

/** What the Data API's responses share: reading the JSON object, and required text fields with their paths. */
final class Responses {
    private Responses() {
    }

    /** The response's root object; malformed JSON names the line and column, I/O stays I/O (unchecked here, unwrapped by the callers). */
    static JsonNode root(InputStream in, String name) {
        JsonNode root;
        try {
            root = io.tokenmetrics.internal.Json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(name + ": " + io.tokenmetrics.internal.Json.malformed(e), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(name + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException(name + ": $: expected a JSON object with \"data\" and \"meta\"");
        }
        return root;
    }

    static String text(JsonNode r, String name, String p, String field) {
        JsonNode v = r == null ? null : r.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new MalformedResponseException(name + ": " + p + "." + field + ": expected a non-empty string, found "
                    + (v == null ? "nothing" : abbreviate(v.toString())));
        }
        return v.textValue();
    }

    /**
     * A whole number of at most 19 digits at {@code p.field}: a JSON integer, or, where
     * {@code string} allows, a string of digits (the API sends token totals as decimal strings so
     * 64-bit values survive). {@code what} names it in the error ("a whole number of tokens").
     */
    static long whole(JsonNode r, String name, String p, String field, boolean string, String what) {
        JsonNode v = r.get(field);
        String where = name + ": " + p + "." + field + ": ";
        if (v == null || !(v.isIntegralNumber() || string && v.isTextual())) {
            throw new MalformedResponseException(where + "expected " + (string ? "a string of digits" : "a whole number") + ", found "
                    + (v == null ? "nothing" : abbreviate(v.toString())));
        }
        String digits = v.asText();
        if (!digits.matches("[0-9]{1,19}")) {
            throw new MalformedResponseException(where + "\"" + abbreviate(digits) + "\" is not " + what);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new MalformedResponseException(where + "\"" + digits + "\" is larger than " + Long.MAX_VALUE, e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
