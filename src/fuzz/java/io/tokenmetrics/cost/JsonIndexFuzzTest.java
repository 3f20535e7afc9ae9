package io.tokenmetrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The price table's index ({@link JsonIndex}) against Jackson with the library's settings: any
 * document the index takes, Jackson reads as an object with the same members in the same order,
 * each value's bytes reading to Jackson's value. (The index may leave a document Jackson reads
 * to Jackson; it must never take one Jackson refuses.)
 */
class JsonIndexFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void whatTheIndexTakesJacksonReadsTheSame(FuzzedDataProvider data) {
        byte[] doc = data.consumeRemainingAsBytes();
        List<JsonIndex.Member> members = JsonIndex.members(doc, doc.length);
        if (members == null) {
            return;
        }
        JsonNode root;
        try {
            root = io.tokenmetrics.internal.Json.readTree(new ByteArrayInputStream(doc));
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("the index took a document Jackson refuses: " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        List<String> indexed = new ArrayList<>();
        for (JsonIndex.Member m : members) {
            indexed.add(m.name);
            String text = new String(doc, m.start, m.end - m.start, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(root.get(m.name), io.tokenmetrics.internal.BundledJson.parse(text), m.name);
        }
        assertEquals(names, indexed);
    }
}
