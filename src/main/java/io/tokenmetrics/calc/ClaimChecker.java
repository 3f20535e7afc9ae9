package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
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
        List<ClaimCheck> out = new ArrayList<>();
        for (Claim c : data.claims()) {
            out.add(check(c, data));
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
        switch (claim.kind()) {
            case MULTIPLE: return checkFromTo(claim, data, this::checkMultiple);
            case ANNUAL_GROWTH: return checkFromTo(claim, data, this::checkAnnualGrowth);
            case STREAK: return ClaimChecks.streak(claim, data);
            case SHARE_ABOVE: return checkShare(claim, data);
            case FIRST_AHEAD: return ClaimChecks.firstAhead(claim, data);
            default:
                return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: " + claim.reason().orElse(""));
        }
    }

    /** A judge of a from/to claim, given the growth between its two figures and the stated value. */
    private interface FromToJudge {
        ClaimCheck judge(Claim claim, Growth growth, Quantity stated);
    }

    /** The growth a from/to claim rests on, judged; undecidable when a figure is missing. */
    private ClaimCheck checkFromTo(Claim claim, Dataset data, FromToJudge judge) {
        Claim.Ref fr = claim.from().get();
        Claim.Ref tr = claim.to().get();
        Optional<String> missing = missing(data, fr, tr);
        Quantity stated = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: " + missing.get());
        }
        return judge.judge(claim, CALC.growth(data.series(fr.series()), fr.period(), data.series(tr.series()), tr.period()), stated);
    }

    private ClaimCheck checkMultiple(Claim claim, Growth g, Quantity stated) {
        if (!g.multiple().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: " + g.undefinedReason().get());
        }
        Quantity m = g.multiple().get();
        Verdict v = agree(stated, m);
        String text = g.to().requireValue().formatRounded(Language.EN, 2) + " / " + g.from().requireValue().formatRounded(Language.EN, 2)
                + " = " + m.formatRounded(Language.EN, 2) + "; stated " + stated.formatRounded(Language.EN, 2)
                + deviation(stated, m) + tolerance(stated, m) + ".";
        return new ClaimCheck(claim, v, stated, m, text);
    }

    private ClaimCheck checkAnnualGrowth(Claim claim, Growth g, Quantity stated) {
        if (!g.annualRate().isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, stated, null, "cannot be decided: "
                    + g.undefinedReason().orElse("no time elapses between " + g.from().period() + " and " + g.to().period()));
        }
        Quantity rate = g.annualRate().get();
        Verdict v = agree(stated, rate);
        StringBuilder text = new StringBuilder();
        text.append(g.multiple().get().formatRounded(Language.EN, 2)).append(" over ").append(Calculator.years(g.elapsedYears()))
                .append(" is ").append(rate.formatRounded(Language.EN, 2)).append(" a year; stated ")
                .append(stated.formatRounded(Language.EN, 2)).append(deviation(stated, rate)).append(tolerance(stated, rate))
                .append(". A rate of ").append(stated.formatRounded(Language.EN, 2)).append(" would compound to ")
                .append(CALC.multipleForAnnualRate(stated, g.elapsedYears()).formatRounded(Language.EN, 2)).append(".");
        if (v == Verdict.INCONSISTENT && stated.isPoint() && stated.value().signum() > 0) {
            // a frequent slip: the yearly multiple (3.3×) written as a growth rate (330%)
            Quantity asFactor = Quantity.of(stated.value().subtract(HUNDRED), Unit.PERCENT);
            if (asFactor.isAbove(HUNDRED.negate())) {
                Quantity m = CALC.multipleForAnnualRate(asFactor, g.elapsedYears());
                if (agree(g.multiple().get(), m) == Verdict.CONSISTENT) {
                    text.append(" Read as a yearly multiple of ").append(stated.value().divide(HUNDRED, MC).stripTrailingZeros().toPlainString())
                            .append("× instead, it compounds to ").append(m.formatRounded(Language.EN, 2))
                            .append(", which matches the figures.");
                }
            }
        }
        return new ClaimCheck(claim, v, stated, rate, text.toString());
    }

    private ClaimCheck checkShare(Claim claim, Dataset data) {
        List<Claim.Ref> refs = new ArrayList<>(claim.parts());
        refs.add(claim.whole().get());
        Optional<String> missing = missing(data, refs.toArray(new Claim.Ref[0]));
        Quantity threshold = claim.stated().get();
        if (missing.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, threshold, null, "cannot be decided: " + missing.get());
        }
        List<Quantity> parts = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (Claim.Ref r : claim.parts()) {
            Quantity q = Calculator.valuedAt(data.series(r.series()), r.period()).requireValue();
            parts.add(q);
            names.append(names.length() == 0 ? "" : " + ").append(q.formatRounded(Language.EN, 2));
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
        String text = "(" + names + ") / " + s.whole().formatRounded(Language.EN, 2) + " = " + s.sum().formatRounded(Language.EN, 2)
                + " / " + s.whole().formatRounded(Language.EN, 2) + " = " + s.percent().formatRounded(Language.EN, 2)
                + (v == Verdict.CONSISTENT ? ", more than " : v == Verdict.INCONSISTENT ? ", not more than " : ", which may or may not exceed ")
                + threshold.formatRounded(Language.EN, 2) + ".";
        return new ClaimCheck(claim, v, threshold, s.percent(), text);
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

    private String tolerance(Quantity stated, Quantity computed) {
        if (stated.isApproximate() || computed.isApproximate()) {
            return "; figures are approximate, so up to " + approximateTolerancePercent.stripTrailingZeros().toPlainString()
                    + "% apart counts as consistent";
        }
        return "; exact figures, so only the stated value's rounding is allowed";
    }

    private static String deviation(Quantity stated, Quantity computed) {
        if (!stated.isPoint() || !computed.isPoint() || computed.value().signum() == 0) {
            return "";
        }
        BigDecimal d = stated.value().subtract(computed.value()).divide(computed.value().abs(), MC).multiply(HUNDRED);
        return " (" + (d.signum() >= 0 ? "+" : "") + d.setScale(1, RoundingMode.HALF_UP).toPlainString() + "% from the computed value)";
    }

    private static Optional<String> missing(Dataset data, Claim.Ref... refs) {
        List<String> out = new ArrayList<>();
        for (Claim.Ref r : refs) {
            Series s = data.series(r.series());
            Optional<Observation> o = s.at(r.period());
            if (!o.isPresent() || !o.get().value().isPresent()) {
                out.add("no figure for " + r.series() + " at " + r.period());
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", out));
    }


    @Override
    public String toString() {
        return "ClaimChecker(approximate tolerance " + approximateTolerancePercent.stripTrailingZeros().toPlainString() + "%)";
    }
}
