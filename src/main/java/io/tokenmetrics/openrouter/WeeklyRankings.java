package io.tokenmetrics.openrouter;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.data.Source;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OpenRouter's daily rows as ISO weeks (UTC): totals per region, author and model, weekly
 * rankings with rank changes, new entries and models that dropped off. A week with fewer than 7
 * days of data is partial: it is reported, never compared as if whole, and left out of the series.
 * Authors the region table does not know are reported as {@code UNMAPPED}, never dropped.
 * Immutable.
 */
public final class WeeklyRankings {
    /** The region of authors the table does not map. */
    public static final String UNMAPPED = "UNMAPPED";

    /** One model in one week. */
    public static final class Entry {
        private final String permaslug;
        private final String region;
        private final long tokens;
        private final int rank;
        private final Integer previousRank;

        Entry(String permaslug, String region, long tokens, int rank, Integer previousRank) {
            this.permaslug = permaslug;
            this.region = region;
            this.tokens = tokens;
            this.rank = rank;
            this.previousRank = previousRank;
        }

        /**
         * Places gained since the previous whole week: positive up, negative down, 0 the same;
         * empty for a new entry.
         *
         * @return the movement, if the model was ranked the week before
         */
        public java.util.Optional<Integer> movement() {
            return previousRank == null ? java.util.Optional.empty() : java.util.Optional.of(previousRank - rank);
        }

        /**
         * The model.
         *
         * @return the model
         */
        public String permaslug() {
            return permaslug;
        }

        /**
         * The author's region, or {@link #UNMAPPED}.
         *
         * @return the author's region, or {@link #UNMAPPED}
         */
        public String region() {
            return region;
        }

        /**
         * Tokens in the week (sum of the days the model was in the daily top 50).
         *
         * @return tokens in the week (sum of the days the model was in the daily top 50)
         */
        public long tokens() {
            return tokens;
        }

        /**
         * Rank in the week, 1 = most tokens.
         *
         * @return rank in the week, 1 = most tokens
         */
        public int rank() {
            return rank;
        }

        /**
         * Rank the week before, or null if it was not ranked then (a new entry) or that week is not whole.
         *
         * @return rank the week before, or null if it was not ranked then (a new entry) or that week is not whole
         */
        public Integer previousRank() {
            return previousRank;
        }
    }

    /** One ISO week. */
    public static final class Week {
        private final TimePeriod period;
        private final int days;
        private final long total;
        private final long other;
        private final Map<String, Long> regions;
        private final Map<String, Long> authors;
        private final Map<String, Long> unmappedAuthors;
        private final List<Entry> entries;
        private final List<String> dropped;

        Week(TimePeriod period, int days, long total, long other, Map<String, Long> regions, Map<String, Long> authors,
                Map<String, Long> unmappedAuthors, List<Entry> entries, List<String> dropped) {
            this.period = period;
            this.days = days;
            this.total = total;
            this.other = other;
            this.regions = Collections.unmodifiableMap(regions);
            this.authors = Collections.unmodifiableMap(authors);
            this.unmappedAuthors = Collections.unmodifiableMap(unmappedAuthors);
            this.entries = Collections.unmodifiableList(entries);
            this.dropped = Collections.unmodifiableList(dropped);
        }

        /**
         * The week.
         *
         * @return the week
         */
        public TimePeriod period() {
            return period;
        }

        /**
         * Days of the week whose data is whole: top models and the {@code other} row (7 for a whole week).
         *
         * @return days of the week whose data is whole: top models and the {@code other} row (7 for a whole week)
         */
        public int days() {
            return days;
        }

        /**
         * Whether some days have no data.
         *
         * @return whether some days have no data
         */
        public boolean isPartial() {
            return days < 7;
        }

        /**
         * All tokens of the week, {@code other} included.
         *
         * @return all tokens of the week, {@code other} included
         */
        public long total() {
            return total;
        }

        /**
         * Tokens of the {@code other} rows (models outside the daily top 50).
         *
         * @return tokens of the {@code other} rows (models outside the daily top 50)
         */
        public long other() {
            return other;
        }

