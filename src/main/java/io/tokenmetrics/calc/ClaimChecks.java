package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The claim checks that walk periods backwards: streaks and "first time ahead". */
final class ClaimChecks {
    private ClaimChecks() {
    }

    /**
     * The direction of the change into {@code p}: from observed values at {@code p} and the period
     * before, or else from the sign of the change the source states at {@code p}.
     */
    private static Optional<Direction> directionInto(Series s, TimePeriod p) {
        Optional<Observation> cur = s.at(p);
        if (!cur.isPresent() || !cur.get().value().isPresent()) {
            return Optional.empty();
        }
        Optional<Observation> prev = s.at(p.previous());
        if (prev.isPresent() && prev.get().value().isPresent()) {
            return Optional.of(Calculator.direction(prev.get().value().get(), cur.get().value().get()));
        }
        if (cur.get().statedChange().isPresent()) {
            Quantity c = cur.get().statedChange().get();
            Quantity zero = Quantity.of(0, Quantity.Unit.PERCENT);
            return Optional.of(Calculator.direction(zero, c));
        }
        return Optional.empty();
    }

    static ClaimCheck streak(Claim claim, Dataset data) {
        Series s = data.series(claim.series().get());
        TimePeriod at = claim.at().get();
        int needed = claim.rises() + claim.falls();
        if (at.isApproximate()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: " + at + " is an approximate point, not a run of periods");
        }
        TimePeriod p = at;
        int known = 0;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            Direction expected = i < claim.falls() ? Direction.FALL : Direction.RISE;
            Optional<Direction> d = directionInto(s, p);
            if (!d.isPresent()) {
                break;
            }
            if (d.get() != expected) {
                return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, "the change into " + p + " is a "
                        + d.get().name().toLowerCase(java.util.Locale.ROOT) + ", the claim needs a "
                        + expected.name().toLowerCase(java.util.Locale.ROOT) + (seen.isEmpty() ? "" : " (after " + String.join(", ", seen) + ")") + ".");
            }
            seen.add(p + " " + d.get().name().toLowerCase(java.util.Locale.ROOT));
            known++;
            p = p.previous();
        }
        TimePeriod first = at;
        for (int i = 0; i < needed; i++) {
            first = first.previous();
        }
        if (known < needed) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: the claim needs the direction of "
                    + needed + " successive changes (" + first + " to " + at + ", " + (needed + 1) + " values); the data gives "
                    + known + (seen.isEmpty() ? "" : " (" + String.join(", ", seen) + ")") + ", and has values at "
                    + periodsWithValues(s) + ".");
        }
        return new ClaimCheck(claim, Verdict.CONSISTENT, null, null, "the " + needed + " changes from " + first + " to " + at
                + " are " + claim.rises() + " rises then " + claim.falls() + " falls.");
    }

    private static String periodsWithValues(Series s) {
        List<String> out = new ArrayList<>();
        for (Observation o : Calculator.valued(s)) {
            out.add(o.period().toString());
        }
        return out.isEmpty() ? "no period" : String.join(", ", out);
    }

    /** The value of {@code s} at {@code p}: observed, or implied from the change stated at the next period. */
    private static Optional<Quantity> valueAt(Series s, TimePeriod p, List<String> notes) {
        Optional<Observation> o = s.at(p);
        if (o.isPresent() && o.get().value().isPresent()) {
            return o.get().value();
        }
        Optional<Observation> next = s.at(p.next());
        if (next.isPresent() && next.get().value().isPresent() && next.get().statedChange().isPresent()) {
            Quantity v = Calculator.create().impliedPrevious(next.get().value().get(), next.get().statedChange().get());
            notes.add(s.id() + " at " + p + " implied " + v.formatRounded(Language.EN, 2) + " (" + next.get().value().get().formatRounded(Language.EN, 2)
                    + " after " + next.get().statedChange().get().formatRounded(Language.EN, 2) + ")");
            return Optional.of(v);
        }
        return Optional.empty();
    }

    static ClaimCheck firstAhead(Claim claim, Dataset data) {
        Series leader = data.series(claim.series().get());
        Series other = data.series(claim.other().get());
        Calculator.requireSameMeasure(leader, other);
        TimePeriod at = claim.at().get();
        List<String> notes = new ArrayList<>();
        Optional<Quantity> l = valueAt(leader, at, notes);
        Optional<Quantity> o = valueAt(other, at, notes);
        if (!l.isPresent() || !o.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: no figures for both series at " + at + ".");
        }
        String now = at + ": " + leader.id() + " " + l.get().formatRounded(Language.EN, 2) + " vs " + other.id() + " "
                + o.get().formatRounded(Language.EN, 2);
        Side lead = Calculator.leader(l.get(), o.get());
        if (lead == Side.UNKNOWN) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: " + now + " overlap.");
        }
        if (lead != Side.FIRST) {
            return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, now + ": " + leader.id() + " is not ahead.");
        }
        if (at.isApproximate()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, now + "; earlier periods of an approximate point are not defined.");
        }
        List<String> behind = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        TimePeriod p = at;
        for (int i = 0; i < claim.periods(); i++) {
            p = p.previous();
            Optional<Quantity> lp = valueAt(leader, p, notes);
            Optional<Quantity> op = valueAt(other, p, notes);
            if (!lp.isPresent() || !op.isPresent()) {
                missing.add(p.toString());
                continue;
            }
            Side before = Calculator.leader(lp.get(), op.get());
            String line = p + ": " + lp.get().formatRounded(Language.EN, 2) + " vs " + op.get().formatRounded(Language.EN, 2);
            if (before == Side.FIRST) {
                return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, now + "; but " + leader.id() + " was already ahead at " + line
                        + (notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]") + ".");
            }
            if (before == Side.UNKNOWN) {
                missing.add(p + " (ranges overlap)");
                continue;
            }
            behind.add(line);
        }
        String detail = now + (behind.isEmpty() ? "" : "; behind or level at " + String.join(", ", behind))
                + (notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]");
        if (!missing.isEmpty()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, "cannot be decided: " + detail + "; no figures for "
                    + missing.size() + " of the " + claim.periods() + " earlier periods ("
                    + (missing.size() > 1 ? missing.get(missing.size() - 1) + " to " : "") + missing.get(0) + ").");
        }
        return new ClaimCheck(claim, Verdict.CONSISTENT, null, null, detail + ".");
    }
}
