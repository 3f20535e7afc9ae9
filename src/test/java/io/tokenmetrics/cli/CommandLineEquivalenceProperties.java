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
 * The quick parsers of {@code usage} and {@code report} ({@link Main#quickUsage},
 * {@link Main#quickReport}) against picocli on generated argument lists: repeated options,
 * missing values, option-like values, {@code --opt=value}, {@code --}, unknown options and help.
 * Whatever a list is, the command line prints and exits as picocli alone does.
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

    /** One argument or an option with its value, as a user might type them, right or wrong. */
    private static Arbitrary<List<String>> piece(boolean report) {
        Arbitrary<String> values = Arbitraries.of("day", "week", "month", "model", "model,region", "", "--skip-bad", "-", "UTC", "Asia/Shanghai",
                "Mars/Olympus", "csv", "json", "text", "zh", "en", "fr", "1", "0", "x", "cost=price", "nonsense=x", "csv,", "--by");
        Arbitrary<String> names = report ? Arbitraries.of("--lang", "--format", "--data", "--nosuch")
                : Arbitraries.of("--by", "--period", "--zone", "--source", "--threads", "--format", "--lang", "--map", "--nosuch");
        Arbitrary<List<String>> option = Combinators.combine(names, values, Arbitraries.of(0, 1, 2)).as((n, v, form) -> {
            List<String> out = new ArrayList<>();
            if (form == 0) {
                out.add(n);
                out.add(v);
            } else if (form == 1) {
                out.add(n + "=" + v);
            } else {
                // an option at the end of the list, without its value
                out.add(n);
            }
            return out;
        });
        Arbitrary<List<String>> flag = Arbitraries.of("--skip-bad", "--help", "--version", "--", LOG.toString(), "-x").map(f -> {
            List<String> out = new ArrayList<>();
            out.add(f);
            return out;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, option), net.jqwik.api.Tuple.of(report ? 1 : 2, flag));
    }

    private static Arbitrary<List<String>> commandLine(String command, boolean report) {
        return piece(report).list().ofMaxSize(report ? 3 : 5).map(pieces -> {
            List<String> args = new ArrayList<>();
            args.add(command);
            if (!report) {
                args.add(LOG.toString());
            }
            for (List<String> p : pieces) {
                args.addAll(p);
            }
            return args;
        });
    }

    @Provide
    Arbitrary<List<String>> usageLines() {
        return commandLine("usage", false);
    }

    @Provide
    Arbitrary<List<String>> reportLines() {
        return commandLine("report", true);
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
        int code = Main.viaPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static void same(List<String> line) throws UnsupportedEncodingException {
        String[] args = line.toArray(new String[0]);
        String[] quick = withQuickPaths(args);
        String[] slow = picocliAlone(args);
        String shown = String.join(" ", line);
        assertEquals(slow[0], quick[0], "exit code of " + shown);
        assertEquals(slow[2], quick[2], "standard error of " + shown);
        assertEquals(slow[1], quick[1], "standard output of " + shown);
    }

    @Property(tries = 300)
    void usagePrintsAndExitsAsPicocliDoes(@ForAll("usageLines") List<String> line) throws UnsupportedEncodingException {
        same(line);
    }

    @Property(tries = 40)
    void reportPrintsAndExitsAsPicocliDoes(@ForAll("reportLines") List<String> line) throws UnsupportedEncodingException {
        same(line);
    }
}
