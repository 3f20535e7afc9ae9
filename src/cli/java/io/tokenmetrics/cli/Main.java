package io.tokenmetrics.cli;

import io.tokenmetrics.data.DatasetException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The command-line entry point. Exit codes: 0 success, 1 bad data (a file that cannot be read or
 * is invalid), 2 bad usage (unknown option, series or period; a calculation the data cannot
 * support), 3 internal error. Errors are one line on standard error; {@code --debug} adds the
 * stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int DATA_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        if (!Arrays.asList(args).contains("--debug") && System.getProperty("slf4j.provider") == null) {
            // nothing is logged below DEBUG (the library logs timings and choices only): without --debug,
            // SLF4J's no-op provider instead of starting Logback, a twentieth of a second of every usage run
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        WriteFailure stdout = new WriteFailure(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(stdout, 1 << 16), false);
        System.exit(run(args, out, System.err, UsageCommand.LOCAL, stdout));
    }

    /**
     * An output stream that remembers why a write failed, which a {@link PrintStream} keeps to
     * itself: a closed pipe (the reader, such as {@code head}, has all it wanted) is not a full disk.
     */
    static final class WriteFailure extends java.io.FilterOutputStream {
        private volatile java.io.IOException failure;

        WriteFailure(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws java.io.IOException {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        /** Whether the first failed write found the pipe closed by its reader (EPIPE: "Broken pipe"; Windows: "The pipe is being closed"). */
        boolean closedPipe() {
            String m = failure == null ? null : failure.getMessage();
            return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("pipe");
        }
    }

    /**
     * Runs the command line with these streams (UTF-8) and returns the exit code; for tests and embedding.
     *
     * @param args the command-line arguments
     * @param out where to write
     * @param err where to write errors
     * @return the exit code: 0, 1 (data), 2 (usage) or 3 (internal)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, UsageCommand.LOCAL, null);
    }

    /**
     * {@link #run(String[], PrintStream, PrintStream)} with {@code usage}'s aggregation done by
     * {@code engine}; {@code stdout}, when known, tells a closed pipe from another write failure.
     */
    static int run(String[] args, PrintStream out, PrintStream err, UsageCommand.Engine engine, WriteFailure stdout) {
        boolean debug = Arrays.asList(args).contains("--debug");
        // read by CliLogging when logback starts
        System.setProperty(CliLogging.LEVEL_PROPERTY, debug ? "DEBUG" : "WARN");
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        // read without picocli where the command line reads one way (QuickCommandLine), else by picocli
        Integer code = QuickCommandLine.run(args, o, e, engine);
        if (code == null) {
            code = viaPicocli(args, o, e, debug, engine);
        }
        o.flush();
        // a PrintStream keeps write errors to itself: a full disk or a closed pipe must not end in exit 0
        if (out.checkError()) {
            if (stdout != null && stdout.closedPipe()) {
                // the reader has what it wanted (token-metrics list | head): quiet, as Unix tools are
                org.slf4j.LoggerFactory.getLogger(Main.class).debug("standard output was closed by its reader");
            } else {
                e.println("token-metrics: cannot write the output: the write to standard output failed"
                        + (stdout != null && stdout.failure != null ? " (" + stdout.failure.getMessage() + ")" : " (a full disk, or a closed file)"));
                code = code == OK ? DATA_ERROR : code;
            }
        }
        e.flush();
        return code;
    }

    /** Every command, through picocli: parsing, help, errors. */
    static int viaPicocli(String[] args, PrintWriter o, PrintWriter e, boolean debug) {
        return viaPicocli(args, o, e, debug, UsageCommand.LOCAL);
    }

    /** {@link #viaPicocli(String[], PrintWriter, PrintWriter, boolean)} with {@code usage}'s aggregation done by {@code engine}. */
    private static int viaPicocli(String[] args, PrintWriter o, PrintWriter e, boolean debug, UsageCommand.Engine engine) {
        int asked = args.length == 0 ? -1 : Arrays.asList(Commands.Root.NAMES).indexOf(args[0]);
        if (asked >= 0 && !Commands.Base.WITHOUT_FIGURES.contains(args[0])) {
            // read the bundled figures on the second core while picocli reads the command's annotations
            Thread figures = new Thread(Main::loadFigures, "token-metrics-figures");
            figures.setDaemon(true);
            figures.start();
        }
        CommandLine cl = new CommandLine(new Commands.Root());
        for (int k = 0; k < Commands.Root.SUBCOMMANDS.length; k++) {
            if (asked < 0 || asked == k) {
                // usage with its engine; the others as classes, made by picocli
                cl.addSubcommand(Commands.Root.NAMES[k], Commands.Root.SUBCOMMANDS[k] == UsageCommand.class ? new UsageCommand(engine)
                        : Commands.Root.SUBCOMMANDS[k]);
            }
        }
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException) {
                // picocli's own suggestions, from the declared options and subcommands
                CommandLine.UnmatchedArgumentException u = (CommandLine.UnmatchedArgumentException) ex;
                java.util.List<String> near = u.getSuggestions();
                String typed = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
                String best = near.isEmpty() ? nearest(typed, names(c)) : near.get(0);
                hint = best == null ? "" : "; did you mean " + best + "?";
            }
            c.getErr().println("token-metrics: " + ex.getMessage() + hint + " (see: token-metrics "
                    + (c.getCommandName().equals("token-metrics") ? "" : c.getCommandName() + " ") + "--help)");
            c.getErr().flush();
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = failed(ex, c.getErr());
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return code;
        });
        return cl.execute(args);
    }

    /** A command's option names and subcommand names: what a mistyped word may have meant. */
    private static java.util.List<String> names(CommandLine c) {
        java.util.List<String> out = new java.util.ArrayList<>(c.getSubcommands().keySet());
        for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
            out.addAll(java.util.Arrays.asList(o.names()));
        }
        return out;
    }

    /**
     * The name closest to {@code typed} by edit distance (insertions, deletions, substitutions and
     * swaps of neighbours: {@code --fromat} is one swap from {@code --format}), when it is at most
     * 2 and less than a third of the name; null otherwise. For the words picocli finds no
     * suggestion for.
     */
    static String nearest(String typed, java.util.List<String> names) {
        String t = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(t, n);
            if (d < bestDistance && d <= 2 && d * 3 < n.length()) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The optimal string alignment distance: Levenshtein's, with a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A command that failed: its one line on standard error, and its exit code. */
    static int failed(Exception ex, PrintWriter err) {
        int code = exitCode(ex);
        err.println("token-metrics: " + (code == INTERNAL_ERROR ? "internal error: " + ex : message(ex)));
        return code;
    }

    /**
     * Runs the {@code usage} command with the aggregation done by another engine, which must give
     * the result this machine's aggregator gives for the same inputs: the Spark job's entry point
     * ({@code io.tokenmetrics.spark.SparkUsage}). Options and output are {@code usage}'s.
     *
     * @param args the arguments after {@code usage}
     * @param engine the aggregation: the aggregator (period, zone, dimensions…) and the inputs as typed
     * @param out where to write
     * @param err where to write errors
     * @return the exit code
     */
    public static int runUsage(String[] args,
            java.util.function.BiFunction<io.tokenmetrics.usage.UsageAggregator, java.util.List<String>, io.tokenmetrics.usage.UsageResult> engine,
            PrintStream out, PrintStream err) {
        java.util.Objects.requireNonNull(args, "args");
        java.util.Objects.requireNonNull(engine, "engine");
        String[] all = new String[args.length + 1];
        all[0] = "usage";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all, out, err, engine::apply, null);
    }

    private static void loadFigures() {
        try {
            io.tokenmetrics.data.Dataset.bundled();
        } catch (RuntimeException | Error e) {
            // the command reads them again and reports what is wrong
        }
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CliException) {
            return ((CliException) ex).code;
        }
        if (ex instanceof DatasetException || ex instanceof UncheckedIOException || ex instanceof java.io.IOException
                || ex instanceof ArithmeticException || ex instanceof io.tokenmetrics.usage.UsageLogException
                || ex instanceof io.tokenmetrics.openrouter.OpenRouterException
                // an entry of a price table is checked when a run first needs it
                || ex instanceof io.tokenmetrics.cost.PriceTableException) {
            return DATA_ERROR;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof DateTimeParseException
                || ex instanceof io.tokenmetrics.amount.IndeterminateValueException) {
            return USAGE_ERROR;
        }
        return INTERNAL_ERROR;
    }

    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            // ours name the file and the reason; the JDK's repeat the cause's class
            return ex.getMessage().startsWith("java.") ? io.tokenmetrics.internal.IoErrors.reason(((UncheckedIOException) ex).getCause())
                    : ex.getMessage();
        }
        return ex.getMessage();
    }
}
