package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.Change;
import io.tokenmetrics.calc.ClaimCheck;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.calc.Streak;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands; each builds a {@link Doc} from the library and renders it. */
final class Commands {
    private Commands() {
    }

    /** Options every command takes. */
    static final class Common {
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json, csv or html (a self-contained page; default: ${DEFAULT-VALUE})")
        Format format;

        @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", description = "en (20.6T) or zh (20.6万亿) (default: ${DEFAULT-VALUE})",
                converter = LanguageConverter.class)
        Language lang;

        @Option(names = "--data", paramLabel = "FILE", description = "a dataset file (JSON or .csv) to add to the bundled figures (repeatable)")
        List<Path> data = new ArrayList<>();

        @Option(names = "--debug", description = "log to standard error and print stack traces")
        boolean debug;

        /** The file each series was read from (the first, when several files hold the same series); bundled ones are absent. */
        final java.util.Map<String, String> files = new java.util.HashMap<>();

        Dataset dataset() {
            Dataset d = Dataset.bundled();
            for (Path p : data) {
                Dataset more;
                try {
                    more = Dataset.read(p);
                } catch (java.io.IOException e) {
                    throw new CliException(Main.DATA_ERROR, p + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
                }
                for (Series s : more.series()) {
                    files.putIfAbsent(s.id(), p.toString());
                }
                try {
                    d = d.merge(more);
                } catch (IllegalArgumentException e) {
                    throw new CliException(Main.DATA_ERROR, p + ": " + e.getMessage(), e);
                }
            }
            return d;
        }
    }

