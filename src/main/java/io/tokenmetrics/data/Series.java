package io.tokenmetrics.data;

import io.tokenmetrics.period.TimePeriod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Observations of one subject in one measure, sorted by period, at most one per period.
 *
 * <p>The id is stable kebab-case ({@code volcano-engine-daily}); the region is an upper-case code
 * such as {@code CN}, {@code US}, {@code EU} or {@code GLOBAL}. Immutable and thread-safe.
 */
public final class Series {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String id;
    private final String subject;
    private final String region;
    private final Measure measure;
    private final String per;
    private final String note;
    private final List<Observation> observations;
    private final List<String> aliases;
    /** What is counted, in Chinese; null when the data gives none. */
    private final String subjectZh;

    private Series(String id, String subject, String region, Measure measure, String per, String note, List<Observation> observations,
            List<String> aliases) {
        this(id, subject, region, measure, per, note, observations, aliases, null);
    }

    private Series(String id, String subject, String region, Measure measure, String per, String note, List<Observation> observations,
            List<String> aliases, String subjectZh) {
        this.subjectZh = subjectZh;
        this.aliases = aliases;
        this.id = id;
        this.subject = subject;
        this.region = region;
        this.measure = measure;
        this.per = per;
        this.note = note;
        this.observations = observations;
    }

    /**
     * A builder for a series with this id and measure; set the subject and region, and for
     * {@link Measure#TOKENS_PER_ITEM} what one item is.
     *
     * @param id the id: lower-case kebab case, such as {@code volcano-engine-daily}
     * @param measure the measure
     * @return the builder
     * @throws NullPointerException if {@code measure} is null
     */
    public static Builder builder(String id, Measure measure) {
        Objects.requireNonNull(id, "id");
        return new Builder(id, Objects.requireNonNull(measure, "measure"));
    }

    /** Builds a {@link Series}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Measure measure;
        private String subject;
        private String subjectZh;
        private String region = "GLOBAL";
        private String per;
        private String note;
        private final List<Observation> observations = new ArrayList<>();
        private List<String> aliases = Collections.emptyList();

        private Builder(String id, Measure measure) {
            this.id = id;
            this.measure = measure;
        }

        /**
         * Other ids under which the same thing was published: a model's free and paid variants, a
         * preview and its dated release. A {@link Dataset} folds series with these ids into this
         * one and finds this one by them.
         *
         * @param ids the other ids, kebab case, none equal to this series' id
         * @return this builder
         */
        public Builder aliases(List<String> ids) {
            this.aliases = new ArrayList<>(Objects.requireNonNull(ids, "ids"));
            return this;
        }

        /**
         * What the series measures, in words (required).
         *
         * @param s the subject
         * @return this builder
         */
        public Builder subject(String s) {
            this.subject = Objects.requireNonNull(s, "subject");
            return this;
        }

        /**
         * What the series measures, in Chinese words (optional: {@link Series#subject(io.tokenmetrics.amount.Language)}
         * falls back to the subject).
         *
         * @param s the Chinese subject
         * @return this builder
         */
        public Builder subjectZh(String s) {
            this.subjectZh = Objects.requireNonNull(s, "s");
            return this;
        }

        /**
         * The region: an upper-case code such as {@code CN}, {@code US}; {@code GLOBAL} unless set.
         *
         * @param r the region code
         * @return this builder
         */
        public Builder region(String r) {
            this.region = Objects.requireNonNull(r, "region");
            return this;
        }

        /**
         * What one item is, for {@link Measure#TOKENS_PER_ITEM} ("one 15-second 1080p video").
         *
         * @param p what one item is, or null
         * @return this builder
         */
        public Builder per(String p) {
            this.per = p;
            return this;
        }

        /**
         * A note of the data's author.
         *
         * @param n the note, or null
         * @return this builder
         */
        public Builder note(String n) {
            this.note = n;
            return this;
        }

        /**
         * Adds observations, in any order.
         *
         * @param o the observations
         * @return this builder
         * @throws NullPointerException if one is null
         */
        public Builder observations(Observation... o) {
            return observations(java.util.Arrays.asList(o));
        }

        /**
         * Adds observations, in any order.
         *
         * @param o the observations
         * @return this builder
         * @throws NullPointerException if {@code o} or one of them is null
         */
        public Builder observations(List<Observation> o) {
            for (Observation x : Objects.requireNonNull(o, "observations")) {
                observations.add(Objects.requireNonNull(x, "observation"));
            }
            return this;
        }

