package io.tokenmetrics.spark;

import static io.tokenmetrics.usage.SameResult.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode ({@code local[2]}, the Jackson Spark 3.5 brings) against the
 * single-machine aggregation, group by group, on logs of every source that Spark reads as rows,
 * with bad rows and repeated request ids.
 */
class SparkUsageTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("token-metrics test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static UsageAggregator agg(PeriodType p, String... by) {
        return UsageAggregator.builder().period(p).by(Arrays.asList(by)).skipBad(true).build();
    }

    private void compare(UsageAggregator a, Path... files) {
        List<String> paths = new ArrayList<>();
        for (Path f : files) {
            paths.add(f.toString());
        }
        assertSameResult(a.aggregate(Arrays.asList(files)), SparkUsage.aggregate(a, spark, paths));
    }

    /** A generic CSV log with bad rows of every kind the splitter sees and large requests. */
    private Path csv(String name, int n, long seed, boolean ids) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder((ids ? "request_id," : "") + "timestamp,model,region,input_tokens,output_tokens,cache_read_tokens\n");
        for (int i = 0; i < n; i++) {
            String id = ids ? "r" + r.nextInt(n / 3 + 1) + "," : "";
            long in = r.nextInt(400_000);
            String line = id + "2026-0" + (3 + r.nextInt(2)) + "-1" + r.nextInt(10) + "T0" + r.nextInt(10) + ":00:00+08:00,\"m" + r.nextInt(4)
                    + "\"," + (r.nextBoolean() ? "us" : "cn") + "," + in + "," + r.nextInt(3000) + "," + r.nextInt((int) in + 1);
            switch (r.nextInt(60)) {
                case 0: line = line.replace(",us,", ",us,1x"); break;
                case 1: line = line + ",extra"; break;
                case 2: line = line.substring(0, line.lastIndexOf(',')); break;
                case 3: line = line.replace("\"m", "x\"m"); break;
                case 4: line = ""; break;
                default: break;
            }
            b.append(line).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        Path f = dir.resolve(name);
        Files.write(f, b.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void csvLogsGiveTheSameGroupsCountsAndReasons() throws IOException {
        Path f = csv("a.csv", 30_000, 1, false);
        compare(agg(PeriodType.DAY, "model", "region"), f);
        // time zone and week periods, and two files of one header
        Path g = csv("b.csv", 10_000, 2, false);
        compare(UsageAggregator.builder().period(PeriodType.WEEK).zone(java.time.ZoneId.of("America/New_York")).by("model").skipBad(true).build(),
                f, g);
    }

    @Test
    void requestIdsCountOnceAcrossPartitions() throws IOException {
        Path f = csv("ids.csv", 30_000, 3, true);
        UsageResult one = agg(PeriodType.MONTH, "model").aggregate(f);
        assertTrue(one.duplicates() > 5_000, "duplicates " + one.duplicates());
        compare(agg(PeriodType.MONTH, "model"), f);
    }

    @Test
    void gzipAndLiteLlmSpendWithTheLoggedCost() throws IOException {
        Path src = Paths.get("src/test/resources/io/tokenmetrics/usage/sources/litellm-spend.csv");
        Path gz = dir.resolve("spend.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(src, out);
        }
        compare(agg(PeriodType.DAY, "model", "user"), gz);
        UsageResult r = SparkUsage.aggregate(agg(PeriodType.DAY, "model"), spark, Collections.singletonList(gz.toString()));
        assertTrue(r.groups().get(0).loggedCost().isPresent());
    }

    @Test
    void jsonLinesOfEverySourceThatSparkReadsAsRecords() {
        String base = "src/test/resources/io/tokenmetrics/usage/sources/";
        for (String f : new String[] {"openai-chat.jsonl", "openai-responses.jsonl", "anthropic-messages.jsonl", "gemini.jsonl", "bedrock.jsonl"}) {
            compare(agg(PeriodType.DAY, "model"), Paths.get(base + f));
        }
        // Claude Code: nested message.usage, user lines that are not usage, a message repeated across sessions
        compare(agg(PeriodType.DAY, "model", "session"), Paths.get(base + "claude/projects/-home-dev-app/s1.jsonl"),
                Paths.get(base + "claude/projects/-home-dev-api/s2.jsonl"));
        // the project is the directory a session file lies in, on Spark as on one machine
        compare(agg(PeriodType.DAY, "project", "model"), Paths.get(base + "claude/projects/-home-dev-app/s1.jsonl"),
                Paths.get(base + "claude/projects/-home-dev-api/s2.jsonl"));
    }

    private Path generated(String fixture, int n, long seed) throws IOException {
        return io.tokenmetrics.usage.SourceLogs.write(dir, fixture, n, seed, true);
    }

    @Test
    void claudeCodeTreesKeepEachResponsesFinalCopyAsOnOneMachine() throws IOException {
        // copies of one response sit in different files (resumed sessions, other projects), and
        // Spark packs files into partitions largest first: the final copy, the first day and the
        // later copy of a tie are decided by the copies' places in the input, not by partitions
        for (long seed = 1; seed <= 2; seed++) {
            Path d = Files.createTempDirectory(dir, "tree" + seed);
            io.tokenmetrics.usage.ClaudeCodeTrees.generate(d, seed);
            List<Path> files;
            try (java.util.stream.Stream<Path> w = Files.walk(d)) {
                files = w.filter(Files::isRegularFile).sorted().collect(java.util.stream.Collectors.toList());
            }
            Path[] f = files.toArray(new Path[0]);
            compare(agg(PeriodType.DAY, "model"), f);
            compare(agg(PeriodType.DAY, "project", "model"), f);
            compare(agg(PeriodType.WEEK, "session"), f);
        }
    }

    @Test
    void aDirectoryIsReadAsOnOneMachineAndAFailedJobIsOneLine() throws IOException {
        // the directory's files, recursively, in path order: msg_B's tie between the two projects goes the same way
        Path projects = Paths.get("src/test/resources/io/tokenmetrics/usage/sources/claude/projects");
        compare(agg(PeriodType.DAY, "project", "model"), projects);
        Path gen = Files.createTempDirectory(dir, "gen");
        io.tokenmetrics.usage.ClaudeCodeTrees.generate(gen, 3);
        compare(agg(PeriodType.DAY, "session"), gen);
        // a task's failure wrapped by Spark: the bad row it met, else the root cause's first line
        io.tokenmetrics.usage.UsageLogException bad = new io.tokenmetrics.usage.UsageLogException("a.csv", 3, "input_tokens (\"x\") is not a whole number of tokens");
        assertEquals(bad, SparkUsage.failure(new org.apache.spark.SparkException("Job aborted", bad), "a.csv"));
        assertEquals("a.csv: the Spark job failed: lost executor 1", SparkUsage.failure(new org.apache.spark.SparkException("Job aborted",
                new java.io.IOException("lost executor 1\n\tat somewhere")), "a.csv").getMessage());
    }

    @Test
    void theFirstCopyOfARequestIdIsTheFirstInTheInputsOrderNotInSparksPartitions() throws IOException {
        // a.csv is small and b.csv large: Spark packs b first, but a comes first in the order given, so
        // request r1 counts as a's copy (model x) on one machine and on Spark
        Path a = dir.resolve("a.csv");
        Files.write(a, "request_id,timestamp,model,input_tokens,output_tokens\nr1,2026-04-13T10:00:00Z,x,5,5\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder big = new StringBuilder("request_id,timestamp,model,input_tokens,output_tokens\nr1,2026-04-13T10:00:00Z,y,7,7\n");
        for (int i = 0; i < 5000; i++) {
            big.append("b").append(i).append(",2026-04-13T10:00:00Z,y,1,1\n");
        }
        Path b = dir.resolve("b.csv");
        Files.write(b, big.toString().getBytes(StandardCharsets.UTF_8));
        compare(agg(PeriodType.DAY, "model"), a, b);
        UsageResult r = SparkUsage.aggregate(agg(PeriodType.DAY, "model"), spark, Arrays.asList(a.toString(), b.toString()));
        assertEquals(10, r.groups().get(0).totalTokens());
        // the same with JSON Lines
        Path ja = dir.resolve("a.jsonl");
        Files.write(ja, "{\"request_id\":\"r1\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"x\",\"input_tokens\":5,\"output_tokens\":5}\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder jbig = new StringBuilder("{\"request_id\":\"r1\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"y\",\"input_tokens\":7,"
                + "\"output_tokens\":7}\n");
        for (int i = 0; i < 5000; i++) {
            jbig.append("{\"request_id\":\"b").append(i).append("\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"y\",\"input_tokens\":1,"
                    + "\"output_tokens\":1}\n");
        }
        Path jb = dir.resolve("b.jsonl");
        Files.write(jb, jbig.toString().getBytes(StandardCharsets.UTF_8));
        compare(agg(PeriodType.DAY, "model"), ja, jb);
    }

    @Test
    void aHeaderWithSpacesAfterItsCommasReadsAsOnOneMachine() throws IOException {
        Path f = dir.resolve("spaced.csv");
        Files.write(f, ("timestamp, model, input_tokens, output_tokens\n2026-04-13T10:00:00Z,a,5,6\n2026-04-14T10:00:00Z,b,1,2\n")
                .getBytes(StandardCharsets.UTF_8));
        compare(agg(PeriodType.DAY, "model"), f);
        assertEquals(14, agg(PeriodType.DAY, "model").aggregate(f).groups().stream().mapToLong(g -> g.totalTokens()).sum());
    }

    @Test
    void agentLogsReadFileByFileAreRefusedWithTheReason() {
        String codex = "src/test/resources/io/tokenmetrics/usage/sources/codex/sessions/2025/11/18/"
                + "rollout-2025-11-18T21-55-50-019a9776-0a34-7842-8627-112b63d66e90.jsonl";
        io.tokenmetrics.usage.UsageLogException e = org.junit.jupiter.api.Assertions.assertThrows(io.tokenmetrics.usage.UsageLogException.class,
                () -> SparkUsage.aggregate(agg(PeriodType.DAY, "model"), spark, Collections.singletonList(codex)));
        assertEquals(codex + ": the records are codex logs, which are read file by file in order (a request's model or session is on an"
                + " earlier line, or a file is one pretty-printed message): aggregate them with the usage command on one machine", e.getMessage());
    }

    @Test
    void generatedLogsOfEveryRecordSourceWithBadRowsAndRepeats() throws IOException {
        String[] fixtures = {"openai-chat.jsonl", "openai-responses.jsonl", "anthropic-messages.jsonl", "gemini.jsonl", "bedrock.jsonl",
            "claude/projects/-home-dev-app/s1.jsonl"};
        for (int k = 0; k < fixtures.length; k++) {
            Path f = generated(fixtures[k], 3_000, k);
            UsageResult one = agg(PeriodType.DAY, "model").aggregate(f);
            assertTrue(one.rows() > 500 && one.skipped() > 10, fixtures[k] + ": " + one.rows() + " rows, " + one.skippedByReason());
            compare(agg(PeriodType.DAY, "model"), f);
        }
    }

    @Test
    void documentsWhoseRecordsLieInArraysAreRefusedNotReadAsNothing() {
        String base = "src/test/resources/io/tokenmetrics/usage/sources/";
        for (String f : new String[] {"otel-traces.json", "openai-usage-page.json", "anthropic-usage-report.json"}) {
            // the single machine finds usage in each
            assertTrue(agg(PeriodType.DAY).aggregate(Paths.get(base + f)).rows() > 0, f);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SparkUsage.aggregate(agg(PeriodType.DAY), spark.read().option("multiLine", "true").option("primitivesAsString", "true")
                            .json(base + f), true, f));
            assertTrue(e.getMessage().startsWith(f + ": the records are "), e.getMessage());
        }
    }

    @Test
    void jsonLinesAreReadOnTheWorkersByTheReaderOfOneMachine() throws IOException {
        // what Spark's own JSON reader read otherwise: a number as written (1e3 is not a whole count, -0 is 0), a name
        // given twice where a column reads it, escapes and UTF-8 in a wanted string, arrays, a cut last line
        Path f = dir.resolve("vendor.jsonl");
        Files.write(f, Arrays.asList(
                "{\"id\":\"a\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-5\",\"choices\":[{\"message\":"
                        + "{\"content\":\"said \\\"hi\\\"\\n 模型\"}}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":-0,\"total_tokens\":10}}",
                "{\"id\":\"b\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-\\u00e9\",\"usage\":{\"prompt_tokens\":5,"
                        + "\"completion_tokens\":2,\"total_tokens\":7}}",
                "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-5\",\"usage\":{\"prompt_tokens\":1e3,"
                        + "\"completion_tokens\":2,\"total_tokens\":1002}}",
                "{\"id\":\"d\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-5\",\"usage\":{\"prompt_tokens\":3,"
                        + "\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}",
                "{\"id\":\"a\",\"object\":\"chat.completion\",\"created\":1776070900,\"model\":\"gpt-5\",\"usage\":{\"prompt_tokens\":99,"
                        + "\"completion_tokens\":1,\"total_tokens\":100}}",
                "{\"id\":\"e\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-5\",\"usage\":{\"prompt_tok"),
                StandardCharsets.UTF_8);
        UsageAggregator a = UsageAggregator.builder().period(PeriodType.DAY).by("model").skipBad(true).build();
        UsageResult one = a.aggregate(f);
        // a (10 + 0) and b (5 + 2, model gpt-é) counted; c (1e3) and d (prompt_tokens twice) bad; a again a duplicate; e cut short
        assertEquals(2, one.rows());
        assertEquals(2, one.skipped());
        assertEquals(1, one.duplicates());
        assertEquals(1, one.incompleteLastLines());
        compare(a, f);
    }

    @Test
    void aLineHoldingAnArrayGivesTheRecordsOfItsElementsAsOnOneMachine() throws IOException {
        // generated lines: single records and arrays of them, ids repeated within an array, across lines and in the
        // other file, bad elements (not an object, a bad count), empty arrays; with ids and without
        Random r = new Random(41);
        List<String> withIds = new ArrayList<>();
        List<String> withoutIds = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = r.nextInt(4) == 0 ? 1 + r.nextInt(4) : 0;
            StringBuilder ided = new StringBuilder(n > 0 ? "[" : "");
            StringBuilder plain = new StringBuilder(n > 0 ? " [" : "");
            for (int k = 0; k < Math.max(n, 1); k++) {
                String counts = "\"input_tokens\":" + (r.nextInt(20) == 0 ? "\"7x\"" : String.valueOf(r.nextInt(1000))) + ",\"output_tokens\":"
                        + r.nextInt(100);
                String when = "\"timestamp\":\"2026-04-1" + r.nextInt(10) + "T10:00:00Z\",\"model\":\"m" + r.nextInt(3) + "\",";
                String element = r.nextInt(25) == 0 ? "42" : "{\"request_id\":\"q" + r.nextInt(200) + "\"," + when + counts + "}";
                String elementPlain = r.nextInt(25) == 0 ? "\"x\"" : "{" + when + counts + "}";
                ided.append(k > 0 ? "," : "").append(element);
                plain.append(k > 0 ? "," : "").append(elementPlain);
            }
            withIds.add(n > 0 ? ided.append("]").toString() : ided.toString());
            withoutIds.add(n > 0 ? plain.append("]").toString() : r.nextInt(30) == 0 ? "[]" : plain.toString());
        }
        Path a = dir.resolve("ids-a.jsonl");
        Path b = dir.resolve("ids-b.jsonl");
        Files.write(a, withIds.subList(0, 150), StandardCharsets.UTF_8);
        Files.write(b, withIds.subList(150, 300), StandardCharsets.UTF_8);
        Path plain = dir.resolve("plain.jsonl");
        Files.write(plain, withoutIds, StandardCharsets.UTF_8);
        UsageAggregator byModel = agg(PeriodType.DAY, "model");
        UsageResult one = byModel.aggregate(Arrays.asList(a, b));
        // the generated input has what the test is about: arrays, repeated ids and bad elements
        assertTrue(one.duplicates() > 0 && one.skipped() > 0, one::toString);
        compare(byModel, a, b);
        compare(byModel, plain);
    }

    @Test
    void aLineCutShortBeforeOnlyRepeatedIdsIsABadRowAsOnOneMachine() throws IOException {
        // the cut line is not the file's last: a repeat of an earlier id follows it, which the engine drops before the parts
        // see it; one machine counts the cut line as a bad row (with --skip-bad) and the repeat as a duplicate
        Path f = dir.resolve("cut-then-repeat.jsonl");
        Files.write(f, Arrays.asList("{\"request_id\":\"a\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":5,\"output_tokens\":1}",
                "{\"request_id\":\"b\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tok",
                "{\"request_id\":\"a\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":5,\"output_tokens\":1}",
                "[{\"request_id\":\"a\",\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":5,\"output_tokens\":1}]"),
                StandardCharsets.UTF_8);
        UsageAggregator a = agg(PeriodType.DAY, "model");
        UsageResult one = a.aggregate(f);
        assertEquals(1, one.skipped());
        assertEquals(0, one.incompleteLastLines());
        assertEquals(2, one.duplicates());
        compare(a, f);
    }

    @Test
    void badJsonLinesAreBadRowsOfTheirOwn() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.write(f, Arrays.asList("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":5,\"output_tokens\":1}",
                "{\"timestamp\":\"2026-04-13T11:00:00Z\",\"model\":\"m\",\"input_tokens\":\"7x\",\"output_tokens\":1}",
                "{\"timestamp\":\"2026-04-13T11:00:00Z\",\"model\":\"m\",\"output_tokens\":1}",
                "not json", "{\"timestamp\":\"2026-04-14T11:00:00Z\",\"model\":\"n\",\"input_tokens\":9,\"output_tokens\":2}"),
                StandardCharsets.UTF_8);
        compare(agg(PeriodType.DAY, "model"), f);
    }

    @Test
    void theMainClassRunsFromTheCommandLineInLocalMode() throws Exception {
        Path f = csv("main.csv", 2_000, 5, false);
        List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        // the options spark-submit gives a Java 17 JVM, as the spark profile's tests run with
        for (String o : new String[] {"java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
            "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar"}) {
            cmd.add("--add-opens=java.base/" + o + "=ALL-UNNAMED");
        }
        cmd.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), SparkUsage.class.getName(), f.toString(), "--by", "model",
                "--skip-bad", "--format", "csv", "--master", "local[2]"));
        Path out = dir.resolve("out.csv");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertEquals(0, p.waitFor(), () -> new String(readAll(dir.resolve("err.txt")), StandardCharsets.UTF_8));
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        io.tokenmetrics.cli.Main.run(new String[] {"usage", f.toString(), "--by", "model", "--skip-bad", "--format", "csv"},
                new PrintStream(single, true), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(single.toString("UTF-8"), new String(readAll(out), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Test
    void theSparkEntryPointPrintsWhatTheUsageCommandPrints() throws IOException {
        Path f = csv("cli.csv", 5_000, 4, false);
        String[] args = {f.toString(), "--by", "model", "--period", "week", "--skip-bad", "--format", "csv"};
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        String[] withUsage = new String[args.length + 1];
        withUsage[0] = "usage";
        System.arraycopy(args, 0, withUsage, 1, args.length);
        assertEquals(0, io.tokenmetrics.cli.Main.run(withUsage, new PrintStream(single, true), new PrintStream(new ByteArrayOutputStream())));
        ByteArrayOutputStream onSpark = new ByteArrayOutputStream();
        assertEquals(0, SparkUsage.run(spark, args, new PrintStream(onSpark, true), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(single.toString("UTF-8"), onSpark.toString("UTF-8"));
        assertTrue(single.toString("UTF-8").startsWith("period_start,period_end,model,requests,"));
    }

    @Test
    void savedSeriesAndPricedCostAreTheUsageCommands() throws IOException {
        Path f = csv("save.csv", 3_000, 6, false);
        String lite = Paths.get("src/test/resources/io/tokenmetrics/cost/litellm-prices.json").toString();
        Path one = dir.resolve("one.json");
        Path two = dir.resolve("two.json");
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        assertEquals(0, io.tokenmetrics.cli.Main.run(new String[] {"usage", f.toString(), "--by", "region", "--skip-bad", "--prices", lite,
            "--price-map", "m0=gpt-5", "--price-map", "m1=gpt-5", "--price-map", "m2=gpt-5", "--price-map", "m3=gpt-5", "--save", one.toString(),
            "--format", "csv"}, new PrintStream(single, true), new PrintStream(new ByteArrayOutputStream())));
        ByteArrayOutputStream onSpark = new ByteArrayOutputStream();
        assertEquals(0, SparkUsage.run(spark, new String[] {f.toString(), "--by", "region", "--skip-bad", "--prices", lite, "--price-map", "m0=gpt-5",
            "--price-map", "m1=gpt-5", "--price-map", "m2=gpt-5", "--price-map", "m3=gpt-5", "--save", two.toString(), "--format", "csv"},
                new PrintStream(onSpark, true), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(single.toString("UTF-8"), onSpark.toString("UTF-8"));
        assertTrue(single.toString("UTF-8").contains(",cost_usd"), single.toString("UTF-8"));
        assertEquals(new String(Files.readAllBytes(one), StandardCharsets.UTF_8), new String(Files.readAllBytes(two), StandardCharsets.UTF_8));
    }
}
