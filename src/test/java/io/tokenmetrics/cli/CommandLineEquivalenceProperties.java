package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The quick command line ({@link QuickCommandLine}, read with the table the build writes from the
 * annotations) against picocli on generated argument lists for every command: its declared
 * options (from the table) and near misses, repeated options, missing values, option-like values,
 * {@code --opt=value}, {@code --}, {@code @file}, unknown options and help. Whatever a list is,
 * the command line prints and exits as picocli alone does.
 */
class CommandLineEquivalenceProperties {
    private static final Path LOG;

    static {
        try {
            LOG = Files.createTempFile("equivalence", ".csv");
            Files.write(LOG, ("timestamp,model,region,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m1,us,100,10\n"
                    + "2026-04-14T23:30:00-05:00,m2,cn,7,1\n2026-04-20T10:00:00Z,m1,us,12x,1\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Options that write files or reach the network: not generated. */
    private static final List<String> NOT_GENERATED = java.util.Arrays.asList("--out", "--save", "--fetch", "--fetch-prices", "--base-url",
            // help and version: among the words, rarer
            "-h", "--help", "-V", "--version");

    /** The declared option names of {@code command}, as the build's table has them. */
    private static List<String> optionNames(String command) {
        List<String> names = new ArrayList<>();
        for (CommandTable.Arg a : CommandTable.of(command).args) {
            if (a.option) {
                for (String n : a.names) {
                    if (!NOT_GENERATED.contains(n)) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    /** Values each option takes, so that many generated lines are right and run; the rest are drawn from {@link #ANY}. */
    private static final java.util.Map<String, List<String>> GOOD = new java.util.HashMap<>();
    private static final List<String> ANY = java.util.Arrays.asList("day", "week", "month", "model", "model,region", "", "--skip-bad", "-",
            "UTC", "Asia/Shanghai", "Mars/Olympus", "csv", "json", "text", "zh", "en", "fr", "1", "0", "-3", "x", "cost=price", "nonsense=x",
            "csv,", "--by", "2026-W16", "2024-12", "2026-04-14", "20260414", "openrouter-us-weekly", "volcano-engine-daily", "@x", "12.5",
            "1e3");

    static {
        String[][] good = {{"--format", "text", "json", "csv"}, {"--lang", "en", "zh", "EN"}, {"--period", "day", "week", "month", "all"},
            {"--by", "model", "model,region", "region"}, {"--zone", "UTC", "Asia/Shanghai"}, {"--from", "2024-12", "2025-06"},
            {"--to", "2025-12", "2026-W14"}, {"--at", "2026-W16", "2026-W15"}, {"--total", "openrouter-total-weekly"}, {"--threads", "1", "2"},
            {"--map", "cost=price", "model=region"}, {"--top", "5"}, {"--window-days", "7"}, {"--source", "csv"},
            {"--since", "2026-04-14"}, {"--until", "20260414"}, {"--seat", "10"}, {"--fee", "2.5"}, {"--period", "week"}};
        for (String[] g : good) {
            GOOD.put(g[0], java.util.Arrays.asList(g).subList(1, g.length));
        }
    }

    /** The parameters each command needs, which most generated lines start with. */
    private static List<String> parameters(String command) {
        switch (command) {
            case "usage": return java.util.Collections.singletonList(LOG.toString());
            case "show": case "growth": case "changes": return java.util.Collections.singletonList("volcano-engine-daily");
            case "off-list": case "compare": case "chart": return java.util.Arrays.asList("openrouter-us-weekly", "openrouter-china-weekly");
            case "prices": return java.util.Collections.singletonList("gpt-5");
            default: return java.util.Collections.emptyList();
        }
    }

    /** One argument or an option with its value, as a user might type them, right or wrong. */
    private static Arbitrary<List<String>> piece(String command) {
        Arbitrary<String> names = Arbitraries.of(optionNames(command));
        Arbitrary<List<String>> option = names.flatMap(n -> {
            Arbitrary<String> any = Arbitraries.of(ANY);
            Arbitrary<String> values = GOOD.containsKey(n) ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(GOOD.get(n))),
                    net.jqwik.api.Tuple.of(1, any)) : any;
            return Combinators.combine(values, Arbitraries.of(0, 0, 1, 2)).as((v, form) -> {
                List<String> out = new ArrayList<>();
                if (form == 0) {
                    out.add(n);
                    out.add(v);
                } else if (form == 1) {
                    out.add(n + "=" + v);
                } else {
                    // a flag, or an option at the end of the list without its value
                    out.add(n);
                }
                return out;
            });
        });
        Arbitrary<List<String>> word = Arbitraries.of("--", LOG.toString(), "-x", "volcano-engine-daily", "openrouter-china-weekly",
                "openrouter-us-weekly", "no-such-series", "gpt-5", "@missing-args", "--help", "-V", "--nosuch", "--bys", "--formt").map(f -> {
                    List<String> out = new ArrayList<>();
                    out.add(f);
                    return out;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, option), net.jqwik.api.Tuple.of(1, word));
    }

    private static Arbitrary<List<String>> commandLine(String command) {
        return Combinators.combine(piece(command).list().ofMaxSize(4), Arbitraries.of(true, true, true, false)).as((pieces, start) -> {
            List<String> args = new ArrayList<>();
            args.add(command);
            if (start) {
                args.addAll(parameters(command));
            }
            for (List<String> p : pieces) {
                args.addAll(p);
            }
            return args;
        });
    }

    @Provide
    Arbitrary<List<String>> usageLines() {
        return commandLine("usage");
    }

    @Provide
    Arbitrary<List<String>> otherLines() {
        return Arbitraries.of(Commands.Root.NAMES).filter(n -> !n.equals("usage")).flatMap(CommandLineEquivalenceProperties::commandLine);
    }

    /** The exit code, standard output and standard error of the command line, quick paths first. */
    private static String[] withQuickPaths(String[] args) throws UnsupportedEncodingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
        return new String[] {Integer.toString(code), out.toString("UTF-8"), err.toString("UTF-8")};
    }

    /** The same through picocli alone. */
    private static String[] picocliAlone(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.viaPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true),
                java.util.Arrays.asList(args).contains("--debug"));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    /**
     * Standard input for one run: a generated {@code -} reads it. Each way gets its own copy of one
     * log, never the test JVM's own input (surefire's channel, which would block the run for good).
     */
    private static final byte[] STDIN = "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m3,5,2\n".getBytes(StandardCharsets.UTF_8);

    private static void same(List<String> line) throws UnsupportedEncodingException {
        String[] args = line.toArray(new String[0]);
        java.io.InputStream in = System.in;
        String[] quick;
        String[] slow;
        try {
            System.setIn(new java.io.ByteArrayInputStream(STDIN));
            quick = withQuickPaths(args);
            System.setIn(new java.io.ByteArrayInputStream(STDIN));
            slow = picocliAlone(args);
        } finally {
            System.setIn(in);
        }
        String shown = String.join(" ", line);
        // how many lines the quick path took: a property whose lines all went to picocli would prove nothing
        net.jqwik.api.statistics.Statistics.label("read by").collect(QuickCommandLine.reads(args) ? "the quick path" : "picocli");
        assertEquals(slow[0], quick[0], "exit code of " + shown);
        assertEquals(withoutFrames(slow[2]), withoutFrames(quick[2]), "standard error of " + shown);
        assertEquals(slow[1], quick[1], "standard output of " + shown);
    }

    /** {@code -} among the generated words: both ways read the same standard input, the test's own, not the JVM's. */
    @net.jqwik.api.Example
    void standardInputIsReadTheSameBothWays() throws UnsupportedEncodingException {
        same(java.util.Arrays.asList("usage", "-", "--by", "model", "--format", "csv"));
        String[] quick;
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(STDIN));
            quick = withQuickPaths(new String[] {"usage", "-", "--by", "model", "--format", "csv"});
        } finally {
            System.setIn(in);
        }
        // the log given as standard input: m3, one request, 5 in and 2 out
        assertEquals("0", quick[0], quick[2]);
        org.junit.jupiter.api.Assertions.assertTrue(quick[1].contains(",m3,1,5,2,7,"), quick[1]);
    }

    @Property(tries = 300)
    void usagePrintsAndExitsAsPicocliDoes(@ForAll("usageLines") List<String> line) throws UnsupportedEncodingException {
        same(line);
    }

    @Property(tries = 400)
    void everyOtherCommandPrintsAndExitsAsPicocliDoes(@ForAll("otherLines") List<String> line) throws UnsupportedEncodingException {
        same(line);
    }

    /** Standard error without a stack trace's frames (--debug), which name the path the command ran on. */
    private static String withoutFrames(String err) {
        return err.replaceAll("(?m)^\\s+(at |\\.\\.\\. \\d+ more).*\\R", "");
    }
}
