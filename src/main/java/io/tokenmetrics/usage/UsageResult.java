package io.tokenmetrics.usage;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The groups of an aggregation, sorted by period then dimension values, with what was read and
 * what was skipped. Immutable and thread-safe.
 */
public final class UsageResult {
    private final PeriodType period;
    private final ZoneId zone;
    private final List<String> dimensions;
    private final List<UsageGroup> groups;
    private final long rows;
    private final long blankLines;
    private final long skipped;
    private final Map<String, Long> skippedByReason;
    private final List<String> firstSkipped;
    private final long duplicates;
    private final long withoutUsage;
    private final long placeholders;
    private final long incompleteLastLines;
    private final long outside;
    private final List<String> sources;
    private final java.util.Set<UsageSource> kinds;
    private final List<String> notes;

    private UsageResult(PeriodType period, ZoneId zone, List<String> dimensions, List<UsageGroup> groups, long rows, long blankLines,
            long skipped, Map<String, Long> skippedByReason, List<String> firstSkipped, long duplicates, long withoutUsage,
            long placeholders, long incompleteLastLines, long outside, List<String> sources, java.util.Set<UsageSource> kinds, List<String> notes) {
        this.kinds = kinds;
        this.placeholders = placeholders;
        this.outside = outside;
        this.incompleteLastLines = incompleteLastLines;
        this.duplicates = duplicates;
        this.withoutUsage = withoutUsage;
        this.sources = sources;
        this.notes = notes;
        this.period = period;
        this.zone = zone;
        this.dimensions = dimensions;
        this.groups = groups;
        this.rows = rows;
        this.blankLines = blankLines;
        this.skipped = skipped;
        this.skippedByReason = skippedByReason;
        this.firstSkipped = firstSkipped;
    }

    static UsageResult of(UsageAggregator agg, UsageAggregator.Run run) {
        return of(agg, run, true);
    }

    /** The result of a run; without its groups ({@code groups} false) for a run whose groups are not periods (usage blocks' hours). */
    static UsageResult of(UsageAggregator agg, UsageAggregator.Run run, boolean groups) {
        List<UsageGroup> out = new ArrayList<>();
        // a group may hold rows of an input without a cost field: its logged cost would be partial
        boolean logged = !(run.withCostField && run.withoutCostField);
        // a source whose profile has a cost field but whose rows never carry it logs no cost
        boolean anyLogged = false;
        for (long[] g : run.table.groups.values()) {
            anyLogged |= g[Accumulator.SUMS + Accumulator.LOGGED_ROWS] > 0;
        }
        List<String> notes = new ArrayList<>(run.notes);
        if (!logged) {
            notes.add("no logged cost: some inputs log their own cost and others do not, so a logged sum would leave rows out");
        }
        for (Map.Entry<List<Object>, long[]> e : groups ? run.table.groups.entrySet() : java.util.Collections.<Map.Entry<List<Object>, long[]>>emptySet()) {
            List<Object> k = e.getKey();
            List<String> dims = new ArrayList<>();
            for (int i = 1; i < k.size(); i++) {
                dims.add((String) k.get(i));
            }
            out.add(UsageGroup.of(period(agg.periodType(), (Integer) k.get(0)), dims, e.getValue(), logged ? run.table.logged.get(k) : null, anyLogged));
        }
        out.sort((a, b) -> {
            int c = a.period().compareTo(b.period());
            for (int i = 0; c == 0 && i < a.dimensions().size(); i++) {
                c = io.tokenmetrics.internal.Text.compareCodePoints(a.dimensions().get(i), b.dimensions().get(i));
            }
            return c;
        });
        Problems problems = run.problems;
        UsageResult r = new UsageResult(agg.period(), agg.zone(), agg.by(), Collections.unmodifiableList(out), run.rows, run.blank, problems.total,
                Collections.unmodifiableMap(new LinkedHashMap<>(problems.byKind)), Collections.unmodifiableList(new ArrayList<>(problems.firstMessages)),
                run.duplicates, run.notUsage, run.placeholders, run.incompleteLastLines, run.outside, Collections.unmodifiableList(new ArrayList<>(run.sources)),
                Collections.unmodifiableSet(java.util.EnumSet.copyOf(run.kinds)),
                Collections.unmodifiableList(notes));
        r.filesReadInParts = run.filesInParts;
        return r;
    }

    /** Inputs read in parts on several threads: for the tests that compare the ways of reading; set once, by {@link #of}. */
    long filesReadInParts;

