package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.internal.Messages;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.internal.IoErrors;
import io.tokenmetrics.internal.Text;
import io.tokenmetrics.usage.UsageField;
import io.tokenmetrics.usage.UsageSource;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "usage", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        description = "Aggregate usage logs and usage exports (OpenAI, Anthropic, Claude Code, Gemini, Bedrock, OpenTelemetry,"
                + " LiteLLM, generic CSV or JSON Lines) by period and dimensions, in one meaning: input includes cache reads and"
                + " writes, output includes reasoning.")
final class UsageCommand extends Commands.Base {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "usage files or directories (.csv, .jsonl, .ndjson, .json, each also"
            + " .gz), or - for standard input")
    List<String> files = new ArrayList<>();

    @Option(names = "--agent", paramLabel = "AGENT", description = "read a coding agent's logs where it writes them: claude-code"
            + " (CLAUDE_CONFIG_DIR, ~/.config/claude, ~/.claude), codex (CODEX_HOME, ~/.codex), gemini-cli (~/.gemini),"
            + " opencode (XDG_DATA_HOME, ~/.local/share/opencode)")
    String agent;

    /**
     * What reads the inputs: this machine's aggregator, or another engine that gives the same
     * result for the same inputs (the Spark job sets its own, {@code io.tokenmetrics.spark.SparkUsage}).
     * The inputs are given as typed, so that an engine can read URLs such as {@code s3a://bucket/logs}.
     */
    interface Engine {
        UsageResult aggregate(UsageAggregator aggregator, List<String> inputs);
    }

    /** This machine's aggregator: the engine unless another is set. */
    static final Engine LOCAL = (aggregator, inputs) -> {
        List<Path> paths = new ArrayList<>();
        for (String f : inputs) {
            paths.add(java.nio.file.Paths.get(f));
        }
        return aggregator.aggregate(paths);
    };

    /** The engine of this command: passed in (the Spark job's), never a shared setting. */
    private final Engine engine;

    /** The command on this machine's aggregator (picocli's constructor). */
    UsageCommand() {
        this(LOCAL);
    }

    UsageCommand(Engine engine) {
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
    }

    @Option(names = "--source", paramLabel = "NAME", description = "read every input as this source instead of recognising it: csv, jsonl,"
            + " openai, openai-usage, anthropic, anthropic-usage, claude-code, codex, gemini-cli, opencode, gemini, bedrock, otel, litellm")
    String source;

    @Option(names = "--by", split = ",", paramLabel = "DIM", description = "dimensions to group by, such as model,region")
    List<String> by = new ArrayList<>();

    @Option(names = "--period", defaultValue = "week", paramLabel = "PERIOD", description = "day, week (ISO), month, all (one row per"
            + " group over the whole range) or block5h (5-hour usage blocks, with the active block's burn rate) (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--since", paramLabel = "DATE", description = "count records from this day on (YYYY-MM-DD or YYYYMMDD, in --zone)")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "count records up to this day, inclusive (YYYY-MM-DD or YYYYMMDD, in --zone)")
    String until;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "time zone periods are cut in (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN", description = "read a field (timestamp, input, output, cache_read, cache_write,"
            + " reasoning, total, requests, request_id, cost) from another column")
    Map<String, String> map = new java.util.LinkedHashMap<>();

    @Option(names = "--skip-bad", description = "skip bad rows, counting and reporting them, instead of stopping at the first")
    boolean skipBad;

    @Option(names = "--threads", paramLabel = "N", description = "threads for large CSV and JSON Lines files and .gz ones (default: the number of cores)")
    Integer threads;

    @Option(names = "--save", paramLabel = "FILE", description = "write the series as a dataset that --data reads")
    Path save;

    @Option(names = "--prices", paramLabel = "FILE", description = "price tables (LiteLLM or OpenRouter JSON; repeatable, later files win):"
            + " adds cost_usd")
    List<Path> prices = new ArrayList<>();

    @Option(names = "--fetch-prices", paramLabel = "SOURCE", description = "fetch a price table: litellm, openrouter or a URL (repeatable;"
            + " --prices files win over it)")
    List<String> fetchPrices = new ArrayList<>();

    @Option(names = "--price-map", paramLabel = "MODEL=ENTRY", description = "price MODEL as the tables' ENTRY (repeatable)")
    List<String> priceMaps = new ArrayList<>();

    @Option(names = "--seat", paramLabel = "USD", description = "with --prices and --period month: a flat seat price a month, compared with"
            + " --fee plus each group's cost")
    java.math.BigDecimal seat;

    @Option(names = "--fee", paramLabel = "USD", description = "the fixed monthly fee of usage-based billing (with --seat)")
    java.math.BigDecimal fee;

    @Override
    Doc build(Dataset data) {
        if ((seat == null) != (fee == null)) {
            throw new CliException(Main.USAGE_ERROR, "--seat and --fee go together: a seat price against a fee plus usage", null);
        }
        if (seat != null && (prices.isEmpty() && fetchPrices.isEmpty() || !period.equalsIgnoreCase("month"))) {
            throw new CliException(Main.USAGE_ERROR, "--seat needs --prices and --period month: plans are priced by the month", null);
        }
        if (seat != null && (seat.signum() < 0 || fee.signum() < 0)) {
            throw new CliException(Main.USAGE_ERROR, "--seat (" + seat.toPlainString() + ") and --fee (" + fee.toPlainString() + ") must be >= 0", null);
        }
        // the price tables are read on the second core while the logs are read: they are needed only to price the groups
        boolean priced = !prices.isEmpty() || !fetchPrices.isEmpty();
        java.util.concurrent.FutureTask<io.tokenmetrics.cost.PriceTable> table = priced
                ? new java.util.concurrent.FutureTask<>(() -> Costs.table(prices, fetchPrices, priceMaps)) : null;
        if (table != null) {
            Thread t = new Thread(table, "token-metrics-prices");
            t.setDaemon(true);
            t.start();
        }
        try {
            return build(table);
        } catch (RuntimeException e) {
            // a price table's error is reported first, as when the tables were read before anything else
            if (table != null) {
                Costs.await(table);
            }
            throw e;
        }
    }

    /** The command with its price tables being read on another thread (null: none given). */
    private Doc build(java.util.concurrent.FutureTask<io.tokenmetrics.cost.PriceTable> table) {
        // cost needs each row's model: group by it too, then add the models of a group up
        List<String> dims = new ArrayList<>(by);
        if (table != null && !dims.contains("model")) {
            dims.add("model");
        }
        if (table != null && !dims.contains(UsageAggregator.SERVICE_TIER)) {
            // each service tier at its own prices
            dims.add(UsageAggregator.SERVICE_TIER);
        }
        UsageAggregator.Builder b = UsageAggregator.builder().by(dims).skipBad(skipBad);
        boolean whole = period.equalsIgnoreCase("all");
        boolean blockPeriod = period.equalsIgnoreCase("block5h");
        if ((whole || blockPeriod) && save != null) {
            throw new CliException(Main.USAGE_ERROR, "--save needs a period of day, week or month: series are made of periods", null);
        }
        if (blockPeriod && engine != LOCAL) {
            throw new CliException(Main.USAGE_ERROR, "--period block5h runs on one machine: run the usage command on the logs", null);
        }
        if (blockPeriod && table != null) {
            throw new CliException(Main.USAGE_ERROR, "--period block5h does not take prices yet: price the blocks' days with --period day", null);
        }
        java.time.LocalDate from = date("--since", since);
        java.time.LocalDate to = date("--until", until);
        if (from != null && to != null && from.isAfter(to)) {
            throw new CliException(Main.USAGE_ERROR, "--since (" + from + ") must not be after --until (" + to + ")", null);
        }
        b.since(from).until(to);
        switch (period.toLowerCase(Locale.ROOT)) {
            case "day": case "all": case "block5h": b.period(PeriodType.DAY); break;
            case "week": b.period(PeriodType.WEEK); break;
            case "month": b.period(PeriodType.MONTH); break;
            default: throw new CliException(Main.USAGE_ERROR, "--period (" + period + ") must be day, week, month, all or block5h", null);
        }
        try {
            b.zone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new CliException(Main.USAGE_ERROR, "--zone (" + zone + ") is not a time zone: " + e.getMessage(), e);
        }
        try {
            for (Map.Entry<String, String> m : map.entrySet()) {
                b.map(UsageField.fromName(m.getKey()), m.getValue());
            }
            if (source != null) {
                b.source(UsageSource.fromId(source));
            }
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new CliException(Main.USAGE_ERROR, m.startsWith("source ") ? "--" + m : "--map " + m, e);
        }
        if (threads != null) {
            b.threads(threads);
        }
        List<String> inputs = new ArrayList<>(files);
        List<String> found = new ArrayList<>();
        if (agent != null) {
            io.tokenmetrics.usage.CodingAgent a;
            try {
                a = io.tokenmetrics.usage.CodingAgent.fromId(agent);
            } catch (IllegalArgumentException e) {
                throw new CliException(Main.USAGE_ERROR, "--" + e.getMessage(), e);
            }
            java.util.Map<String, String> env = System.getenv();
            Path home = java.nio.file.Paths.get(System.getProperty("user.home"));
            List<Path> dirs = a.directories(env, home);
            for (Path db : a.databases(env, home)) {
                // before the message files: a message in both is the database's
                inputs.add(0, db.toString());
                found.add(Messages.get(common.lang, "usage.agent.read", a.id(), 1, db));
            }
            for (Path d : dirs) {
                List<Path> logs = a.logFiles(d);
                for (Path f : logs) {
                    inputs.add(f.toString());
                }
                if (!logs.isEmpty()) {
                    found.add(Messages.get(common.lang, "usage.agent.read", a.id(), logs.size(), d));
                }
            }
            if (found.isEmpty()) {
                throw new CliException(Main.DATA_ERROR, "no " + a.id() + " logs found: looked in " + dirs.stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", ")), null);
            }
            if (source == null) {
                b.source(a.source());
            }
        }
        if (inputs.isEmpty()) {
            throw new CliException(Main.USAGE_ERROR, "give usage files or directories, or --agent NAME (see: token-metrics usage --help)", null);
        }
        Path scratch = null;
        try {
            // SQLite databases (OpenCode's opencode.db) read through SQLite's driver, as message lines
            for (int i = 0; i < inputs.size(); i++) {
                Path f = java.nio.file.Paths.get(inputs.get(i));
                if (!inputs.get(i).equals("-") && Files.isRegularFile(f) && OpenCodeDatabase.isSqlite(f)) {
                    if (scratch == null) {
                        scratch = Files.createTempDirectory("token-metrics-db");
                    }
                    inputs.set(i, OpenCodeDatabase.messages(f, Files.createTempDirectory(scratch, "db")).toString());
                }
            }
            return aggregate(b, inputs, found, table, whole, blockPeriod, dims);
        } catch (IOException e) {
            throw new CliException(Main.DATA_ERROR, "cannot make a scratch directory: " + IoErrors.reason(e), e);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory left behind in the temporary directory is harmless
        }
    }

    private Doc aggregate(UsageAggregator.Builder b, List<String> inputs, List<String> found,
            java.util.concurrent.FutureTask<io.tokenmetrics.cost.PriceTable> pricesRead, boolean whole, boolean blockPeriod, List<String> dims) {
        if (blockPeriod) {
            return blocks(b.build(), inputs, found);
        }
        UsageResult r = engine.aggregate(b.build(), inputs);
        io.tokenmetrics.cost.PriceTable table = pricesRead == null ? null : Costs.await(pricesRead);
        Doc doc = new Doc("usage");
        List<String> cols = new ArrayList<>();
        cols.add("period_start");
        cols.add("period_end");
        cols.addAll(by);
        cols.add("requests");
        cols.add("input_tokens");
        cols.add("output_tokens");
        cols.add("total_tokens");
        cols.add("cache_read_tokens");
        cols.add("cache_write_tokens");
        boolean oneHour = splitsCacheWrites(r);
        if (oneHour) {
            cols.add("cache_write_1h_tokens");
        }
        cols.add("reasoning_tokens");
        if (table != null) {
            cols.add("cost_usd");
            if (Costs.logsCost(r)) {
                cols.add("logged_cost_usd");
                cols.add("cost_difference_usd");
            }
        }
        if (seat != null) {
            cols.add("usage_plan_usd");
            cols.add("seat_usd");
            cols.add("cheaper");
            cols.add("usage_plan_multiple");
        }
        Table t = doc.table("usage", cols.toArray(new String[0]));
        int groups = r.groups().size();
        List<io.tokenmetrics.data.Series> costSeries = save != null && table != null ? new ArrayList<>() : null;
        if (table != null || whole) {
            groups = Costs.rows(r, by, table, t, err(), seat, fee, costSeries, oneHour, whole, common.lang);
        }
        // with prices, or over the whole range, Costs writes the rows: groups added up to --by
        for (UsageGroup g : table != null || whole ? java.util.Collections.<UsageGroup>emptyList() : r.groups()) {
            t.row(cells(g.period().start().toString(), g.period().end().toString(), g.dimensions(), g.requests().isPresent() ? Long.toString(g.requests().getAsLong()) : "", g.inputTokens(),
                    g.outputTokens(), g.totalTokens(), g.cacheReadTokens(), g.cacheWriteTokens(), oneHour ? g.cacheWrite1hTokens() : -1,
                    g.reasoningTokens()).toArray(new Cell[0]));
        }
        notes(doc, r, groups, found);
        if (save != null) {
            try (OutputStream out = Files.newOutputStream(save)) {
                Dataset saved = r.toDataset("usage");
                if (costSeries != null) {
                    saved = saved.merge(Dataset.of(costSeries));
                }
                saved.write(out);
            } catch (IOException e) {
                throw new CliException(Main.DATA_ERROR, "cannot write " + save + ": " + IoErrors.reason(e), e);
            }
            doc.notes.add(Messages.get(common.lang, "saved", save));
        }
        return doc;
    }

    /**
     * The message {@code key} for a count {@code n} (its first argument): {@code key.one} when
     * {@code n} is 1, since English says "1 row" (each bundle has both keys; Chinese says the same twice).
     */
    private static String counted(Language l, String key, long n, Object... more) {
        Object[] args = new Object[1 + more.length];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        return Messages.get(l, n == 1 ? key + ".one" : key, args);
    }

    /** The summary of what was read, the sources, the directories an agent's logs came from, and the result's notes. */
    private void notes(Doc doc, UsageResult r, int groups, List<String> found) {
        Language l = common.lang;
        String summary = Messages.get(l, "usage.summary", counted(l, "usage.rows", r.rows()), counted(l, "usage.groups", groups))
                + (r.blankLines() > 0 ? counted(l, "usage.blank", r.blankLines()) : "")
                + (r.duplicates() > 0 ? counted(l, "usage.duplicates", r.duplicates()) : "")
                + (r.recordsWithoutUsage() > 0 ? counted(l, "usage.withoutusage", r.recordsWithoutUsage()) : "")
                + (r.placeholders() > 0 ? counted(l, "usage.placeholders", r.placeholders()) : "")
                + (r.outsideDates() > 0 ? counted(l, "usage.outside", r.outsideDates()) : "")
                + (r.incompleteLastLines() > 0 ? counted(l, "usage.incomplete", r.incompleteLastLines()) : "")
                + (r.skipped() > 0 ? counted(l, "usage.skipped", r.skipped(), r.skippedByReason(), String.join("; ", r.firstSkipped())) : "");
        doc.notes.add(summary);
        doc.notes.add(Messages.get(l, "usage.sources", common.format == Format.JSON ? String.join("; ", r.sources()) : shortSources(r.sources(), l)));
        doc.notes.addAll(found);
        doc.notes.addAll(r.notes());
        if ((r.skipped() > 0 || !r.notes().isEmpty()) && common.format == Format.CSV) {
            err().println("token-metrics: " + Text.escape(summary));
            for (String n : r.notes()) {
                err().println("token-metrics: " + Text.escape(n));
            }
        }
    }

    /**
     * Five-hour usage blocks: a row per block and combination of the dimensions, times in the
     * zone, the active block's burn rate and projection (now: this machine's clock).
     */
    private Doc blocks(UsageAggregator agg, List<String> inputs, List<String> found) {
        List<Path> paths = new ArrayList<>();
        for (String f : inputs) {
            paths.add(java.nio.file.Paths.get(f));
        }
        io.tokenmetrics.usage.UsageBlocks ub = agg.blocks(paths, java.time.Duration.ofHours(5), java.time.Instant.now());
        UsageResult r = ub.read();
        boolean oneHour = splitsCacheWrites(r);
        Doc doc = new Doc("usage");
        List<String> cols = new ArrayList<>(java.util.Arrays.asList("block_start", "block_end"));
        cols.addAll(by);
        cols.addAll(java.util.Arrays.asList("requests", "input_tokens", "output_tokens", "total_tokens", "cache_read_tokens", "cache_write_tokens"));
        if (oneHour) {
            cols.add("cache_write_1h_tokens");
        }
        cols.addAll(java.util.Arrays.asList("reasoning_tokens", "first_record", "last_record", "active", "burn_tokens_per_minute",
                "projected_total_tokens"));
        Table t = doc.table("usage", cols.toArray(new String[0]));
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx").withZone(agg.zone());
        java.time.format.DateTimeFormatter seconds = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(agg.zone());
        for (io.tokenmetrics.usage.UsageBlock k : ub.rows()) {
            List<Cell> cells = cells(time.format(k.start()), time.format(k.end()), k.dimensions(), k.requests().isPresent()
                    ? Long.toString(k.requests().getAsLong()) : "", k.inputTokens(), k.outputTokens(), k.totalTokens(), k.cacheReadTokens(),
                    k.cacheWriteTokens(), oneHour ? k.cacheWrite1hTokens() : -1, k.reasoningTokens());
            cells.add(Cell.text(seconds.format(k.firstRecord())));
            cells.add(Cell.text(seconds.format(k.lastRecord())));
            cells.add(Cell.flag(k.active(), k.active() ? (common.lang == Language.ZH ? "是" : "yes") : ""));
            cells.add(Cell.number(k.burnRate().map(java.math.BigDecimal::toPlainString).orElse("")));
            cells.add(Cell.number(k.projectedTotal().isPresent() ? Long.toString(k.projectedTotal().getAsLong()) : ""));
            t.row(cells.toArray(new Cell[0]));
        }
        notes(doc, r, ub.rows().size(), found);
        return doc;
    }

    /** The columns every usage row has: period, dimensions, requests, then the six token sums. */
    /** A day given as YYYY-MM-DD or YYYYMMDD (ccusage's form); null for none. */
    private static java.time.LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return t.matches("\\d{8}") ? java.time.LocalDate.parse(t, java.time.format.DateTimeFormatter.BASIC_ISO_DATE) : java.time.LocalDate.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException(Main.USAGE_ERROR, option + " (" + text + ") must be a day: YYYY-MM-DD or YYYYMMDD", e);
        }
    }

    /**
     * The inputs read, for a person: by source, at most three files named and how many more
     * (JSON output names every one).
     */
    static String shortSources(List<String> sources, Language l) {
        if (sources.size() <= 3) {
            return String.join("; ", sources);
        }
        Map<String, List<String>> byKind = new java.util.LinkedHashMap<>();
        for (String s : sources) {
            int at = s.lastIndexOf(": ");
            byKind.computeIfAbsent(at < 0 ? "" : s.substring(at + 2), k -> new ArrayList<>()).add(at < 0 ? s : s.substring(0, at));
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
            List<String> files = e.getValue();
            String named = String.join(", ", files.subList(0, Math.min(3, files.size())));
            out.add(e.getKey() + ": " + (files.size() == 1 ? named : Messages.get(l, "usage.sources.files", files.size(), named
                    + (files.size() > 3 ? Messages.get(l, "usage.sources.more", files.size() - 3) : ""))));
        }
        return String.join("; ", out);
    }

    /**
     * Whether a source read tells five-minute and one-hour cache writes apart (Anthropic's): then
     * the one-hour writes have a column of their own, part of cache_write_tokens.
     */
    static boolean splitsCacheWrites(UsageResult r) {
        for (UsageSource s : r.sourcesRead()) {
            if (s.splitsCacheWrites()) {
                return true;
            }
        }
        return false;
    }

    /** A row's cells; {@code cacheWrite1h} -1 where the one-hour column is not shown. */
    static List<Cell> cells(String start, String end, List<String> dims, String requests, long input, long output, long total,
            long cacheRead, long cacheWrite, long cacheWrite1h, long reasoning) {
        List<Cell> row = new ArrayList<>();
        row.add(Cell.text(start));
        row.add(Cell.text(end));
        for (String d : dims) {
            row.add(Cell.text(d));
        }
        row.add(Cell.number(requests));
        for (long v : new long[] {input, output, total, cacheRead, cacheWrite, cacheWrite1h, reasoning}) {
            if (v >= 0) {
                row.add(Cell.text(v));
            }
        }
        return row;
    }
}
