package io.tokenmetrics.bench;

import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageLogGenerator;
import io.tokenmetrics.usage.UsageResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.Locale;

/**
 * The usage-aggregation benchmark: token-metrics against DuckDB on the same generated CSV log,
 * each in its own JVM (so peak memory is per engine), 2 threads each, best of three runs, results
 * compared row by row. Run with {@code mvn -B -Pbench test-compile exec:exec} (see docs/performance.md).
 */
public final class UsageBenchmark {
    private static final int RUNS = 3;

    private UsageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Paths.get(args[2]), args[3], Paths.get(args[4]), args[5]);
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Paths.get("target", "bench");
        Files.createDirectories(dir);
        Path log = dir.resolve("usage-" + rows + ".csv");
        if (!Files.exists(log)) {
            long t0 = System.nanoTime();
            UsageLogGenerator.write(log, rows, 20260426L);
            System.out.printf(Locale.ROOT, "generated %s: %d rows, %d bytes in %.1f s%n", log, rows, Files.size(log), (System.nanoTime() - t0) / 1e9);
        }
        Path jsonl = dir.resolve("usage-" + rows + ".jsonl");
        if (!Files.exists(jsonl)) {
            toJsonLines(log, jsonl);
        }
        System.out.printf(Locale.ROOT, "%s: %d rows, %.0f MB; %s: %.0f MB; %d cores; java %s%n", log, rows, Files.size(log) / 1e6, jsonl,
                Files.size(jsonl) / 1e6, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        StringBuilder md = new StringBuilder("| job | engine | best of 3 (s) | rows/s | peak RSS (MB) | ratio to DuckDB |\n|---|---|---|---|---|---|\n");
        boolean allSame = true;
        String[][] jobs = {{"csv", "model"}, {"csv", "region"}, {"jsonl", "model"}};
        for (String[] j : jobs) {
            String format = j[0];
            String dim = j[1];
            Path input = format.equals("csv") ? log : jsonl;
            double[] tm = best("token-metrics", input, dim, dir, format);
            double[] dk = best("duckdb", input, dim, dir, format);
            boolean same = Files.readAllLines(dir.resolve("out-token-metrics-" + format + "-" + dim + ".csv"))
                    .equals(Files.readAllLines(dir.resolve("out-duckdb-" + format + "-" + dim + ".csv")));
            allSame &= same;
            String job = "usage " + format + " --by " + dim + " --period week";
            md.append(String.format(Locale.ROOT, "| %s | token-metrics | %.3f | %.2fM | %.0f | %.2f× |%n", job, tm[0], rows / tm[0] / 1e6, tm[1] / 1024, dk[0] / tm[0]));
            md.append(String.format(Locale.ROOT, "| %s | DuckDB | %.3f | %.2fM | %.0f | 1× |%n", job, dk[0], rows / dk[0] / 1e6, dk[1] / 1024));
            System.out.println(job + ": results " + (same ? "identical" : "DIFFER"));
        }
        System.out.print(md);
        Files.write(dir.resolve("results.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        if (!allSame) {
            System.out.println("RESULTS DIFFER");
            System.exit(1);
        }
    }

    /** Best time and the peak RSS of that engine's runs (KB). */
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

    private static double[] best(String engine, Path log, String dim, Path dir, String format) throws Exception {
        double bestTime = Double.MAX_VALUE;
        double peak = 0;
        for (int i = 0; i < RUNS; i++) {
            List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UsageBenchmark.class.getName(), "child", engine, log.toString(), dim,
                    dir.resolve("out-" + engine + "-" + format + "-" + dim + ".csv").toString(), format));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    last = line;
                }
            }
            if (p.waitFor() != 0 || last == null || !last.startsWith("result ")) {
                throw new IllegalStateException(engine + " failed: " + last);
            }
            String[] parts = last.split(" ");
            double t = Double.parseDouble(parts[1]);
            double kb = Double.parseDouble(parts[2]);
            System.out.printf(Locale.ROOT, "  %s %s --by %s run %d: %.3f s, peak %.0f MB%n", engine, format, dim, i + 1, t, kb / 1024);
            bestTime = Math.min(bestTime, t);
            peak = Math.max(peak, kb);
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
                String sql = "SELECT CAST(date_trunc('week', timestamp) AS DATE) AS week, " + dim + " AS k, count(*) AS requests,"
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
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String l : lines) {
                w.println(l);
            }
        }
        System.out.printf(Locale.ROOT, "result %.4f %d%n", seconds, peakKb());
    }

    /** VmHWM of this process: the peak resident set, heap and native alike. */
    private static long peakKb() throws IOException {
        for (String l : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
