package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.Change;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.period.TimePeriod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageAggregatorTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static UsageAggregator.Builder weekly(String... by) {
        return UsageAggregator.builder().period(PeriodType.WEEK).by(Arrays.asList(by));
    }

    /** An independent computation: String.split, Instant.parse, java.time weeks, BigInteger sums. */
    private static Map<String, BigInteger[]> reference(Path csv) throws IOException {
        Map<String, BigInteger[]> out = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                LocalDate monday = Instant.parse(f[0]).atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String key = monday + "|" + f[1] + "|" + f[3];
                BigInteger[] s = out.computeIfAbsent(key, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
                s[0] = s[0].add(BigInteger.ONE);
                s[1] = s[1].add(new BigInteger(f[4]));
                s[2] = s[2].add(new BigInteger(f[5]));
                s[3] = s[3].add(new BigInteger(f[4])).add(new BigInteger(f[5]));
            }
        }
        return out;
    }

    private static Map<String, BigInteger[]> asMap(UsageResult r) {
        Map<String, BigInteger[]> out = new TreeMap<>();
        for (UsageGroup g : r.groups()) {
            out.put(g.period().start() + "|" + String.join("|", g.dimensions()), new BigInteger[] {BigInteger.valueOf(g.requests().getAsLong()),
                BigInteger.valueOf(g.inputTokens()), BigInteger.valueOf(g.outputTokens()), BigInteger.valueOf(g.totalTokens())});
        }
        return out;
    }

    private static void assertSameGroups(Map<String, BigInteger[]> expected, Map<String, BigInteger[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertEquals(Arrays.asList(expected.get(k)), Arrays.asList(actual.get(k)), k);
        }
    }

    @Test
    void aFifoOfJsonLinesIsReadAsAStream() throws Exception {
        // found by a hostile corpus: the JDK's channel stream asked the pipe for its position ("Illegal seek")
        Path fifo = dir.resolve("live.jsonl");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no mkfifo here");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = new java.io.FileOutputStream(fifo.toFile())) {
                out.write(("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":5,\"output_tokens\":2}\n"
                        + "{\"timestamp\":\"2026-04-14T10:00:00Z\",\"input_tokens\":7,\"output_tokens\":1}\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        UsageResult r = UsageAggregator.builder().build().aggregate(fifo);
        writer.join();
        // 5 + 7 input, 2 + 1 output, one ISO week
        assertEquals(2, r.rows());
        assertEquals(12, r.groups().get(0).inputTokens());
        assertEquals(3, r.groups().get(0).outputTokens());
    }

    @Test
    void anEmptyFileIsAnErrorWhenNamedAndSkippedWithANoteWhenFoundInADirectory() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path empty = Files.write(logs.resolve("a-new-session.jsonl"), "\n".getBytes(StandardCharsets.UTF_8));
        Files.write(logs.resolve("b.jsonl"), "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":5,\"output_tokens\":2}\n"
                .getBytes(StandardCharsets.UTF_8));
        for (int threads : new int[] {1, 2}) {
            UsageResult r = UsageAggregator.builder().threads(threads).build().aggregate(logs);
            assertEquals(1, r.rows());
            assertEquals(java.util.Collections.singletonList(empty + " is empty: skipped"), r.notes());
            UsageLogException named = assertThrows(UsageLogException.class, () -> UsageAggregator.builder().threads(threads).build().aggregate(empty));
            assertEquals(empty + ": the file is empty: it holds no usage records", named.getMessage());
        }
        Path none = Files.createDirectories(dir.resolve("none"));
        Files.write(none.resolve("readme.txt"), "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(none + ": no usage log in the directory: no .csv, .jsonl, .ndjson or .json file (each also .gz) in it or below it",
                assertThrows(UsageLogException.class, () -> UsageAggregator.builder().build().aggregate(none)).getMessage());
    }

    @Test
    void equalsAnIndependentComputationWithAnyNumberOfThreads() throws IOException {
        Path csv = dir.resolve("gen.csv");
        UsageLogGenerator.write(csv, 30_000, 7);
        Map<String, BigInteger[]> expected = reference(csv);
        for (int threads : new int[] {1, 2, 3, 7}) {
            UsageResult r = weekly("model", "region").threads(threads).build().aggregate(Collections.singletonList(csv));
            assertEquals(30_000, r.rows());
            assertSameGroups(expected, asMap(r));
        }
    }

    @Test
    void aggregatingAnySplitOfTheRowsEqualsAggregatingAll() throws IOException {
        Path all = dir.resolve("all.csv");
        UsageLogGenerator.write(all, 5_000, 11);
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        String header = lines.get(0);
        java.util.Random rnd = new java.util.Random(3);
        for (int trial = 0; trial < 5; trial++) {
            int cut = 1 + rnd.nextInt(lines.size() - 1);
            Path a = file("a" + trial + ".csv", header + "\n" + String.join("\n", lines.subList(1, cut)) + "\n");
            Path b = file("b" + trial + ".csv", header + "\n" + String.join("\n", lines.subList(cut, lines.size())) + "\n");
            UsageAggregator agg = weekly("model", "region").build();
            assertEquals(agg.aggregate(Collections.singletonList(all)).groups(), agg.aggregate(Arrays.asList(a, b)).groups());
        }
    }

    @Test
    void recognisesOpenAiAnthropicAndOpenTelemetryNames() throws IOException {
        // OpenAI: prompt/completion/total; the stated totals agree with the parts (5 + 6 = 11, 1 + 2 = 3)
        Path openai = file("openai.csv", "created_at,model,prompt_tokens,completion_tokens,total_tokens\n"
                + "2026-04-13T10:00:00Z,gpt-4o,5,6,11\n2026-04-14T10:00:00Z,gpt-4o,1,2,3\n");
        UsageGroup g = weekly("model").build().aggregate(Collections.singletonList(openai)).groups().get(0);
        assertEquals(Arrays.asList(2L, 6L, 8L, 14L), Arrays.asList(g.requests().getAsLong(), g.inputTokens(), g.outputTokens(), g.totalTokens()));
        // a stated total that contradicts its parts (12 ≠ 5 + 6) is an error, not a silent pick
        Path wrong = file("wrong.csv", "created_at,model,prompt_tokens,completion_tokens,total_tokens\n2026-04-13T10:00:00Z,gpt-4o,5,6,12\n");
        UsageLogException e = assertThrows(UsageLogException.class, () -> weekly("model").build().aggregate(wrong));
        assertEquals(wrong + ":2: total_tokens (12) contradicts input + output (5 + 6 = 11)", e.getMessage());
        // Anthropic JSON Lines: input_tokens excludes cache reads, so input = 100 + 40 = 140, total 160
        Path anthropic = file("anthropic.jsonl",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"claude-sonnet-4-6\",\"usage\":{\"input_tokens\":100,\"output_tokens\":20,\"cache_read_input_tokens\":40}}\n");
        UsageGroup a = weekly("model").build().aggregate(Collections.singletonList(anthropic)).groups().get(0);
        assertEquals(Arrays.asList(140L, 20L, 40L, 160L), Arrays.asList(a.inputTokens(), a.outputTokens(), a.cacheReadTokens(), a.totalTokens()));
        assertEquals(Collections.singletonList("claude-sonnet-4-6"), a.dimensions());
        // OpenTelemetry GenAI attribute names, dotted keys as written
        Path otel = file("otel.ndjson",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"gen_ai.request.model\":\"qwen3\",\"gen_ai.usage.input_tokens\":7,\"gen_ai.usage.output_tokens\":3}\n");
        UsageGroup o = weekly("model").build().aggregate(Collections.singletonList(otel)).groups().get(0);
        assertEquals(Arrays.asList("qwen3"), o.dimensions());
        assertEquals(10L, o.totalTokens());
        // user mapping of other names
        Path custom = file("custom.csv", "when,llm,in,out\n2026-04-13T10:00:00Z,m,4,5\n");
        UsageGroup c = UsageAggregator.builder().by(Collections.singletonList("llm")).map(UsageField.TIMESTAMP, "when")
                .map(UsageField.INPUT, "in").map(UsageField.OUTPUT, "out").build().aggregate(Collections.singletonList(custom)).groups().get(0);
        assertEquals(9L, c.totalTokens());
    }

    @Test
    void periodsAreCutInTheChosenZone() throws IOException {
        // 2026-04-19T23:30Z is Sunday of 2026-W16 in UTC, Monday 07:30 of 2026-W17 in Shanghai (UTC+8);
        // the same instant written with an offset lands in the same weeks
        Path f = file("z.csv", "timestamp,input_tokens,output_tokens\n2026-04-19T23:30:00Z,1,1\n2026-04-20T07:30:00+08:00,2,2\n2026-04-19 23:30:00,4,4\n");
        List<UsageGroup> utc = weekly().build().aggregate(Collections.singletonList(f)).groups();
        assertEquals(1, utc.size());
        assertEquals(TimePeriod.parse("2026-W16"), utc.get(0).period());
        List<UsageGroup> sh = weekly().zone(ZoneId.of("Asia/Shanghai")).build().aggregate(Collections.singletonList(f)).groups();
        // with the zone, the two instants are W17; the row without offset is local Shanghai time, Sunday 23:30: W16
        assertEquals(2, sh.size());
        assertEquals(TimePeriod.parse("2026-W16"), sh.get(0).period());
        assertEquals(8L, sh.get(0).totalTokens());
        assertEquals(TimePeriod.parse("2026-W17"), sh.get(1).period());
        assertEquals(6L, sh.get(1).totalTokens());
        // days, months, epoch seconds and milliseconds
        Path e = file("e.csv", "timestamp,input_tokens,output_tokens\n1776384000,1,0\n1776384000000,2,0\n2026-04-17,4,0\n");
        List<UsageGroup> days = UsageAggregator.builder().period(PeriodType.DAY).build().aggregate(Collections.singletonList(e)).groups();
        // 1776384000 s = 2026-04-17T00:00:00Z
        assertEquals(1, days.size());
        assertEquals(TimePeriod.parse("2026-04-17"), days.get(0).period());
        assertEquals(7L, days.get(0).inputTokens());
        assertEquals(TimePeriod.parse("2026-04"),
                UsageAggregator.builder().period(PeriodType.MONTH).build().aggregate(Collections.singletonList(e)).groups().get(0).period());
    }

    @Test
    void csvQuotingCrlfBomAndBlankLines() throws IOException {
        Path f = file("q.csv", "\uFEFFtimestamp,model,input_tokens,output_tokens\r\n"
                + "2026-04-13T10:00:00Z,\"gpt, \"\"4o\"\"\nmini\",1,2\r\n\r\n2026-04-13T11:00:00Z,plain,3,4\r\n");
        UsageResult r = weekly("model").build().aggregate(Collections.singletonList(f));
        assertEquals(2, r.rows());
        assertEquals(1, r.blankLines());
        assertEquals(Arrays.asList("gpt, \"4o\"\nmini"), r.groups().get(0).dimensions());
        assertEquals(Arrays.asList("plain"), r.groups().get(1).dimensions());
    }

    @Test
    void badRowsStopWithFileLineAndValue() throws IOException {
        Path f = file("bad.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,1,2\n2026-04-13T10:00:00Z,m,12x,2\n");
        UsageLogException e = assertThrows(UsageLogException.class, () -> weekly("model").build().aggregate(Collections.singletonList(f)));
        assertEquals(f + ":3: input_tokens (\"12x\") is not a whole number of tokens", e.getMessage());
        assertEquals(3, e.line());
        Path cols = file("cols.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,1\n");
        assertEquals(cols + ":2: expected 4 columns, found 3",
                assertThrows(UsageLogException.class, () -> weekly("model").build().aggregate(Collections.singletonList(cols))).getMessage());
        Path ts = file("ts.csv", "timestamp,input_tokens,output_tokens\n13/04/2026 10:00,1,2\n");
        assertEquals(ts + ":2: timestamp (\"13/04/2026 10:00\") is not an ISO-8601 timestamp (2026-04-13T12:34:56Z) or epoch seconds",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(ts))).getMessage());
        Path neg = file("neg.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,-5,2\n");
        assertEquals(neg + ":2: input_tokens (\"-5\") is not a whole number of tokens",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(neg))).getMessage());
        Path header = file("header.csv", "time_of_day,tokens\n1,2\n");
        assertEquals(header + ":1: the header fits no known source (columns: time_of_day, tokens); looked for Claude Code (sessionId,"
                + " message.usage), Codex CLI (type, payload), Gemini CLI (projectHash, tokens), OpenCode (tokens.cache, modelID, providerID),"
                + " Gemini (usageMetadata), Bedrock (input.inputTokenCount), LiteLLM (startTime, spend), Anthropic"
                + " (cache_creation_input_tokens, cache_read_input_tokens), OpenAI (usage.prompt_tokens), OpenTelemetry (gen_ai.usage.*,"
                + " resourceSpans), usage exports (data[].results[]) and generic input_tokens/output_tokens; name the source with --source"
                + " csv|jsonl|openai|openai-usage|anthropic|anthropic-usage|claude-code|codex|gemini-cli|opencode|gemini|bedrock|otel|litellm",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(header))).getMessage());
        Path empty = file("empty.csv", "");
        assertEquals(empty + ": the file is empty: it holds no usage records",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(empty))).getMessage());
        // a line cut short is an error when a line follows it (as the last line it is a write that did not finish)
        Path json = file("bad.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":2}\n{\"timestamp\":\n"
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":2}\n");
        assertEquals(json + ":2: malformed JSON: Unexpected end-of-input within/between Object entries",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(json))).getMessage());
    }

    @Test
    void skipBadCountsAndReportsEverySkippedRow() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,model,input_tokens,output_tokens\n");
        for (int i = 0; i < 10; i++) {
            b.append("2026-04-13T10:00:00Z,m,").append(i % 3 == 0 ? "x" : "1").append(",1\n");
        }
        b.append("2026-04-13T10:00:00Z,m,1\n");
        Path f = file("skip.csv", b.toString());
        UsageResult r = weekly("model").skipBad(true).build().aggregate(Collections.singletonList(f));
        // rows 0, 3, 6, 9 are bad (4), plus one short row: 5 skipped, 6 counted
        assertEquals(6, r.rows());
        assertEquals(5, r.skipped());
        assertEquals(Long.valueOf(4), r.skippedByReason().get("bad token count"));
        assertEquals(Long.valueOf(1), r.skippedByReason().get("wrong number of columns"));
        assertEquals(f + ":2: input_tokens (\"x\") is not a whole number of tokens", r.firstSkipped().get(0));
        assertEquals(f + ":12: expected 4 columns, found 3", r.firstSkipped().get(4));
    }

    @Test
    void sumsOverflowInsteadOfWrapping() throws IOException {
        Path f = file("big.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,9000000000000000000,0\n2026-04-13T11:00:00Z,9000000000000000000,0\n");
        UsageLogException e = assertThrows(UsageLogException.class, () -> weekly().threads(1).build().aggregate(Collections.singletonList(f)));
        // 9e18 + 9e18 passes 2^63 - 1: the second row is refused whole, naming its group
        assertEquals(f + ":3: adding this row to the group of 2026-W16 would take input_tokens (9000000000000000000 + 9000000000000000000) past 9223372036854775807: refused rather than wrapped",
                e.getMessage());
        Path g = file("huge.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,99999999999999999999,0\n");
        assertEquals(g + ":2: input_tokens (\"99999999999999999999\") is larger than 9223372036854775807",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(g))).getMessage());
    }

    @Test
    void aLineLongerThanTheBufferIsSkippedWithBoundedMemory() throws IOException {
        Path f = dir.resolve("long.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,a,1,1\n2026-04-13T10:00:00Z,".getBytes(StandardCharsets.US_ASCII));
            byte[] x = new byte[1 << 20];
            Arrays.fill(x, (byte) 'x');
            for (int i = 0; i < 9; i++) {
                out.write(x);
            }
            out.write(",1,1\n2026-04-13T10:00:00Z,b,2,2\n".getBytes(StandardCharsets.US_ASCII));
        }
        UsageResult r = weekly("model").skipBad(true).threads(1).build().aggregate(Collections.singletonList(f));
        assertEquals(2, r.rows());
        assertEquals(1, r.skipped());
        assertEquals(f + ":3: the line is longer than 8388608 bytes", r.firstSkipped().get(0));
    }

    @Test
    void aLongJsonValueIsABadRow() throws IOException {
        Path f = dir.resolve("long.jsonl");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] x = new byte[3 << 20];
            Arrays.fill(x, (byte) 'x');
            out.write(x);
            out.write("\",\"input_tokens\":1,\"output_tokens\":1}\n{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"b\",\"input_tokens\":2,\"output_tokens\":2}\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        UsageResult r = weekly("model").skipBad(true).build().aggregate(Collections.singletonList(f));
        assertEquals(1, r.rows());
        assertEquals(f + ":1: model is 3145728 bytes long; at most 1024 are allowed", r.firstSkipped().get(0));
    }

    @Test
    void becomesSeriesTheCalculatorWorksOn() throws IOException {
        Path f = file("s.csv", "timestamp,model,input_tokens,output_tokens\n"
                + "2026-04-06T10:00:00Z,gpt-4o,100,0\n2026-04-13T10:00:00Z,gpt-4o,150,0\n2026-04-13T10:00:00Z,Qwen3.6 Plus,50,0\n");
        Dataset d = weekly("model").build().aggregate(Collections.singletonList(f)).toDataset("usage");
        // series follow the dimension values in code-point order ("Q" before "g"), then the total
        assertEquals(Arrays.asList("usage-qwen3-6-plus", "usage-gpt-4o", "usage-all"),
                Arrays.asList(d.series().get(0).id(), d.series().get(1).id(), d.series().get(2).id()));
        assertEquals(Measure.TOKENS_PER_WEEK, d.series("usage-all").measure());
        // W15 100 → W16 150: +50%; all: 100 → 200: +100%
        List<Change> ch = Calculator.create().changes(d.series("usage-gpt-4o"));
        assertEquals(0, ch.get(0).percent().get().value().compareTo(java.math.BigDecimal.valueOf(50)));
        assertEquals(0, Calculator.create().changes(d.series("usage-all")).get(0).percent().get().value().compareTo(java.math.BigDecimal.valueOf(100)));
        assertEquals(d, Dataset.read(new java.io.ByteArrayInputStream(d.toJson().getBytes(StandardCharsets.UTF_8)), "saved"));
        List<String> regions = new ArrayList<>();
        Path r = file("r.csv", "timestamp,region,input_tokens,output_tokens\n2026-04-06T10:00:00Z,cn-north,1,1\n");
        for (io.tokenmetrics.data.Series s : weekly("region").build().aggregate(Collections.singletonList(r)).toDataset("usage").series()) {
            regions.add(s.region());
        }
        assertEquals(Arrays.asList("CN_NORTH", "GLOBAL"), regions);
    }

    @Test
    void builderChecksItsArguments() {
        assertEquals("period (YEAR) must be DAY, WEEK or MONTH",
                assertThrows(IllegalArgumentException.class, () -> UsageAggregator.builder().period(PeriodType.YEAR)).getMessage());
        assertEquals("threads (0) must be between 1 and 64",
                assertThrows(IllegalArgumentException.class, () -> UsageAggregator.builder().threads(0)).getMessage());
        assertEquals("dimensions ([model, model]) must not repeat",
                assertThrows(IllegalArgumentException.class, () -> UsageAggregator.builder().by(Arrays.asList("model", "model"))).getMessage());
        assertTrue(UsageAggregator.builder().build().toString().startsWith("UsageAggregator(period WEEK"));
    }
}
