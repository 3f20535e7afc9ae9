package io.tokenmetrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Json#readTree}, the start-up-cheap reader, against the mapper it stands in for. */
class JsonTreeTest {
    private static JsonNode mapper(byte[] b) throws IOException {
        return Json.mapper().readTree(new ByteArrayInputStream(b));
    }

    private static JsonNode ours(byte[] b) throws IOException {
        return Json.readTree(new ByteArrayInputStream(b));
    }

    @Test
    void decimalsLoseTrailingZerosAsTheMappersDo() throws IOException {
        // 1.50 is 1.5 and 0.000 is 0: what the rounded-figure rules see is the string, never this scale
        assertEquals("{\"a\":1.5,\"b\":0,\"c\":2,\"d\":1E+2}", ours("{\"a\": 1.50, \"b\": 0.000, \"c\": 2.0, \"d\": 100.0}".getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static void same(String what, byte[] b) throws IOException {
        JsonNode m = mapper(b);
        JsonNode o = ours(b);
        assertEquals(m, o, what);
        // equal trees print the same, down to each number's scale
        assertEquals(m.toString(), o.toString(), what);
    }

    @Test
    void givesTheMappersTreeForEveryJsonFileOfTheProject() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Paths.get("src/main/resources")), Files.walk(Paths.get("src/test/resources")))) {
            files = s.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
        }
        int read = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            JsonNode m;
            try {
                m = mapper(b);
            } catch (JsonProcessingException e) {
                // a fixture of malformed JSON: both refuse it
                assertThrows(JsonProcessingException.class, () -> ours(b), f::toString);
                continue;
            }
            if (m == null || m.isMissingNode()) {
                continue;
            }
            same(f.toString(), b);
            read++;
        }
        // the bundled figures, the price tables, the OpenRouter responses, the usage reports
        assertEquals(true, read >= 7, "read " + read);
    }

    @Test
    void numbersHaveTheMappersValueAndScale() throws IOException {
        same("numbers", ("{\"a\": 1.50, \"b\": 1e5, \"c\": -0, \"d\": 0.000, \"e\": 12345678901234567890123, \"f\": 3e-06, \"g\": -2.5E+3, \"j\": 100.0, \"k\": -0.0,"
                + " \"h\": [1, 2.0, true, false, null, \"x\\u00e9\\n\"], \"i\": {}}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatTheMapperRefuses() {
        String[] bad = {"{\"a\": 1, \"a\": 2}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1", "[1, 2,]", "{\"a\": 01}", "nul"};
        for (String s : bad) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThrows(JsonProcessingException.class, () -> mapper(b), s);
            assertThrows(JsonProcessingException.class, () -> ours(b), s);
        }
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> ours("{} []".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Trailing token (of type START_ARRAY) found after value: a document holds one JSON value", e.getOriginalMessage());
    }

    @Test
    void emptyInputIsNoTree() throws IOException {
        assertNull(ours(new byte[0]));
        try (InputStream in = new ByteArrayInputStream("  \n".getBytes(StandardCharsets.UTF_8))) {
            assertNull(Json.readTree(in));
        }
    }
}