        /**
         * Tokens by region of the listed models ({@link #UNMAPPED} for unknown authors).
         *
         * @return tokens by region of the listed models ({@link #UNMAPPED} for unknown authors)
         */
        public Map<String, Long> regions() {
            return regions;
        }

        /**
         * Tokens by author.
         *
         * @return tokens by author
         */
        public Map<String, Long> authors() {
            return authors;
        }

        /**
         * Authors without a region, with their tokens.
         *
         * @return authors without a region, with their tokens
         */
        public Map<String, Long> unmappedAuthors() {
            return unmappedAuthors;
        }

        /**
         * Models by rank.
         *
         * @return models by rank
         */
        public List<Entry> entries() {
            return entries;
        }

        /**
         * Models ranked the week before (if whole) that are not ranked this week: "fell off the ranking".
         *
         * @return models ranked the week before (if whole) that are not ranked this week: "fell off the ranking"
         */
        public List<String> dropped() {
            return dropped;
        }
    }

    private final List<Week> weeks;
    private final String citation;
    private final String asOf;

    private WeeklyRankings(List<Week> weeks, String citation, String asOf) {
        this.weeks = Collections.unmodifiableList(weeks);
        this.citation = citation;
        this.asOf = asOf;
    }

    /**
     * The weeks of {@code data}, regions from {@code table}.
     *
     * @param data the data
     * @param table the region table
     * @return the weeks of {@code data}, regions from {@code table}
     */
    public static WeeklyRankings of(RankingsData data, RegionTable table) {
        Map<TimePeriod, List<DailyRow>> byWeek = new TreeMap<>();
        for (DailyRow r : data.rows()) {
            byWeek.computeIfAbsent(TimePeriod.weekOf(r.date()), k -> new ArrayList<>()).add(r);
        }
        List<Week> weeks = new ArrayList<>();
        Week previous = null;
        for (Map.Entry<TimePeriod, List<DailyRow>> e : byWeek.entrySet()) {
            Set<LocalDate> days = new TreeSet<>();
            // a day's total is known only with its other row (everything outside the top 50)
            Set<LocalDate> whole = new TreeSet<>();
            String week = e.getKey().toString();
            long total = 0;
            long other = 0;
            Map<String, Long> regions = new TreeMap<>();
            Map<String, Long> authors = new TreeMap<>();
            Map<String, Long> unmapped = new TreeMap<>();
            Map<String, Long> models = new TreeMap<>();
            for (DailyRow r : e.getValue()) {
                days.add(r.date());
                total = sum(total, r.totalTokens(), week);
                if (r.permaslug().equals(DailyRow.OTHER)) {
                    other = sum(other, r.totalTokens(), week);
                    // a week's bucket (period=week) stands for the days its request covered
                    whole.addAll(r.coveredDays());
                    continue;
                }
                String region = table.region(r.author()).orElse(UNMAPPED);
                if (region.equals(UNMAPPED)) {
                    unmapped.merge(r.author(), r.totalTokens(), (a, b) -> sum(a, b, week));
                }
                regions.merge(region, r.totalTokens(), (a, b) -> sum(a, b, week));
                authors.merge(r.author(), r.totalTokens(), (a, b) -> sum(a, b, week));
                models.merge(r.permaslug(), r.totalTokens(), (a, b) -> sum(a, b, week));
            }
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(models.entrySet());
            sorted.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()));
            boolean comparable = previous != null && !previous.isPartial() && previous.period().next().equals(e.getKey()) && whole.size() == 7;
            Map<String, Integer> prevRanks = new LinkedHashMap<>();
            if (comparable) {
                for (Entry x : previous.entries()) {
                    prevRanks.put(x.permaslug(), x.rank());
                }
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                String slug = sorted.get(i).getKey();
                String author = slug.indexOf('/') < 0 ? slug : slug.substring(0, slug.indexOf('/'));
                entries.add(new Entry(slug, table.region(author).orElse(UNMAPPED), sorted.get(i).getValue(), i + 1,
                        comparable ? prevRanks.get(slug) : null));
            }
            List<String> dropped = new ArrayList<>();
            if (comparable) {
                for (String slug : prevRanks.keySet()) {
                    if (!models.containsKey(slug)) {
                        dropped.add(slug);
                    }
                }
            }
            Week w = new Week(e.getKey(), whole.size(), total, other, regions, authors, unmapped, entries, dropped);
            weeks.add(w);
            previous = w;
        }
        return new WeeklyRankings(weeks, data.citation(), data.asOf());
    }

    private static long sum(long a, long b, String week) {
        long s = a + b;
        if (((a ^ s) & (b ^ s)) < 0) {
            throw new OpenRouterException("the tokens of " + week + " pass " + Long.MAX_VALUE + " (" + a + " + " + b
                    + "): refused rather than wrapped");
        }
        return s;
    }

    // ------------------------------------------------------------------ weekly figures, exact

    private static final io.tokenmetrics.calc.Calculator CALC = io.tokenmetrics.calc.Calculator.create();

    private static io.tokenmetrics.amount.Quantity tokens(long n) {
        return io.tokenmetrics.amount.Quantity.of(n, io.tokenmetrics.amount.Quantity.Unit.TOKENS);
    }

    /**
     * The week before {@code week} when both are whole and adjacent: the only pair a week-on-week
     * change is computed from.
     *
     * @param week a week of these rankings
     * @return the previous whole week, if {@code week} is whole and the week before it is too
     */
    public java.util.Optional<Week> previous(Week week) {
        java.util.Objects.requireNonNull(week, "week");
        int i = weeks.indexOf(week);
        if (i <= 0 || week.isPartial()) {
            return java.util.Optional.empty();
        }
        Week p = weeks.get(i - 1);
        return !p.isPartial() && p.period().next().equals(week.period()) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /**
     * A region's tokens in a week: the listed models of its authors; 0 when none was listed.
     *
     * @param week the week
     * @param region a region code such as {@code CN}
     * @return the tokens
     */
    public static long regionTokens(Week week, String region) {
        java.util.Objects.requireNonNull(week, "week");
        java.util.Objects.requireNonNull(region, "region");
        return week.regions().getOrDefault(java.util.Objects.requireNonNull(region, "region"), 0L);
    }

    /**
     * A region's share of the week's total, in percent, exact (the Calculator's division).
     *
     * @param week the week
     * @param region a region code
     * @return the share; empty when the total is 0
     */
    public static java.util.Optional<io.tokenmetrics.amount.Quantity> share(Week week, String region) {
        java.util.Objects.requireNonNull(week, "week");
        java.util.Objects.requireNonNull(region, "region");
        if (week.total() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CALC.share(java.util.Collections.singletonList(tokens(regionTokens(week, region))), tokens(week.total()))
                .percent());
    }

    /**
     * The week-on-week change of the week's total, in percent, exact.
     *
     * @param week a week of these rankings
     * @return the change; empty without a previous whole week or when it had no tokens
     */
    public java.util.Optional<io.tokenmetrics.amount.Quantity> totalChange(Week week) {
        return previous(week).filter(p -> p.total() > 0).map(p -> CALC.impliedChange(tokens(p.total()), tokens(week.total())));
    }

    /**
     * The week-on-week change of a region's tokens, in percent, exact.
     *
     * @param week a week of these rankings
     * @param region a region code
     * @return the change; empty without a previous whole week or when the region had no tokens in it
     */
    public java.util.Optional<io.tokenmetrics.amount.Quantity> regionChange(Week week, String region) {
        return previous(week).filter(p -> regionTokens(p, region) > 0)
                .map(p -> CALC.impliedChange(tokens(regionTokens(p, region)), tokens(regionTokens(week, region))));
    }

    /**
     * The week-on-week change of a model's tokens, in percent, exact.
     *
     * @param week a week of these rankings
     * @param permaslug the model
     * @return the change; empty without a previous whole week, or when the model was not ranked in both
     */
    public java.util.Optional<io.tokenmetrics.amount.Quantity> modelChange(Week week, String permaslug) {
        java.util.Objects.requireNonNull(permaslug, "permaslug");
        return previous(week).flatMap(p -> tokensOf(p, permaslug)).flatMap(before -> tokensOf(week, permaslug)
                .map(now -> CALC.impliedChange(tokens(before), tokens(now))));
    }

    private static java.util.Optional<Long> tokensOf(Week w, String permaslug) {
        for (Entry e : w.entries()) {
            if (e.permaslug().equals(permaslug)) {
                return java.util.Optional.of(e.tokens());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Which of two regions had more tokens in the week.
     *
     * @param week the week
     * @param a a region code
     * @param b another region code
     * @return the leading region (by its code) or a tie
     */
    public static io.tokenmetrics.calc.Leader leader(Week week, String a, String b) {
        java.util.Objects.requireNonNull(week, "week");
        java.util.Objects.requireNonNull(a, "a");
        java.util.Objects.requireNonNull(b, "b");
        long x = regionTokens(week, a);
        long y = regionTokens(week, b);
        return x == y ? io.tokenmetrics.calc.Leader.TIE : io.tokenmetrics.calc.Leader.series(x > y ? a : b);
    }

    /** Ids made from names, one per name: two names that make the same id get -2, -3… in name order. */
    private static final class Ids {
        private final Map<String, String> byName = new TreeMap<>();
        private final Set<String> used = new TreeSet<>();

        String of(String prefix, String name) {
            return byName.computeIfAbsent(prefix + "\u0000" + name, k -> {
                String base = prefix + io.tokenmetrics.internal.Ids.from(name);
                String id = base;
                for (int n = 2; !used.add(id); n++) {
                    id = base + "-" + n;
                }
                return id;
            });
        }
    }

    /**
     * Models ranked in some earlier whole week but not in the last whole week, with the number of
     * consecutive whole weeks, ending with the last, in which they were off the ranking ("three
     * weeks off the list"). Empty when there is no whole week.
     *
     * @return models ranked in some earlier whole week but not in the last whole week, with the number of consecutive whole
     *     weeks, ending with the last, in which they were off the ranking ("three weeks off the list")
     */
    public Map<String, Integer> offTheRanking() {
        List<Week> whole = new ArrayList<>();
        for (Week w : weeks) {
            if (!w.isPartial()) {
                whole.add(w);
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        if (whole.isEmpty()) {
            return out;
        }
        Set<String> seen = new TreeSet<>();
        for (Week w : whole) {
            for (Entry e : w.entries()) {
                seen.add(e.permaslug());
            }
        }
        for (String slug : seen) {
            int off = 0;
            for (int i = whole.size() - 1; i >= 0 && !ranked(whole.get(i), slug); i--) {
                // consecutive ISO weeks only: a gap in the data ends the count
                if (i < whole.size() - 1 && !whole.get(i).period().next().equals(whole.get(i + 1).period())) {
                    break;
                }
                off++;
            }
            if (off > 0) {
                out.put(slug, off);
            }
        }
        return out;
    }

    private static boolean ranked(Week w, String slug) {
        for (Entry e : w.entries()) {
            if (e.permaslug().equals(slug)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The weeks, in order, partial ones included.
     *
     * @return the weeks, in order, partial ones included
     */
    public List<Week> weeks() {
        return weeks;
    }

    /**
     * "Source: OpenRouter (openrouter.ai/rankings), as of …."
     *
     * @return "Source: OpenRouter (openrouter.ai/rankings), as of …."
     */
    public String citation() {
        return citation;
    }

    /**
     * The newest {@code as_of} of the data, as written: what the citation is dated by.
     *
     * @return the newest as_of, as written
     */
    public String asOf() {
        return asOf;
    }

    /**
     * Whole weeks as series of tokens/week: {@code openrouter-total}, {@code openrouter-other},
     * {@code openrouter-region-<code>}, {@code openrouter-author-<author>} and
     * {@code openrouter-model-<permaslug>} (kebab case); model observations carry the rank, and a
     * whole week in which a model that appears elsewhere is missing is an off-the-ranking entry.
     *
     * @return the series as a dataset
     */
    public Dataset toDataset() {
        LocalDate asOfDate;
        try {
            asOfDate = LocalDate.parse(asOf.length() >= 10 ? asOf.substring(0, 10) : asOf);
        } catch (RuntimeException e) {
            asOfDate = LocalDate.of(1970, 1, 1);
        }
        Source src = Source.of("openrouter", "OpenRouter (openrouter.ai/rankings), CC BY 4.0", "rankings-daily, as of " + asOf,
                TimePeriod.day(asOfDate), "https://openrouter.ai/rankings");
        Map<String, List<Observation>> total = new LinkedHashMap<>();
        Map<String, String[]> meta = new LinkedHashMap<>();
        Map<String, Map<TimePeriod, Observation>> modelObs = new TreeMap<>();
        List<TimePeriod> whole = new ArrayList<>();
        // a region or author seen in any week has 0 tokens in a whole week without rows:
        // nothing of it was in the daily top 50
        Set<String> allRegions = new TreeSet<>();
        Set<String> allAuthors = new TreeSet<>();
        Set<String> allModels = new TreeSet<>();
        for (Week w : weeks) {
            allRegions.addAll(w.regions().keySet());
            allAuthors.addAll(w.authors().keySet());
            for (Entry x : w.entries()) {
                allModels.add(x.permaslug());
            }
        }
        // ids in name order, so the same data always gives the same ids
        Ids ids = new Ids();
        for (String r : allRegions) {
            ids.of("openrouter-region-", r);
        }
        for (String a : allAuthors) {
            ids.of("openrouter-author-", a);
        }
        for (String m : allModels) {
            ids.of("openrouter-model-", m);
        }
        for (Week w : weeks) {
            if (w.isPartial()) {
                continue;
            }
            whole.add(w.period());
            add(total, meta, "openrouter-total", "OpenRouter, all models", "GLOBAL", obs(w.period(), w.total(), src, null));
            add(total, meta, "openrouter-other", "OpenRouter, models outside the daily top 50 (other)", "GLOBAL", obs(w.period(), w.other(), src, null));
            for (String r : allRegions) {
                add(total, meta, ids.of("openrouter-region-", r), "OpenRouter, listed models of region " + r, r,
                        obs(w.period(), w.regions().getOrDefault(r, 0L), src, null));
            }
            for (String a : allAuthors) {
                add(total, meta, ids.of("openrouter-author-", a), "OpenRouter, models by " + a, "GLOBAL",
                        obs(w.period(), w.authors().getOrDefault(a, 0L), src, null));
            }
            for (Entry x : w.entries()) {
                modelObs.computeIfAbsent(x.permaslug(), k -> new TreeMap<>()).put(w.period(), obs(w.period(), x.tokens(), src, x.rank()));
                meta.put(ids.of("openrouter-model-", x.permaslug()), new String[] {"OpenRouter, " + x.permaslug(), x.region()});
            }
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> e : total.entrySet()) {
            String[] m = meta.get(e.getKey());
            series.add(Series.builder(e.getKey(), Measure.TOKENS_PER_WEEK).subject(m[0]).region(m[1].equals(UNMAPPED) ? "UNMAPPED" : m[1])
                    .note(citation).observations(e.getValue()).build());
        }
        for (Map.Entry<String, Map<TimePeriod, Observation>> e : modelObs.entrySet()) {
            String id = ids.of("openrouter-model-", e.getKey());
            List<Observation> list = new ArrayList<>(e.getValue().values());
            for (TimePeriod p : whole) {
                if (!e.getValue().containsKey(p)) {
                    list.add(Observation.builder(p, null).listed(false).source(src).quote(citation).build());
                }
            }
            String[] m = meta.get(id);
            series.add(Series.builder(id, Measure.TOKENS_PER_WEEK).subject(m[0]).region(m[1]).note(citation).observations(list).build());
        }
        return Dataset.of(series, Collections.singletonList(src), Collections.emptyList());
    }

    private void add(Map<String, List<Observation>> total, Map<String, String[]> meta, String id, String subject, String region, Observation o) {
        total.computeIfAbsent(id, k -> new ArrayList<>()).add(o);
        meta.putIfAbsent(id, new String[] {subject, region});
    }

    private Observation obs(TimePeriod p, long tokens, Source src, Integer rank) {
        return Observation.builder(p, Quantity.of(BigDecimal.valueOf(tokens), Quantity.Unit.TOKENS)).rank(rank)
                .listed(rank == null ? null : Boolean.TRUE).source(src).quote(citation).build();
    }
}
