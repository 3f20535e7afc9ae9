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
 * The JSON Lines scanner ({@link FlatJson#scan}) against the second implementation, Jackson's
 * parser reading each line whole ({@link JsonTree}, {@link JsonRecord}): every line, however
 * odd, must give the same groups, the same counts and the same messages whether the scanner
 * reads it or hands it on.
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
        return UsageAggregator.builder().source(UsageSource.JSONL).period(PeriodType.DAY).by(Arrays.asList("model")).skipBad(true)
                .readsWhole(!scanner).build().aggregate(f);
    }

    private void same(List<String> lines) throws IOException {
        UsageResult a = aggregate(lines, true);
        UsageResult b = aggregate(lines, false);
        if (!a.skippedByReason().equals(b.skippedByReason()) || !a.groups().equals(b.groups())) {
            // name the first line that the two read differently on its own, for the failure to show
            for (String l : lines.subList(1, lines.size())) {
                List<String> one = Arrays.asList(lines.get(0), l);
                UsageResult x = aggregate(one, true);
                UsageResult y = aggregate(one, false);
                assertEquals(y.skippedByReason() + " " + y.firstSkipped() + " " + y.groups(), x.skippedByReason() + " " + x.firstSkipped() + " " + x.groups(),
                        "the line " + l);
            }
        }
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
        // taken: plain, spaced, upper-case names, nested, a wanted string with an escape, with \\u, with UTF-8,
        // fractions, exponents, negatives, big numbers, true, null, an unwanted name twice, an array, {}, a nested {},
        // a boolean count, DEL in a string. Handed on: a leading zero, a wanted name twice, text or a value after the
        // object, a document name, a cut line, a trailing comma, a line that is not an object
        boolean[] expected = {true, true, true, true, true, true, true, true, true, true, false, true, true, true, false, true, false, false,
            true, true, false, false, false, true, true, false, false, true};
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

    /** A random JSON value of the kinds vendors' lines hold, written as a generator of JSON text might. */
    private static void value(Random rnd, StringBuilder s, int depth) {
        int k = rnd.nextInt(depth > 3 ? 6 : 8);
        switch (k) {
            case 0: string(rnd, s); break;
            case 1: number(rnd, s); break;
            case 2: s.append(rnd.nextBoolean() ? "true" : "false"); break;
            case 3: s.append("null"); break;
            case 4: case 5: string(rnd, s); break;
            case 6: {
                s.append('[');
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i > 0 ? "," : "").append(rnd.nextInt(3) == 0 ? " " : "");
                    value(rnd, s, depth + 1);
                }
                s.append(']');
                break;
            }
            default: {
                s.append('{');
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i > 0 ? "," : "");
                    name(rnd, s);
                    s.append(rnd.nextBoolean() ? ":" : " : ");
                    value(rnd, s, depth + 1);
                }
                s.append('}');
            }
        }
    }

    private static final String[] PIECES = {"a", "Z", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9", "\\u6a21", "\\ud83d\\ude00",
        "\\ud83d", "\\ude00x", "é", "模型", "😀", "\u007f", "<", "\\b\\f\\r",
        // runs longer than a word, so that the scanner's eight-bytes-at-a-time loop meets every special byte at every offset
        "plain text run", "0123456789abcdefg", "a run of seventeen", "\u0001", "\t"};

    private static void string(Random rnd, StringBuilder s) {
        s.append('"');
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        s.append('"');
    }

    /** A member name: mostly plain ASCII, as logs have them; sometimes any string. */
    private static void name(Random rnd, StringBuilder s) {
        if (rnd.nextInt(8) == 0) {
            string(rnd, s);
        } else {
            s.append("\"k").append(rnd.nextInt(50)).append('"');
        }
    }

    private static final String[] NUMBERS = {"0", "-0", "7", "12", "1e3", "1E+2", "2.50", "-3", "1.5", "99999999999999999999", "0.0", "-0.0",
        "3e-1", "10"};

    private static void number(Random rnd, StringBuilder s) {
        s.append(NUMBERS[rnd.nextInt(NUMBERS.length)]);
    }

    /** A record with the fields the columns read, placed among others, nested or flat, sometimes twice or spelled otherwise. */
    private static String record(Random rnd) {
        List<String> members = new ArrayList<>();
        members.add("\"timestamp\":\"2026-04-1" + (3 + rnd.nextInt(3)) + "T10:00:00Z\"");
        StringBuilder model = new StringBuilder();
        if (rnd.nextInt(4) == 0) {
            string(rnd, model);
        } else {
            model.append("\"m").append(rnd.nextInt(3)).append('"');
        }
        members.add((rnd.nextInt(8) == 0 ? "\"Model\":" : "\"model\":") + model);
        String in = NUMBERS[rnd.nextInt(NUMBERS.length)];
        String out = NUMBERS[rnd.nextInt(NUMBERS.length)];
        if (rnd.nextBoolean()) {
            members.add("\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":" + out + ",\"details\":[{\"x\":1}]}");
        } else {
            members.add("\"input_tokens\":" + in);
            members.add("\"output_tokens\":" + out);
        }
        if (rnd.nextInt(20) == 0) {
            members.add("\"input_tokens\":" + in);
        }
        if (rnd.nextInt(20) == 0) {
            members.add("\"model\":null");
        }
        int extra = rnd.nextInt(5);
        for (int i = 0; i < extra; i++) {
            StringBuilder m = new StringBuilder();
            name(rnd, m);
            m.append(':');
            value(rnd, m, 1);
            members.add(m.toString());
        }
        java.util.Collections.shuffle(members, rnd);
        return "{" + String.join(rnd.nextBoolean() ? "," : ", ", members) + "}";
    }

    @Test
    void generatedLinesGiveWhatJacksonGives() throws IOException {
        // seeded: records with arrays, nested objects, escapes, UTF-8, surrogates (paired and lone), exponents, -0,
        // names given twice or in other cases; a tenth mangled by a character
        Random rnd = new Random(20261202L);
        String alphabet = "{}[]\":,. \t0123456789-+eE\\atrufsnlé";
        int taken = 0;
        int all = 0;
        List<List<String>> candidates = Arrays.asList(Arrays.asList("timestamp"), Arrays.asList("model"),
                Arrays.asList("input_tokens", "usage.input_tokens"), Arrays.asList("output_tokens", "usage.output_tokens"));
        FlatJson flat = new FlatJson(candidates, new String[4], null);
        for (int round = 0; round < 30; round++) {
            List<String> lines = new ArrayList<>();
            lines.add(LINES[0]);
            for (int i = 0; i < 300; i++) {
                StringBuilder s = new StringBuilder(record(rnd));
                if (rnd.nextInt(10) == 0) {
                    int at = rnd.nextInt(s.length());
                    if (!Character.isSurrogate(s.charAt(at))) {
                        s.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                }
                lines.add(s.toString());
                byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
                taken += flat.scan(b, 0, b.length) ? 1 : 0;
                all++;
            }
            same(lines);
        }
        // the comparison means something only if the scanner took most lines and handed some on
        assertTrue(taken > all / 2 && taken < all, taken + " of " + all + " lines taken by the scanner");
    }

    @Test
    void numbersAndNamesPastJacksonsLimitsAreJudgedAsJacksonJudgesThem() throws IOException {
        // found in review: the scanner took a 41-digit number (Jackson's limit is 40) in a field no column reads
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            digits.append('7');
        }
        StringBuilder name = new StringBuilder();
        while (name.length() < 50_010) {
            name.append('n');
        }
        same(Arrays.asList(LINES[0],
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"x\":" + digits + ",\"input_tokens\":1,\"output_tokens\":1}",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"a\":[" + digits + "],\"input_tokens\":1,\"output_tokens\":1}",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"" + name + "\":1,\"input_tokens\":1,\"output_tokens\":1}"));
    }

    @Test
    void aFieldTwoColumnsReadFillsBoth() throws IOException {
        // found in review: --by request_id (the id is also a dimension) made every scanned line a bad row
        Path f = dir.resolve("ids.jsonl");
        Files.write(f, Arrays.asList("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"request_id\":\"a\",\"input_tokens\":1,\"output_tokens\":2}",
                "{\"timestamp\":\"2026-04-13T11:00:00Z\",\"request_id\":\"b\",\"input_tokens\":3,\"output_tokens\":4}",
                "{\"timestamp\":\"2026-04-13T12:00:00Z\",\"request_id\":\"b\",\"input_tokens\":3,\"output_tokens\":4}"), StandardCharsets.UTF_8);
        for (boolean whole : new boolean[] {false, true}) {
            UsageResult r = UsageAggregator.builder().source(UsageSource.JSONL).period(PeriodType.DAY).by("request_id").readsWhole(whole).build()
                    .aggregate(f);
            // a and b, b once: 2 groups, 2 rows, 1 duplicate
            assertEquals(2, r.groups().size(), r.groups()::toString);
            assertEquals(2, r.rows());
            assertEquals(1, r.duplicates());
        }
    }
}