        /**
         * The series. Observations are sorted by period; their values must be in the measure's unit.
         *
         * @return the series
         * @throws IllegalArgumentException naming the value for a bad id, subject or region, two
         *     observations of one period, a value in another unit than the measure's, or a period
         *     that does not fit the measure
         */
        public Series build() {
            Series built = of(id, subject, region, measure, per, note, observations).withAliases(aliases);
            return subjectZh == null ? built : built.withSubjectZh(subjectZh);
        }
    }

    static Series of(String id, String subject, String region, Measure measure, String per, String note,
            List<Observation> observations) {
        requireId(id);
        requireText(subject, "subject");
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region (" + region + ") must be an upper-case code such as CN, US, GLOBAL");
        }
        Objects.requireNonNull(measure, "measure");
        if (measure == Measure.TOKENS_PER_ITEM && (per == null || per.trim().isEmpty())) {
            throw new IllegalArgumentException("series " + id + ": a tokens/item measure needs \"per\", what one item is");
        }
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort((a, b) -> a.period().compareTo(b.period()));
        for (int i = 0; i < sorted.size(); i++) {
            Observation o = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).period().equals(o.period())) {
                throw new IllegalArgumentException("series " + id + ": two observations for period " + o.period());
            }
            if (o.value().isPresent() && measure.cadence() != Cadence.NONE && o.value().get().lower().map(x -> x.signum() < 0).orElse(true)) {
                throw new IllegalArgumentException("series " + id + ": value (" + o.value().get() + ") at " + o.period()
                        + " may be negative; a " + measure + " figure cannot be");
            }
            String fit = fits(measure, o);
            if (fit != null) {
                throw new IllegalArgumentException("series " + id + ": " + fit);
            }
            if (o.value().isPresent() && o.value().get().unit() != measure.unit()) {
                throw new IllegalArgumentException("series " + id + ": value (" + o.value().get() + ") at " + o.period()
                        + " is in " + o.value().get().unit() + ", the measure " + measure + " counts " + measure.unit());
            }
        }
        return new Series(id, subject, region, measure, per, note, Collections.unmodifiableList(sorted), Collections.<String>emptyList());
    }

    private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

    /**
     * Why an observation does not fit the measure, or null: a weekly, monthly or yearly total is
     * the total of exactly one such period (a daily figure is a rate and may be observed at any
     * time); a share lies within 0–100%; a price change is at least -100%.
     */
    static String fits(Measure measure, Observation o) {
        io.tokenmetrics.period.PeriodType want = measure.cadence() == Cadence.WEEK ? io.tokenmetrics.period.PeriodType.WEEK
                : measure.cadence() == Cadence.MONTH ? io.tokenmetrics.period.PeriodType.MONTH
                : measure.cadence() == Cadence.YEAR ? io.tokenmetrics.period.PeriodType.YEAR : null;
        if (want != null && o.period().type() != want) {
            return "period " + o.period() + " is not a " + want.name().toLowerCase(java.util.Locale.ROOT) + ": a " + measure
                    + " figure is the total of one " + want.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (o.value().isPresent() && measure == Measure.SHARE) {
            io.tokenmetrics.amount.Quantity q = o.value().get();
            if (q.lower().map(x -> x.signum() < 0).orElse(true) || q.upper().map(x -> x.compareTo(HUNDRED) > 0).orElse(true)) {
                return "share (" + q + ") at " + o.period() + " must lie within 0% to 100%";
            }
        }
        if (o.value().isPresent() && measure == Measure.PRICE_CHANGE
                && o.value().get().lower().map(x -> x.compareTo(HUNDRED.negate()) < 0).orElse(true)) {
            return "price change (" + o.value().get() + ") at " + o.period() + " must be >= -100%";
        }
        return null;
    }

    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("series id (" + id + ") must be kebab-case: lower-case letters and digits joined by '-'");
        }
        return id;
    }

    static String requireText(String s, String name) {
        if (s == null || s.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " (" + s + ") must not be empty");
        }
        return s;
    }

    /**
     * The stable id.
     *
     * @return the stable id
     */
    public String id() {
        return id;
    }

    /**
     * What is counted, for people.
     *
     * @return what is counted, for people
     */
    public String subject() {
        return subject;
    }

    /**
     * What is counted, for people reading {@code language}: the Chinese subject where the data
     * gives one, else {@link #subject()}.
     *
     * @param language the language
     * @return the subject in that language, or the subject
     */
    public String subject(io.tokenmetrics.amount.Language language) {
        Objects.requireNonNull(language, "language");
        return language == io.tokenmetrics.amount.Language.ZH && subjectZh != null ? subjectZh : subject;
    }

    /**
     * The subject in Chinese, when the data gives one ({@code subject_zh}).
     *
     * @return the Chinese subject, or empty
     */
    public java.util.Optional<String> subjectZh() {
        return java.util.Optional.ofNullable(subjectZh);
    }

    /**
     * This series with a Chinese subject.
     *
     * @param zh the subject in Chinese
     * @return this series with a Chinese subject
     * @throws IllegalArgumentException for blank text
     */
    public Series withSubjectZh(String zh) {
        Objects.requireNonNull(zh, "zh");
        requireText(zh, "subject_zh");
        return new Series(id, subject, region, measure, per, note, observations, aliases, zh);
    }

    /**
     * The region code.
     *
     * @return the region code
     */
    public String region() {
        return region;
    }

    /**
     * The measure.
     *
     * @return the measure
     */
    public Measure measure() {
        return measure;
    }

    /**
     * What one item is, for a per-item measure.
     *
     * @return what one item is, for a per-item measure
     */
    public Optional<String> per() {
        return Optional.ofNullable(per);
    }

    /**
     * A note on the series.
     *
     * @return a note on the series
     */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * The observations, sorted by period; unmodifiable.
     *
     * @return the observations, sorted by period; unmodifiable
     */
    public List<Observation> observations() {
        return observations;
    }

    /**
     * The observation at {@code period}, if any.
     *
     * @param period the period
     * @return the observation at {@code period}, if any
     */
    public Optional<Observation> at(TimePeriod period) {
        Objects.requireNonNull(period, "period");
        for (Observation o : observations) {
            if (o.period().equals(period)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The observation at {@code period}.
     *
     * @param period the period
     * @return the observation at {@code period}
     * @throws IllegalArgumentException naming the series, the period and the periods it has
     */
    public Observation require(TimePeriod period) {
        Objects.requireNonNull(period, "period");
        Optional<Observation> o = at(period);
        if (!o.isPresent()) {
            StringBuilder have = new StringBuilder();
            for (Observation x : observations) {
                have.append(have.length() == 0 ? "" : ", ").append(x.period());
            }
            throw new IllegalArgumentException("series " + id + " has no observation at " + period + " (it has: "
                    + (have.length() == 0 ? "none" : have) + ")");
        }
        return o.get();
    }

    /**
     * A series with the same description and {@code newObservations}.
     *
     * @param newObservations the new observations
     * @return a series with the same description and {@code newObservations}
     */
    public Series withObservations(List<Observation> newObservations) {
        Series s = of(id, subject, region, measure, per, note, newObservations).withAliases(aliases);
        return subjectZh == null ? s : s.withSubjectZh(subjectZh);
    }

    /**
     * The other ids under which the same thing was published (a free and a paid variant, a
     * preview and a dated release), in the order given; empty for most series.
     *
     * @return the aliases, unmodifiable
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * This series with these aliases.
     *
     * @param ids the other ids, kebab case, distinct, none equal to this series' id
     * @return this series with these aliases
     * @throws IllegalArgumentException naming a bad, repeated or self-referring alias
     */
    public Series withAliases(List<String> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> checked = new ArrayList<>();
        for (String a : ids) {
            Objects.requireNonNull(a, "alias");
            if (!ID.matcher(a).matches()) {
                throw new IllegalArgumentException("series " + id + ": alias (" + a + ") must be kebab-case: lower-case letters and digits joined by '-'");
            }
            if (a.equals(id)) {
                throw new IllegalArgumentException("series " + id + ": alias (" + a + ") is the series' own id");
            }
            if (checked.contains(a)) {
                throw new IllegalArgumentException("series " + id + ": alias (" + a + ") appears twice");
            }
            checked.add(a);
        }
        return new Series(id, subject, region, measure, per, note, observations, Collections.unmodifiableList(checked), subjectZh);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Series)) {
            return false;
        }
        Series s = (Series) o;
        return id.equals(s.id) && subject.equals(s.subject) && region.equals(s.region) && measure == s.measure
                && Objects.equals(per, s.per) && Objects.equals(note, s.note) && observations.equals(s.observations) && aliases.equals(s.aliases)
                && Objects.equals(subjectZh, s.subjectZh);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, subject, region, measure, per, note, observations, aliases, subjectZh);
    }

    @Override
    public String toString() {
        return id + " (" + subject + ", " + region + ", " + measure + ", " + observations.size() + " observations)";
    }
}
