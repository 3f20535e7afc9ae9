package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every example of docs/errors.md and asserts its whole standard error and exit code. */
class ErrorCatalogueTest {
    private static final Path FIXTURES = Paths.get("target", "error-fixtures");

    private static String series(String observations) {
        return "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\","
                + "\"measure\":\"tokens/week\",\"observations\":[" + observations + "]}]}";
    }

    private static Map<String, byte[]> fixtures() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("empty.json", "");
        t.put("truncated.json", "{\"format\": ");
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            nested.append('[');
        }
        t.put("nested.json", nested.toString());
        StringBuilder nines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            nines.append('9');
        }
        t.put("long-number.json", series("{\"period\":\"2026-W16\",\"value\":" + nines + "}"));
        t.put("duplicate-key.json", "{\"format\":\"token-metrics-dataset/1\",\"format\":\"x\"}");
        t.put("array.json", "[]");
        t.put("missing-measure.json", "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"observations\":[]}]}");
        t.put("unknown-field.json", series("{\"period\":\"2026-W16\",\"value\":\"1T\",\"qoute\":\"typo\"}"));
        t.put("unknown-unit.json", series("{\"period\":\"2026-W16\",\"value\":\"20.6兆\"}"));
        t.put("backwards.json", series("{\"period\":\"2026-W16\",\"value\":\"20-15万亿\"}"));
        t.put("negative.json", series("{\"period\":\"2026-W16\",\"value\":\"-5T\"}"));
        t.put("exponent.json", series("{\"period\":\"2026-W16\",\"value\":\"1e6\"}"));
        t.put("float.json", series("{\"period\":\"2026-W16\",\"value\":20.6}"));
        t.put("nan.json", series("{\"period\":\"2026-W16\",\"value\":NaN}"));
        t.put("infinity.json", series("{\"period\":\"2026-W16\",\"value\":-Infinity}"));
        t.put("duplicate-period.json", series("{\"period\":\"2026-W16\",\"value\":\"1T\"},{\"period\":\"2026-W16\",\"value\":\"2T\"}"));
        t.put("conflict.json", "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"volcano-engine-daily\",\"subject\":\"V\",\"region\":\"CN\","
                + "\"measure\":\"tokens/day\",\"observations\":[{\"period\":\"end-2024\",\"value\":\"3万亿\"}]}]}");
        t.put("bad-price.json", "{\"gpt-5\": {\"input_cost_per_token\": \"cheap\", \"output_cost_per_token\": 1e-05}}");
        t.put("prices-array.json", "[{\"id\": \"gpt-5\"}]");
        t.put("ok-prices.json", "{\"gpt-5\": {\"input_cost_per_token\": 1.25e-06, \"output_cost_per_token\": 1e-05}}");
        t.put("bad-count.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,12x,2\n");
        t.put("bad-spend.csv", "request_id,spend,prompt_tokens,completion_tokens,startTime,model\nr1,$0.10,10,1,2026-04-13 10:00:00,gpt-5\n");
        t.put("long-row.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,1,2,3\n");
        t.put("short-row.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,1\n");
        t.put("open-quote.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,\"gpt,1,2\n");
        t.put("other-time.csv", "timestamp,input_tokens,output_tokens\n13/04/2026 10:00,1,2\n");
        t.put("overflow.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,9000000000000000000,0\n2026-04-13T11:00:00Z,9000000000000000000,0\n");
        t.put("no-time.csv", "when,input_tokens,output_tokens\n1,2,3\n");
        t.put("empty.csv", "");
        t.put("empty.jsonl", "\n\n");
        t.put("no-logs/notes.txt", "not a log");
        t.put("bad.jsonl", "{\"timestamp\":\n{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":2}\n");
        t.put("or-overflow.json", "{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":9000000000000000000},"
                + "{\"date\":\"2026-04-14\",\"model_permaslug\":\"a/b\",\"total_tokens\":9000000000000000000}],\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\"}}");
        t.put("or-outside.json", "{\"data\":[{\"date\":\"2026-03-30\",\"model_permaslug\":\"a/b\",\"total_tokens\":1}],"
                + "\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\",\"start_date\":\"2026-04-13\",\"end_date\":\"2026-04-19\"}}");
        t.put("or-bad-count.json", "{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"12x\"}],\"meta\":{\"as_of\":\"2026-04-14T02:00:00Z\"}}");
        t.put("or-no-asof.json", "{\"data\":[],\"meta\":{}}");
        t.put("or-bad-asof.json", "{\"data\":[],\"meta\":{\"as_of\":\"yesterday\"}}");
        t.put("contradiction.csv", "created_at,model,prompt_tokens,completion_tokens,total_tokens\n2026-04-13T10:00:00Z,gpt-4o,5,6,12\n");
        t.put("ambiguous.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}\n");
        t.put("unknown.csv", "when,tokens\n2026-04-13,5\n");
        t.put("cache-parts.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"type\":\"message\",\"usage\":{\"input_tokens\":1,"
                + "\"output_tokens\":1,\"cache_creation_input_tokens\":9,\"cache_creation\":{\"ephemeral_5m_input_tokens\":4,"
                + "\"ephemeral_1h_input_tokens\":4}}}\n");
        t.put("cr.csv", "timestamp,input_tokens,output_tokens\r2026-04-13T10:00:00Z,1,1\r");
        t.put("repeated-column.csv", "timestamp,input_tokens,output_tokens,input_tokens\n2026-04-13T10:00:00Z,1,1,9\n");
        t.put("two-values.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":1} {\"timestamp\":"
                + "\"2026-04-13T10:00:00Z\",\"input_tokens\":2,\"output_tokens\":2}\n");
        t.put("repeated-key.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"input_tokens\":9,\"output_tokens\":1}\n");
        t.put("compact-date.csv", "timestamp,input_tokens,output_tokens\n20260413,1,1\n");
        t.put("cadence.json", "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\","
                + "\"measure\":\"tokens/month\",\"observations\":[{\"period\":\"2026-04\",\"value\":\"1T\"},{\"period\":\"2026-W16\",\"value\":\"1T\"}]}]}");
        t.put("listed-value.json", series("{\"period\":\"2026-W16\",\"value\":\"1T\",\"listed\":false}"));
        t.put("big-fall.json", series("{\"period\":\"2026-W16\",\"value\":\"1T\",\"change\":\"-150%\"}"));
        t.put("share.json", "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\","
                + "\"measure\":\"share\",\"observations\":[{\"period\":\"2026\",\"value\":\"120%\"}]}]}");
        Map<String, byte[]> out = new LinkedHashMap<>();
        t.forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        out.put("garbage.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.put("utf16.csv", "\ufefftimestamp,input_tokens,output_tokens\n".getBytes(StandardCharsets.UTF_16LE));
        out.put("latin1.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,caf\u00e9,1,1\n".getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    /** One example: the arguments, the expected standard error lines, the exit code. */
    private static final class Example {
        final String command;
        final List<String> args;
        final List<String> err = new ArrayList<>();
        int exit;

        Example(String command) {
            this.command = command;
            this.args = Arrays.asList(command.substring("$ token-metrics".length()).trim().isEmpty()
                    ? new String[0] : command.substring("$ token-metrics ".length()).split(" "));
        }
    }

    private static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        Example cur = null;
        for (String line : Files.readAllLines(Paths.get("docs", "errors.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("$ token-metrics")) {
                cur = new Example(line);
            } else if (cur != null && line.matches("\\[exit \\d\\]")) {
                cur.exit = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                out.add(cur);
                cur = null;
            } else if (cur != null) {
                cur.err.add(line);
            }
        }
        return out;
    }

    private static String beforeParser(String err) {
        StringBuilder out = new StringBuilder();
        for (String line : err.split("\n", -1)) {
            for (String marker : new String[] {"malformed JSON: ", "input exceeds a reading limit: "}) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    line = line.substring(0, at + marker.length());
                    break;
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @TestFactory
    List<DynamicTest> everyCatalogueEntryIsReal() throws IOException {
        Files.createDirectories(FIXTURES);
        for (Map.Entry<String, byte[]> f : fixtures().entrySet()) {
            Files.createDirectories(FIXTURES.resolve(f.getKey()).getParent());
            Files.write(FIXTURES.resolve(f.getKey()), f.getValue());
        }
        Files.deleteIfExists(FIXTURES.resolve("none.json"));
        List<Example> examples = examples();
        assertTrue(examples.size() >= 40, "docs/errors.md has " + examples.size() + " examples");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            tests.add(DynamicTest.dynamicTest(e.command, () -> {
                if (e.command.contains("--fetch") && System.getenv("OPENROUTER_API_KEY") != null) {
                    return;
                }
                CliRun r = CliRun.of(e.args.toArray(new String[0]));
                String expected = String.join("\n", e.err) + "\n";
                if (com.fasterxml.jackson.core.json.PackageVersion.VERSION.getMinorVersion() < 16) {
                    // the catalogue quotes the parser of the released build (Jackson 2.16 and later); the spark
                    // profile runs on Spark's Jackson 2.15, which words its own errors otherwise: the part before
                    // the parser's words must still match
                    expected = beforeParser(expected);
                    assertEquals(expected, beforeParser(r.err), r::toString);
                } else {
                    assertEquals(expected, r.err, r::toString);
                }
                assertEquals(e.exit, r.code, r::toString);
                assertFalse(r.err.contains("\tat "), r.err);
            }));
        }
        return tests;
    }
}
