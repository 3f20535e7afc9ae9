package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands without picocli ({@link QuickCommandLine}) against the same commands through
 * picocli: output, errors, exit code; what the quick reader must leave to picocli; and the
 * command table the build wrote against the annotations as they are now.
 */
class QuickCommandLineTest {
    @TempDir
    Path dir;

    private static String[] run(boolean quick, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer code = quick ? QuickCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true), UsageCommand.LOCAL)
                : Integer.valueOf(Main.viaPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true),
                java.util.Arrays.asList(args).contains("--debug")));
        assertNotNull(code, () -> "the quick path left this to picocli: " + String.join(" ", args));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static void same(String... args) {
        String[] quick = run(true, args);
        String[] slow = run(false, args);
        assertEquals(slow[0], quick[0], "exit code of " + String.join(" ", args));
        assertEquals(withoutFrames(slow[2]), withoutFrames(quick[2]), "standard error of " + String.join(" ", args));
        assertEquals(slow[1], quick[1], "standard output of " + String.join(" ", args));
    }

    @Test
    void usagePrintsAndFailsAsPicocliDoes() throws IOException {
        Path csv = dir.resolve("u.csv");
        Files.write(csv, ("timestamp,model,region,input_tokens,output_tokens,price\n2026-04-13T10:00:00Z,m1,us,100,10,0.5\n"
                + "2026-04-14T23:30:00-05:00,m2,cn,7,1,0.25\n2026-04-20T10:00:00Z,m1,us,12x,1,0\n\n").getBytes(StandardCharsets.UTF_8));
        Path jsonl = dir.resolve("u.jsonl");
        Files.write(jsonl, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":5,\"output_tokens\":1}\n"
                .getBytes(StandardCharsets.UTF_8));
        String c = csv.toString();
        same("usage", c, "--skip-bad");
        same("usage", c, "--by", "model,region", "--period", "day", "--zone", "Asia/Shanghai", "--skip-bad", "--format", "csv");
        same("usage", "--by=model", "--skip-bad", c, "--lang", "zh", "--threads", "1", "--period=month");
        same("usage", c, jsonl.toString(), "--by", "model", "--skip-bad", "--format", "json", "--map", "cost=price");
        same("usage", c, "--by", "model", "--by", "region", "--skip-bad", "--since", "2026-04-14", "--until", "20260414");
        same("usage", c, "--by", "model");
        same("usage", c, "--period", "fortnight");
        same("usage", c, "--zone", "Mars/Olympus");
        same("usage", c, "--map", "nonsense=x");
        same("usage", c, "--source", "nosuch");
        same("usage", c, "--skip-bad", "--debug");
        same("usage", c, "--seat", "20");
        same("usage", dir.resolve("missing.csv").toString());
        same("usage", c, "--skip-bad", "--save", dir.resolve("saved.json").toString());
        same("usage", c, "--skip-bad", "--prices", dir.resolve("no-such-prices.json").toString());
    }

    @Test
    void theVersionAloneIsPrintedAsPicocliPrintsIt() {
        same("--version");
        same("-V");
        assertEquals("0", run(true, "--version")[0]);
        assertTrue(run(true, "-V")[1].matches("token-metrics \\S+\\R"), () -> run(true, "-V")[1]);
    }

    @Test
    void everyCommandPrintsAsPicocliDoes() {
        same("report");
        same("report", "--lang", "zh");
        same("report", "--format", "json");
        same("report", "--format=csv", "--lang=zh");
        same("report", "--format", "TEXT");
        same("check", "--format", "csv");
        same("list", "--lang", "zh");
        same("show", "volcano-engine-daily");
        same("show", "no-such-series");
        same("growth", "volcano-engine-daily", "--from", "2024-12", "--format", "json");
        same("changes", "openrouter-china-weekly");
        same("off-list", "openrouter-us-weekly", "openrouter-china-weekly", "--at", "2026-W16");
        same("compare", "openrouter-us-weekly", "openrouter-china-weekly", "--total", "openrouter-total-weekly");
        same("chart", "china-daily", "--bars");
        same("openrouter");
        same("prices", "gpt-5", "--prices", dir.resolve("none.json").toString());
    }

    @Test
    void leavesWhatOnlyPicocliReadsToPicocli() {
        String[][] others = {{"usage", "x.csv", "--help"}, {"usage", "x.csv", "-h"}, {"report", "--version"},
            {"usage", "x.csv", "--threads", "two"}, {"usage", "x.csv", "--threads", "0x10"}, {"usage", "x.csv", "--format", "xml"},
            {"usage", "x.csv", "--by"}, {"usage", "x.csv", "--by", "a,,b"}, {"usage", "x.csv", "--by", "--skip-bad"},
            {"usage", "x.csv", "--", "y.csv"}, {"usage", "@args.txt"}, {"usage", "x.csv", "--period", "day", "--period", "month"},
            {"usage", "x.csv", "--skip-bad", "--skip-bad"}, {"usage", "x.csv", "--skip-bad=true"}, {"usage", "x.csv", "--map", "x"},
            {"usage", "x.csv", "--zone", "-05:00"}, {"usage", "x.csv", "--zone="}, {"usage", "x.csv", "--nosuch"},
            {"usage", "x.csv", "-x"}, {"report", "--lang", "fr"}, {"report", "extra"}, {"show"}, {"show", "a", "b"},
            {"compare", "a"}, {"prices"}, {"nosuch"}, {"--help"}, {"--version", "report"}, {"-V", "-V"}, {"--version=x"}, {"usage", "\"x.csv\""}, {"usage", "x.csv", "--zone", "\"UTC\""}, {}};
        for (String[] o : others) {
            assertNull(QuickCommandLine.run(o, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), UsageCommand.LOCAL),
                    String.join(" ", o));
        }
    }

    /** picocli's parser settings as system properties (picocli.trimQuotes…): picocli reads every command line. */
    @Test
    void picocliSettingsLeaveEveryCommandLineToPicocli() {
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertNull(QuickCommandLine.run(new String[] {"report"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    UsageCommand.LOCAL));
            assertNull(QuickCommandLine.run(new String[] {"--version"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                    UsageCommand.LOCAL));
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
        assertNotNull(QuickCommandLine.run(new String[] {"report"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                UsageCommand.LOCAL));
    }

    /** A price table's error comes before any other, as when the tables were read first (they are now read on another thread). */
    @Test
    void aPriceTablesErrorComesFirst() throws IOException {
        Path csv = dir.resolve("u.csv");
        Files.write(csv, "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m1,100,10\n".getBytes(StandardCharsets.UTF_8));
        String missing = dir.resolve("no-such-prices.json").toString();
        String[][] lines = {{"usage", csv.toString(), "--prices", missing, "--period", "fortnight"}, {"usage", "--prices", missing},
            {"usage", dir.resolve("no-such-log.csv").toString(), "--prices", missing}};
        for (String[] l : lines) {
            CliRun r = CliRun.of(l);
            assertEquals(1, r.code, r::toString);
            assertEquals("token-metrics: " + missing + ": no such file or directory", r.err.trim(), String.join(" ", l));
        }
    }

    /** The table in the jar is the one the annotations give now: an option added without a build that rewrites it fails here. */
    @Test
    void theTableIsTheAnnotationsAsTheyAreNow() throws Exception {
        String written;
        try (InputStream in = CommandTable.class.getResourceAsStream(CommandTable.RESOURCE)) {
            assertNotNull(in, "the build writes " + CommandTable.RESOURCE + " (process-classes)");
            written = new Scanner(in, "UTF-8").useDelimiter("\\A").next();
        }
        assertEquals(CommandTableWriter.table(), written);
    }

    /** Standard error without a stack trace's frames (--debug), which name the path the command ran on. */
    private static String withoutFrames(String err) {
        return err.replaceAll("(?m)^\\s+(at |\\.\\.\\. \\d+ more).*\\R", "");
    }
}
