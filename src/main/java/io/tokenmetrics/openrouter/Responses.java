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
            root = io.tokenmetrics.internal.Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(name + ": " + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": ") + "malformed JSON: " + io.tokenmetrics.internal.Json.shortMessage(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(name + ": " + io.tokenmetrics.usage.IoErrors.reason(e), e);
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

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
