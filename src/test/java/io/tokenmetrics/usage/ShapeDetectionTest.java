package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The source a record's shape names ({@link Profile#detectShape}, from the shape bits the scanner
 * collects) is the source the whole record names ({@link Profile#detectFlat}), on every record of
 * every fixture: {@link Profile#SHAPE_NAMES} holds every name detection looks at.
 */
class ShapeDetectionTest {
    private static String outcome(java.util.function.Supplier<UsageSource> s) {
        try {
            return String.valueOf(s.get());
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void theShapeBitsDecideAsTheWholeRecordDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> w = Files.walk(SourceLogs.fixture(""))) {
            files = w.filter(f -> Files.isRegularFile(f) && f.toString().matches(".*\\.(jsonl|json)$")).sorted().collect(Collectors.toList());
        }
        int records = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            // a pretty-printed document is one record; JSON Lines one a line
            List<String> values = text.trim().startsWith("{\n") ? java.util.Collections.singletonList(text) : java.util.Arrays.asList(text.split("\n"));
            for (String v : values) {
                if (v.trim().isEmpty()) {
                    continue;
                }
                Object node;
                try (com.fasterxml.jackson.core.JsonParser p = io.tokenmetrics.internal.Json.STREAMING.createParser(v)) {
                    p.nextToken();
                    node = JsonTree.read(p);
                }
                if (!(node instanceof JsonTree.Obj)) {
                    continue;
                }
                JsonRecord r = new JsonRecord();
                r.flatten((JsonTree.Obj) node, "", "");
                long bits = 0;
                for (String k : r.keys) {
                    bits |= Profile.shapeBit(k);
                }
                long b = bits;
                String whole = outcome(() -> Profile.detectFlat(r.keys, r.values));
                String shape = outcome(() -> Profile.detectShape(b, r.values.get("type"), r.values.get("object")));
                assertEquals(whole, shape, f + ": " + v.substring(0, Math.min(120, v.length())));
                records++;
            }
        }
        assertTrue(records > 40, "records checked: " + records);
    }
}
