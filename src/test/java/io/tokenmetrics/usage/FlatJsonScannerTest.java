package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Lines scanner ({@link FlatJson#scan}) against Jackson's parser, the second
 * implementation: every line, however odd, must give the same groups, the same counts and the
 * same messages whether the scanner reads it or hands it on.
 */
class FlatJsonScannerTest {
    @TempDir
    Path dir;

    private static final String[] LINES = {
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":100,\"output_tokens\":20}",
        "{ \"timestamp\" : \"2026-04-13T11:00:00Z\" ,\t\"model\": \"m2\", \"input_tokens\": 7, \"output_tokens\": 0 }",
        "{\"Timestamp\":\"2026-04-14T10:00:00Z\",\"MODEL\":\"m1\",\"Input_Tokens\":1,\"output_tokens\":2}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"usage\":{\"input_tokens\":5,\"output_tokens\":6}}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\\\"q\",\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"\\u00e9t\\u00e9\",\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"模型\",\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1.0,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1e3,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":-5,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":01,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":99999999999999999999,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":true,\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":null,\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"input_tokens\":2,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"x\":1,\"x\":2,\"input_tokens\":1,\"output_tokens\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1} x",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1}{\"a\":1}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"tags\":[1,2],\"input_tokens\":1,\"output_tokens\":1}",
        "{}",
        "{\"data\":[{\"x\":1}]}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1,}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"meta\":{},\"input_tokens\":3,\"output_tokens\":4}",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":true}",
        "[1,2]",
        "\"text\"",
        "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\u007f\",\"input_tokens\":1,\"output_tokens\":1}",
    };

    private UsageResult aggregate(List<String> lines, boolean scanner) throws IOException {
        // one name for both runs: the messages name the file
        Path f = dir.resolve("log.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        boolean before = FlatJson.scanner;
        FlatJson.scanner = scanner;
        try {
            return UsageAggregator.builder().source(UsageSource.JSONL).period(PeriodType.DAY).by(Arrays.asList("model")).skipBad(true).build()
                    .aggregate(f);
        } finally {
            FlatJson.scanner = before;
        }
    }

    private void same(List<String> lines) throws IOException {
        UsageResult a = aggregate(lines, true);
        UsageResult b = aggregate(lines, false);
        SameResult.assertSameResult(b, a);
        // one file read both ways: the messages too
        assertEquals(b.firstSkipped(), a.firstSkipped());
    }

    @Test
    void oddLinesGiveWhatJacksonGives() throws IOException {
        // each odd line after a good first one, which decides the source
        List<String> lines = new ArrayList<>();
        for (String l : LINES) {
            lines.add(LINES[0]);
            lines.add(l);
        }
        same(lines);
        UsageResult r = aggregate(lines, true);
        // the good lines are counted, whichever reader took them
        assertTrue(r.rows() > LINES.length, "rows " + r.rows());
    }

    @Test
    void theScannerTakesPlainLinesAndHandsOnTheRest() {
        List<List<String>> candidates = Arrays.asList(Arrays.asList("timestamp"), Arrays.asList("model"),
                Arrays.asList("input_tokens", "usage.input_tokens"), Arrays.asList("output_tokens", "usage.output_tokens"));
        FlatJson flat = new FlatJson(candidates, new String[4], null);
        boolean[] plain = new boolean[LINES.length];
        for (int i = 0; i < LINES.length; i++) {
            byte[] b = LINES[i].getBytes(StandardCharsets.UTF_8);
            plain[i] = flat.scan(b, 0, b.length);
        }
        // taken: plain, spaced, upper-case names, nested, fractions, exponents, negatives, big numbers, true, null,
        // an unwanted name twice, {}, a nested {}, a boolean count, DEL in a string
        boolean[] expected = {true, true, true, true, false, false, false, true, true, true, false, true, true, true, false, true, false, false,
            false, true, false, false, false, true, true, false, false, true};
        assertEquals(Arrays.toString(expected), Arrays.toString(plain));
        // what it took is in the columns: the nested usage.input_tokens of line 3
        byte[] b = LINES[3].getBytes(StandardCharsets.UTF_8);
        assertTrue(flat.scan(b, 0, b.length));
        assertEquals("5", new String(flat.row(), flat.start()[2], flat.end()[2] - flat.start()[2], StandardCharsets.US_ASCII));
    }

    @Test
    void mangledLinesGiveWhatJacksonGives() throws IOException {
        // a seeded fuzz: each line of the list with a character deleted, doubled or replaced
        Random rnd = new Random(20261130L);
        String alphabet = "{}[]\":,. \t0123456789-+eE\\atrufsnl";
        for (int round = 0; round < 20; round++) {
            List<String> lines = new ArrayList<>();
            lines.add(LINES[0]);
            for (int i = 0; i < 200; i++) {
                StringBuilder s = new StringBuilder(LINES[rnd.nextInt(4)]);
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0: s.deleteCharAt(at); break;
                    case 1: s.insert(at, s.charAt(at)); break;
                    default: s.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length()))); break;
                }
                lines.add(s.toString());
            }
            same(lines);
        }
    }
}
