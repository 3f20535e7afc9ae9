package io.tokenmetrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The reader of the bundled figures against Jackson's, the second implementation. */
class BundledJsonTest {
    private static void same(String text) throws IOException {
        JsonNode jackson = Json.readTree(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        JsonNode ours = BundledJson.parse(text);
        assertEquals(jackson, ours);
        assertEquals(jackson.toString(), ours.toString());
    }

    @Test
    void readsTheBundledFiguresAsJacksonDoes() throws IOException {
        same(new String(Files.readAllBytes(Paths.get("src/main/resources/io/tokenmetrics/data/published-figures.json")), StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryJsonConstructAsJacksonDoes() throws IOException {
        same("{\"a\": [1, -2, 3.50, 1e5, -0.0, 12345678901234567890, true, false, null, {}, []],"
                + " \"b\": \"x\\\"y\\\\z\\n\\t\\u00e9\\u4e07\\/\", \"c\": {\"d\": {\"e\": \"万亿\"}}, \"\": 0}");
        same("  [ ]  ");
    }

    @Test
    void refusesWhatIsNotOneValue() {
        assertEquals("bundled JSON, at 3: text after the value", assertThrows(IllegalStateException.class, () -> BundledJson.parse("{} x")).getMessage());
        assertThrows(IllegalStateException.class, () -> BundledJson.parse("{\"a\": }"));
        assertThrows(IllegalStateException.class, () -> BundledJson.parse("\"open"));
    }
}