    static TimePeriod period(PeriodType type, int index) {
        switch (type) {
            case DAY: return TimePeriod.day(LocalDate.ofEpochDay(index));
            case WEEK: return TimePeriod.weekOf(LocalDate.ofEpochDay(index * 7L - 3));
            default: return TimePeriod.month(YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1));
        }
    }

    /**
     * The period type.
     *
     * @return the period type
     */
    public PeriodType periodType() {
        return period;
    }

    /**
     * The zone periods were cut in.
     *
     * @return the zone periods were cut in
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The dimension names.
     *
     * @return the dimension names
     */
    public List<String> dimensions() {
        return dimensions;
    }

    /**
     * The groups, sorted by period, then dimension values.
     *
     * @return the groups, sorted by period, then dimension values
     */
    public List<UsageGroup> groups() {
        return groups;
    }

    /**
     * Records dropped because their request id was seen before (counted once).
     *
     * @return records dropped because their request id was seen before (counted once)
     */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Records that carry no token counts and are not usage (Claude Code's user lines, spans of other work).
     *
     * @return records that carry no token counts and are not usage (Claude Code's user lines, spans of other work)
     */
    public long recordsWithoutUsage() {
        return withoutUsage;
    }

    /**
     * Each JSON input and the source it was read as, as {@code file: source}.
     *
     * @return each JSON input and the source it was read as, as {@code file: source}
     */
    public List<String> sources() {
        return sources;
    }

    /**
     * Notes on the inputs, such as a file named twice and read once.
     *
     * @return notes on the inputs, such as a file named twice and read once
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * Rows counted.
     *
     * @return rows counted
     */
    public long rows() {
        return rows;
    }

    /**
     * Placeholder records: all-zero usage written for a request that failed (Claude Code's
     * {@code <synthetic>} lines with {@code isApiErrorMessage}). Not requests, not rows, and
     * never in need of a price.
     *
     * @return placeholder records read
     */
    public long placeholders() {
        return placeholders;
    }

    /**
     * Good records left out because they are dated outside the days asked for
     * ({@link UsageAggregator.Builder#since}, {@link UsageAggregator.Builder#until}).
     *
     * @return records outside the dates
     */
    public long outsideDates() {
        return outside;
    }

    /**
     * The sources the records were read as (the vendors whose rules counted them), whatever the
     * inputs.
     *
     * @return the sources read, in the order of {@link UsageSource}
     */
    public java.util.Set<UsageSource> sourcesRead() {
        return kinds;
    }

    /**
     * Files whose last line was cut short: malformed JSON on the last line of a JSON Lines file
     * (one that ends inside a value or without a closing bracket) is a write that did not finish, as when an agent is stopped or its log
     * is read while being written. Counted here, not as a bad row; a malformed line anywhere else
     * is bad.
     *
     * @return files whose last line was incomplete
     */
    public long incompleteLastLines() {
        return incompleteLastLines;
    }

    /**
     * Blank lines, ignored.
     *
     * @return blank lines, ignored
     */
    public long blankLines() {
        return blankLines;
    }

    /**
     * Rows skipped as bad (only with skip-bad; otherwise the first one stops the aggregation).
     *
     * @return rows skipped as bad (only with skip-bad; otherwise the first one stops the aggregation)
     */
    public long skipped() {
        return skipped;
    }

    /**
     * Skipped rows by reason.
     *
     * @return skipped rows by reason
     */
    public Map<String, Long> skippedByReason() {
        return skippedByReason;
    }

    /**
     * The first few skipped rows, as {@code file:line: reason}.
     *
     * @return the first few skipped rows, as {@code file:line: reason}
     */
    public List<String> firstSkipped() {
        return firstSkipped;
    }

    /**
     * The groups as a dataset: one series of total tokens per combination of dimension values,
     * {@code <prefix>-<values>} in kebab case, plus {@code <prefix>-all}, the total over all
     * combinations. Measure tokens/day, /week or /month by the period type; the region is the value
     * of a {@code region} dimension when there is one, else GLOBAL.
     *
     * @param prefix the id prefix
     * @return the groups as a dataset: one series of total tokens per combination of dimension values, {@code
     *     <prefix>-<values>} in kebab case, plus {@code <prefix>-all}, the total over all combinations; a
     *     combination whose id is taken (a value {@code all}, two values that make one id) gets {@code -2}, {@code -3}…
     */
    public Dataset toDataset(String prefix) {
        Map<List<String>, List<Observation>> byDims = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        Map<TimePeriod, BigInteger> all = new TreeMap<>();
        for (UsageGroup g : groups) {
            byDims.computeIfAbsent(g.dimensions(), k -> new ArrayList<>())
                    .add(Observation.of(g.period(), Quantity.of(g.totalTokens(), Quantity.Unit.TOKENS)));
            all.merge(g.period(), BigInteger.valueOf(g.totalTokens()), BigInteger::add);
        }
        Measure m = period == PeriodType.DAY ? Measure.TOKENS_PER_DAY : period == PeriodType.WEEK ? Measure.TOKENS_PER_WEEK : Measure.TOKENS_PER_MONTH;
        List<Series> series = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int regionDim = dimensions.indexOf("region");
        String base = io.tokenmetrics.internal.Ids.from(prefix);
        // the total's id is taken first: a dimension value "all" becomes <prefix>-all-2
        ids.add(base + "-all");
        if (!dimensions.isEmpty()) {
            for (Map.Entry<List<String>, List<Observation>> e : byDims.entrySet()) {
                String id = base + "-" + io.tokenmetrics.internal.Ids.from(String.join("-", e.getKey()));
                String unique = id;
                for (int n = 2; !ids.add(unique); n++) {
                    unique = id + "-" + n;
                }
                StringBuilder subject = new StringBuilder("Usage");
                for (int i = 0; i < dimensions.size(); i++) {
                    subject.append(i == 0 ? ": " : ", ").append(dimensions.get(i)).append('=').append(e.getKey().get(i));
                }
                String region = regionDim >= 0 ? region(e.getKey().get(regionDim)) : "GLOBAL";
                series.add(Series.builder(unique, m).subject(subject.toString()).region(region).note("aggregated from a usage log, " + zone)
                        .observations(e.getValue()).build());
            }
        }
        List<Observation> totals = new ArrayList<>();
        for (Map.Entry<TimePeriod, BigInteger> e : all.entrySet()) {
            totals.add(Observation.of(e.getKey(), Quantity.of(new BigDecimal(e.getValue()), Quantity.Unit.TOKENS)));
        }
        series.add(Series.builder(base + "-all", m).subject("Usage: all rows").note("aggregated from a usage log, " + zone)
                .observations(totals).build());
        return Dataset.of(series);
    }

    private static String region(String v) {
        String x = v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]+", "_").replaceAll("^_+", "");
        return x.isEmpty() || !Character.isLetter(x.charAt(0)) ? "R_" + x : x;
    }
}