    static final class LanguageConverter implements CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"token-metrics " + p.getProperty("version", "unknown")};
        }
    }

    /** The base of the commands: options, the calculator, output. */
    abstract static class Base implements Callable<Integer> {
        /**
         * The commands that work on logs, price tables or OpenRouter's API, not on the published
         * figures; here rather than in {@link Root}, whose list of classes loads every command.
         */
        static final java.util.Set<String> WITHOUT_FIGURES = new java.util.HashSet<>(java.util.Arrays.asList("usage", "prices", "openrouter"));

        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        final Calculator calc = Calculator.create();

        /** The command's name and standard error when run without picocli ({@link QuickCommandLine}). */
        private String quickName;
        private PrintWriter quickErr;

        /** Runs this command without picocli, as {@code name}, writing its errors to {@code err}. */
        void runWithout(String name, PrintWriter err) {
            this.quickName = name;
            this.quickErr = err;
        }

        /** Standard error: picocli's, or the quick path's. */
        PrintWriter err() {
            return spec != null ? spec.commandLine().getErr() : quickErr;
        }

        /** The command's name: picocli's, or the quick path's. */
        String name() {
            return spec != null ? spec.name() : quickName;
        }

        /**
         * Builds the output from the dataset: the bundled figures and {@code --data} files, or
         * null for a command that does not read them ({@link #readsFigures()}) and was given no
         * {@code --data}.
         */
        abstract Doc build(Dataset data);

        /**
         * Whether the command works on the published figures. Those that do not (usage logs, price
         * tables, OpenRouter's API) skip loading them, which is most of a short run's start-up.
         */
        boolean readsFigures() {
            return !WITHOUT_FIGURES.contains(name());
        }

        @Override
        public Integer call() {
            return execute(spec.commandLine().getOut());
        }

        /** Builds the output, renders it to {@code out} and returns the exit code: picocli's call and the quick path's. */
        int execute(PrintWriter out) {
            Doc doc = build(readsFigures() || !common.data.isEmpty() ? common.dataset() : null);
            doc.render(common.format, common.lang, out);
            return doc.exit;
        }

        Language lang() {
            return common.lang;
        }

        /** A period: its id in JSON and CSV, its label for people in Chinese ("2026年第16周"). */
        Cell periodCell(TimePeriod p) {
            return Cell.shown(p.toString(), lang() == Language.ZH ? p.label(lang()) : p.toString());
        }

        /** A yes-or-no value: true/false in JSON and CSV, 是/否 for Chinese readers. */
        Cell yesNo(boolean v) {
            return Cell.flag(v, lang() == Language.ZH ? (v ? "是" : "否") : String.valueOf(v));
        }

        /** A word from the bundles for people, its stable id for JSON and CSV. */
        Cell word(String id, String key) {
            return Cell.shown(id, lang() == Language.ZH ? io.tokenmetrics.internal.Messages.get(lang(), key) : id);
        }

        /** A leader: the series (or region) that leads, else "tie" or "unknown" in the reader's words. */
        Cell leader(io.tokenmetrics.calc.Leader l) {
            String id = l.toString();
            return l.kind() == io.tokenmetrics.calc.Leader.Kind.SERIES ? Cell.text(id) : word(id, "cmp.leader." + id);
        }

        /** A measure: its id for JSON and CSV, in words for Chinese readers ("Token / 周"). */
        Cell measure(io.tokenmetrics.data.Measure m) {
            return word(m.id(), "measure." + m.id());
        }

        /** {@code s} padded with spaces to {@code width} terminal columns (a CJK character takes two). */
        static String pad(String s, int width) {
            StringBuilder b = new StringBuilder(s);
            for (int w = Doc.width(s); w < width; w++) {
                b.append(' ');
            }
            return b.toString();
        }
    }

    @Command(name = "token-metrics", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Exact token-consumption metrics: the published figures, their growth, changes, shares and claims.")
    static final class Root implements Callable<Integer> {
        /**
         * The subcommands, in the order help lists them, with their names. Added by {@link Main}:
         * all of them for help or an unknown name, else only the one asked for, since picocli reads
         * every added command's annotations by reflection, a tenth of a second for all twelve.
         */
        static final Class<?>[] SUBCOMMANDS = {Report.class, Check.class, ListCmd.class, Show.class, GrowthCmd.class, Changes.class, OffList.class,
            Prices.class, Compare.class, ChartCommand.class, UsageCommand.class, OpenRouterCommand.class};
        static final String[] NAMES = {"report", "check", "list", "show", "growth", "changes", "off-list", "prices", "compare", "chart", "usage",
            "openrouter"};

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return Main.USAGE_ERROR;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "The briefing: reproduces and checks the two articles from the bundled figures.")
    static final class Report extends Base {
        /** The charts of the HTML page: the figures the briefing reads, each as the chart command draws it. */
        private static final String[][] FIGURES = {{"china-daily"}, {"volcano-engine-daily"},
            {"openrouter-us-weekly", "openrouter-china-weekly"}, {"openrouter-claude-sonnet-4-6-weekly", "openrouter-claude-opus-4-6-weekly"}};

        @Override
        Doc build(Dataset data) {
            Doc doc = new Briefing(data, calc, lang()).build();
            if (common.format == Format.HTML) {
                for (String[] ids : FIGURES) {
                    List<Series> series = new ArrayList<>();
                    for (String id : ids) {
                        series.add(data.series(id));
                    }
                    doc.figures.add(new SvgChart(series, lang(), false).render());
                }
            }
            return doc;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Every stated claim with its verdict and the numbers behind it.")
    static final class Check extends Base {
        @Override
        Doc build(Dataset data) {
            Doc doc = new Doc("check");
            Table t = doc.table("claims", "claim", "fact", "verdict", "stated", "computed", "statement", "explanation", "note");
            StringBuilder text = new StringBuilder();
            java.util.List<ClaimCheck> checks = io.tokenmetrics.calc.ClaimChecker.create().checkAll(data);
            for (ClaimCheck c : checks) {
                // the verdict column keeps its stable English id; statement and explanation follow --lang
                t.row(Cell.text(c.claim().id()), Cell.text(c.claim().fact().orElse("")), Cell.text(c.verdict().name().toLowerCase(java.util.Locale.ROOT)),
                        Cell.of(c.stated(), lang()), Cell.of(c.computed(), lang()), Cell.text(c.claim().statement(lang())),
                        Cell.text(c.explanation(lang())), Cell.text(c.claim().note().orElse("")));
                text.append(verdictWord(c)).append("  ").append(c.claim().id())
                        .append(c.claim().fact().map(f -> f.equals(c.claim().id()) ? "" : " [" + f + "]").orElse(""))
                        .append(": ").append(c.claim().statement(lang())).append('\n')
                        .append("    ").append(c.explanation(lang())).append('\n');
                c.claim().note().ifPresent(n -> text.append("    ").append(io.tokenmetrics.internal.Messages.get(lang(), "note", n)).append('\n'));
            }
            long errors = checks.stream().filter(c -> c.verdict() == io.tokenmetrics.calc.Verdict.ERROR).count();
            if (errors > 0) {
                // every claim was reported; the run still fails, so that a script notices broken data
                String note = io.tokenmetrics.internal.Messages.get(lang(), "check.errors", errors, checks.size());
                doc.notes.add(note);
                doc.exit = Main.DATA_ERROR;
            }
            doc.text = text.toString();
            return doc;
        }

        private String verdictWord(ClaimCheck c) {
            return pad(io.tokenmetrics.internal.Messages.get(lang(), "verdict." + c.verdict().name().toLowerCase(java.util.Locale.ROOT) + ".word"), 12);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "The series: bundled and loaded with --data.")
    static final class ListCmd extends Base {
        @Override
        Doc build(Dataset data) {
            Doc doc = new Doc("list");
            Table t = doc.table("series", "id", "region", "measure", "observations", "first", "last", "subject");
            for (Series s : data.series()) {
                List<Observation> o = s.observations();
                t.row(Cell.text(s.id()), Cell.text(s.region()), measure(s.measure()), Cell.text(o.size()),
                        o.isEmpty() ? Cell.text("") : periodCell(o.get(0).period()), o.isEmpty() ? Cell.text("") : periodCell(o.get(o.size() - 1).period()),
                        Cell.shown(s.subject(), s.subject(lang())));
            }
            return doc;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "One series' observations with their sources.")
    static final class Show extends Base {
        @Parameters(paramLabel = "SERIES", description = "series id (see list)")
        String id;

        @Override
        Doc build(Dataset data) {
            Series s = data.series(id);
            Doc doc = new Doc("show");
            Table t = doc.table("observations", "series", "period", "value", "status", "change", "rank", "listed", "fact", "source", "quote",
                    "note", "rounded", "file");
            String file = common.files.getOrDefault(s.id(), io.tokenmetrics.internal.Messages.get(lang(), "show.bundled"));
            java.util.Set<io.tokenmetrics.data.Source> sources = new java.util.LinkedHashSet<>();
            for (Observation o : s.observations()) {
                // JSON and CSV keep the ids; text shows the period and status in words of --lang; a
                // rounded figure is shown as written, the interval it stands for is what the maths use
                t.row(Cell.text(s.id()), Cell.shown(o.period().toString(), lang() == Language.ZH ? o.period().label(lang()) : o.period().toString()),
                        Cell.of(o.shownValue(), lang()), Cell.shown(o.status().id(), o.status().label(lang())),
                        o.isChangeUnknown() ? Cell.shown("unknown", io.tokenmetrics.internal.Messages.get(lang(), "change.unknown"))
                                : Cell.of(o.shownChange(), lang()), Cell.number(o.rank().isPresent() ? String.valueOf(o.rank().getAsInt()) : ""),
                        o.listed().map(this::yesNo).orElse(Cell.number("")), Cell.text(o.fact().orElse("")),
                        Cell.text(o.source().map(x -> x.publisher() + ", " + x.date()).orElse("")), Cell.text(o.quote().orElse("")),
                        Cell.text(o.note().orElse("")), Cell.of(o.isRounded() ? o.value() : java.util.Optional.empty(), lang()),
                        Cell.text(file));
                o.source().ifPresent(sources::add);
            }
            if (!s.aliases().isEmpty()) {
                doc.notes.add(io.tokenmetrics.internal.Messages.get(lang(), "show.aliases", s.id(), String.join(", ", s.aliases())));
            }
            for (io.tokenmetrics.data.Source src : sources) {
                doc.notes.add(io.tokenmetrics.internal.Messages.get(lang(), "show.source", src.id(), src.toString(), src.url().orElse("")));
            }
            doc.notes.add(io.tokenmetrics.internal.Messages.get(lang(), "show.line", s.id(), s.subject(lang()), s.region(), measure(s.measure()).display,
                    s.per().map(p -> io.tokenmetrics.internal.Messages.get(lang(), "show.per", p)).orElse(""),
                    s.note().map(n -> io.tokenmetrics.internal.Messages.get(lang(), "show.note", n)).orElse("")));
            return doc;
        }
    }

    static TimePeriod period(String text, String option) {
        try {
            return TimePeriod.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliException(Main.USAGE_ERROR, option + ": " + e.getMessage(), e);
        }
    }

    @Command(name = "growth", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Growth of a series: change, percent, multiple, years, compound annual rate.")
    static final class GrowthCmd extends Base {
        @Parameters(paramLabel = "SERIES", description = "series id")
        String id;

        @Option(names = "--from", paramLabel = "PERIOD", description = "start period (default: first with a value)")
        String from;

        @Option(names = "--to", paramLabel = "PERIOD", description = "end period (default: last with a value)")
        String to;

        @Override
        Doc build(Dataset data) {
            Series s = data.series(id);
            Growth g;
            if (from == null && to == null) {
                g = calc.growth(s);
            } else {
                List<Observation> v = new ArrayList<>();
                for (Observation o : s.observations()) {
                    if (o.value().isPresent()) {
                        v.add(o);
                    }
                }
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("series " + s.id() + " has no observation with a value");
                }
                TimePeriod f = from != null ? period(from, "--from") : v.get(0).period();
                TimePeriod tt = to != null ? period(to, "--to") : v.get(v.size() - 1).period();
                g = calc.growth(s, f, tt);
            }
            Doc doc = new Doc("growth");
            doc.table("growth", "series", "from", "to", "from_value", "to_value", "absolute_change", "percent_change", "multiple",
                    "years", "annual_rate_percent")
                    .row(Cell.text(s.id()), Cell.text(g.from().period()), Cell.text(g.to().period()), Cell.of(g.from().value(), lang()),
                            Cell.of(g.to().value(), lang()), Cell.of(g.absoluteChange(), lang()), Cell.of(g.percentChange(), lang()),
                            Cell.of(g.multiple(), lang()), Cell.text(g.elapsedYears()), Cell.of(g.annualRate(), lang()));
            doc.text = s.id() + ": " + g.describe(lang()) + "\n";
            return doc;
        }
    }

    @Command(name = "changes", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Period-over-period changes of a series, and its streaks of rises and falls.")
    static final class Changes extends Base {
        @Parameters(paramLabel = "SERIES", description = "series id")
        String id;

        @Override
        Doc build(Dataset data) {
            Series s = data.series(id);
            Doc doc = new Doc("changes");
            Table t = doc.table("changes", "series", "from", "to", "from_value", "to_value", "absolute_change", "percent_change",
                    "consecutive", "direction", "stated_percent", "stated_verdict");
            io.tokenmetrics.calc.ClaimChecker checker = io.tokenmetrics.calc.ClaimChecker.create();
            for (Change c : calc.changes(s)) {
                // the publisher's stated change beside the computed one, judged as a stated-change claim is
                io.tokenmetrics.calc.Verdict v = c.stated().isPresent() && c.percent().isPresent() ? checker.judge(c.stated().get(), c.percent().get())
                        : null;
                String dir = c.direction().name().toLowerCase(java.util.Locale.ROOT);
                t.row(Cell.text(s.id()), periodCell(c.from()), periodCell(c.to()), Cell.of(c.fromValue(), lang()), Cell.of(c.toValue(), lang()),
                        Cell.of(c.absolute(), lang()), Cell.of(c.percent(), lang()), yesNo(c.isConsecutive()), word(dir, "direction." + dir),
                        Cell.of(c.stated(), lang()), v == null ? Cell.text("") : Cell.shown(v.name().toLowerCase(java.util.Locale.ROOT), v.label(lang())));
            }
            Table st = doc.table("streaks", "series", "direction", "length", "start", "end");
            for (Streak k : calc.streaks(s)) {
                String dir = k.direction().name().toLowerCase(java.util.Locale.ROOT);
                st.row(Cell.text(s.id()), word(dir, "direction." + dir), Cell.text(k.length()), periodCell(k.start()), periodCell(k.end()));
            }
            if (t.rows.isEmpty()) {
                doc.notes.add(io.tokenmetrics.internal.Messages.get(lang(), "changes.none", s.id()));
            }
            return doc;
        }
    }

    @Command(name = "prices", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Which price entry each model name uses, by which rule, at what prices (US dollars per million tokens).")
    static final class Prices extends Base {
        @Parameters(paramLabel = "MODEL", arity = "1..*", description = "model names as your logs write them")
        List<String> models = new ArrayList<>();

        @Option(names = "--fetch-prices", paramLabel = "SOURCE", description = "fetch a price table: litellm, openrouter or a URL (repeatable)")
        List<String> fetch = new ArrayList<>();

        @Option(names = "--prices", paramLabel = "FILE",
                description = "a price table: LiteLLM's model_prices_and_context_window.json or OpenRouter's models list (repeatable; later files win)")
        List<Path> prices = new ArrayList<>();

        @Option(names = "--price-map", paramLabel = "MODEL=ENTRY", description = "price MODEL as the tables' ENTRY (repeatable)")
        List<String> maps = new ArrayList<>();

        @Override
        Doc build(Dataset data) {
            if (prices.isEmpty() && fetch.isEmpty()) {
                throw new CliException(Main.USAGE_ERROR, "give a price table: --prices FILE or --fetch-prices litellm|openrouter|URL", null);
            }
            io.tokenmetrics.cost.PriceTable table = Costs.table(prices, fetch, maps);
            Doc doc = new Doc("prices");
            Table t = doc.table("prices", "model", "entry", "rule", "input_per_m", "output_per_m", "cache_read_per_m", "cache_write_per_m", "source");
            for (String m : models) {
                java.util.Optional<io.tokenmetrics.cost.PriceMatch> match = table.match(m);
                if (!match.isPresent()) {
                    // never $0: the model is named, with what it could have been
                    List<String> c = table.candidates(m);
                    err().println("token-metrics: " + m + ": no price" + (c.isEmpty() ? "" : " (matches "
                            + String.join(", ", c) + " equally: use --price-map " + m + "=ENTRY)"));
                    t.row(Cell.text(m), Cell.text(""), Cell.text(c.isEmpty() ? "none" : "ambiguous"), Cell.number(""), Cell.number(""), Cell.number(""),
                            Cell.number(""), Cell.text(""));
                    continue;
                }
                io.tokenmetrics.cost.ModelPrice p = match.get().price();
                t.row(Cell.text(m), Cell.text(p.key()), Cell.text(match.get().rule().name().toLowerCase(java.util.Locale.ROOT)),
                        Cell.number(perMillion(p.input())), Cell.number(perMillion(p.output())),
                        Cell.number(p.cacheRead().map(Prices::perMillion).orElse("")),
                        Cell.number(p.cacheWrite().map(Prices::perMillion).orElse("")), Cell.text(p.source()));
            }
            return doc;
        }

        /** Dollars per token as dollars per million tokens, exactly: 0.000003 is 3. */
        private static String perMillion(java.math.BigDecimal perToken) {
            return perToken.movePointRight(6).stripTrailingZeros().toPlainString();
        }
    }

    @Command(name = "off-list", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Weeks (periods) off a ranking: for series of one measure, one per model, how many periods each has been"
                    + " off the list at a period. Aliases are folded in first, so a slug change is not a drop.")
    static final class OffList extends Base {
        @Parameters(paramLabel = "SERIES", arity = "1..*", description = "the series of the ranking (an alias finds its series)")
        List<String> ids = new ArrayList<>();

        @Option(names = "--at", paramLabel = "PERIOD", description = "the period to count back from (default: the latest with a value or"
                + " stated off the list)")
        String at;

        @Override
        Doc build(Dataset data) {
            java.util.Map<String, Series> ranking = new java.util.LinkedHashMap<>();
            TimePeriod latest = null;
            for (String id : ids) {
                Series s = data.series(id);
                ranking.putIfAbsent(s.id(), s);
                for (Observation o : s.observations()) {
                    // a period stated off the list is one the data covers, as one with a value
                    if ((o.value().isPresent() || o.listed().isPresent()) && (latest == null || o.period().compareTo(latest) > 0)) {
                        latest = o.period();
                    }
                }
            }
            if (latest == null && at == null) {
                throw new IllegalArgumentException("none of the series has an observation: give --at");
            }
            TimePeriod when = at != null ? period(at, "--at") : latest;
            Doc doc = new Doc("off-list");
            Table t = doc.table("off_list", "series", "at", "periods_off", "last_on");
            for (java.util.Map.Entry<String, Integer> e : calc.periodsOffTheList(new ArrayList<>(ranking.values()), when).entrySet()) {
                TimePeriod last = when;
                for (int i = 0; i < e.getValue(); i++) {
                    last = last.previous();
                }
                t.row(Cell.text(e.getKey()), periodCell(when), Cell.text(e.getValue()), periodCell(last));
            }
            if (t.rows.isEmpty()) {
                doc.notes.add(io.tokenmetrics.internal.Messages.get(lang(), "offlist.none", when));
            }
            return doc;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Compare two series at a period: difference, ratio, shares, leader now and the period before.")
    static final class Compare extends Base {
        @Parameters(index = "0", paramLabel = "SERIES", description = "first series id")
        String first;

        @Parameters(index = "1", paramLabel = "SERIES", description = "second series id")
        String second;

        @Option(names = "--total", paramLabel = "SERIES", description = "a series both are part of")
        String total;

        @Option(names = "--at", paramLabel = "PERIOD", description = "the period (default: the latest both have)")
        String at;

        @Override
        Doc build(Dataset data) {
            Series a = data.series(first);
            Series b = data.series(second);
            Series tot = total == null ? null : data.series(total);
            // with different measures any period will do: compare refuses the mismatch with its own message
            TimePeriod p = at != null ? period(at, "--at")
                    : a.measure() == b.measure() || a.observations().isEmpty() ? latestCommon(a, b) : a.observations().get(0).period();
            Comparison c = calc.compare(a, b, p, tot);
            Doc doc = new Doc("compare");
            Table t = doc.table("comparison", "metric", "value");
            t.row(metric("period", "cmp.period"), periodCell(p));
            t.row(Cell.text(a.id()), Cell.of(c.firstValue(), lang()));
            t.row(Cell.text(b.id()), Cell.of(c.secondValue(), lang()));
            t.row(metric("difference", "cmp.difference"), Cell.of(c.difference(), lang()));
            t.row(metric("ratio", "cmp.ratio"), Cell.of(c.ratio(), lang()));
            if (tot != null) {
                t.row(Cell.text(tot.id()), Cell.of(c.total(), lang()));
                t.row(metric(a.id() + " share of total %", "cmp.share.total", a.id()), Cell.of(c.firstShareOfTotal(), lang()));
                t.row(metric(b.id() + " share of total %", "cmp.share.total", b.id()), Cell.of(c.secondShareOfTotal(), lang()));
            }
            t.row(metric(a.id() + " share of sum %", "cmp.share.sum", a.id()), Cell.of(c.firstShareOfSum(), lang()));
            t.row(metric(b.id() + " share of sum %", "cmp.share.sum", b.id()), Cell.of(c.secondShareOfSum(), lang()));
            t.row(metric("leader", "cmp.leader"), leader(c.leader()));
            t.row(metric(a.id() + " previous", "cmp.previous", a.id()), Cell.of(c.firstPrevious(), lang()));
            String ba = c.firstPreviousBasis().name().toLowerCase(java.util.Locale.ROOT);
            t.row(metric(a.id() + " previous basis", "cmp.previous.basis", a.id()), word(ba, "basis." + ba));
            t.row(metric(b.id() + " previous", "cmp.previous", b.id()), Cell.of(c.secondPrevious(), lang()));
            String bb = c.secondPreviousBasis().name().toLowerCase(java.util.Locale.ROOT);
            t.row(metric(b.id() + " previous basis", "cmp.previous.basis", b.id()), word(bb, "basis." + bb));
            t.row(metric("previous leader", "cmp.previous.leader"), leader(c.previousLeader()));
            t.row(metric("lead changed", "cmp.lead.changed"), c.leadChanged().map(this::yesNo).orElse(word("unknown", "cmp.unknown")));
            return doc;
        }

        /** A metric's stable name (JSON, CSV) and its words for Chinese readers. */
        private Cell metric(String id, String key, Object... args) {
            return Cell.shown(id, lang() == Language.ZH ? io.tokenmetrics.internal.Messages.get(lang(), key, args) : id);
        }

        private static TimePeriod latestCommon(Series a, Series b) {
            for (int i = a.observations().size() - 1; i >= 0; i--) {
                Observation o = a.observations().get(i);
                if (o.value().isPresent() && b.at(o.period()).flatMap(Observation::value).isPresent()) {
                    return o.period();
                }
            }
            throw new IllegalArgumentException("series " + a.id() + " and " + b.id() + " have no period with a value in both");
        }
    }
}
