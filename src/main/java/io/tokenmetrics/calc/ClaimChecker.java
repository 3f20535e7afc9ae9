package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the claims of a dataset against its figures: recomputes each claim with the
 * {@link Calculator} and judges it consistent, inconsistent or undecidable, with the numbers that
 * decide it. A stated figure agrees with a computed one when it lies within the publisher's
 * rounding (half a unit in its last written digit), or, where either is approximate, within a
 * relative tolerance: 10% unless set otherwise ({@code docs/calculations.md}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ClaimChecker {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final Calculator CALC = Calculator.create();
    private static final ClaimChecker STANDARD = new ClaimChecker(BigDecimal.TEN);

    private final BigDecimal approximateTolerancePercent;

    private ClaimChecker(BigDecimal approximateTolerancePercent) {
        this.approximateTolerancePercent = approximateTolerancePercent;
    }

    /**
     * The checker with the default tolerance: 10% relative for approximate figures.
     *
     * @return the checker with the default tolerance
     */
    public static ClaimChecker create() {
        return STANDARD;
    }

    /**
     * A checker that accepts a relative deviation of up to {@code percent} when the claim or any
     * figure it rests on is approximate.
     *
     * @param percent the tolerance, in percent: 0 or more, below 100
     * @return the checker
     * @throws IllegalArgumentException if {@code percent} is negative or 100 or more
     * @throws NullPointerException if {@code percent} is null
     */
    public static ClaimChecker withApproximateTolerance(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("percent (" + percent.toPlainString() + ") must be >= 0 and < 100");
        }
        return new ClaimChecker(percent);
    }

    /**
     * The relative tolerance, in percent, for claims that involve approximate figures.
     *
     * @return the tolerance, in percent
     */
    public BigDecimal approximateTolerancePercent() {
        return approximateTolerancePercent;
    }


    /**
     * Checks every claim of {@code data} against its figures, in order.
     *
     * @param data the data
     * @return one check a claim, in the order of the dataset
     */
    public List<ClaimCheck> checkAll(Dataset data) {
        Objects.requireNonNull(data, "data");
        List<ClaimCheck> out = new ArrayList<>();
        for (Claim c : data.claims()) {
            try {
                out.add(check(c, data));
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                // one claim that cannot be computed (an unknown series, mixed measures) must not
                // hide the verdicts of the others: it gets an error verdict with the reason
                out.add(new ClaimCheck(c, Verdict.ERROR, c.stated().orElse(null), null, Message.of("check.error", e.getMessage())));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Recomputes {@code claim} from the figures of {@code data}. A claim whose figures are missing
     * is {@link Verdict#UNDECIDABLE}, with what is missing in the explanation.
     *
     * @param claim the claim
     * @param data the data
     * @return the claim checked again
     * @throws io.tokenmetrics.data.UnknownSeriesException if the claim names a series {@code data} does not have
     */
    public ClaimCheck check(Claim claim, Dataset data) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(data, "data");
        if (!claim.primary().isEmpty() && claim.primary().values().stream().allMatch(id -> data.find(id).isPresent())) {
            return checkOnPrimary(claim, data);
        }
        switch (claim.kind()) {
            case MULTIPLE: return checkFromTo(claim, data, this::checkMultiple);
            case ANNUAL_GROWTH: return checkFromTo(claim, data, this::checkAnnualGrowth);
            case STREAK: return ClaimChecks.streak(claim, data);
            case SHARE_ABOVE: return checkShare(claim, data);
            case FIRST_AHEAD: return ClaimChecks.firstAhead(claim, data);
            case STATED_CHANGE: return checkStatedChange(claim, data);
            default:
                return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.undecidable",
                        new ClaimText(claim, false)));
        }
    }

    /**
     * The claim checked against the primary data it names (OpenRouter's Data API weeks, say)
     * instead of the article's own figures, which stay as they are: the result keeps the claim
     * and says which series decided it.
     */
    private ClaimCheck checkOnPrimary(Claim claim, Dataset data) {
        java.util.Map<String, String> p = claim.primary();
        Claim on = claim.kind() == Claim.Kind.STREAK
                ? Claim.streak(claim.id(), claim.statement(), p.get("series"), claim.at().get(), claim.rises(), claim.falls())
                : Claim.firstAhead(claim.id(), claim.statement(), p.get("leader"), p.get("other"), claim.at().get(), claim.periods());
        ClaimCheck inner = check(on, data);
        return new ClaimCheck(claim, inner.verdict(), inner.stated().orElse(null), inner.computed().orElse(null),
                Message.of("check.primary", String.join(", ", p.values()), inner.message()));
    }

    /** A publisher's stated change against the change between the two figures. */
    private ClaimCheck checkStatedChange(Claim claim, Dataset data) {
        TimePeriod at = claim.at().get();
        TimePeriod before = at.previous();
        Quantity stated = claim.stated().get();
        Optional<Message> missing = missing(data, Claim.Ref.of(claim.series().get(), before), Claim.Ref.of(claim.series().get(), at));
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, Message.of("check.undecidable", missing.get()));
        }
        Series s = data.series(claim.series().get());
        Quantity prev = Calculator.valuedAt(s, before).requireValue();
        Quantity cur = Calculator.valuedAt(s, at).requireValue();
        Optional<Quantity> ratio = Calculator.ratio(cur, prev);
        if (!ratio.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, Message.of("check.change.zero", before, prev));
        }
        Quantity computed = Calculator.multipleToPercent(ratio.get());
        return new ClaimCheck(claim, judge(stated, computed), stated, computed, Message.of("check.change", before, prev, at, cur,
                Message.signed(computed), Message.signed(stated), deviation(stated, computed), tolerance(stated, computed)));
    }

    /**
     * Whether a stated figure agrees with a computed one: within the publisher's rounding (half a
     * unit in the last written digit), or, where either is approximate, within this checker's
     * relative tolerance.
     *
     * @param stated the stated figure
     * @param computed the computed figure
     * @return {@link Verdict#CONSISTENT} or {@link Verdict#INCONSISTENT}
     */
    public Verdict judge(Quantity stated, Quantity computed) {
        return agree(Objects.requireNonNull(stated, "stated"), Objects.requireNonNull(computed, "computed"));
    }

    /** A judge of a from/to claim, given the growth between its two figures and the stated value. */
    private interface FromToJudge {
        ClaimCheck judge(Claim claim, Growth growth, Quantity stated);
    }

    /** The growth a from/to claim rests on, judged; undecidable when a figure is missing. */
    private ClaimCheck checkFromTo(Claim claim, Dataset data, FromToJudge judge) {
        Claim.Ref fr = claim.from().get();
        Claim.Ref tr = claim.to().get();
        Optional<Message> missing = missing(data, fr, tr);
        Quantity stated = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, Message.of("check.undecidable", missing.get()));
        }
        return judge.judge(claim, CALC.growth(data.series(fr.series()), fr.period(), data.series(tr.series()), tr.period()), stated);
    }

    private ClaimCheck checkMultiple(Claim claim, Growth g, Quantity stated) {
        if (!g.multiple().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, Message.of("check.undecidable", g.undefinedReason().get()));
        }
        Quantity m = g.multiple().get();
        Verdict v = agree(stated, m);
        return new ClaimCheck(claim, v, stated, m, Message.of("check.multiple", g.to().requireValue(), g.from().requireValue(), m, stated,
                deviation(stated, m), tolerance(stated, m)));
    }

    private ClaimCheck checkAnnualGrowth(Claim claim, Growth g, Quantity stated) {
        if (!g.annualRate().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, Message.of("check.undecidable", g.undefinedReason()
                    .<Object>map(x -> x).orElse(Message.of("check.notime", g.from().period(), g.to().period()))));
        }
        Quantity rate = g.annualRate().get();
        Verdict v = agree(stated, rate);
        String y = BigDecimal.valueOf(g.elapsedYears()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        Message years = Message.of(y.equals("1") ? "years.one" : "years.many", y);
        Message reading = Message.EMPTY;
        if (v == Verdict.INCONSISTENT && stated.isPoint() && stated.value().signum() > 0) {
            // a frequent slip: the yearly multiple (3.3×) written as a growth rate (330%)
            Quantity asFactor = Quantity.of(stated.value().subtract(HUNDRED), Unit.PERCENT);
            if (asFactor.isAbove(HUNDRED.negate())) {
                Quantity m = CALC.multipleForAnnualRate(asFactor, g.elapsedYears());
                if (agree(g.multiple().get(), m) == Verdict.CONSISTENT) {
                    reading = Message.of("check.growth.asmultiple", stated.value().divide(HUNDRED, MC).stripTrailingZeros().toPlainString(), m);
                }
            }
        }
        return new ClaimCheck(claim, v, stated, rate, Message.of("check.growth", g.multiple().get(), years, rate, stated, deviation(stated, rate),
                tolerance(stated, rate), CALC.multipleForAnnualRate(stated, g.elapsedYears()), reading));
    }

    private ClaimCheck checkShare(Claim claim, Dataset data) {
        List<Claim.Ref> refs = new ArrayList<>(claim.parts());
        refs.add(claim.whole().get());
        Optional<Message> missing = missing(data, refs.toArray(new Claim.Ref[0]));
        Quantity threshold = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, threshold, null, Message.of("check.undecidable", missing.get()));
        }
        List<Quantity> parts = new ArrayList<>();
        for (Claim.Ref r : claim.parts()) {
            parts.add(Calculator.valuedAt(data.series(r.series()), r.period()).requireValue());
        }
        Claim.Ref w = claim.whole().get();
        Share s = CALC.share(parts, Calculator.valuedAt(data.series(w.series()), w.period()).requireValue());
        Verdict v;
        if (s.percent().isAbove(threshold.upper().orElse(threshold.lower().get()))) {
            v = Verdict.CONSISTENT;
        } else if (s.percent().upper().isPresent() && s.percent().upper().get().compareTo(threshold.lower().orElse(threshold.upper().get())) <= 0) {
            v = Verdict.INCONSISTENT;
        } else {
            v = Verdict.UNDECIDABLE;
        }
        Message judged = Message.of(v == Verdict.CONSISTENT ? "check.share.more" : v == Verdict.INCONSISTENT ? "check.share.notmore"
                : "check.share.maybe", threshold);
        return new ClaimCheck(claim, v, threshold, s.percent(), Message.of("check.share", Message.list("sep.plus", parts), s.whole(), s.sum(),
                s.percent(), judged));
    }

    /**
     * Whether a stated value agrees with a computed one. Where either is approximate, the stated
     * value widened by the relative tolerance must overlap the computed interval; otherwise the
     * stated value widened by half a unit in its last written digit (the publisher's rounding).
     */
    Verdict agree(Quantity stated, Quantity computed) {
        return computed.overlaps(allowed(stated, computed)) ? Verdict.CONSISTENT : Verdict.INCONSISTENT;
    }

    private Quantity allowed(Quantity stated, Quantity computed) {
        BigDecimal lo = stated.lower().orElse(null);
        BigDecimal hi = stated.upper().orElse(null);
        if (stated.isApproximate() || computed.isApproximate()) {
            BigDecimal t = approximateTolerancePercent.divide(HUNDRED, MC);
            lo = lo == null ? null : lo.subtract(lo.abs().multiply(t));
            hi = hi == null ? null : hi.add(hi.abs().multiply(t));
        } else {
            lo = lo == null ? null : lo.subtract(halfUnit(lo));
            hi = hi == null ? null : hi.add(halfUnit(hi));
        }
        if (lo == null) {
            return hi == null ? Quantity.unbounded(Unit.NUMBER) : Quantity.atMost(hi, Unit.NUMBER);
        }
        return hi == null ? Quantity.atLeast(lo, Unit.NUMBER) : Quantity.range(lo, hi, Unit.NUMBER);
    }

    private static BigDecimal halfUnit(BigDecimal written) {
        return BigDecimal.valueOf(5, written.scale() + 1);
    }

    private Message tolerance(Quantity stated, Quantity computed) {
        if (stated.isApproximate() || computed.isApproximate()) {
            return Message.of("check.tolerance.approximate", approximateTolerancePercent.stripTrailingZeros().toPlainString());
        }
        return Message.of("check.tolerance.exact");
    }

    private static Message deviation(Quantity stated, Quantity computed) {
        if (!stated.isPoint() || !computed.isPoint() || computed.value().signum() == 0) {
            return Message.EMPTY;
        }
        BigDecimal d = stated.value().subtract(computed.value()).divide(computed.value().abs(), MC).multiply(HUNDRED);
        return Message.of("check.deviation", (d.signum() >= 0 ? "+" : "") + d.setScale(1, RoundingMode.HALF_UP).toPlainString());
    }

    private static Optional<Message> missing(Dataset data, Claim.Ref... refs) {
        List<Message> out = new ArrayList<>();
        for (Claim.Ref r : refs) {
            Series s = data.series(r.series());
            Optional<Observation> o = s.at(r.period());
            if (!o.isPresent() || !o.get().value().isPresent()) {
                out.add(Message.of("check.missing.one", r.series(), r.period()));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(Message.list("sep.semicolon", out));
    }

    /** A claim's statement or reason, in the language it is rendered in (English where no translation is given). */
    private static final class ClaimText implements Localized {
        private final Claim claim;
        private final boolean statement;

        ClaimText(Claim claim, boolean statement) {
            this.claim = claim;
            this.statement = statement;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClaimText && ((ClaimText) o).claim.equals(claim) && ((ClaimText) o).statement == statement;
        }

        @Override
        public int hashCode() {
            return claim.hashCode() * 2 + (statement ? 1 : 0);
        }

        @Override
        public String render(Language language) {
            return statement ? claim.statement(language) : claim.reason(language).orElse("");
        }

        @Override
        public String toString() {
            return render(Language.EN);
        }
    }


    @Override
    public String toString() {
        return "ClaimChecker(approximate tolerance " + approximateTolerancePercent.stripTrailingZeros().toPlainString() + "%)";
    }
}
