package io.tokenmetrics.bench;

import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageLogGenerator;
import io.tokenmetrics.usage.UsageResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The usage-aggregation benchmark: what a user waits for (whole processes, cold, as run from a
 * shell) and the in-process figures, token-metrics against DuckDB on the same generated logs,
 * with every result compared row by row. Run with {@code mvn -B -Pbench -DskipTests package exec:exec}
 * (see docs/performance.md); it prints every ratio and
 * writes them to {@code target/bench/results.md}.
 *
 * <p>Whole-process runs alternate the engines and report the median of {@link #RUNS}; peak memory
 * is that of the child's whole process tree, polled from {@code /proc} while it runs: the largest
 * sum of its processes' resident sets, or any one process's {@code VmHWM} if larger. (The tree
 * matters: the {@code ccusage} command npm installs is a Node.js script that starts ccusage's
 * native binary as a child and waits for it; the script alone holds 40 MB.)
 */
public final class UsageBenchmark {
    private static final int RUNS = 4;
    private static final Path DIR = Paths.get("target", "bench");
    private static final Path JAR = Paths.get("target", "token-metrics.jar");

    private UsageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Paths.get(args[2]), args[3], Paths.get(args[4]), args[5]);
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        boolean scaling = args.length < 2 || !args[1].equals("noscaling");
        String only = args.length > 2 ? args[2] : "all";
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B -Pbench -DskipTests package exec:exec");
        }
        Files.createDirectories(DIR);
        if (only.equals("shapes")) {
            StringBuilder md = new StringBuilder();
            boolean same = shapes(md);
            finish(md, same);
            return;
        }
        Path csv = csv(rows);
        Path jsonl = DIR.resolve("usage-" + rows + ".jsonl");
        if (!Files.exists(jsonl)) {
            toJsonLines(csv, jsonl);
        }
        Path gz = DIR.resolve("usage-" + rows + ".csv.gz");
        if (!Files.exists(gz)) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
                Files.copy(csv, out);
            }
        }
        say("%s: %d rows, %.0f MB; .jsonl %.0f MB; .csv.gz %.0f MB; %d cores; java %s", csv, rows, Files.size(csv) / 1e6,
                Files.size(jsonl) / 1e6, Files.size(gz) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        StringBuilder md = new StringBuilder();
        boolean same = true;

        // 1. what a user waits for: whole processes, cold, alternating
        md.append("| whole process (median of ").append(RUNS).append(") | token-metrics | other | other ÷ token-metrics | goal |"
                + " token-metrics peak RSS | other peak RSS |\n").append("|---|---|---|---|---|---|---|\n");
        String n = millions(rows);
        Run[] csvRuns = alternate(tmUsage(csv, "model", 2), duckChild(csv, "model", "csv"));
        same &= sameGroups(csvRuns, "csv");
        md.append(row(n + " csv --by model --period week, 2 threads (other: DuckDB JDBC)", csvRuns, rows, 3));
        // the same through the launcher (a file over 256 MiB: both compilers, with the class-data archive)
        Run[] csvLauncher = alternate(tmUsageLauncher(csv, "model", 2), duckChild(csv, "model", "csv"));
        same &= sameGroups(csvLauncher, "csv through the launcher");
        md.append(row(n + " csv, the same through target/token-metrics (the launcher)", csvLauncher, rows, 3));
        Run[] jsonRuns = alternate(tmUsage(jsonl, "model", 2), duckChild(jsonl, "model", "jsonl"));
        same &= sameGroups(jsonRuns, "jsonl");
        md.append(row(n + " jsonl --by model --period week, 2 threads (other: DuckDB read_json)", jsonRuns, rows, 2));
        Run[] jsonLauncher = alternate(tmUsageLauncher(jsonl, "model", 2), duckChild(jsonl, "model", "jsonl"));
        same &= sameGroups(jsonLauncher, "jsonl through the launcher");
        md.append(row(n + " jsonl, the same through target/token-metrics (the launcher)", jsonLauncher, rows, 2));
        Run[] gzRuns = alternate(tmUsage(gz, "model", 2), new Cmd("zcat", Arrays.asList("gzip", "-dc", gz.toString()), null));
        md.append(row(n + " csv.gz --by model (other: gzip -dc alone)", gzRuns, rows, 1 / 1.2));
        Run[] threads = alternate(tmUsage(csv, "model", 1), tmUsage(csv, "model", 2));
        md.append(row(n + " csv, --threads 1 (other: --threads 2)", threads, rows, Double.NaN));
        Run[] start = alternate(10, new Cmd("report", Arrays.asList(java(), "-jar", JAR.toString(), "report"), null),
                new Cmd("java -version", Arrays.asList(java(), "-version"), null));
        md.append(row("report, cold start, median of 10 (other: java -version)", start, 0, 1 / 5.0));
        Path floor = nativeFloor();
        if (floor != null) {
            Run[] c = alternate(tmUsage(csv, "model", 2), new Cmd("C floor", Arrays.asList(floor.toString(), csv.toString(), "2"),
                    DIR.resolve("out-c-floor.csv")));
            same &= sameAsDuck(c[1], csvRuns[1]);
            md.append(row(n + " csv --by model, 2 threads (other: the C floor, mmap and two threads)", c, rows, Double.NaN));
        } else {
            say("no gcc: the C floor is skipped");
        }

        // 2. cost in rows: linear time, flat memory
        if (scaling) {
            md.append("\n| rows | token-metrics whole process (median of 2) | rows/s | peak RSS |\n|---|---|---|---|\n");
            for (long size : new long[] {rows / 10, rows, rows * 5}) {
                Path f = csv(size);
                List<Run> rs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    rs.add(tmUsage(f, "model", 2).run());
                }
                Run m = median(rs);
                md.append(String.format(Locale.ROOT, "| %,d | %.3f s | %.2fM | %.0f MB |%n", size, m.seconds, size / m.seconds / 1e6, m.peakKb / 1024.0));
            }
        }

        // 3. in-process, after the JVM has started: the aggregation alone
        md.append("\n| in-process (best of 3) | token-metrics | DuckDB | ratio | token-metrics peak RSS | DuckDB peak RSS |\n|---|---|---|---|---|---|\n");
        String[][] jobs = {{"csv", "model"}, {"csv", "region"}, {"jsonl", "model"}};
        for (String[] j : jobs) {
            Path input = j[0].equals("csv") ? csv : jsonl;
            double[] tm = best("token-metrics", input, j[1], j[0]);
            double[] dk = best("duckdb", input, j[1], j[0]);
            boolean equal = Files.readAllLines(DIR.resolve("out-token-metrics-" + j[0] + "-" + j[1] + ".csv"))
                    .equals(Files.readAllLines(DIR.resolve("out-duckdb-" + j[0] + "-" + j[1] + ".csv")));
            same &= equal;
            md.append(String.format(Locale.ROOT, "| %s --by %s | %.3f s (%.2fM rows/s) | %.3f s | %.2f× | %.0f MB | %.0f MB |%n", j[0], j[1], tm[0],
                    rows / tm[0] / 1e6, dk[0], dk[0] / tm[0], tm[1] / 1024, dk[1] / 1024));
        }
        if (only.equals("all")) {
            same &= shapes(md);
        }
        finish(md, same);
    }

    private static void finish(StringBuilder md, boolean same) throws IOException {
        System.out.println();
        System.out.print(md);
        Files.write(DIR.resolve("results.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        if (!same) {
            System.out.println("RESULTS DIFFER");
            System.exit(1);
        }
        System.out.println("results identical across engines");
    }

    /**
     * The shapes people have (issue 19): vendor responses one per line against DuckDB
     * {@code read_json} with the usage columns, Claude Code trees against ccusage (installed with
     * npm into target/bench/npm when npm is there). Results are checked: DuckDB's groups equal
     * ours; our sums equal what the generator wrote (ccusage's differ: it counts streaming copies).
     */
    private static boolean shapes(StringBuilder md) throws Exception {
        boolean same = true;
        if (!Files.exists(Paths.get("/proc/thread-self/children"))) {
            // without it a process tree's children are not seen: a command that starts another counts as itself alone
            say("WARNING: this kernel has no /proc/<pid>/task/<tid>/children: peak memory is each command's own process, not its tree");
            md.append("\n(This kernel has no `/proc/<pid>/task/<tid>/children`: peak memory below is each command's own process, not its tree.)\n");
        }
        md.append("\n| the shapes people have, whole process (median of ").append(RUNS).append(") | token-metrics | other | other ÷ token-metrics | goal |"
                + " token-metrics peak RSS | other peak RSS |\n").append("|---|---|---|---|---|---|---|\n");
        Path chat = DIR.resolve("openai-chat-1M.jsonl");
        if (!Files.exists(chat)) {
            say("generated %s: %s", chat, RealShapes.openAiChat(chat, 1_000_000, 19));
        }
        Run[] c = alternate(tmDays(chat, "model"), duckShape(chat, "openai"));
        same &= sameGroups(c, "openai chat");
        md.append(row(String.format(Locale.ROOT, "1M OpenAI chat responses with ids and choices (%.0f MB), --by model --period day"
                + " (other: DuckDB read_json)", Files.size(chat) / 1e6), c, 1_000_000, 2));
        Run[] cl = alternate(tmLauncher(chat, "model"), duckShape(chat, "openai"));
        same &= sameGroups(cl, "openai chat through the launcher");
        md.append(row("the same through target/token-metrics (the launcher) (other: DuckDB read_json)", cl, 1_000_000, 2));
        Path messages = DIR.resolve("anthropic-messages-1M.jsonl");
        if (!Files.exists(messages)) {
            say("generated %s: %s", messages, RealShapes.anthropicMessages(messages, 1_000_000, 19));
        }
        Run[] a = alternate(tmDays(messages, "model"), duckShape(messages, "anthropic"));
        same &= sameGroups(a, "anthropic messages");
        md.append(row(String.format(Locale.ROOT, "1M Anthropic messages with ids and content (%.0f MB), --by model --period day"
                + " (other: DuckDB read_json)", Files.size(messages) / 1e6), a, 1_000_000, 2));
        Run[] al = alternate(tmLauncher(messages, "model"), duckShape(messages, "anthropic"));
        same &= sameGroups(al, "anthropic messages through the launcher");
        md.append(row("the same through target/token-metrics (the launcher) (other: DuckDB read_json)", al, 1_000_000, 2));
        Path ccusage = ccusage();
        Object[][] trees = {{"claude-2k", 21, 95, 1500}, {"claude-100k", 700, 143, 1500}, {"claude-380mb", 1488, 70, 7000}};
        for (Object[] t : trees) {
            Path dir = DIR.resolve((String) t[0]);
            Path truth = DIR.resolve(t[0] + ".truth");
            if (!Files.exists(truth)) {
                RealShapes.Sums s = RealShapes.claudeTree(dir, (Integer) t[1], (Integer) t[2], (Integer) t[3], 19);
                Files.write(truth, (s.input + "," + s.output + "," + s.requests).getBytes(StandardCharsets.UTF_8));
                say("generated %s: %s", dir, s);
            }
            long[] lines = treeSize(dir);
            Cmd tm = tmDays(dir.resolve("projects"), "model");
            Cmd other = ccusage == null ? new Cmd("cat (no npm: ccusage skipped)", Arrays.asList("sh", "-c", "cat $(find " + dir + " -name '*.jsonl')"), null)
                    : new Cmd("ccusage " + t[0], Arrays.asList(ccusage.toString(), "daily", "--json", "--offline"), DIR.resolve("out-ccusage-" + t[0] + ".json"));
            other.env = "CLAUDE_CONFIG_DIR=" + dir.toAbsolutePath();
            Run[] r = alternate(tm, other);
            String[] want = new String(Files.readAllBytes(truth), StandardCharsets.UTF_8).split(",");
            long[] got = sums(cliGroups(tm.stdout));
            boolean right = got[0] == Long.parseLong(want[0]) && got[1] == Long.parseLong(want[1]) && got[2] == Long.parseLong(want[2]);
            say("%s: token-metrics %d input, %d output, %d requests; written %s: %s", t[0], got[0], got[1], got[2], String.join(",", want),
                    right ? "equal" : "DIFFER");
            same &= right;
            md.append(row(String.format(Locale.ROOT, "Claude Code tree %s: %,d files, %,d lines, %.0f MB, --by model --period day (other: %s)", t[0],
                    lines[0], lines[1], lines[2] / 1e6, ccusage == null ? "cat, ccusage not installed" : "ccusage 20.0.24 daily --offline"), r, 0,
                    ccusage == null ? Double.NaN : 1));
            // the same command through the launcher the build writes (target/token-metrics: the quick compiler alone for a tree)
            Cmd launched = tmLauncher(dir.resolve("projects"), "model");
            Run[] l = alternate(launched, other);
            long[] viaLauncher = sums(cliGroups(launched.stdout));
            boolean launcherSame = Arrays.equals(viaLauncher, got);
            say("%s through the launcher: %s", t[0], launcherSame ? "equal" : "DIFFER");
            same &= launcherSame;
            md.append(row(String.format(Locale.ROOT, "the same through target/token-metrics (the launcher) (other: %s)",
                    ccusage == null ? "cat, ccusage not installed" : "ccusage 20.0.24 daily --offline"), l, 0, ccusage == null ? Double.NaN : 1));
            Path binary = ccusage == null ? null : ccusageBinary();
            if (binary != null) {
                // the Rust binary alone, without the Node.js script that npm's ccusage command is
                Cmd rust = new Cmd("ccusage binary " + t[0], Arrays.asList(binary.toString(), "daily", "--json", "--offline"),
                        DIR.resolve("out-ccusage-binary-" + t[0] + ".json"));
                rust.env = other.env;
                Run[] lb = alternate(launched, rust);
                // the binary answers as the command does (the command is only its script)
                boolean sameAnswer = Arrays.equals(Files.readAllBytes(rust.stdout), Files.readAllBytes(other.stdout));
                say("%s: ccusage's binary alone printed %s the ccusage command", t[0], sameAnswer ? "what" : "NOT what");
                same &= sameAnswer;
                md.append(row("the launcher against ccusage's native binary alone (" + DIR.relativize(binary) + ", no Node.js)", lb, 0, 1));
            }
        }
        return same;
    }

    /** Input, output and requests over every group of the command's CSV rows. */
    private static long[] sums(List<String> groups) {
        long[] s = new long[3];
        for (String g : groups) {
            String[] f = g.split(",");
            s[0] += Long.parseLong(f[3]);
            s[1] += Long.parseLong(f[4]);
            s[2] += Long.parseLong(f[2]);
        }
        return s;
    }

    /** Files, lines and bytes under {@code dir}. */
    private static long[] treeSize(Path dir) throws IOException {
        long[] n = new long[3];
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                n[0]++;
                n[2] += Files.size(f);
                byte[] b = Files.readAllBytes(f);
                for (byte x : b) {
                    n[1] += x == '\n' ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** ccusage's native binary for this machine, which npm installed beside its script; null if there is none. */
    private static Path ccusageBinary() throws IOException {
        Path scope = DIR.resolve("npm").resolve("node_modules").resolve("@ccusage");
        if (!Files.isDirectory(scope)) {
            return null;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(scope)) {
            return s.filter(f -> f.getFileName().toString().equals("ccusage") && Files.isRegularFile(f) && Files.isExecutable(f)).findFirst().orElse(null);
        }
    }

    /** ccusage 20.0.24 from npm, installed under target/bench/npm once; null without npm. */
    private static Path ccusage() throws Exception {
        Path bin = DIR.resolve("npm").resolve("node_modules").resolve(".bin").resolve("ccusage");
        if (Files.exists(bin)) {
            return bin;
        }
        try {
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", DIR.resolve("npm").toString(), "ccusage@20.0.24")
                    .inheritIO().start();
            return p.waitFor() == 0 && Files.exists(bin) ? bin : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Cmd tmDays(Path input, String dim) {
        String name = "token-metrics " + input.getFileName();
        return new Cmd(name, Arrays.asList(java(), "-jar", JAR.toString(), "usage", input.toString(), "--by", dim, "--period", "day",
                "--format", "csv"), DIR.resolve("out-cli-" + input.getParent().getFileName() + "-" + input.getFileName() + ".csv"));
    }

    /** {@link #tmDays} through the launcher the build writes beside the jar. */
    private static Cmd tmLauncher(Path input, String dim) {
        String name = "token-metrics (launcher) " + input.getFileName();
        return new Cmd(name, Arrays.asList("sh", Paths.get("target", "token-metrics").toString(), "usage", input.toString(), "--by", dim, "--period",
                "day", "--format", "csv"), DIR.resolve("out-launcher-" + input.getParent().getFileName() + "-" + input.getFileName() + ".csv"));
    }

    private static Cmd duckShape(Path input, String shape) {
        Path out = DIR.resolve("out-duckdb-" + shape + ".csv");
        return new Cmd("duckdb " + input.getFileName(), Arrays.asList(java(), "-cp", System.getProperty("java.class.path"),
                UsageBenchmark.class.getName(), "child", "duckdb", input.toString(), "model", out.toString(), shape), null, out);
    }

    private static Path csv(long rows) throws IOException {
        Path log = DIR.resolve("usage-" + rows + ".csv");
        if (!Files.exists(log)) {
            long t0 = System.nanoTime();
            UsageLogGenerator.write(log, rows, 20260426L);
            say("generated %s: %d rows, %d bytes in %.1f s", log, rows, Files.size(log), (System.nanoTime() - t0) / 1e9);
        }
        return log;
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Cmd tmUsage(Path input, String dim, int threads) {
        String name = "token-metrics " + input.getFileName() + " --threads " + threads;
        return new Cmd(name, Arrays.asList(java(), "-jar", JAR.toString(), "usage", input.toString(), "--by", dim, "--period", "week", "--threads",
                Integer.toString(threads), "--format", "csv"), DIR.resolve("out-cli-" + input.getFileName() + "-" + threads + ".csv"));
    }

    /** {@link #tmUsage} through the launcher the build writes beside the jar. */
    private static Cmd tmUsageLauncher(Path input, String dim, int threads) {
        String name = "token-metrics (launcher) " + input.getFileName() + " --threads " + threads;
        return new Cmd(name, Arrays.asList("sh", Paths.get("target", "token-metrics").toString(), "usage", input.toString(), "--by", dim, "--period",
                "week", "--threads", Integer.toString(threads), "--format", "csv"), DIR.resolve("out-launcher-" + input.getFileName() + "-" + threads + ".csv"));
    }

    private static Cmd duckChild(Path input, String dim, String format) {
        Path out = DIR.resolve("out-duckdb-whole-" + format + ".csv");
        return new Cmd("duckdb " + input.getFileName(), Arrays.asList(java(), "-cp", System.getProperty("java.class.path"),
                UsageBenchmark.class.getName(), "child", "duckdb", input.toString(), dim, out.toString(), format), null, out);
    }

    /** A command run as a user runs it; its standard output goes to {@code stdout} (or is discarded). */
    private static final class Cmd {
        final String name;
        final List<String> argv;
        final Path stdout;
        final Path result;
        /** One NAME=value for the child's environment, or null. */
        String env;

        Cmd(String name, List<String> argv, Path stdout) {
            this(name, argv, stdout, stdout);
        }

        Cmd(String name, List<String> argv, Path stdout, Path result) {
            this.name = name;
            this.argv = argv;
            this.stdout = stdout;
            this.result = result;
        }

        Run run() throws Exception {
            // java -version writes to standard error: discarded, as standard output is without a file
            ProcessBuilder pb = new ProcessBuilder(argv).redirectError(argv.contains("-version")
                    ? ProcessBuilder.Redirect.to(new File("/dev/null")) : ProcessBuilder.Redirect.INHERIT);
            if (argv.get(0).equals("sh") && argv.get(1).endsWith("token-metrics")) {
                // the launcher runs the JVM this benchmark's java -jar rows run, with its own options only
                pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
                pb.environment().remove("JAVA_OPTS");
                pb.environment().remove("TOKEN_METRICS_C2_BYTES");
            }
            if (env != null) {
                pb.environment().put(env.substring(0, env.indexOf('=')), env.substring(env.indexOf('=') + 1));
            }
            pb.redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile()) : ProcessBuilder.Redirect.to(new File("/dev/null")));
            long t0 = System.nanoTime();
            Process p = pb.start();
            long pid = (Long) Process.class.getMethod("pid").invoke(p);
            long peak = 0;
            while (p.isAlive()) {
                peak = Math.max(peak, treeMemory(pid));
                Thread.sleep(2);
            }
            int code = p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(name + " failed with exit " + code);
            }
            say("  %-45s %.3f s, peak %.0f MB", name, s, peak / 1024.0);
            return new Run(this, s, peak);
        }
    }

    private static final class Run {
        final Cmd cmd;
        final double seconds;
        final long peakKb;

        Run(Cmd cmd, double seconds, long peakKb) {
            this.cmd = cmd;
            this.seconds = seconds;
            this.peakKb = peakKb;
        }
    }

    /**
     * The memory of a process and its descendants now, in KB: the sum of their resident sets, or the
     * largest {@code VmHWM} of any one of them if that is more (a peak between two looks).
     */
    private static long treeMemory(long pid) {
        long rss = 0;
        long hwm = 0;
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        for (int i = 0; i < pids.size(); i++) {
            long[] m = status(pids.get(i));
            rss += m[0];
            hwm = Math.max(hwm, m[1]);
            pids.addAll(children(pids.get(i)));
        }
        return Math.max(rss, hwm);
    }

    /** VmRSS and VmHWM of a running process in KB; zeros once it is gone. */
    private static long[] status(long pid) {
        return status(Paths.get("/proc", Long.toString(pid), "status"));
    }

    /** VmRSS and VmHWM from a {@code /proc/…/status} file in KB; zeros once its process is gone. */
    private static long[] status(Path file) {
        long[] m = new long[2];
        try {
            for (String l : Files.readAllLines(file)) {
                if (l.startsWith("VmRSS:")) {
                    m[0] = Long.parseLong(l.replaceAll("[^0-9]", ""));
                } else if (l.startsWith("VmHWM:")) {
                    m[1] = Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two looks
        }
        return m;
    }

    /** The children of every thread of a running process; none once it is gone. */
    private static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        List<Path> tasks = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.list(Paths.get("/proc", Long.toString(pid), "task"))) {
            s.forEach(tasks::add);
        } catch (IOException | RuntimeException e) {
            // the process ended between two looks
        }
        for (Path t : tasks) {
            try {
                String c = new String(Files.readAllBytes(t.resolve("children")), StandardCharsets.US_ASCII).trim();
                for (String x : c.isEmpty() ? new String[0] : c.split("\\s+")) {
                    out.add(Long.parseLong(x));
                }
            } catch (IOException | RuntimeException e) {
                // this thread ended between two looks; the others' children still count
            }
        }
        return out;
    }

    private static Run[] alternate(Cmd a, Cmd b) throws Exception {
        return alternate(RUNS, a, b);
    }

    /** Runs a and b by turns, {@code n} times each: the medians (time), with the highest peak memory. */
    private static Run[] alternate(int n, Cmd a, Cmd b) throws Exception {
        List<Run> ra = new ArrayList<>();
        List<Run> rb = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ra.add(a.run());
            rb.add(b.run());
        }
        return new Run[] {median(ra), median(rb)};
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort((x, y) -> Double.compare(x.seconds, y.seconds));
        long peak = 0;
        for (Run r : runs) {
            peak = Math.max(peak, r.peakKb);
        }
        int n = sorted.size();
        double s = n % 2 == 1 ? sorted.get(n / 2).seconds : (sorted.get(n / 2 - 1).seconds + sorted.get(n / 2).seconds) / 2;
        return new Run(sorted.get(0).cmd, s, peak);
    }

    /** A table row; {@code goal} is the least other ÷ token-metrics ratio asked for (NaN: none). */
    private static String row(String what, Run[] r, long rows, double goal) {
        String rate = rows > 0 ? String.format(Locale.ROOT, " (%.2fM rows/s)", rows / r[0].seconds / 1e6) : "";
        double ratio = r[1].seconds / r[0].seconds;
        String g = Double.isNaN(goal) ? "" : String.format(Locale.ROOT, "≥ %.2f: %s", goal, ratio >= goal ? "met" : "not met");
        return String.format(Locale.ROOT, "| %s | %.3f s%s | %.3f s | %.2f | %s | %.0f MB | %.0f MB |%n", what, r[0].seconds, rate, r[1].seconds,
                ratio, g, r[0].peakKb / 1024.0, r[1].peakKb / 1024.0);
    }

    private static String millions(long rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "M rows," : String.format(Locale.ROOT, "%,d rows,", rows);
    }

    /** The command's CSV (period_start, period_end, model, requests, input, output, total…) in the children's form. */
    private static List<String> cliGroups(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            if (l.startsWith("period_start")) {
                continue;
            }
            String[] f = l.split(",");
            lines.add(f[0] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5] + "," + f[6]);
        }
        return lines;
    }

    private static boolean sameGroups(Run[] r, String what) throws IOException {
        boolean same = cliGroups(r[0].cmd.stdout).equals(Files.readAllLines(r[1].cmd.result));
        say("%s whole process: results %s", what, same ? "identical" : "DIFFER");
        return same;
    }

    private static boolean sameAsDuck(Run c, Run duck) throws IOException {
        boolean same = Files.readAllLines(c.cmd.result).equals(Files.readAllLines(duck.cmd.result));
        say("C floor: results %s", same ? "identical to DuckDB's" : "DIFFER");
        return same;
    }

    /** The C floor, compiled from src/bench/c with gcc -O2; null without gcc. */
    private static Path nativeFloor() throws Exception {
        Path src = Paths.get("src", "bench", "c", "usage_floor.c");
        Path exe = DIR.resolve("usage_floor");
        try {
            Process p = new ProcessBuilder("gcc", "-O2", "-pthread", "-o", exe.toString(), src.toString()).inheritIO().start();
            return p.waitFor() == 0 ? exe : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The same rows as JSON Lines, one flat object a row. */
    private static void toJsonLines(Path csv, Path jsonl) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(jsonl), StandardCharsets.UTF_8), 1 << 20)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                w.write("{\"timestamp\":\"" + f[0] + "\",\"model\":\"" + f[1] + "\",\"provider\":\"" + f[2] + "\",\"region\":\"" + f[3]
                        + "\",\"input_tokens\":" + f[4] + ",\"output_tokens\":" + f[5] + "}\n");
            }
        }
    }

    /** Best in-process time and the peak RSS of that engine's runs (KB), each run in its own JVM. */
    private static double[] best(String engine, Path log, String dim, String format) throws Exception {
        double bestTime = Double.MAX_VALUE;
        double peak = 0;
        for (int i = 0; i < 3; i++) {
            Path out = DIR.resolve("out-" + engine + "-" + format + "-" + dim + ".csv");
            Path said = DIR.resolve("said-" + engine + ".txt");
            new Cmd(engine, Arrays.asList(java(), "-cp", System.getProperty("java.class.path"), UsageBenchmark.class.getName(), "child", engine,
                    log.toString(), dim, out.toString(), format), said).run();
            List<String> lines = Files.readAllLines(said);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (!last.startsWith("result ")) {
                throw new IllegalStateException(engine + " failed: " + last);
            }
            String[] parts = last.split(" ");
            double t = Double.parseDouble(parts[1]);
            say("  %s %s --by %s in-process run %d: %.3f s", engine, format, dim, i + 1, t);
            bestTime = Math.min(bestTime, t);
            peak = Math.max(peak, Double.parseDouble(parts[2]));
        }
        return new double[] {bestTime, peak};
    }

    private static void child(String engine, Path log, String dim, Path out, String format) throws Exception {
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        if (engine.equals("token-metrics")) {
            UsageResult r = UsageAggregator.builder().period(PeriodType.WEEK).by(Arrays.asList(dim)).threads(2).build()
                    .aggregate(Arrays.asList(log));
            for (UsageGroup g : r.groups()) {
                lines.add(g.period().start() + "," + g.dimensions().get(0) + "," + g.requests().getAsLong() + "," + g.inputTokens() + ","
                        + g.outputTokens() + "," + g.totalTokens());
            }
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("SET threads = 2");
                String sql = format.equals("openai") ? "SELECT CAST(epoch_ms(created * 1000) AS DATE) AS d, model AS k, count(*),"
                        + " sum(usage.prompt_tokens), sum(usage.completion_tokens), sum(usage.prompt_tokens + usage.completion_tokens)"
                        + " FROM read_json('" + log.toAbsolutePath() + "', format = 'newline_delimited', columns = {'id': 'VARCHAR',"
                        + " 'created': 'BIGINT', 'model': 'VARCHAR', 'usage': 'STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT,"
                        + " total_tokens BIGINT, prompt_tokens_details STRUCT(cached_tokens BIGINT),"
                        + " completion_tokens_details STRUCT(reasoning_tokens BIGINT))'}) GROUP BY ALL ORDER BY d, k"
                        : format.equals("anthropic") ? "SELECT CAST(timestamp AS DATE) AS d, model AS k, count(*),"
                        + " sum(usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens), sum(usage.output_tokens),"
                        + " sum(usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens + usage.output_tokens)"
                        + " FROM read_json('" + log.toAbsolutePath() + "', format = 'newline_delimited', columns = {'timestamp': 'TIMESTAMP',"
                        + " 'id': 'VARCHAR', 'model': 'VARCHAR', 'usage': 'STRUCT(input_tokens BIGINT, cache_creation_input_tokens BIGINT,"
                        + " cache_read_input_tokens BIGINT, output_tokens BIGINT)'}) GROUP BY ALL ORDER BY d, k" : "SELECT CAST(date_trunc('week', timestamp) AS DATE) AS week, " + dim + " AS k, count(*) AS requests,"
                        + " sum(input_tokens) AS i, sum(output_tokens) AS o, sum(input_tokens + output_tokens) AS t"
                        + " FROM " + (format.equals("csv") ? "read_csv('" + log.toAbsolutePath() + "', header = true, "
                        : "read_json('" + log.toAbsolutePath() + "', format = 'newline_delimited', ") + "columns = {'timestamp': 'TIMESTAMP',"
                        + " 'model': 'VARCHAR', 'provider': 'VARCHAR', 'region': 'VARCHAR', 'input_tokens': 'BIGINT', 'output_tokens': 'BIGINT'})"
                        + " GROUP BY ALL ORDER BY week, k";
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getLong(3) + "," + rs.getLong(4) + "," + rs.getLong(5)
                                + "," + rs.getLong(6));
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Collections.sort(lines, (a, b) -> {
            String[] x = a.split(",");
            String[] y = b.split(",");
            int c = x[0].compareTo(y[0]);
            return c != 0 ? c : x[1].compareTo(y[1]);
        });
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String l : lines) {
                w.println(l);
            }
        }
        System.out.printf(Locale.ROOT, "result %.4f %d%n", seconds, selfPeakKb());
    }

    /** VmHWM of this process: the peak resident set, heap and native alike. */
    private static long selfPeakKb() {
        return status(Paths.get("/proc/self/status"))[1];
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
