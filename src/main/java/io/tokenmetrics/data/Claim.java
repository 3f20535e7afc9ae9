package io.tokenmetrics.data;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A statement a source makes about figures ("370× in five years", "more than half", "first
 * time ahead"), in a form the {@code Calculator} can recompute and check. Immutable and
 * thread-safe; made with the static factories, one per {@link Kind}.
 */
public final class Claim {
    /** What is claimed. */
    public enum Kind {
        /** {@code to} is {@code stated} times {@code from}. */
        MULTIPLE,
        /** The compound annual growth rate from {@code from} to {@code to} is {@code stated} percent. */
        ANNUAL_GROWTH,
        /** {@code series} rose {@code rises} periods in a row, then fell {@code falls} in a row, ending at {@code at}. */
        STREAK,
        /** The sum of {@code parts} is more than {@code threshold} percent of {@code whole}. */
        SHARE_ABOVE,
        /** {@code leader} is ahead of {@code other} at {@code at}, for the first time in {@code periods} periods. */
        FIRST_AHEAD,
        /** A statement no published figure can test; {@code reason} says why. */
        UNTESTABLE,
        /** {@code series} changed by {@code stated} percent from the period before {@code at} to {@code at}. */
        STATED_CHANGE;

        /**
         * The lower-case, hyphenated name used in data files.
         *
         * @return the lower-case, hyphenated name used in data files
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * The kind of {@code id}, or an error listing the valid ones.
         *
         * @param id the id
         * @return the kind of {@code id}, or an error listing the valid ones
         */
        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("claim kind (" + id + ") must be one of multiple, annual-growth, streak, share-above, first-ahead,"
                    + " untestable, stated-change");
        }
    }

    /** A figure of a series at a period. Immutable. */
    public static final class Ref {
        private final String series;
        private final TimePeriod period;

        private Ref(String series, TimePeriod period) {
            this.series = Series.requireId(series);
            this.period = Objects.requireNonNull(period, "period");
        }

        /**
         * The figure of {@code series} at {@code period}.
         *
         * @param series the series
         * @param period the period
         * @return the figure of {@code series} at {@code period}
         */
        public static Ref of(String series, TimePeriod period) {
            return new Ref(series, period);
        }

        /**
         * The series id.
         *
         * @return the series id
         */
        public String series() {
            return series;
        }

        /**
         * The period.
         *
         * @return the period
         */
        public TimePeriod period() {
            return period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ref && ((Ref) o).series.equals(series) && ((Ref) o).period.equals(period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(series, period);
        }

        @Override
        public String toString() {
            return series + "@" + period;
        }
    }

    private final String id;
    private final Kind kind;
    private final String statement;
    private final Quantity stated;
    private final Ref from;
    private final Ref to;
    private final List<Ref> parts;
    private final Ref whole;
    private final String series;
    private final String other;
    private final TimePeriod at;
    private final int rises;
    private final int falls;
    private final int periods;
    private final String reason;
    private final Source source;
    private final String quote;
    private final String fact;
    private final String note;
    private final String statementZh;
    private final String reasonZh;
    private final java.util.Map<String, String> primary;

    private Claim(String id, Kind kind, String statement, Quantity stated, Ref from, Ref to, List<Ref> parts, Ref whole,
            String series, String other, TimePeriod at, int rises, int falls, int periods, String reason) {
        this(id, kind, statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason, null, null, null, null,
                null, null, java.util.Collections.<String, String>emptyMap());
    }

    private Claim(String id, Kind kind, String statement, Quantity stated, Ref from, Ref to, List<Ref> parts, Ref whole,
            String series, String other, TimePeriod at, int rises, int falls, int periods, String reason, Source source, String quote,
            String fact, String note, String statementZh, String reasonZh, java.util.Map<String, String> primary) {
        this.id = Series.requireText(id, "claim id");
        this.kind = kind;
        this.statement = Series.requireText(statement, "statement");
        this.stated = stated;
        this.from = from;
        this.to = to;
        this.parts = parts == null ? Collections.<Ref>emptyList() : Collections.unmodifiableList(new java.util.ArrayList<>(parts));
        this.whole = whole;
        this.series = series;
        this.other = other;
        this.at = at;
        this.rises = rises;
        this.falls = falls;
        this.periods = periods;
        this.reason = reason;
        this.source = source;
        this.quote = quote;
        this.fact = fact;
        this.note = note;
        this.statementZh = statementZh;
        this.reasonZh = reasonZh;
        this.primary = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(primary));
    }

    /**
     * "{@code to} is {@code stated} (a multiple) times {@code from}".
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param from the earlier period
     * @param to the later period
     * @param stated the stated figure
     * @return "{@code to} is {@code stated} (a multiple) times {@code from}"
     */
    public static Claim multiple(String id, String statement, Ref from, Ref to, Quantity stated) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(stated, "stated");
        requireUnit(stated, Quantity.Unit.MULTIPLE, "stated multiple");
        return new Claim(id, Kind.MULTIPLE, statement, stated, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                null, null, null, null, null, 0, 0, 0, null);
    }

    /**
     * "compound annual growth from {@code from} to {@code to} is {@code stated} percent".
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param from the earlier period
     * @param to the later period
     * @param stated the stated figure
     * @return "compound annual growth from {@code from} to {@code to} is {@code stated} percent"
     */
    public static Claim annualGrowth(String id, String statement, Ref from, Ref to, Quantity stated) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(stated, "stated");
        requireUnit(stated, Quantity.Unit.PERCENT, "stated annual growth");
        return new Claim(id, Kind.ANNUAL_GROWTH, statement, stated, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
                null, null, null, null, null, 0, 0, 0, null);
    }

    /**
     * "{@code series} rose {@code rises} periods in a row, then fell {@code falls} in a row, to {@code at}".
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param series the series
     * @param at the period
     * @param rises the number of rises
     * @param falls the number of falls
     * @return "{@code series} rose {@code rises} periods in a row, then fell {@code falls} in a row, to {@code at}"
     */
    public static Claim streak(String id, String statement, String series, TimePeriod at, int rises, int falls) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(at, "at");
        if (rises < 0 || falls < 0 || rises + falls == 0) {
            throw new IllegalArgumentException("rises (" + rises + ") and falls (" + falls + ") must be >= 0 and not both 0");
        }
        return new Claim(id, Kind.STREAK, statement, null, null, null, null, null, Series.requireId(series), null,
                Objects.requireNonNull(at, "at"), rises, falls, 0, null);
    }

    /**
     * "the sum of {@code parts} is more than {@code threshold} percent of {@code whole}".
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param parts the parts
     * @param whole the whole
     * @param threshold the threshold
     * @return "the sum of {@code parts} is more than {@code threshold} percent of {@code whole}"
     */
    public static Claim shareAbove(String id, String statement, List<Ref> parts, Ref whole, Quantity threshold) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(whole, "whole");
        Objects.requireNonNull(threshold, "threshold");
        requireUnit(threshold, Quantity.Unit.PERCENT, "threshold");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts must not be empty");
        }
        return new Claim(id, Kind.SHARE_ABOVE, statement, threshold, null, null, parts, Objects.requireNonNull(whole, "whole"),
                null, null, null, 0, 0, 0, null);
    }

    /**
     * "{@code leader} is ahead of {@code other} at {@code at} for the first time in {@code periods} periods".
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param leader the leader
     * @param other the other one
     * @param at the period
     * @param periods the periods
     * @return "{@code leader} is ahead of {@code other} at {@code at} for the first time in {@code periods} periods"
     */
    public static Claim firstAhead(String id, String statement, String leader, String other, TimePeriod at, int periods) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(at, "at");
        if (periods < 1) {
            throw new IllegalArgumentException("periods (" + periods + ") must be >= 1");
        }
        return new Claim(id, Kind.FIRST_AHEAD, statement, null, null, null, null, null, Series.requireId(leader),
                Series.requireId(other), Objects.requireNonNull(at, "at"), 0, 0, periods, null);
    }

    /**
     * "{@code series} changed by {@code statedPercent} from the period before {@code at} to
     * {@code at}": a publisher's week-on-week (or month-on-month…) change, checked against the
     * two figures.
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param series the series
     * @param at the later period
     * @param statedPercent the stated change, in percent
     * @return the claim
     * @throws IllegalArgumentException if the change is not in percent
     */
    public static Claim statedChange(String id, String statement, String series, TimePeriod at, Quantity statedPercent) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statedPercent, "statedPercent");
        if (statedPercent.unit() != Quantity.Unit.PERCENT) {
            throw new IllegalArgumentException("stated change (" + statedPercent + ") must be in percent");
        }
        return new Claim(id, Kind.STATED_CHANGE, statement, statedPercent, null, null, null, null, Series.requireId(series), null, at, 0, 0, 0,
                null);
    }

    /**
     * A statement that no published figure can test, with the reason.
     *
     * @param id the id
     * @param statement what the claim says, in its own words
     * @param reason why
     * @return a statement that no published figure can test, with the reason
     */
    public static Claim untestable(String id, String statement, String reason) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(reason, "reason");
        return new Claim(id, Kind.UNTESTABLE, statement, null, null, null, null, null, null, null, null, 0, 0, 0,
                Series.requireText(reason, "reason"));
    }

    private static void requireUnit(Quantity q, Quantity.Unit unit, String name) {
        Objects.requireNonNull(q, name);
        if (q.unit() != unit) {
            throw new IllegalArgumentException(name + " (" + q + ") must be in " + unit);
        }
    }

    /**
     * This claim with its source, original sentence and fact id.
     *
     * @param newSource the new source
     * @param newQuote the new quote
     * @param newFact the new fact id
     * @return this claim with its source, original sentence and fact id
     */
    public Claim withProvenance(Source newSource, String newQuote, String newFact) {
        return new Claim(id, kind, statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason,
                newSource, newQuote, newFact, note, statementZh, reasonZh, primary);
    }

    /**
     * This claim with a note of the data's author (kept, written back and shown, never read as a figure).
     *
     * @param newNote the note, or null for none
     * @return this claim with the note
     */
    public Claim withNote(String newNote) {
        return new Claim(id, kind, statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason,
                source, quote, fact, newNote, statementZh, reasonZh, primary);
    }

    /**
     * This claim with the series of primary data that decide it where a dataset has them: for a
     * streak {@code series}, for "first time ahead" {@code leader} and {@code other}. The
     * article's own series stay as they are; {@code ClaimChecker} checks against the primary
     * series when all of them are in the dataset, and says so.
     *
     * @param roles the series id of each role
     * @return this claim with the primary series
     * @throws IllegalArgumentException for a role this kind of claim does not have, or a bad id
     */
    public Claim withPrimary(java.util.Map<String, String> roles) {
        Objects.requireNonNull(roles, "roles");
        java.util.List<String> allowed = kind == Kind.STREAK ? java.util.Collections.singletonList("series")
                : kind == Kind.FIRST_AHEAD ? java.util.Arrays.asList("leader", "other") : java.util.Collections.<String>emptyList();
        for (java.util.Map.Entry<String, String> e : roles.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new IllegalArgumentException("primary role (" + e.getKey() + ") must be one of " + allowed + " for a " + kind.id() + " claim");
            }
            Series.requireId(e.getValue());
        }
        if (!roles.isEmpty() && roles.size() != allowed.size()) {
            throw new IllegalArgumentException("primary (" + roles.keySet() + ") must name all of " + allowed);
        }
        return new Claim(id, kind, statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason,
                source, quote, fact, note, statementZh, reasonZh, roles);
    }

    /**
     * The primary series by role, empty when the claim names none.
     *
     * @return the primary series
     */
    public java.util.Map<String, String> primary() {
        return primary;
    }

    /**
     * This claim with its statement (and, for an untestable claim, its reason) in Chinese.
     *
     * @param statement the statement in Chinese, or null for none
     * @param untestableReason the reason in Chinese, or null for none
     * @return this claim with the translation
     */
    public Claim withChinese(String statement, String untestableReason) {
        return new Claim(id, kind, this.statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason,
                source, quote, fact, note, statement, untestableReason, primary);
    }

    /**
     * The statement in {@code language}: the Chinese one where the data gives it, else the English.
     *
     * @param language the language
     * @return the statement
     */
    public String statement(io.tokenmetrics.amount.Language language) {
        return Objects.requireNonNull(language, "language") == io.tokenmetrics.amount.Language.ZH && statementZh != null ? statementZh : statement;
    }

    /**
     * For an untestable claim, why, in {@code language} (the Chinese where the data gives it).
     *
     * @param language the language
     * @return the reason, if any
     */
    public Optional<String> reason(io.tokenmetrics.amount.Language language) {
        Objects.requireNonNull(language, "language");
        return language == io.tokenmetrics.amount.Language.ZH && reasonZh != null ? Optional.of(reasonZh) : Optional.ofNullable(reason);
    }

    /**
     * The note of the data's author, if any.
     *
     * @return the note, if any
     */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /**
     * The claim id (unique in a dataset).
     *
     * @return the claim id (unique in a dataset)
     */
    public String id() {
        return id;
    }

    /**
     * The kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The claim in plain English.
     *
     * @return the claim in plain English
     */
    public String statement() {
        return statement;
    }

    /**
     * The stated multiple, rate or threshold.
     *
     * @return the stated multiple, rate or threshold
     */
    public Optional<Quantity> stated() {
        return Optional.ofNullable(stated);
    }

    /**
     * The earlier figure, for multiple and annual-growth claims.
     *
     * @return the earlier figure, for multiple and annual-growth claims
     */
    public Optional<Ref> from() {
        return Optional.ofNullable(from);
    }

    /**
     * The later figure, for multiple and annual-growth claims.
     *
     * @return the later figure, for multiple and annual-growth claims
     */
    public Optional<Ref> to() {
        return Optional.ofNullable(to);
    }

    /**
     * The parts, for share-above claims; otherwise empty.
     *
     * @return the parts, for share-above claims; otherwise empty
     */
    public List<Ref> parts() {
        return parts;
    }

    /**
     * The whole, for share-above claims.
     *
     * @return the whole, for share-above claims
     */
    public Optional<Ref> whole() {
        return Optional.ofNullable(whole);
    }

    /**
     * The series (streak) or the leader (first-ahead).
     *
     * @return the series (streak) or the leader (first-ahead)
     */
    public Optional<String> series() {
        return Optional.ofNullable(series);
    }

    /**
     * The other series, for first-ahead claims.
     *
     * @return the other series, for first-ahead claims
     */
    public Optional<String> other() {
        return Optional.ofNullable(other);
    }

    /**
     * The period the claim is made at (streak, first-ahead).
     *
     * @return the period the claim is made at (streak, first-ahead)
     */
    public Optional<TimePeriod> at() {
        return Optional.ofNullable(at);
    }

    /**
     * Rises in a row, for streak claims.
     *
     * @return rises in a row, for streak claims
     */
    public int rises() {
        return rises;
    }

    /**
     * Falls in a row, for streak claims.
     *
     * @return falls in a row, for streak claims
     */
    public int falls() {
        return falls;
    }

    /**
     * How many periods before {@code at} the other side led, for first-ahead claims.
     *
     * @return how many periods before {@code at} the other side led, for first-ahead claims
     */
    public int periods() {
        return periods;
    }

    /**
     * Why an untestable claim cannot be tested.
     *
     * @return why an untestable claim cannot be tested
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The source.
     *
     * @return the source
     */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The original sentence.
     *
     * @return the original sentence
     */
    public Optional<String> quote() {
        return Optional.ofNullable(quote);
    }

    /**
     * The fact id in FACTS.md.
     *
     * @return the fact id in FACTS.md
     */
    public Optional<String> fact() {
        return Optional.ofNullable(fact);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claim)) {
            return false;
        }
        Claim c = (Claim) o;
        return id.equals(c.id) && kind == c.kind && statement.equals(c.statement) && Objects.equals(stated, c.stated)
                && Objects.equals(from, c.from) && Objects.equals(to, c.to) && parts.equals(c.parts)
                && Objects.equals(whole, c.whole) && Objects.equals(series, c.series) && Objects.equals(other, c.other)
                && Objects.equals(at, c.at) && rises == c.rises && falls == c.falls && periods == c.periods
                && Objects.equals(reason, c.reason) && Objects.equals(source, c.source) && Objects.equals(quote, c.quote)
                && Objects.equals(note, c.note) && Objects.equals(statementZh, c.statementZh) && Objects.equals(reasonZh, c.reasonZh)
                && primary.equals(c.primary)
                && Objects.equals(fact, c.fact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, statement, stated, from, to, parts, whole, series, other, at, rises, falls, periods, reason, fact);
    }

    @Override
    public String toString() {
        return id + " (" + kind.id() + "): " + statement;
    }
}
