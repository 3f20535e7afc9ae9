package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.cost.PriceTable;
import io.tokenmetrics.cost.PriceTableException;
import io.tokenmetrics.period.TimePeriod;
import io.tokenmetrics.internal.IoErrors;
import io.tokenmetrics.internal.Text;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cost_usd column of {@code usage}: groups by model priced, then added up to the dimensions asked for. */
final class Costs {
    private Costs() {
    }

    /** The tables to fetch: {@code litellm}, {@code openrouter}, or a URL serving either format. */
    static PriceTable fetched(List<String> sources) {
        PriceTable table = null;
        for (String s : sources) {
            String url = s.equals("litellm") ? PriceTable.LITELLM_URL : s.equals("openrouter") ? PriceTable.OPENROUTER_URL : s;
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new CliException(Main.USAGE_ERROR, "--fetch-prices (" + s + ") must be litellm, openrouter or an http(s) URL", null);
            }
            PriceTable t;
            try {
                t = PriceTable.fetch(url);
            } catch (IOException e) {
                throw new CliException(Main.DATA_ERROR, "cannot fetch prices from " + url + ": " + IoErrors.reason(e)
                        + " (offline? save the table and give it with --prices FILE)", e);
            } catch (PriceTableException e) {
                throw new CliException(Main.DATA_ERROR, e.getMessage(), e);
            }
            table = table == null ? t : table.merge(t);
        }
        return table;
    }

    /** The tables read on another thread ({@link #table}): their error as if read here. */
    static PriceTable await(java.util.concurrent.FutureTask<PriceTable> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Main.INTERNAL_ERROR, "interrupted while reading the price tables", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                // as if thrown here (out of memory on a huge table, say)
                throw (Error) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Fetched tables, then files (later win: files are the user's own corrections), then the mappings. */
    static PriceTable table(List<Path> files, List<String> fetch, List<String> maps) {
        PriceTable table = fetch.isEmpty() ? null : fetched(fetch);
        for (Path p : files) {
            PriceTable t;
            try {
                t = PriceTable.read(p);
            } catch (IOException e) {
                throw new CliException(Main.DATA_ERROR, p + ": " + IoErrors.reason(e), e);
            } catch (PriceTableException e) {
                throw new CliException(Main.DATA_ERROR, e.getMessage(), e);
            }
            table = table == null ? t : table.merge(t);
        }
        for (String m : maps) {
            int eq = m.indexOf('=');
            if (eq <= 0 || eq == m.length() - 1) {
                throw new CliException(Main.USAGE_ERROR, "--price-map (" + m + ") must be MODEL=ENTRY", null);
            }
            table = table.withMapping(m.substring(0, eq), m.substring(eq + 1));
        }
        return table;
    }

    /** One output row: a period and the asked dimensions, with sums over the models in it. */
    private static final class Row {
        final TimePeriod period;
        /** The row's first and last day: its period's, or the whole range's. */
        final String start;
        final String end;
        final List<String> dims;
        long requests;
        boolean requestsKnown = true;
        long input;
        long output;
        long total;
        long cacheRead;
        long cacheWrite;
        long cacheWrite1h;
        long reasoning;
        Quantity cost = Quantity.of(0, Quantity.Unit.USD);
        boolean priced = true;
        java.math.BigDecimal logged = java.math.BigDecimal.ZERO;
        boolean loggedWhole = true;

        Row(TimePeriod period, String start, String end, List<String> dims) {
            this.period = period;
            this.start = start;
            this.end = end;
            this.dims = dims;
        }
    }

    /**
     * Adds the rows of {@code r} (grouped by {@code by} and model) to {@code t}, summed over
     * models to {@code by}, with their cost. A group with a model that has no price, or with a
     * price per request but no request count, has no cost: empty, never $0, and the model is
     * named on {@code err} once. With {@code save} non-null, the cost series are added to it
     * (see {@link #costSeries}). Returns the number of rows.
     */
    static int rows(UsageResult r, List<String> by, PriceTable table, Table t, PrintWriter err, java.math.BigDecimal seat,
            java.math.BigDecimal fee, List<io.tokenmetrics.data.Series> save, boolean oneHour, boolean whole, io.tokenmetrics.amount.Language lang) {
        // the whole range (--period all): one row per combination of the dimensions, from the first day to the last
        String first = null;
        String last = null;
        for (UsageGroup g : r.groups()) {
            String s = g.period().start().toString();
            String e = g.period().end().toString();
            first = first == null || s.compareTo(first) < 0 ? s : first;
            last = last == null || e.compareTo(last) > 0 ? e : last;
        }
        io.tokenmetrics.cost.UsageCost priced = table == null ? null : io.tokenmetrics.cost.UsageCost.of(r, table);
        for (String n : priced == null ? java.util.Collections.<String>emptyList() : priced.notes(lang)) {
            err.println("token-metrics: " + Text.escape(n));
        }
        Map<String, Row> rows = new TreeMap<>();
        boolean logs = logsCost(r);
        long withoutLogged = 0;
        for (UsageGroup g : r.groups()) {
            List<String> dims = new ArrayList<>();
            for (String d : by) {
                dims.add(g.dimensions().get(r.dimensions().indexOf(d)));
            }
            String key = (whole ? "" : g.period().start()) + "\u0000" + String.join("\u0000", dims);
            String from = whole ? first : g.period().start().toString();
            String to = whole ? last : g.period().end().toString();
            Row row = rows.computeIfAbsent(key, k -> new Row(g.period(), from, to, dims));
            if (g.loggedCost().isPresent()) {
                row.logged = row.logged.add(g.loggedCost().get());
            } else {
                row.loggedWhole = false;
                withoutLogged += g.rowsWithoutLoggedCost();
            }
            row.requestsKnown &= g.requests().isPresent();
            row.requests += g.requests().orElse(0);
            row.input = Math.addExact(row.input, g.inputTokens());
            row.output = Math.addExact(row.output, g.outputTokens());
            row.total = Math.addExact(row.total, g.totalTokens());
            row.cacheRead = Math.addExact(row.cacheRead, g.cacheReadTokens());
            row.cacheWrite = Math.addExact(row.cacheWrite, g.cacheWriteTokens());
            row.cacheWrite1h = Math.addExact(row.cacheWrite1h, g.cacheWrite1hTokens());
            row.reasoning = Math.addExact(row.reasoning, g.reasoningTokens());
            if (priced == null) {
                continue;
            }
            java.util.Optional<Quantity> cost = priced.cost(g);
            if (cost.isPresent()) {
                row.cost = row.cost.plus(cost.get());
            } else {
                row.priced = false;
            }
        }
        if (withoutLogged > 0) {
            err.println("token-metrics: " + (withoutLogged == 1 ? io.tokenmetrics.internal.Messages.get(lang, "cost.nologged.one")
                    : io.tokenmetrics.internal.Messages.get(lang, "cost.nologged", withoutLogged)));
        }
        for (Row row : rows.values()) {
            List<Cell> cells = UsageCommand.cells(row.start, row.end, row.dims, row.requestsKnown ? Long.toString(row.requests) : "", row.input, row.output,
                    row.total, row.cacheRead, row.cacheWrite, oneHour ? row.cacheWrite1h : -1, row.reasoning);
            if (table != null) {
                cells.add(row.priced ? Cell.amount(row.cost, dollars(row.cost)) : Cell.number(""));
            }
            if (logs) {
                cells.add(Cell.number(row.loggedWhole ? row.logged.stripTrailingZeros().toPlainString() : ""));
                Quantity difference = row.loggedWhole && row.priced ? Quantity.of(row.logged, Quantity.Unit.USD).minus(row.cost, Quantity.Unit.USD) : null;
                cells.add(difference == null ? Cell.number("") : Cell.amount(difference, dollars(difference)));
            }
            if (seat != null) {
                if (row.priced) {
                    io.tokenmetrics.cost.PlanComparison c = io.tokenmetrics.cost.PlanComparison.of(
                            Quantity.of(seat, Quantity.Unit.USD), Quantity.of(fee, Quantity.Unit.USD), row.cost);
                    cells.add(Cell.amount(c.usagePlan(), dollars(c.usagePlan())));
                    cells.add(Cell.number(seat.stripTrailingZeros().toPlainString()));
                    cells.add(Cell.text(c.cheaper().name().toLowerCase(java.util.Locale.ROOT)));
                    cells.add(c.multiple().map(m -> Cell.amount(m.isPoint() ? Quantity.of(new java.math.BigDecimal(multiple(m)), m.unit()) : m, multiple(m)))
                            .orElse(Cell.number("")));
                } else {
                    cells.add(Cell.number(""));
                    cells.add(Cell.number(seat.stripTrailingZeros().toPlainString()));
                    cells.add(Cell.text(""));
                    cells.add(Cell.number(""));
                }
            }
            t.row(cells.toArray(new Cell[0]));
        }
        if (save != null) {
            save.addAll(costSeries(new ArrayList<>(rows.values()), by, r.periodType()));
        }
        return rows.size();
    }

    /** Whether a source of the run logs its own cost: then logged_cost_usd and cost_difference_usd follow cost_usd. */
    static boolean logsCost(UsageResult r) {
        for (UsageGroup g : r.groups()) {
            if (g.loggedCost().isPresent() || g.rowsWithoutLoggedCost() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code usage-cost-<dims>} per combination of the dimensions and {@code usage-cost-all}, in
     * usd/day, usd/week or usd/month, so that changes, compare and chart work on spend. A period
     * without a cost (an unpriced model in it) has no observation, and the series' note names it.
     */
    private static List<io.tokenmetrics.data.Series> costSeries(List<Row> rows, List<String> by, io.tokenmetrics.period.PeriodType period) {
        io.tokenmetrics.data.Measure m = period == io.tokenmetrics.period.PeriodType.DAY ? io.tokenmetrics.data.Measure.USD_PER_DAY
                : period == io.tokenmetrics.period.PeriodType.WEEK ? io.tokenmetrics.data.Measure.USD_PER_WEEK : io.tokenmetrics.data.Measure.USD_PER_MONTH;
        Map<String, List<Row>> byDims = new TreeMap<>();
        Map<TimePeriod, Quantity> all = new TreeMap<>();
        java.util.Set<TimePeriod> allUnpriced = new java.util.TreeSet<>();
        for (Row row : rows) {
            if (!by.isEmpty()) {
                byDims.computeIfAbsent(String.join("-", row.dims), k -> new ArrayList<>()).add(row);
            }
            if (row.priced) {
                all.merge(row.period, row.cost, Quantity::plus);
            } else {
                allUnpriced.add(row.period);
            }
        }
        for (TimePeriod p : allUnpriced) {
            all.remove(p);
        }
        List<io.tokenmetrics.data.Series> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        ids.add("usage-cost-all");
        for (Map.Entry<String, List<Row>> e : byDims.entrySet()) {
            String id = "usage-cost-" + io.tokenmetrics.internal.Ids.from(e.getKey());
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
            List<io.tokenmetrics.data.Observation> obs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Row row : e.getValue()) {
                if (row.priced) {
                    obs.add(io.tokenmetrics.data.Observation.of(row.period, row.cost));
                } else {
                    missing.add(row.period.toString());
                }
            }
            StringBuilder subject = new StringBuilder("Cost");
            for (int i = 0; i < by.size(); i++) {
                subject.append(i == 0 ? ": " : ", ").append(by.get(i)).append('=').append(e.getValue().get(0).dims.get(i));
            }
            out.add(io.tokenmetrics.data.Series.builder(unique, m).subject(subject.toString()).note(note(missing)).observations(obs).build());
        }
        List<io.tokenmetrics.data.Observation> totals = new ArrayList<>();
        for (Map.Entry<TimePeriod, Quantity> e : all.entrySet()) {
            totals.add(io.tokenmetrics.data.Observation.of(e.getKey(), e.getValue()));
        }
        List<String> missing = new ArrayList<>();
        for (TimePeriod p : allUnpriced) {
            missing.add(p.toString());
        }
        out.add(io.tokenmetrics.data.Series.builder("usage-cost-all", m).subject("Cost: all rows").note(note(missing)).observations(totals).build());
        return out;
    }

    private static String note(List<String> missing) {
        return "computed from a usage log and price tables" + (missing.isEmpty() ? ""
                : "; no cost for " + String.join(", ", missing) + " (a model without a price)");
    }

    /** A multiple rounded half-up to 2 decimals for reading ("2.00"); a range as "lo..hi". */
    private static String multiple(Quantity q) {
        String lo = q.lower().get().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        return q.isPoint() ? lo : lo + ".." + q.upper().get().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** Exact dollars, a range as "lo..hi" (the bucket's requests may or may not have crossed a 200k tier). */
    private static String dollars(Quantity q) {
        String lo = q.lower().get().stripTrailingZeros().toPlainString();
        return q.isPoint() ? lo : lo + ".." + q.upper().get().stripTrailingZeros().toPlainString();
    }
}
