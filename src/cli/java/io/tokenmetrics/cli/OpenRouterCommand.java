package io.tokenmetrics.cli;

import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.openrouter.OpenRouterClient;
import io.tokenmetrics.openrouter.RankingsData;
import io.tokenmetrics.openrouter.RegionTable;
import io.tokenmetrics.openrouter.WeeklyRankings;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "openrouter", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        description = "Weekly China-US table and rankings from OpenRouter's Data API (saved responses, or --fetch with OPENROUTER_API_KEY).")
final class OpenRouterCommand extends Commands.Base {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "saved rankings-daily responses (JSON)")
    List<Path> files = new ArrayList<>();

    /** --from and --to, both required with --fetch. */
    private LocalDate[] window() {
        if (from == null || to == null) {
            throw new CliException(Main.USAGE_ERROR, "--fetch needs --from and --to (YYYY-MM-DD)", null);
        }
        try {
            return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
        } catch (DateTimeParseException e) {
            throw new CliException(Main.USAGE_ERROR, "--from/--to: " + e.getMessage(), e);
        }
    }

    private OpenRouterClient client() {
        return OpenRouterClient.create(baseUrl, System.getenv("OPENROUTER_API_KEY"), windowDays, minInterval);
    }

    private Doc apps() {
        List<io.tokenmetrics.openrouter.AppRankings> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.add(io.tokenmetrics.openrouter.AppRankings.read(f));
            } catch (java.io.IOException e) {
                throw new CliException(Main.DATA_ERROR, f + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
            }
        }
        if (fetch) {
            LocalDate[] window = window();
            if (top > 100) {
                throw new CliException(Main.USAGE_ERROR, "--top (" + top + ") must be <= 100 with --apps --fetch: the API returns at most 100 apps",
                        null);
            }
            all.add(client().fetchApps(window[0], window[1], top));
        } else if (files.isEmpty()) {
            throw new CliException(Main.USAGE_ERROR, "give saved app-rankings FILEs, or --fetch --from DATE --to DATE", null);
        }
        Doc doc = new Doc("openrouter");
        Table t = doc.table("apps", "start", "end", "rank", "app", "app_id", "tokens", "requests", "share_of_listed_percent", "source");
        for (io.tokenmetrics.openrouter.AppRankings r : all) {
            long listed = r.listedTokens();
            int shown = 0;
            for (io.tokenmetrics.openrouter.AppRankings.App a : r.apps()) {
                if (shown++ == top) {
                    break;
                }
                // the share of what the response lists: hidden, private and unlisted apps are not in it
                java.math.BigDecimal share = listed == 0 ? null : java.math.BigDecimal.valueOf(a.tokens()).multiply(java.math.BigDecimal.valueOf(100))
                        .divide(java.math.BigDecimal.valueOf(listed), 2, java.math.RoundingMode.HALF_UP);
                t.row(Cell.text(r.startDate()), Cell.text(r.endDate()), Cell.text(a.rank()), Cell.text(a.name()), Cell.text(a.id()),
                        Cell.text(a.tokens()), Cell.text(a.requests()), Cell.number(share == null ? "" : share.toPlainString()), Cell.text(r.citation()));
            }
        }
        doc.notes.add(io.tokenmetrics.internal.Messages.get(common.lang, "openrouter.apps.share"));
        return doc;
    }

    @Option(names = "--fetch", description = "fetch from the API with the key in OPENROUTER_API_KEY")
    boolean fetch;

    @Option(names = "--from", paramLabel = "DATE", description = "first day to fetch (YYYY-MM-DD)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day to fetch (YYYY-MM-DD)")
    String to;

    @Option(names = "--window-days", defaultValue = "7", paramLabel = "N", description = "days per request (default: ${DEFAULT-VALUE})")
    int windowDays;

    @Option(names = "--base-url", hidden = true, defaultValue = OpenRouterClient.DEFAULT_BASE_URL)
    String baseUrl;

    @Option(names = "--min-interval-ms", hidden = true, defaultValue = "2000")
    long minInterval;

    @Option(names = "--regions", paramLabel = "FILE", description = "author=REGION overrides of the bundled table")
    Path regions;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "ranking rows to show (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--save", paramLabel = "FILE", description = "write the weekly series as a dataset that --data reads")
    Path save;

    @Option(names = "--period", defaultValue = "day", paramLabel = "day|week", description = "day (default) or week: with week, FILEs are"
            + " period=week responses and --fetch asks for weeks' buckets (--from a Monday, --to a Sunday; far fewer requests)")
    String period;

    @Option(names = "--apps", description = "the top apps instead: FILEs are app-rankings responses, or --fetch fetches the apps of"
            + " --from..--to (at most --top, up to 100)")
    boolean apps;

    @Override
    Doc build(Dataset data) {
        if (top < 1) {
            throw new CliException(Main.USAGE_ERROR, "--top (" + top + ") must be >= 1", null);
        }
        if (apps) {
            return apps();
        }
        if (!period.equals("day") && !period.equals("week")) {
            throw new CliException(Main.USAGE_ERROR, "--period (" + period + ") must be day or week", null);
        }
        boolean weeks = period.equals("week");
        RankingsData rows = RankingsData.empty();
        for (Path f : files) {
            try {
                rows = rows.merge(weeks ? RankingsData.readWeeks(f) : RankingsData.read(f));
            } catch (java.io.IOException e) {
                throw new CliException(Main.DATA_ERROR, f + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
            }
        }
        if (fetch) {
            LocalDate[] window = window();
            OpenRouterClient client = client();
            rows = rows.merge(weeks ? client.fetchWeeks(window[0], window[1]) : client.fetch(window[0], window[1]));
        } else if (files.isEmpty()) {
            throw new CliException(Main.USAGE_ERROR, "give saved response FILEs, or --fetch --from DATE --to DATE", null);
        }
        RegionTable table = RegionTable.bundled();
        if (regions != null) {
            try {
                table = table.withOverrides(regions);
            } catch (java.io.IOException e) {
                throw new CliException(Main.DATA_ERROR, regions + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
            }
        }
        WeeklyRankings w;
        try {
            w = WeeklyRankings.of(rows, table);
        } catch (io.tokenmetrics.openrouter.OpenRouterException e) {
            // a week's sum past the limit: name the responses it was summed from
            List<String> names = new ArrayList<>();
            files.forEach(f -> names.add(f.toString()));
            if (fetch) {
                names.add("the fetched responses");
            }
            throw new CliException(Main.DATA_ERROR, String.join(", ", names) + ": " + e.getMessage(), e);
        }
        Doc doc = new Doc("openrouter");
        Table weekly = doc.table("weekly", "week", "days", "partial", "total", "cn", "us", "other_regions", "other", "cn_share_percent",
                "us_share_percent", "cn_wow_percent", "us_wow_percent", "total_wow_percent", "leader", "source");
        Map<String, Long> unmapped = new TreeMap<>();
        List<String> partial = new ArrayList<>();
        for (WeeklyRankings.Week k : w.weeks()) {
            long cn = k.regions().getOrDefault("CN", 0L);
            long us = k.regions().getOrDefault("US", 0L);
            long others = 0;
            for (Map.Entry<String, Long> r : k.regions().entrySet()) {
                if (!r.getKey().equals("CN") && !r.getKey().equals("US")) {
                    others += r.getValue();
                }
            }
            // the figures are the library's, exact; only their display is rounded here (half-up to 0.01)
            weekly.row(periodCell(k.period()), Cell.text(k.days()), yesNo(k.isPartial()), Cell.text(k.total()), Cell.text(cn), Cell.text(us),
                    Cell.text(others), Cell.text(k.other()), Cell.number(pct(WeeklyRankings.share(k, "CN"))),
                    Cell.number(pct(WeeklyRankings.share(k, "US"))), Cell.number(pct(w.regionChange(k, "CN"))),
                    Cell.number(pct(w.regionChange(k, "US"))), Cell.number(pct(w.totalChange(k))),
                    leader(WeeklyRankings.leader(k, "CN", "US")), citation(w));
            k.unmappedAuthors().forEach((a, v) -> unmapped.merge(a, v, Long::sum));
            if (k.isPartial()) {
                partial.add(io.tokenmetrics.internal.Messages.get(common.lang, "openrouter.partialweek", k.period(), k.days()));
            }
        }
        WeeklyRankings.Week latest = null;
        for (WeeklyRankings.Week k : w.weeks()) {
            if (!k.isPartial()) {
                latest = k;
            }
        }
        Table ranking = doc.table("rankings", "week", "rank", "model", "region", "tokens", "previous_rank", "movement");
        if (latest != null) {
            int n = 0;
            for (WeeklyRankings.Entry e : latest.entries()) {
                if (n++ >= top) {
                    break;
                }
                String move = e.movement().map(m -> m == 0 ? "same" : m > 0 ? "up " + m : "down " + -m).orElse("new");
                Cell moveCell = Cell.shown(move, e.movement().map(m -> m == 0 ? msg("openrouter.move.same") : m > 0 ? msg("openrouter.move.up", m)
                        : msg("openrouter.move.down", -m)).orElse(msg("openrouter.move.new")));
                ranking.row(periodCell(latest.period()), Cell.text(e.rank()), Cell.text(e.permaslug()), Cell.text(e.region()), Cell.text(e.tokens()),
                        Cell.number(e.previousRank() == null ? "" : e.previousRank().toString()), moveCell);
            }
            for (Map.Entry<String, Integer> off : w.offTheRanking().entrySet()) {
                String d = off.getKey();
                boolean dropped = off.getValue() == 1 && latest.dropped().contains(d);
                String move = dropped ? "dropped off" : "off the ranking " + off.getValue() + " week" + (off.getValue() == 1 ? "" : "s");
                Cell moveCell = Cell.shown(move, dropped ? msg("openrouter.move.dropped") : msg("openrouter.move.off", off.getValue()));
                ranking.row(periodCell(latest.period()), Cell.number(""), Cell.text(d), Cell.text(table.region(d.contains("/") ? d.substring(0, d.indexOf('/')) : d)
                        .orElse(WeeklyRankings.UNMAPPED)), Cell.text(0), Cell.number(""), moveCell);
            }
        }
        doc.notes.add(citation(w).display);
        if (!partial.isEmpty()) {
            doc.notes.add(io.tokenmetrics.internal.Messages.get(common.lang, "openrouter.partial", String.join(", ", partial)));
        }
        if (!unmapped.isEmpty()) {
            doc.notes.add(io.tokenmetrics.internal.Messages.get(common.lang, "openrouter.unmapped", unmapped));
        }
        if (save != null) {
            try (OutputStream out = Files.newOutputStream(save)) {
                w.toDataset().write(out);
            } catch (IOException e) {
                throw new CliException(Main.DATA_ERROR, "cannot write " + save + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
            }
            doc.notes.add(io.tokenmetrics.internal.Messages.get(common.lang, "saved", save));
        }
        if (common.format == Format.CSV) {
            err().println("token-metrics: " + w.citation());
        }
        return doc;
    }

    /** The citation every figure carries: OpenRouter's wording in JSON and CSV, in the reader's language for people. */
    private Cell citation(WeeklyRankings w) {
        return Cell.shown(w.citation(), common.lang == io.tokenmetrics.amount.Language.ZH ? msg("openrouter.citation", w.asOf()) : w.citation());
    }

    private String msg(String key, Object... args) {
        return io.tokenmetrics.internal.Messages.get(common.lang, key, args);
    }

    /** An exact percentage, rounded half-up to 0.01 for display; empty when there is none. */
    private static String pct(java.util.Optional<io.tokenmetrics.amount.Quantity> q) {
        return q.map(x -> x.value().setScale(2, RoundingMode.HALF_UP).toPlainString()).orElse("");
    }
}
